#include "kgraph/local_queries.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "graph_snapshot.h"

namespace kgraph {
namespace {

// A step a traversal may take along `relation`, to the entity `to`.
struct Arc {
    EntityKey to;
    RelationKey relation;
};

Direction Reversed(Direction direction) {
    if (direction == Direction::kOut) return Direction::kIn;
    if (direction == Direction::kIn) return Direction::kOut;
    return Direction::kBoth;
}

bool ModelOrder(const Relation& a, const Relation& b) {
    return std::tie(a.subject, a.predicate, a.object) < std::tie(b.subject, b.predicate, b.object);
}

using NamedRelations = std::vector<std::pair<Relation, RelationKey>>;

// Sorts `named` by ModelOrder, through their indices: a relation and its key
// are six strings, which sorting them directly moved about a dozen times
// each (`neighbors --depth 2` at 10k articles: 29.4 -> 28.1 M instructions
// this way). Each is then moved once, in place, with no sorted copy beside
// a hub's tens of thousands.
void SortInModelOrder(NamedRelations& named) {
    std::vector<std::size_t> order(named.size());
    for (std::size_t r = 0; r < order.size(); ++r) order[r] = r;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ModelOrder(named[a].first, named[b].first); });
    // Position p takes the relation at order[p]: follow each cycle once.
    std::vector<bool> placed(named.size(), false);
    for (std::size_t start = 0; start < named.size(); ++start) {
        if (placed[start]) continue;
        auto held = std::move(named[start]);
        std::size_t at = start;
        while (order[at] != start) {
            named[at] = std::move(named[order[at]]);
            placed[at] = true;
            at = order[at];
        }
        named[at] = std::move(held);
        placed[at] = true;
    }
}

// Reads what a traversal meets, each entity and each entity's relations
// once, and puts names on them as ReadGraph() does.
class Walk {
public:
    Walk(const GraphSnapshot& snapshot, const TraversalFilter& filter) : snapshot_(snapshot), filter_(filter) {}

    Result<const Entity*> EntityOf(const EntityKey& key) {
        auto known = entities_.find(key);
        if (known == entities_.end()) {
            Result<Entity> entity = snapshot_.Read(key);
            if (!entity.ok()) return entity.status();
            known = entities_.emplace(key, std::move(*entity)).first;
        }
        return &known->second;
    }

    Result<const std::vector<RelationKey>*> RelationsOf(const EntityKey& key) {
        auto known = relations_.find(key);
        if (known == relations_.end()) {
            Result<std::vector<RelationKey>> relations = snapshot_.Relations(key);
            if (!relations.ok()) return relations.status();
            known = relations_.emplace(key, std::move(*relations)).first;
        }
        return &known->second;
    }

    // The model's relation: named, a symmetric one with subject < object.
    Result<Relation> Named(const RelationKey& key) {
        Result<const Entity*> subject = EntityOf(key.subject);
        if (!subject.ok()) return subject.status();
        Result<const Entity*> object = EntityOf(key.object);
        if (!object.ok()) return object.status();
        Relation relation{(*subject)->name, key.predicate, (*object)->name, {}, false};
        if (IsSymmetricPredicate(relation.predicate) && relation.object < relation.subject) {
            std::swap(relation.subject, relation.object);
        }
        return relation;
    }

    // Whether `entity` is the relation's subject in the model. Only a
    // symmetric relation needs the names to tell.
    Result<bool> IsModelSubject(const RelationKey& relation, const EntityKey& entity) {
        if (!IsSymmetricPredicate(relation.predicate)) return relation.subject == entity;
        Result<Relation> named = Named(relation);
        if (!named.ok()) return named.status();
        Result<const Entity*> self = EntityOf(entity);
        if (!self.ok()) return self.status();
        return named->subject == (*self)->name;
    }

    // The steps out of `from` that the filter allows, or with `reverse` the
    // steps into it. A relation of an entity with itself leads nowhere new.
    Result<std::vector<Arc>> Arcs(const EntityKey& from, bool reverse) {
        Result<const std::vector<RelationKey>*> relations = RelationsOf(from);
        if (!relations.ok()) return relations.status();
        const Direction direction = reverse ? Reversed(filter_.direction) : filter_.direction;
        std::vector<Arc> arcs;
        for (const RelationKey& relation : **relations) {
            if (relation.subject == relation.object) continue;
            if (!filter_.predicates.empty() && !filter_.predicates.count(relation.predicate)) continue;
            // A symmetric relation goes both ways, whatever direction is asked for.
            if (direction != Direction::kBoth && !IsSymmetricPredicate(relation.predicate)) {
                Result<bool> subject = IsModelSubject(relation, from);
                if (!subject.ok()) return subject.status();
                if (*subject != (direction == Direction::kOut)) continue;
            }
            arcs.push_back(Arc{relation.subject == from ? relation.object : relation.subject, relation});
        }
        return arcs;
    }

