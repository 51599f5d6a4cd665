#include "derived_writes.h"

#include <utility>

#include "records.h"

namespace kgraph::graph {

void BatchSink::Put(Cf cf, std::string_view key, std::string_view value) {
    batch_.Put(db_.handle(cf), rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
}

void BatchSink::Delete(Cf cf, std::string_view key) {
    batch_.Delete(db_.handle(cf), rocksdb::Slice(key.data(), key.size()));
}

void DerivedWrites::PutEntity(const std::string& id, const EntityVotes& votes) {
    sink_.Put(Cf::kEntities, id, EncodeEntityVotes(votes));
    for (const std::string& key : votes.FormKeys()) sink_.Put(Cf::kAliases, key, id);
}

void DerivedWrites::PutMention(std::string_view id, std::string_view doc) {
    sink_.Put(Cf::kMentions, MentionKey(id, doc), "");
}

Result<std::string> AllocateEntityId(const Reader& reader, BatchSink& batch) {
    Result<std::optional<std::string>> stored = reader.Get(Cf::kMeta, kNextEntityIdKey);
    if (!stored.ok()) return stored.status();
    std::uint64_t next = 1;  // a store that never held an entity
    if (*stored) {
        std::optional<std::uint64_t> parsed = ParseEntityId(**stored);
        if (!parsed) return Status::Corruption("the store's next entity id is unreadable");
        next = *parsed;
    }
    batch.Put(Cf::kMeta, kNextEntityIdKey, EntityId(next + 1));
    return EntityId(next);
}

void DerivedWrites::PutEvidence(const EdgeIds& edge, const DocumentFacts& facts, const Evidence& evidence,
                                std::size_t ordinal) {
    sink_.Put(Cf::kOutEdges, OutEdgeKey(edge), "");
    sink_.Put(Cf::kInEdges, InEdgeKey(edge), "");
    sink_.Put(Cf::kEvidence, EvidenceKey(edge, facts.doc, evidence.start, ordinal), EncodeEvidence(evidence));
}

Status CollectEdges(const Reader& reader, const std::string& id, std::set<EdgeIds>& edges) {
    const std::string prefix = KeyPrefix(id);
    Status scanned = Status::Ok();
    for (Cf cf : {Cf::kOutEdges, Cf::kInEdges}) {
        if (!scanned.ok()) break;
        scanned = reader.Scan(cf, prefix, [&](std::string_view key, std::string_view) {
            std::optional<EdgeIds> edge = cf == Cf::kOutEdges ? EdgeFromOutKey(key) : EdgeFromInKey(key);
            if (edge) edges.insert(std::move(*edge));
            return Status::Ok();
        });
    }
    return scanned;
}

Status CollectFootprint(const Reader& reader, const std::string& id, EntityFootprint& footprint) {
    Status scanned = reader.Scan(Cf::kMentions, KeyPrefix(id), [&](std::string_view key, std::string_view) {
        footprint.mention_keys.emplace_back(key);
        return Status::Ok();
    });
    return scanned.ok() ? CollectEdges(reader, id, footprint.edges) : scanned;
}

EdgeIds Oriented(EdgeIds edge) {
    if (IsSymmetricPredicate(edge.predicate) && edge.object < edge.subject) std::swap(edge.subject, edge.object);
    return edge;
}

void ForEachEvidence(const DocumentFacts& facts, const EvidenceVisitor& visit) {
    std::map<std::string_view, std::size_t> entity_named;
    for (std::size_t e = 0; e < facts.entities.size(); ++e) entity_named.emplace(facts.entities[e].name, e);
    std::size_t ordinal = 0;
    for (const Relation& relation : facts.relations) {
        const std::size_t subject = entity_named.at(relation.subject), object = entity_named.at(relation.object);
        for (const Evidence& evidence : relation.evidence) visit(relation, subject, object, evidence, ordinal++);
    }
}

}  // namespace kgraph::graph
