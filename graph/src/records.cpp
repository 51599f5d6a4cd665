#include "records.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace kgraph::graph {
namespace {

using nlohmann::json;

json MoneyToJson(const Money& money) {
    json j = {{"value", money.value}, {"currency", money.currency}, {"qualifier", money.qualifier}};
    if (money.upper) j["upper"] = *money.upper;
    return j;
}

Money MoneyFromJson(const json& j) {
    Money money;
    money.value = j.at("value").get<double>();
    money.currency = j.at("currency").get<std::string>();
    money.qualifier = j.at("qualifier").get<std::string>();
    if (j.contains("upper")) money.upper = j.at("upper").get<double>();
    return money;
}

json EvidenceToJson(const Evidence& e) {
    json j = {{"doc", e.doc},   {"source", e.source}, {"sentence", e.sentence},     {"start", e.start},
              {"end", e.end},   {"rule", e.rule},     {"confidence", e.confidence}, {"modality", e.modality}};
    if (e.amount) j["amount"] = MoneyToJson(*e.amount);
    if (e.percent) j["percent"] = *e.percent;
    if (e.date) j["date"] = *e.date;
    return j;
}

Evidence EvidenceFromJson(const json& j) {
    Evidence e;
    e.doc = j.at("doc").get<std::string>();
    e.source = j.at("source").get<std::string>();
    e.sentence = j.at("sentence").get<std::string>();
    e.start = j.at("start").get<std::size_t>();
    e.end = j.at("end").get<std::size_t>();
    e.rule = j.at("rule").get<std::string>();
    e.confidence = j.at("confidence").get<double>();
    e.modality = j.at("modality").get<std::string>();
    if (j.contains("amount")) e.amount = MoneyFromJson(j.at("amount"));
    if (j.contains("percent")) e.percent = j.at("percent").get<double>();
    if (j.contains("date")) e.date = j.at("date").get<std::string>();
    return e;
}

json EntityToJson(const Entity& entity) {
    return {{"name", entity.name}, {"type", EntityTypeName(entity.type)}, {"aliases", entity.aliases}};
}

Entity EntityFromJson(const json& j) {
    Entity entity;
    entity.name = j.at("name").get<std::string>();
    const std::optional<EntityType> type = ParseEntityType(j.at("type").get<std::string>());
    if (!type) throw std::invalid_argument("unknown entity type");
    entity.type = *type;
    entity.aliases = j.at("aliases").get<std::vector<std::string>>();
    return entity;
}

// Invalid UTF-8 (which the model rules out) is replaced rather than thrown.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Runs `decode` on the parsed value; any parse or shape error becomes a
// Corruption naming `what`.
template <typename T, typename DecodeFn>
Result<T> Decode(std::string_view value, const std::string& what, DecodeFn decode) {
    try {
        return decode(json::parse(value));
    } catch (const std::exception&) {
        return Status::Corruption("the stored record of " + what + " is unreadable");
    }
}

}  // namespace

std::string EncodeDocument(const DocumentFacts& facts) {
    json entities = json::array();
    for (const Entity& entity : facts.entities) entities.push_back(EntityToJson(entity));
    json relations = json::array();
    for (const Relation& relation : facts.relations) {
        json evidence = json::array();
        for (const Evidence& e : relation.evidence) evidence.push_back(EvidenceToJson(e));
        relations.push_back({{"subject", relation.subject},
                             {"predicate", relation.predicate},
                             {"object", relation.object},
                             {"evidence", std::move(evidence)}});
    }
    return Dump({{"source", facts.source}, {"entities", std::move(entities)}, {"relations", std::move(relations)}});
}

Result<DocumentFacts> DecodeDocument(std::string_view id, std::string_view value) {
    return Decode<DocumentFacts>(value, "document " + std::string(id), [&](const json& j) {
        DocumentFacts facts;
        facts.doc = std::string(id);
        facts.source = j.at("source").get<std::string>();
        for (const json& e : j.at("entities")) facts.entities.push_back(EntityFromJson(e));
        for (const json& r : j.at("relations")) {
            Relation relation;
            relation.subject = r.at("subject").get<std::string>();
            relation.predicate = r.at("predicate").get<std::string>();
            relation.object = r.at("object").get<std::string>();
            for (const json& e : r.at("evidence")) relation.evidence.push_back(EvidenceFromJson(e));
            facts.relations.push_back(std::move(relation));
        }
        return facts;
    });
}

std::string EncodeEntityVotes(const EntityVotes& votes) {
    return Dump({{"names", votes.name_documents},
                 {"organization", votes.organization_mentions},
                 {"person", votes.person_mentions},
                 {"forms", votes.surface_forms}});
}

Result<EntityVotes> DecodeEntityVotes(std::string_view name, std::string_view value) {
    return Decode<EntityVotes>(value, "entity " + std::string(name), [](const json& j) {
        EntityVotes votes;
        votes.name_documents = j.at("names").get<std::map<std::string, std::size_t>>();
        votes.organization_mentions = j.at("organization").get<std::size_t>();
        votes.person_mentions = j.at("person").get<std::size_t>();
        votes.surface_forms = j.at("forms").get<std::set<std::string>>();
        return votes;
    });
}

Result<Entity> DecodeEntity(std::string_view name, std::string_view value) {
    Result<EntityVotes> votes = DecodeEntityVotes(name, value);
    if (!votes.ok()) return votes.status();
    Entity entity = votes->Elect();
    if (entity.name != name) {
        return Status::Corruption("the stored record of entity " + std::string(name) + " elects the name " + entity.name);
    }
    return entity;
}

std::string EncodeEvidence(const Evidence& evidence) { return Dump(EvidenceToJson(evidence)); }

Result<Evidence> DecodeEvidence(std::string_view value) {
    return Decode<Evidence>(value, "a piece of evidence", [](const json& j) { return EvidenceFromJson(j); });
}

}  // namespace kgraph::graph
