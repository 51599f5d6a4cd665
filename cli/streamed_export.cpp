#include "streamed_export.h"

#include <set>
#include <string>
#include <vector>

#include "kgraph/export.h"
#include "kgraph/local_queries.h"

namespace kgraph::cli {

Status StreamJsonLd(const Store& store, const GraphSnapshot& snapshot, std::ostream& out) {
    // The @context names every predicate before any node: the store counts
    // relations by predicate, so no pass over them is needed.
    Result<StoreStats> stats = store.Stats();
    if (!stats.ok()) return stats.status();
    std::set<std::string> predicates;
    for (const auto& [predicate, count] : stats->relations_by_predicate) {
        if (count > 0) predicates.insert(predicate);
    }
    JsonLdWriter writer(out, predicates);

    // Only a stake's evidence changes an entity's node (a parent organization).
    Status listed = ForEachEntityWithRelations(snapshot, {"owns-stake"}, [&](const Entity& entity,
                                                                           const std::vector<Relation>& relations) {
        std::vector<const Relation*> pointers;
        for (const Relation& relation : relations) pointers.push_back(&relation);
        writer.AddEntity(entity, pointers);
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    listed = ForEachRelation(snapshot, {}, [&](const Relation& relation, const Entity&, const Entity&) {
        writer.AddRelation(relation);
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    // The documents the evidence cites: those that gave any, each under the
    // one source its evidence carries.
    listed = snapshot.ForEachDocument(GraphSnapshot::DocumentOrder::kById, [&](const DocumentInfo& document) {
        if (document.relations > 0) writer.AddDocument(document.id, {document.source}, document.metadata);
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    writer.Finish();
    return Status::Ok();
}

Status StreamGraphMl(const GraphSnapshot& snapshot, std::ostream& out) {
    GraphMlWriter writer(out);
    // A stored relation's ends are stored entities: none is unlisted.
    Status listed = ForEachEntityByName(snapshot, [&](const Entity& entity, std::size_t) {
        writer.AddEntity(entity);
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    listed = ForEachRelation(snapshot, {}, [&](const Relation& relation, const Entity&, const Entity&) {
        writer.AddRelation(relation);
        return Status::Ok();
    });
    if (!listed.ok()) return listed;
    writer.Finish();
    return Status::Ok();
}

}  // namespace kgraph::cli
