// Keeps the derived column families (entities, aliases, mentions, edges,
// evidence) equal to what the stored documents imply, when one document is
// added, removed, or replaced by another.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include "database.h"
#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph::graph {

// Writes into `batch` the changes to the derived state that adding `added`
// and removing `removed` (either may be null) imply. The documents column
// family itself is the caller's business. Reads go through `batch`.
//
// How: every entity that shares a match key with the added or removed
// document's entities is "affected". Their derived state is deleted and
// recomputed from all documents that mention them (after the change), so the
// result depends only on the set of stored documents, never on their order,
// and a forgotten document undoes merges it caused.
Status UpdateDerivedState(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts* added,
                          const DocumentFacts* removed);

}  // namespace kgraph::graph
