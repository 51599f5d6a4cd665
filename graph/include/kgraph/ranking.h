// Whole-graph measures of importance, with Boost.Graph: PageRank, degree
// centrality and connected components, to pick what is worth drawing or
// reading first.
//
// They work on a graph's outline (its entities and which relation joins
// which, without evidence), which is small enough to hold for any database
// this store serves: a few dozen bytes per entity and per relation.
//
// Thread-safety: pure functions of their arguments (ReadOutline reads its
// snapshot, one thread at a time).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"
#include "kgraph/store.h"

namespace kgraph {

// A relation of an outline: indexes in GraphOutline::entities.
struct OutlineRelation {
    std::size_t subject = 0;
    std::size_t object = 0;
};

// Entities sorted by name, and every relation between them, in the model's
// order.
struct GraphOutline {
    std::vector<Entity> entities;
    std::vector<OutlineRelation> relations;
};

// The outline of a model whose entities are sorted by name (ReadGraph()'s);
// relations naming an entity the model does not list are left out.
GraphOutline OutlineOf(const GraphModel& graph);
// The outline of everything `snapshot` holds, read an entity at a time:
// the same as OutlineOf(ReadGraph()).
Result<GraphOutline> ReadOutline(const GraphSnapshot& snapshot);

enum class RankBy {
    // PageRank (Boost.Graph's, damping 0.85) with every relation taken both
    // ways: a relation ties its two ends whatever its direction (the investor
    // is as much a part of the story as what it invests in), and importance
    // comes from being tied to important entities, not only to many.
    kPageRank,
    // The number of relations an entity is an end of, as `entities` counts
    // it (a relation with itself counts twice).
    kDegree,
};

struct EntityRank {
    std::size_t entity = 0;  // index in GraphOutline::entities
    double score = 0;        // PageRank, or the degree
    std::size_t degree = 0;
    // Connected components (relations taken both ways) numbered from 1 by
    // size, largest first; ties by their smallest name.
    std::size_t component = 0;
};

// Every entity, best score first, ties by name.
std::vector<EntityRank> RankEntities(const GraphOutline& outline, RankBy by);

}  // namespace kgraph
