#include "kgraph/traversal.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

#include <algorithm>
#include <tuple>

namespace kgraph {
namespace {

// An arc the traversal may cross: a relation, in the direction the filter
// allows (object to subject when `forward` is false).
struct Arc {
    const Relation* relation = nullptr;
    bool forward = true;
};

using TraversalGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, Arc>;
using Vertex = TraversalGraph::vertex_descriptor;
using ArcDescriptor = TraversalGraph::edge_descriptor;

// Vertices are the model's entities in their (name) order, and each vertex's
// arcs are added by target name, so BFS meets ties in name order.
TraversalGraph BuildGraph(const GraphModel& model, const TraversalFilter& filter) {
    struct Candidate {
        std::size_t from, to, relation;
        bool forward;
    };
    auto index_of = [&](const std::string& name) -> std::optional<std::size_t> {
        const Entity* entity = model.FindEntity(name);
        if (!entity) return std::nullopt;
        return static_cast<std::size_t>(entity - model.entities.data());
    };
    std::vector<Candidate> candidates;
    for (std::size_t r = 0; r < model.relations.size(); ++r) {
        const Relation& relation = model.relations[r];
        if (!filter.predicates.empty() && !filter.predicates.count(relation.predicate)) continue;
        const std::optional<std::size_t> subject = index_of(relation.subject), object = index_of(relation.object);
        if (!subject || !object) continue;
        // A symmetric relation goes both ways, whatever direction is asked for.
        const bool symmetric = IsSymmetricPredicate(relation.predicate);
        if (filter.direction != Direction::kIn || symmetric) candidates.push_back({*subject, *object, r, true});
        if (filter.direction != Direction::kOut || symmetric) candidates.push_back({*object, *subject, r, false});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.from, a.to, a.relation, a.forward) < std::tie(b.from, b.to, b.relation, b.forward);
    });
    TraversalGraph graph(model.entities.size());
    for (const Candidate& c : candidates) boost::add_edge(c.from, c.to, Arc{&model.relations[c.relation], c.forward}, graph);
    return graph;
}

Result<Vertex> VertexNamed(const GraphModel& model, const std::string& name) {
    const Entity* entity = model.FindEntity(name);
    if (!entity) return Status::NotFound("no entity named '" + name + "' in the graph");
    return static_cast<Vertex>(entity - model.entities.data());
}

// Records each vertex's BFS depth and every relation that reaches it from the
// layer before.
class LayerRecorder : public boost::default_bfs_visitor {
public:
    LayerRecorder(std::vector<int>& depth, std::vector<std::vector<const Relation*>>& via) : depth_(depth), via_(via) {}

    void tree_edge(ArcDescriptor arc, const TraversalGraph& graph) const {
        const Vertex from = boost::source(arc, graph), to = boost::target(arc, graph);
        depth_[to] = depth_[from] + 1;
        via_[to].push_back(graph[arc].relation);
    }
    void non_tree_edge(ArcDescriptor arc, const TraversalGraph& graph) const {
        const Vertex from = boost::source(arc, graph), to = boost::target(arc, graph);
        if (depth_[to] == depth_[from] + 1) via_[to].push_back(graph[arc].relation);
    }

private:
    std::vector<int>& depth_;
    std::vector<std::vector<const Relation*>>& via_;
};

// Records the arc by which BFS first reached each vertex.
class PredecessorRecorder : public boost::default_bfs_visitor {
public:
    explicit PredecessorRecorder(std::vector<std::optional<ArcDescriptor>>& reached_by) : reached_by_(reached_by) {}
    void tree_edge(ArcDescriptor arc, const TraversalGraph& graph) const { reached_by_[boost::target(arc, graph)] = arc; }

private:
    std::vector<std::optional<ArcDescriptor>>& reached_by_;
};

constexpr int kUnreached = -1;

}  // namespace

Result<std::vector<Neighbor>> Neighbors(const GraphModel& graph, const std::string& start, int depth,
                                        const TraversalFilter& filter) {
    if (depth < 0) return Status::InvalidArgument("depth must be 0 or more, not " + std::to_string(depth));
    Result<Vertex> origin = VertexNamed(graph, start);
    if (!origin.ok()) return origin.status();
    const TraversalGraph traversal = BuildGraph(graph, filter);

    std::vector<int> depths(graph.entities.size(), kUnreached);
    std::vector<std::vector<const Relation*>> via(graph.entities.size());
    depths[*origin] = 0;
    boost::breadth_first_search(traversal, *origin, boost::visitor(LayerRecorder(depths, via)));

    std::vector<Neighbor> neighbors;
    for (std::size_t v = 0; v < graph.entities.size(); ++v) {
        if (v == *origin || depths[v] == kUnreached || depths[v] > depth) continue;
        // Relations are stored in model order, so pointer order is that order.
        std::sort(via[v].begin(), via[v].end());
        via[v].erase(std::unique(via[v].begin(), via[v].end()), via[v].end());
        neighbors.push_back(Neighbor{graph.entities[v].name, depths[v], std::move(via[v])});
    }
    std::stable_sort(neighbors.begin(), neighbors.end(),
                     [](const Neighbor& a, const Neighbor& b) { return a.depth < b.depth; });
    return neighbors;
}

Result<std::vector<PathHop>> ShortestPath(const GraphModel& graph, const std::string& from, const std::string& to,
                                          const TraversalFilter& filter) {
    Result<Vertex> source = VertexNamed(graph, from);
    if (!source.ok()) return source.status();
    Result<Vertex> target = VertexNamed(graph, to);
    if (!target.ok()) return target.status();
    const TraversalGraph traversal = BuildGraph(graph, filter);

    std::vector<std::optional<ArcDescriptor>> reached_by(graph.entities.size());
    boost::breadth_first_search(traversal, *source, boost::visitor(PredecessorRecorder(reached_by)));
    if (*target != *source && !reached_by[*target]) {
        const bool filtered = !filter.predicates.empty() || filter.direction != Direction::kBoth;
        return Status::NotFound("no path from '" + from + "' to '" + to + "'" +
                                (filtered ? " with the given relation types and direction" : ""));
    }
    std::vector<PathHop> path;
    for (Vertex v = *target; v != *source;) {
        const ArcDescriptor arc = *reached_by[v];
        path.push_back(PathHop{traversal[arc].relation, traversal[arc].forward});
        v = boost::source(arc, traversal);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

}  // namespace kgraph
