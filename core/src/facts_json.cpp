#include "kgraph/facts_json.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace kgraph {
namespace {

using nlohmann::json;

json MoneyJson(const Money& money) {
    json j = {{"value", money.value}, {"currency", money.currency}, {"qualifier", money.qualifier}};
    if (money.upper) j["upper"] = *money.upper;
    return j;
}

Money MoneyFrom(const json& j) {
    Money money;
    money.value = j.at("value").get<double>();
    money.currency = j.at("currency").get<std::string>();
    money.qualifier = j.at("qualifier").get<std::string>();
    if (j.contains("upper")) money.upper = j.at("upper").get<double>();
    return money;
}

// Optional claims are left out rather than written as null: most evidence
// carries none, and the stored records stay small.
json EvidenceJson(const Evidence& e) {
    json j = {{"doc", e.doc},   {"source", e.source}, {"sentence", e.sentence},     {"start", e.start},
              {"end", e.end},   {"rule", e.rule},     {"confidence", e.confidence}, {"modality", e.modality}};
    if (e.amount) j["amount"] = MoneyJson(*e.amount);
    if (e.percent) j["percent"] = *e.percent;
    if (e.date) j["date"] = *e.date;
    if (e.chars) {
        j["char_start"] = e.chars->start;
        j["char_end"] = e.chars->end;
    }
    return j;
}

// A negative number would wrap around to a huge offset. `unit`: "byte",
// "code point".
std::size_t OffsetFrom(const json& j, const char* key, const char* unit) {
    const json& value = j.at(key);
    if (!value.is_number_unsigned()) {
        throw std::invalid_argument(std::string(key) + " must be a " + unit + " offset: a whole number, 0 or more");
    }
    return value.get<std::size_t>();
}

Evidence EvidenceFrom(const json& j) {
    Evidence e;
    e.doc = j.at("doc").get<std::string>();
    e.source = j.at("source").get<std::string>();
    e.sentence = j.at("sentence").get<std::string>();
    e.start = OffsetFrom(j, "start", "byte");
    e.end = OffsetFrom(j, "end", "byte");
    e.rule = j.at("rule").get<std::string>();
    e.confidence = j.at("confidence").get<double>();
    e.modality = j.at("modality").get<std::string>();
    if (j.contains("amount")) e.amount = MoneyFrom(j.at("amount"));
    if (j.contains("percent")) e.percent = j.at("percent").get<double>();
    if (j.contains("date")) e.date = j.at("date").get<std::string>();
    if (j.contains("char_start") || j.contains("char_end")) {
        e.chars = CodePointSpan{OffsetFrom(j, "char_start", "code point"), OffsetFrom(j, "char_end", "code point")};
    }
    return e;
}

json EntityJson(const Entity& entity) {
    return {{"name", entity.name}, {"type", EntityTypeName(entity.type)}, {"aliases", entity.aliases}};
}

Entity EntityFrom(const json& j) {
    Entity entity;
    entity.name = j.at("name").get<std::string>();
    const std::optional<EntityType> type = ParseEntityType(j.at("type").get<std::string>());
    if (!type) throw std::invalid_argument("unknown entity type \"" + j.at("type").get<std::string>() + "\"");
    entity.type = *type;
    entity.aliases = j.at("aliases").get<std::vector<std::string>>();
    return entity;
}

json RelationJson(const Relation& relation) {
    json evidence = json::array();
    for (const Evidence& e : relation.evidence) evidence.push_back(EvidenceJson(e));
    return {{"subject", relation.subject},
            {"predicate", relation.predicate},
            {"object", relation.object},
            {"evidence", std::move(evidence)}};
}

Relation RelationFrom(const json& j) {
    Relation relation;
    relation.subject = j.at("subject").get<std::string>();
    relation.predicate = j.at("predicate").get<std::string>();
    relation.object = j.at("object").get<std::string>();
    for (const json& e : j.at("evidence")) relation.evidence.push_back(EvidenceFrom(e));
    return relation;
}

// Invalid UTF-8 (which the model rules out) is replaced rather than thrown.
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Any parse or shape error becomes an InvalidArgument naming what was read.
template <typename T, typename From>
Result<T> Parse(std::string_view text, const char* what, From from) {
    try {
        return from(json::parse(text));
    } catch (const std::exception& error) {
        // nlohmann prefixes its messages with "[json.exception.type_error.302] ".
        std::string_view reason = error.what();
        if (reason.rfind("[json.exception.", 0) == 0 && reason.find("] ") != std::string_view::npos) {
            reason.remove_prefix(reason.find("] ") + 2);
        }
        return Status::InvalidArgument(std::string("not a valid ") + what + ": " + std::string(reason));
    }
}

}  // namespace

std::string DocumentFactsToJson(const DocumentFacts& facts) {
    json entities = json::array();
    for (const Entity& entity : facts.entities) entities.push_back(EntityJson(entity));
    json relations = json::array();
    for (const Relation& relation : facts.relations) relations.push_back(RelationJson(relation));
    json line = {{"doc", facts.doc},
                 {"source", facts.source},
                 {"extractor", facts.extractor},
                 {"entities", std::move(entities)},
                 {"relations", std::move(relations)}};
    if (!facts.metadata.empty()) {
        line["metadata"] = {{"url", facts.metadata.url}, {"title", facts.metadata.title}, {"date", facts.metadata.date}};
    }
    return Dump(line);
}

Result<DocumentFacts> DocumentFactsFromJson(std::string_view text) {
    return Parse<DocumentFacts>(text, "document facts record", [](const json& j) {
        DocumentFacts facts;
        facts.doc = j.at("doc").get<std::string>();
        facts.source = j.at("source").get<std::string>();
        facts.extractor = j.value("extractor", "");  // absent from files written before it was kept
        if (const auto metadata = j.find("metadata"); metadata != j.end()) {
            facts.metadata.url = metadata->value("url", "");
            facts.metadata.title = metadata->value("title", "");
            facts.metadata.date = metadata->value("date", "");
        }
        for (const json& e : j.at("entities")) facts.entities.push_back(EntityFrom(e));
        for (const json& r : j.at("relations")) facts.relations.push_back(RelationFrom(r));
        return facts;
    });
}

}  // namespace kgraph
