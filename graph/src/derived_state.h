// Keeps the derived column families (entities, aliases, mentions, edges,
// evidence) equal to what the stored documents imply. The documents column
// family itself is the caller's business. Both functions write into `batch`
// and read through it.
//
// The graph the derived state holds (entities with their names, types and
// aliases, relations with their evidence) is a function of the set of stored
// documents (see entity_resolution.h), never of their order: the two
// functions below compute the same graph, one incrementally, the other from
// the documents. Only the entity ids, which no reader sees, depend on the
// order.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include "database.h"
#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph::graph {

// Adds one new document. Its entities join the stored entities they share a
// match key with. Merging those records the merged ids (merged_entities.h)
// and moves nothing; the votes may elect another name, which changes the
// entity's record only. Costs what the document holds, plus the ids that
// were merged into a merged entity, not what the stored documents hold.
Status AddToDerivedState(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts& added);

// Adds `added` and removes `removed` (either may be null). Every entity that
// shares a match key with their entities is deleted, with the ids merged
// into it, and resolved again from
// all the documents that mention it, so that removing a document undoes the
// merges it caused. Costs what those documents hold.
Status RebuildDerivedState(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts* added,
                           const DocumentFacts* removed);

// Removes `removed` and adds `added` (may be null). When the names of each
// of `removed`'s entities stay joined without it (EntityVotes::
// KeysConnected), no entity splits, and the removal is incremental: its
// votes are subtracted, its mentions and evidence deleted, and so is what
// nothing else supports. It then costs what the document holds. Otherwise
// it is RebuildDerivedState.
Status ReplaceInDerivedState(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts* added,
                             const DocumentFacts& removed);

}  // namespace kgraph::graph
