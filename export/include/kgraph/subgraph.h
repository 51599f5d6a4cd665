// The part of a graph worth drawing: a selection over the in-memory model, so
// that a picture of a large database stays small enough to lay out and read.
//
// Thread-safety: a pure function of its arguments.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

struct SubgraphOptions {
    // Only the entities within `depth` hops of this one (Entity::name), the
    // relations followed both ways.
    std::optional<std::string> center;
    int depth = 1;
    std::set<std::string> predicates;  // only these relation types; empty: all
    std::size_t min_degree = 0;        // only entities with this many relations
    std::size_t top = 0;               // only the `top` best-connected; 0: all
    // Keep entities left without any relation. Off by default: in news text
    // most of them are names of people quoted in passing, or words the name
    // finder took for names, and they crowd a picture.
    bool isolated = false;
};

// Applies the options in the order they are declared: the relation types,
// then the neighbourhood of `center` (over those types), then the degree
// floor, then the top N. Degrees count the relations still selected at that
// step; ties at the top N cut go to the smaller name. A relation is kept when
// both its ends are. The result keeps the model's order. NotFound when
// `center` is not an entity of the graph; InvalidArgument for a negative
// depth.
Result<GraphModel> SelectSubgraph(const GraphModel& graph, const SubgraphOptions& options);

}  // namespace kgraph