    // A model of these entities and relations, sorted as ReadGraph() sorts
    // them; `placed` gets each relation's index in it.
    Result<GraphModel> Model(const std::set<EntityKey>& entities, const std::set<RelationKey>& relations,
                             std::map<RelationKey, std::size_t>& placed) {
        GraphModel graph;
        for (const EntityKey& key : entities) {
            Result<const Entity*> entity = EntityOf(key);
            if (!entity.ok()) return entity.status();
            graph.entities.push_back(**entity);
        }
        std::sort(graph.entities.begin(), graph.entities.end(),
                  [](const Entity& a, const Entity& b) { return a.name < b.name; });
        NamedRelations named;
        for (const RelationKey& key : relations) {
            Result<Relation> relation = Named(key);
            if (!relation.ok()) return relation.status();
            named.emplace_back(std::move(*relation), key);
        }
        SortInModelOrder(named);
        for (auto& [relation, key] : named) graph.relations.push_back(std::move(relation));
        for (std::size_t r = 0; r < named.size(); ++r) placed[named[r].second] = r;
        return graph;
    }

private:
    const GraphSnapshot& snapshot_;
    const TraversalFilter& filter_;
    std::map<EntityKey, Entity> entities_;
    std::map<EntityKey, std::vector<RelationKey>> relations_;
};

std::set<EntityKey> EndsOf(const std::set<RelationKey>& relations) {
    std::set<EntityKey> ends;
    for (const RelationKey& relation : relations) {
        ends.insert(relation.subject);
        ends.insert(relation.object);
    }
    return ends;
}

// One side of a bidirectional search: how far each entity it reached is
// from its end, the steps from the layer before that reached it (all of
// them: every shortest path runs along them, so the path is traced back
// without reading an entity's relations again), and the layer to widen next.
struct SearchSide {
    std::map<EntityKey, int> distance;
    std::map<EntityKey, std::vector<Arc>> reached_from;  // Arc::to is in the layer before
    std::vector<EntityKey> frontier;
    int radius = 0;
    bool reverse = false;  // follows relations backwards (the side of `to`)
};

// What widening a side reads: the stored edges of its frontier's entities,
// counted (keys only, nothing decoded) no further than needed to tell which
// side is cheaper.
class WideningCost {
public:
    explicit WideningCost(const GraphSnapshot& snapshot) : snapshot_(snapshot) {}

    // The side whose frontier has fewer edges; `forward` on a tie. Both are
    // counted up to a bound that doubles until one of them falls under it,
    // so a hub's edges are counted no further than twice the cheaper side's.
    Result<bool> ForwardIsCheaper(const SearchSide& forward, const SearchSide& backward) {
        for (std::size_t bound = 64;; bound *= 2) {
            Result<std::size_t> ahead = EdgesOf(forward.frontier, bound);
            if (!ahead.ok()) return ahead.status();
            Result<std::size_t> behind = EdgesOf(backward.frontier, bound);
            if (!behind.ok()) return behind.status();
            if (*ahead < bound || *behind < bound) return *ahead <= *behind;
        }
    }

private:
    struct Count {
        std::size_t edges = 0;
        bool exact = false;  // else a lower bound
    };

    // The frontier's edges, or `bound` when they are that many or more.
    Result<std::size_t> EdgesOf(const std::vector<EntityKey>& frontier, std::size_t bound) {
        std::size_t sum = 0;
        for (const EntityKey& entity : frontier) {
            Count& known = known_[entity];
            if (!known.exact && known.edges < bound - sum) {
                Result<std::size_t> counted = snapshot_.EdgeCount(entity, bound - sum);
                if (!counted.ok()) return counted.status();
                known = Count{*counted, *counted < bound - sum};
            }
            sum += known.edges;
            if (sum >= bound) return bound;
        }
        return sum;
    }

