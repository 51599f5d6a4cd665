// Questions about a few entities, answered from a GraphSnapshot (store.h) by
// point look-ups and prefix scans: each reads the entities and relations it
// returns and those it crosses on the way, not the graph, so it costs the
// same in a database of a thousand articles as in one of a million.
//
// Each gives the answer its counterpart over ReadGraph() gives (traversal.h),
// up to the limits stated below.
//
// Thread-safety: as the snapshot's (one thread at a time).
#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"
#include "kgraph/store.h"
#include "kgraph/traversal.h"

namespace kgraph {

// What ReadGraph() holds about one entity: the entity, every relation it
// takes part in (with evidence, `ended` set) and the entities at their other
// ends, sorted as ReadGraph() sorts them.
Result<GraphModel> ReadEntityNeighborhood(const GraphSnapshot& snapshot, const EntityKey& entity);

// Neighbors(): the entities within `depth` hops of `start`, by depth then
// name, with the relations that reach each from the layer before. Move-only,
// because `neighbors` points into `graph`.
struct NeighborhoodAnswer {
    GraphModel graph;  // the start, its neighbours, the relations of `via` (without evidence)
    std::vector<Neighbor> neighbors;
    // More than `limit` entities are within reach: the search stopped after
    // the layer that reached the limit and kept the first `limit` entities it
    // found (in the store's order, not by name), so that a hub cannot make
    // the answer as large as the graph.
    bool cut = false;

    NeighborhoodAnswer() = default;
    NeighborhoodAnswer(NeighborhoodAnswer&&) = default;
    NeighborhoodAnswer& operator=(NeighborhoodAnswer&&) = default;
};
// InvalidArgument when depth < 0.
Result<NeighborhoodAnswer> FindNeighbors(const GraphSnapshot& snapshot, const EntityKey& start, int depth,
                                         const TraversalFilter& filter, std::size_t limit);

// ShortestPath(): of the shortest paths, the one whose entity names compare
// smallest read from `from`, and between two entities the relation that
// sorts first. Move-only, because `hops` points into `graph`.
struct PathAnswer {
    GraphModel graph;  // the entities on the path and its relations (without evidence)
    std::vector<PathHop> hops;

    PathAnswer() = default;
    PathAnswer(PathAnswer&&) = default;
    PathAnswer& operator=(PathAnswer&&) = default;
};
// Breadth-first from both ends, a layer at a time, widening the side whose
// layer has fewer stored edges (GraphSnapshot::EdgeCount, counted no further
// than twice the cheaper side's), so that a hub is read only when the other
// side costs more; an entity where the searches meet is not read at all, the
// path is traced back along the steps the searches took. NotFound, with ShortestPath()'s message, when there is no path;
// NotFound saying so when none was found before the two searches had
// reached `max_visited` entities.
Result<PathAnswer> FindPath(const GraphSnapshot& snapshot, const EntityKey& from, const EntityKey& to,
                            const TraversalFilter& filter, std::size_t max_visited);

// --- The whole graph, a piece at a time ---
// For listings of everything that must not need the graph in memory: they
// hold the entities (names, types, aliases) and the relations of one entity
// at a time, never all relations or evidence.

// Every entity in name order, with its degree as ReadGraph() would give it:
// the relations it is an end of (a relation with itself counts twice).
using EntityListVisitor = std::function<Status(const Entity& entity, std::size_t degree)>;
Status ForEachEntityByName(const GraphSnapshot& snapshot, const EntityListVisitor& visit);

// Every relation with one of `predicates` (all when empty), in ReadGraph()'s
// order, with its evidence and `ended` set, and the entities at its ends.
using RelationListVisitor = std::function<Status(const Relation& relation, const Entity& subject, const Entity& object)>;
Status ForEachRelation(const GraphSnapshot& snapshot, const std::set<std::string>& predicates,
                       const RelationListVisitor& visit);

// Every entity in name order with every relation it is an end of, in
// ReadGraph()'s order, `ended` set; a relation carries its evidence only when
// its predicate is one of `with_evidence` (evidence is most of what a
// relation weighs, and a hub is an end of thousands).
using EntityRelationsVisitor = std::function<Status(const Entity& entity, const std::vector<Relation>& relations)>;
Status ForEachEntityWithRelations(const GraphSnapshot& snapshot, const std::set<std::string>& with_evidence,
                                  const EntityRelationsVisitor& visit);

}  // namespace kgraph
