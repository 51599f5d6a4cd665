// Subgraph selection: each option narrows a set of entity names and the
// relations between them, one step after the other.
#include "kgraph/subgraph.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

namespace kgraph {
namespace {

using Names = std::set<std::string_view>;

struct Selection {
    Names entities;
    std::vector<const Relation*> relations;

    // Drops the relations that lost an end.
    void KeepRelationsWithinEntities() {
        std::erase_if(relations, [this](const Relation* r) {
            return !entities.contains(r->subject) || !entities.contains(r->object);
        });
    }

    std::map<std::string_view, std::size_t> Degrees() const {
        std::map<std::string_view, std::size_t> degree;
        for (const Relation* r : relations) {
            ++degree[r->subject];
            ++degree[r->object];
        }
        return degree;
    }
};

// Every entity, listed or only named by a relation, and the relations of the
// chosen types.
Selection Everything(const GraphModel& graph, const std::set<std::string>& predicates) {
    Selection selection;
    for (const Entity& entity : graph.entities) selection.entities.insert(entity.name);
    for (const Relation& relation : graph.relations) {
        selection.entities.insert(relation.subject);
        selection.entities.insert(relation.object);
        if (predicates.empty() || predicates.contains(relation.predicate)) selection.relations.push_back(&relation);
    }
    return selection;
}

// Breadth-first, relations followed both ways.
Names WithinHops(const Selection& selection, std::string_view center, int depth) {
    std::multimap<std::string_view, std::string_view> adjacent;
    for (const Relation* r : selection.relations) {
        adjacent.emplace(r->subject, r->object);
        adjacent.emplace(r->object, r->subject);
    }
    Names reached = {center};
    std::vector<std::string_view> frontier = {center};
    for (int hop = 0; hop < depth && !frontier.empty(); ++hop) {
        std::vector<std::string_view> next;
        for (std::string_view name : frontier) {
            auto [begin, end] = adjacent.equal_range(name);
            for (auto it = begin; it != end; ++it) {
                if (reached.insert(it->second).second) next.push_back(it->second);
            }
        }
        frontier = std::move(next);
    }
    return reached;
}

Names WithDegreeAtLeast(const Selection& selection, std::size_t min_degree) {
    const std::map<std::string_view, std::size_t> degree = selection.Degrees();
    Names kept;
    for (std::string_view name : selection.entities) {
        auto it = degree.find(name);
        if ((it == degree.end() ? 0 : it->second) >= min_degree) kept.insert(name);
    }
    return kept;
}

Names BestConnected(const Selection& selection, std::size_t top) {
    const std::map<std::string_view, std::size_t> degree = selection.Degrees();
    std::vector<std::pair<std::size_t, std::string_view>> ranked;
    for (std::string_view name : selection.entities) {
        auto it = degree.find(name);
        ranked.emplace_back(it == degree.end() ? 0 : it->second, name);
    }
    // Most relations first, then by name.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    Names kept;
    for (std::size_t i = 0; i < std::min(top, ranked.size()); ++i) kept.insert(ranked[i].second);
    return kept;
}

Names WithRelations(const Selection& selection) {
    Names connected;
    for (const Relation* r : selection.relations) {
        connected.insert(r->subject);
        connected.insert(r->object);
    }
    return connected;
}

GraphModel Materialize(const GraphModel& graph, const Selection& selection) {
    GraphModel part;
    for (const Entity& entity : graph.entities) {
        if (selection.entities.contains(entity.name)) part.entities.push_back(entity);
    }
    for (const Relation* relation : selection.relations) part.relations.push_back(*relation);
    return part;
}

}  // namespace

Result<GraphModel> SelectSubgraph(const GraphModel& graph, const SubgraphOptions& options) {
    if (options.depth < 0) return Status::InvalidArgument("the depth must not be negative");
    Selection selection = Everything(graph, options.predicates);
    if (options.center) {
        if (!graph.FindEntity(*options.center)) return Status::NotFound("no entity named " + *options.center);
        selection.entities = WithinHops(selection, *options.center, options.depth);
        selection.KeepRelationsWithinEntities();
    }
    if (options.min_degree > 0) {
        selection.entities = WithDegreeAtLeast(selection, options.min_degree);
        selection.KeepRelationsWithinEntities();
    }
    if (options.top > 0) {
        selection.entities = BestConnected(selection, options.top);
        selection.KeepRelationsWithinEntities();
    }
    if (!options.isolated) selection.entities = WithRelations(selection);
    return Materialize(graph, selection);
}

}  // namespace kgraph
