// kgraph's own count of its documents and entities, kept in `meta` and
// updated in the batch of every write. RocksDB opens a database whose
// MANIFEST lost its last records without complaint, at an older state of
// some column families (documents of today, entities of yesterday), and the
// next writer would delete the table files that state does not list. A
// writer's open and `kgraph check` compare these counts with the keys they
// find, and refuse such a database.
// Internal to graph/.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include <cstdint>
#include <optional>

#include "database.h"
#include "derived_writes.h"

namespace kgraph::graph {

struct StoredCounts {
    std::uint64_t documents = 0;
    std::uint64_t entities = 0;
    friend bool operator==(const StoredCounts&, const StoredCounts&) = default;
};

// Puts the counts as they will be once `batch` is applied: what is stored,
// plus the document and entity keys the batch creates, minus those it
// deletes. One point read per such key, of a key the update read already.
Status UpdateStoredCounts(const Database& db, rocksdb::WriteBatchWithIndex& batch);

// Puts `counts` (a bulk load, which knows them).
void PutStoredCounts(KeyValueSink& sink, const StoredCounts& counts);

// Puts the counts of what the database holds (after a repair).
Status WriteStoredCounts(const Database& db);

// Corruption naming both figures when the database holds other numbers of
// documents or entities than it recorded; Ok when it recorded none (written
// before the counts were kept). Costs a scan of the document and entity keys.
Status VerifyStoredCounts(const Database& db);

// Stores the counts of what the database holds when it recorded none.
Status RecordCountsIfMissing(const Database& db);

}  // namespace kgraph::graph