    const GraphSnapshot& snapshot_;
    std::map<EntityKey, Count> known_;
};

// Widens `side` by one layer, putting in `meeting` the entities it reaches
// that `other` has reached. False, with the layer unfinished, when no
// meeting was found before the two sides had reached `max_visited` entities.
Result<bool> Widen(Walk& walk, SearchSide& side, const SearchSide& other, std::size_t max_visited,
                   std::set<EntityKey>& meeting) {
    std::vector<EntityKey> next;
    ++side.radius;
    for (const EntityKey& entity : side.frontier) {
        Result<std::vector<Arc>> arcs = walk.Arcs(entity, side.reverse);
        if (!arcs.ok()) return arcs.status();
        for (Arc& arc : *arcs) {
            auto [reached, is_new] = side.distance.emplace(arc.to, side.radius);
            if (reached->second != side.radius) continue;
            if (is_new) next.push_back(arc.to);
            if (other.distance.count(arc.to)) meeting.insert(arc.to);
            side.reached_from[arc.to].push_back(Arc{entity, std::move(arc.relation)});
        }
        if (meeting.empty() && side.distance.size() + other.distance.size() > max_visited) return false;
    }
    side.frontier = std::move(next);
    return true;
}

// The steps from the layer before that reached `entity` on `side` (none
// for its end).
const std::vector<Arc>& ReachedFrom(const SearchSide& side, const EntityKey& entity) {
    static const std::vector<Arc> none;
    auto found = side.reached_from.find(entity);
    return found == side.reached_from.end() ? none : found->second;
}

// Every step of every shortest path, by the entity it leaves: back from the
// meeting entities to `from` along the steps that reached them on its side,
// and on to `to` along the other side's.
std::map<EntityKey, std::vector<Arc>> ShortestPathSteps(const SearchSide& forward, const SearchSide& backward,
                                                        const std::set<EntityKey>& meeting) {
    std::map<EntityKey, std::vector<Arc>> steps;
    std::set<EntityKey> layer = meeting;
    for (int at = forward.radius; at > 0; --at) {
        std::set<EntityKey> before;
        for (const EntityKey& entity : layer) {
            for (const Arc& arc : ReachedFrom(forward, entity)) {
                steps[arc.to].push_back(Arc{entity, arc.relation});
                before.insert(arc.to);
            }
        }
        layer = std::move(before);
    }
    layer = meeting;
    for (int at = backward.radius; at > 0; --at) {
        std::set<EntityKey> after;
        for (const EntityKey& entity : layer) {
            for (const Arc& arc : ReachedFrom(backward, entity)) {
                steps[entity].push_back(arc);
                after.insert(arc.to);
            }
        }
        layer = std::move(after);
    }
    return steps;
}

// Every entity's name and key, sorted by name.
Result<std::vector<std::pair<std::string, EntityKey>>> EntitiesByName(const GraphSnapshot& snapshot) {
    std::vector<std::pair<std::string, EntityKey>> names;
    Status scanned = snapshot.ForEachEntity([&](const EntityKey& key, const Entity& entity) {
        names.emplace_back(entity.name, key);
        return Status::Ok();
    });
    if (!scanned.ok()) return scanned;
    std::sort(names.begin(), names.end());
    return names;
}

std::string NoPathMessage(const std::string& from, const std::string& to, const TraversalFilter& filter) {
    const bool filtered = !filter.predicates.empty() || filter.direction != Direction::kBoth;
    return "no path from '" + from + "' to '" + to + "'" +
           (filtered ? " with the given relation types and direction" : "");
}

}  // namespace

Result<GraphModel> ReadEntityNeighborhood(const GraphSnapshot& snapshot, const EntityKey& entity) {
    const TraversalFilter everything;
    Walk walk(snapshot, everything);
    Result<const std::vector<RelationKey>*> keys = walk.RelationsOf(entity);
    if (!keys.ok()) return keys.status();
    const std::set<RelationKey> relations((*keys)->begin(), (*keys)->end());
    std::set<EntityKey> entities = EndsOf(relations);
    entities.insert(entity);
    std::map<RelationKey, std::size_t> placed;
    Result<GraphModel> graph = walk.Model(entities, relations, placed);
    if (!graph.ok()) return graph;
    for (const auto& [key, index] : placed) {
        Result<std::vector<Evidence>> evidence = snapshot.EvidenceOf(key);
        if (!evidence.ok()) return evidence.status();
        graph->relations[index].evidence = std::move(*evidence);
    }
    graph::MarkEndedRelations(graph->relations);
    return graph;
}

