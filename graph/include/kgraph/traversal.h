// Traversal over a GraphModel with Boost.Graph: k-hop neighbourhoods and
// shortest paths, filtered by relation type and direction.
//
// Works on the in-memory model returned by Store::ReadGraph(), so it needs no
// database. Results are deterministic: ties are broken by entity name.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

enum class Direction { kOut, kIn, kBoth };

struct TraversalFilter {
    std::set<std::string> predicates;  // empty: every predicate
    // kOut follows relations from subject to object, kIn from object to
    // subject; a symmetric relation (competes-with) is followed both ways.
    Direction direction = Direction::kBoth;
};

struct Neighbor {
    std::string entity;  // Entity::name
    int depth = 0;       // hops from the start
    // The relations crossed to reach it at that depth (pointing into the
    // GraphModel the function was given).
    std::vector<const Relation*> via;
};

// Entities within `depth` hops of `start` (start excluded), by depth then name.
// NotFound when `start` is not an entity of the graph.
Result<std::vector<Neighbor>> Neighbors(const GraphModel& graph, const std::string& start, int depth,
                                        const TraversalFilter& filter = {});

struct PathHop {
    const Relation* relation = nullptr;
    bool forward = true;  // false: the relation was crossed from object to subject
};

// A shortest path from `from` to `to` (fewest hops). NotFound when either
// entity is unknown or no path exists.
Result<std::vector<PathHop>> ShortestPath(const GraphModel& graph, const std::string& from,
                                          const std::string& to, const TraversalFilter& filter = {});

}  // namespace kgraph
