#include "kgraph/ranking.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

#include "kgraph/local_queries.h"

namespace kgraph {
namespace {

// page_rank reads in-edges: a bidirectional graph. Every relation is an
// edge each way, so no entity with relations leaks rank (Boost's page_rank
// does not hand on the rank of a vertex without out-edges).
using FlowGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using LinkGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// PageRank converges to well under a thousandth in a few dozen iterations on
// graphs of this shape; a fixed count keeps the result deterministic.
constexpr std::size_t kPageRankIterations = 100;

std::vector<double> PageRanks(const GraphOutline& outline) {
    FlowGraph graph(outline.entities.size());
    for (const OutlineRelation& relation : outline.relations) {
        boost::add_edge(relation.subject, relation.object, graph);
        boost::add_edge(relation.object, relation.subject, graph);
    }
    std::vector<double> ranks(outline.entities.size());
    boost::graph::page_rank(graph, boost::make_iterator_property_map(ranks.begin(), boost::get(boost::vertex_index, graph)),
                            boost::graph::n_iterations(kPageRankIterations));
    return ranks;
}

// Each entity's component, numbered as EntityRank::component says.
std::vector<std::size_t> Components(const GraphOutline& outline) {
    LinkGraph graph(outline.entities.size());
    for (const OutlineRelation& relation : outline.relations) boost::add_edge(relation.subject, relation.object, graph);
    std::vector<std::size_t> found(outline.entities.size());
    const std::size_t count = boost::connected_components(graph, found.data());
    // Entities are in name order, so a component's first member is its
    // smallest name.
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> order;  // (-size, first member, found id)
    std::vector<std::size_t> size(count), first(count, outline.entities.size());
    for (std::size_t e = 0; e < found.size(); ++e) {
        ++size[found[e]];
        first[found[e]] = std::min(first[found[e]], e);
    }
    for (std::size_t c = 0; c < count; ++c) order.emplace_back(outline.entities.size() - size[c], first[c], c);
    std::sort(order.begin(), order.end());
    std::vector<std::size_t> number(count);
    for (std::size_t n = 0; n < order.size(); ++n) number[std::get<2>(order[n])] = n + 1;
    for (std::size_t& component : found) component = number[component];
    return found;
}

}  // namespace

GraphOutline OutlineOf(const GraphModel& graph) {
    GraphOutline outline;
    outline.entities = graph.entities;
    for (const Relation& relation : graph.relations) {
        const Entity* subject = graph.FindEntity(relation.subject);
        const Entity* object = graph.FindEntity(relation.object);
        if (!subject || !object) continue;
        outline.relations.push_back(OutlineRelation{static_cast<std::size_t>(subject - graph.entities.data()),
                                                    static_cast<std::size_t>(object - graph.entities.data())});
    }
    return outline;
}

Result<GraphOutline> ReadOutline(const GraphSnapshot& snapshot) {
    GraphOutline outline;
    Status read = snapshot.ForEachEntity([&](const EntityKey&, const Entity& entity) {
        outline.entities.push_back(entity);
        return Status::Ok();
    });
    if (!read.ok()) return read;
    std::sort(outline.entities.begin(), outline.entities.end(),
              [](const Entity& a, const Entity& b) { return a.name < b.name; });
    std::map<std::string_view, std::size_t> index;
    for (std::size_t e = 0; e < outline.entities.size(); ++e) index.emplace(outline.entities[e].name, e);
    // Each relation once: at its subject, where the model lists it.
    read = ForEachEntityWithRelations(snapshot, {}, [&](const Entity& entity, const std::vector<Relation>& relations) {
        for (const Relation& relation : relations) {
            if (relation.subject != entity.name) continue;
            auto subject = index.find(relation.subject), object = index.find(relation.object);
            if (subject == index.end() || object == index.end()) {
                return Status::Corruption("a relation of '" + entity.name + "' names an entity the store does not list");
            }
            outline.relations.push_back(OutlineRelation{subject->second, object->second});
        }
        return Status::Ok();
    });
    if (!read.ok()) return read;
    return outline;
}

std::vector<EntityRank> RankEntities(const GraphOutline& outline, RankBy by) {
    std::vector<EntityRank> ranks(outline.entities.size());
    for (std::size_t e = 0; e < ranks.size(); ++e) ranks[e].entity = e;
    for (const OutlineRelation& relation : outline.relations) {
        ++ranks[relation.subject].degree;
        ++ranks[relation.object].degree;
    }
    const std::vector<std::size_t> components = Components(outline);
    const std::vector<double> page_ranks = by == RankBy::kPageRank ? PageRanks(outline) : std::vector<double>();
    for (EntityRank& rank : ranks) {
        rank.component = components[rank.entity];
        rank.score = by == RankBy::kPageRank ? page_ranks[rank.entity] : static_cast<double>(rank.degree);
    }
    // Entities are in name order: a stable sort keeps ties by name.
    std::stable_sort(ranks.begin(), ranks.end(), [](const EntityRank& a, const EntityRank& b) { return a.score > b.score; });
    return ranks;
}

}  // namespace kgraph