Result<NeighborhoodAnswer> FindNeighbors(const GraphSnapshot& snapshot, const EntityKey& start, int depth,
                                         const TraversalFilter& filter, std::size_t limit) {
    if (depth < 0) return Status::InvalidArgument("depth must be 0 or more, not " + std::to_string(depth));
    Walk walk(snapshot, filter);
    std::map<EntityKey, int> depth_of{{start, 0}};
    std::map<EntityKey, std::set<RelationKey>> via;
    NeighborhoodAnswer answer;
    std::vector<EntityKey> layer{start};
    for (int d = 1; d <= depth && !layer.empty() && !answer.cut; ++d) {
        std::vector<EntityKey> next;
        for (const EntityKey& from : layer) {
            Result<std::vector<Arc>> arcs = walk.Arcs(from, false);
            if (!arcs.ok()) return arcs.status();
            for (Arc& arc : *arcs) {
                auto known = depth_of.find(arc.to);
                if (known == depth_of.end()) {
                    if (via.size() == limit) {
                        answer.cut = true;
                        continue;
                    }
                    known = depth_of.emplace(arc.to, d).first;
                    next.push_back(arc.to);
                }
                // Every relation from the layer before, as Neighbors() lists them.
                if (known->second == d) via[arc.to].insert(std::move(arc.relation));
            }
        }
        layer = std::move(next);
    }

    std::set<RelationKey> crossed;
    std::set<EntityKey> entities{start};
    for (const auto& [entity, relations] : via) {
        entities.insert(entity);
        crossed.insert(relations.begin(), relations.end());
    }
    std::map<RelationKey, std::size_t> placed;
    Result<GraphModel> graph = walk.Model(entities, crossed, placed);
    if (!graph.ok()) return graph.status();
    answer.graph = std::move(*graph);
    for (const auto& [entity, relations] : via) {
        Result<const Entity*> named = walk.EntityOf(entity);  // read already, by Model()
        if (!named.ok()) return named.status();
        Neighbor neighbor{(*named)->name, depth_of.at(entity), {}};
        for (const RelationKey& relation : relations) neighbor.via.push_back(&answer.graph.relations[placed.at(relation)]);
        // Relations are in model order, so pointer order is that order.
        std::sort(neighbor.via.begin(), neighbor.via.end());
        answer.neighbors.push_back(std::move(neighbor));
    }
    std::sort(answer.neighbors.begin(), answer.neighbors.end(), [](const Neighbor& a, const Neighbor& b) {
        return std::tie(a.depth, a.entity) < std::tie(b.depth, b.entity);
    });
    return answer;
}

