// Entities that a document merged into another stored entity. A merge moves
// nothing: the merged entity's mentions, edges and evidence stay under its
// id, and the `merged` column family records the entity it now belongs to.
// Moving them instead would put all of the merged entity's evidence into the
// merging document's batch, which grows with the entity's popularity.
//
// An entity and the ids merged into it are one entity to every reader.
// Merged ids are only ever one step from a stored entity: a merge of an
// entity that had absorbed others re-points those too. A rebuild of the
// entity (derived_state.h) deletes its merged ids along with everything else.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "database.h"
#include "derived_writes.h"
#include "keys.h"

namespace kgraph::graph {

// The ids merged into `id`.
Result<std::vector<std::string>> MergedInto(const Reader& reader, const std::string& id);

// Records that `merged`, and every id merged into it, now belong to `kept`.
// `merged` itself is recorded only if something is stored under it (see
// HoldsKeys): removals may have emptied it. `reader` must read through
// `batch`.
Status RecordMerge(const Reader& reader, BatchSink& batch, const std::string& merged, const std::string& kept);

// Whether a mention or an edge is stored under `id`. A merged id that holds
// nothing is of no use to readers, and is dropped from `merged`.
Result<bool> HoldsKeys(const Reader& reader, const std::string& id);

// Every merged id, with the stored entity it belongs to. One scan of the
// `merged` keys: its cost follows the number of merges, not the graph.
Result<std::map<std::string, std::string>> LoadMergedOwners(const Reader& reader);

// The entity every merged id belongs to, and the relations merges joined,
// for readers of the whole graph.
class MergedIds {
public:
    static Result<MergedIds> Load(const Reader& reader);

    // The stored entity `id` is part of (itself unless merged).
    const std::string& EntityOf(const std::string& id) const;
    // The edge between the stored entities, oriented as stored edges are.
    EdgeIds EdgeOf(const EdgeIds& edge) const;
    // The edges a merged id's edges belong to: each is one relation made of
    // several stored edges, or of one stored under a merged id.
    const std::set<EdgeIds>& joined_edges() const { return joined_edges_; }
    // The stored edges with a merged id at an end, each part of a joined edge.
    const std::set<EdgeIds>& edges_of_merged_ids() const { return edges_of_merged_ids_; }

private:
    Status JoinEdges(const Reader& reader);

    std::map<std::string, std::string> entity_of_;  // merged id -> stored entity
    std::set<EdgeIds> joined_edges_;
    std::set<EdgeIds> edges_of_merged_ids_;
};

}  // namespace kgraph::graph
