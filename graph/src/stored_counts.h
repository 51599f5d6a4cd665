// kgraph's own counts of what it stores, kept in `meta` and updated in the
// batch of every write, for two readers:
// - Opening. RocksDB opens a database whose MANIFEST lost its last records
//   without complaint, at an older state of some column families (documents
//   of today, entities of yesterday), and the next writer would delete the
//   table files that state does not list. A writer's open and `kgraph check`
//   compare the counts with the keys they find, and refuse such a database.
// - `kgraph stats`, which reads them (a few point reads and two short scans
//   of `meta`) instead of counting every key of the graph.
// Internal to graph/.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "database.h"
#include "derived_writes.h"

namespace kgraph::graph {

struct StoredCounts {
    std::uint64_t documents = 0;
    std::uint64_t entities = 0;
    std::uint64_t evidence = 0;
    std::map<std::string, std::uint64_t> entities_by_type;  // EntityTypeName -> entities; no zeros
    // Stored out-edge keys, not relations: edges that merges joined into one
    // relation (merged_entities.h) are counted apart.
    std::map<std::string, std::uint64_t> edges_by_predicate;  // no zeros
    friend bool operator==(const StoredCounts&, const StoredCounts&) = default;
};

// What the counts cover when they are compared with the keys found: the
// documents and entities (a scan of those two families, for a writer's open),
// or everything (`kgraph check`).
enum class CountScope { kDocumentsAndEntities, kEverything };

// Puts the counts as they will be once `batch` is applied: what is stored,
// plus the keys the batch creates, minus those it deletes, in the families
// counted. One point read per such key, and a decoding of each entity record
// the batch writes or deletes (its type may change).
Status UpdateStoredCounts(const Database& db, rocksdb::WriteBatchWithIndex& batch);

// Puts `counts` (a creation, a bulk load).
void PutStoredCounts(KeyValueSink& sink, const StoredCounts& counts);

// Adds a stored key to `counts` (the sum of Count over a database's keys is
// its counts). Corruption when an entity record or edge key is unreadable.
Status Count(StoredCounts& counts, Cf cf, std::string_view key, std::string_view value);

// The counts the database recorded: a few point reads and two short scans.
// A database that recorded only those of documents and entities (written
// before kgraph kept the others, and not opened by a writer since) is
// counted instead, a scan of every key counted.
Result<StoredCounts> ReadStoredCounts(const Reader& reader);

// Puts the counts of what the database holds (after a repair).
Status WriteStoredCounts(const Database& db);

// Corruption naming the figures that differ when the database holds other
// numbers than it recorded; Ok when it recorded none. Costs a scan of the
// families in `scope`.
Status VerifyStoredCounts(const Database& db, CountScope scope);

// Stores the counts of what the database holds when it recorded none, or
// not all of them.
Status RecordCountsIfMissing(const Database& db);

}  // namespace kgraph::graph