Result<PathAnswer> FindPath(const GraphSnapshot& snapshot, const EntityKey& from, const EntityKey& to,
                            const TraversalFilter& filter, std::size_t max_visited) {
    Walk walk(snapshot, filter);
    std::map<RelationKey, std::size_t> placed;
    PathAnswer answer;
    if (from == to) {
        Result<GraphModel> graph = walk.Model({from}, {}, placed);
        if (!graph.ok()) return graph.status();
        answer.graph = std::move(*graph);
        return answer;
    }
    auto name_of = [&](const EntityKey& key) -> Result<std::string> {
        Result<const Entity*> entity = walk.EntityOf(key);
        if (!entity.ok()) return entity.status();
        return (*entity)->name;
    };

    // Layer by layer from both ends until they meet, widening the side that
    // reads fewer edges: then the meeting entities are all at `radius` from
    // both ends (an earlier meeting would have been found a layer before).
    SearchSide forward{{{from, 0}}, {}, {from}, 0, false}, backward{{{to, 0}}, {}, {to}, 0, true};
    WideningCost cost(snapshot);
    std::set<EntityKey> meeting;
    while (meeting.empty() && !forward.frontier.empty() && !backward.frontier.empty()) {
        Result<bool> forward_first = cost.ForwardIsCheaper(forward, backward);
        if (!forward_first.ok()) return forward_first.status();
        SearchSide& side = *forward_first ? forward : backward;
        Result<bool> widened = Widen(walk, side, *forward_first ? backward : forward, max_visited, meeting);
        if (!widened.ok()) return widened.status();
        if (!*widened) {
            Result<std::string> a = name_of(from), b = name_of(to);
            if (!a.ok()) return a.status();
            if (!b.ok()) return b.status();
            return Status::NotFound("no path from '" + *a + "' to '" + *b + "' found before the search reached " +
                                    std::to_string(max_visited) + " entities");
        }
    }
    if (meeting.empty()) {
        Result<std::string> a = name_of(from), b = name_of(to);
        if (!a.ok()) return a.status();
        if (!b.ok()) return b.status();
        return Status::NotFound(NoPathMessage(*a, *b, filter));
    }

    // ShortestPath()'s breadth-first search from `from` meets entities in the
    // order of the names on their path, so the path it keeps is the one whose
    // names compare smallest: from `from`, always step to the next entity on
    // a shortest path with the smallest name, by the relation that sorts first.
    const std::map<EntityKey, std::vector<Arc>> next_steps = ShortestPathSteps(forward, backward, meeting);
    std::vector<std::pair<RelationKey, EntityKey>> steps;
    EntityKey at = from;
    for (int step = 1; step <= forward.radius + backward.radius; ++step) {
        auto leaving = next_steps.find(at);
        if (leaving == next_steps.end()) return Status::Corruption("a shortest path was found but cannot be followed");
        std::optional<std::tuple<std::string, Relation, const Arc*>> best;
        for (const Arc& arc : leaving->second) {
            Result<std::string> name = name_of(arc.to);
            if (!name.ok()) return name.status();
            Result<Relation> relation = walk.Named(arc.relation);
            if (!relation.ok()) return relation.status();
            if (!best || *name < std::get<0>(*best) ||
                (*name == std::get<0>(*best) && ModelOrder(*relation, std::get<1>(*best)))) {
                best.emplace(std::move(*name), std::move(*relation), &arc);
            }
        }
        if (!best) return Status::Corruption("a shortest path was found but cannot be followed");
        steps.emplace_back(std::get<2>(*best)->relation, std::get<2>(*best)->to);
        at = std::get<2>(*best)->to;
    }

    std::set<EntityKey> entities{from};
    std::set<RelationKey> relations;
    for (const auto& [relation, entity] : steps) {
        entities.insert(entity);
        relations.insert(relation);
    }
    Result<GraphModel> graph = walk.Model(entities, relations, placed);
    if (!graph.ok()) return graph.status();
    answer.graph = std::move(*graph);
    at = from;
    for (const auto& [relation, entity] : steps) {
        Result<bool> subject = walk.IsModelSubject(relation, at);
        if (!subject.ok()) return subject.status();
        answer.hops.push_back(PathHop{&answer.graph.relations[placed.at(relation)], *subject});
        at = entity;
    }
    return answer;
}

Status ForEachEntityByName(const GraphSnapshot& snapshot, const EntityListVisitor& visit) {
    Result<std::vector<std::pair<std::string, EntityKey>>> names = EntitiesByName(snapshot);
    if (!names.ok()) return names.status();
    for (const auto& [name, key] : *names) {
        Result<std::vector<RelationKey>> relations = snapshot.Relations(key);
        if (!relations.ok()) return relations.status();
        std::size_t degree = 0;
        for (const RelationKey& relation : *relations) degree += (relation.subject == key) + (relation.object == key);
        Result<Entity> entity = snapshot.Read(key);
        if (!entity.ok()) return entity.status();
        if (Status visited = visit(*entity, degree); !visited.ok()) return visited;
    }
    return Status::Ok();
}

namespace {

// `relation`'s evidence, read unless it was read already.
Status LoadEvidence(const GraphSnapshot& snapshot, const RelationKey& key, Relation& relation) {
    if (!relation.evidence.empty()) return Status::Ok();
    Result<std::vector<Evidence>> evidence = snapshot.EvidenceOf(key);
    if (!evidence.ok()) return evidence.status();
    relation.evidence = std::move(*evidence);
    return Status::Ok();
}

// Sets `ended` as MarkEndedRelations does, on relations in ReadGraph()'s
// order that hold every relation between their ends (an entity's do). The
// evidence it needs is read for one pair of ends at a time and let go:
// a hub is an end of thousands of ties, and their evidence held at once was
// most of a 100k export's memory.
Status MarkEnded(const GraphSnapshot& snapshot, NamedRelations& named) {
    std::vector<Relation> relations;
    for (auto& [relation, key] : named) relations.push_back(std::move(relation));
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_ends;
    for (const std::size_t r : graph::EndingRelations(relations)) {
        by_ends[{relations[r].subject, relations[r].object}].push_back(r);
    }
    for (const auto& [ends, indices] : by_ends) {
        std::vector<Relation> between;
        for (const std::size_t r : indices) {
            between.push_back(Relation{relations[r].subject, relations[r].predicate, relations[r].object, {}, false});
            if (Status loaded = LoadEvidence(snapshot, named[r].second, between.back()); !loaded.ok()) return loaded;
        }
        graph::MarkEndedRelations(between);
        for (std::size_t i = 0; i < indices.size(); ++i) relations[indices[i]].ended = between[i].ended;
    }
    for (std::size_t r = 0; r < relations.size(); ++r) named[r].first = std::move(relations[r]);
    return Status::Ok();
}

// Every relation `key` is an end of, named, in ReadGraph()'s order, `ended`
// set, without evidence, each with its key.
Result<NamedRelations> NamedRelationsOf(const GraphSnapshot& snapshot, Walk& walk, const EntityKey& key) {
    Result<std::vector<RelationKey>> keys = snapshot.Relations(key);
    if (!keys.ok()) return keys.status();
    NamedRelations named;
    for (const RelationKey& relation_key : *keys) {
        Result<Relation> relation = walk.Named(relation_key);
        if (!relation.ok()) return relation.status();
        named.emplace_back(std::move(*relation), relation_key);
    }
    SortInModelOrder(named);
    if (Status marked = MarkEnded(snapshot, named); !marked.ok()) return marked;
    return named;
}

}  // namespace

// ReadGraph() sorts relations by subject name first: so, entity by entity
// in name order, the relations whose subject it is in the model.
Status ForEachRelation(const GraphSnapshot& snapshot, const std::set<std::string>& predicates,
                       const RelationListVisitor& visit) {
    Result<std::vector<std::pair<std::string, EntityKey>>> names = EntitiesByName(snapshot);
    if (!names.ok()) return names.status();
    const TraversalFilter everything;
    Walk walk(snapshot, everything);
    for (const auto& [name, key] : *names) {
        Result<NamedRelations> named = NamedRelationsOf(snapshot, walk, key);
        if (!named.ok()) return named.status();
        for (auto& [relation, relation_key] : *named) {
            if (relation.subject != name) continue;
            if (!predicates.empty() && !predicates.count(relation.predicate)) continue;
            if (Status loaded = LoadEvidence(snapshot, relation_key, relation); !loaded.ok()) return loaded;
            Result<const Entity*> subject = walk.EntityOf(relation_key.subject);
            if (!subject.ok()) return subject.status();
            Result<const Entity*> object = walk.EntityOf(relation_key.object);
            if (!object.ok()) return object.status();
            const bool swapped = (*subject)->name != relation.subject;
            Status visited = visit(relation, swapped ? **object : **subject, swapped ? **subject : **object);
            if (!visited.ok()) return visited;
            std::vector<Evidence>().swap(relation.evidence);  // its memory too, not only its items
        }
    }
    return Status::Ok();
}

Status ForEachEntityWithRelations(const GraphSnapshot& snapshot, const std::set<std::string>& with_evidence,
                                  const EntityRelationsVisitor& visit) {
    Result<std::vector<std::pair<std::string, EntityKey>>> names = EntitiesByName(snapshot);
    if (!names.ok()) return names.status();
    const TraversalFilter everything;
    Walk walk(snapshot, everything);
    for (const auto& [name, key] : *names) {
        Result<NamedRelations> named = NamedRelationsOf(snapshot, walk, key);
        if (!named.ok()) return named.status();
        std::vector<Relation> relations;
        for (auto& [relation, relation_key] : *named) {
            if (with_evidence.count(relation.predicate)) {
                if (Status loaded = LoadEvidence(snapshot, relation_key, relation); !loaded.ok()) return loaded;
            }
            relations.push_back(std::move(relation));
        }
        Result<const Entity*> entity = walk.EntityOf(key);
        if (!entity.ok()) return entity.status();
        if (Status visited = visit(**entity, relations); !visited.ok()) return visited;
    }
    return Status::Ok();
}

}  // namespace kgraph
