// The plain relations JSON: what `kgraph relations --json` prints and what
// tests/eval/score.py reads. Every field is always present (null when
// there is no value), so consumers need no existence checks.
#include <cmath>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "kgraph/export.h"
#include "relation_modality.h"

namespace kgraph {
namespace {

// Insertion-ordered: subject, predicate, object read first.
using Json = nlohmann::ordered_json;

// 14300000000 rather than 14300000000.0: whole amounts and percentages print
// as integers, as people (and the scorer's examples) write them.
Json Number(double value) {
    constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53
    if (std::trunc(value) == value && std::fabs(value) < kExactIntegerLimit) {
        return static_cast<std::int64_t>(value);
    }
    return value;
}

template <typename T, typename ToJson>
Json OrNull(const std::optional<T>& value, ToJson to_json) {
    return value ? to_json(*value) : Json(nullptr);
}

Json MoneyJson(const Money& money) {
    return {{"value", Number(money.value)},
            {"currency", money.currency},
            {"qualifier", money.qualifier},
            {"upper", OrNull(money.upper, Number)}};
}

// An entity as the scorer matches it: by name or any alias. A relation may
// name an entity the model does not list; its type is then unknown (null).
Json EntityJson(const GraphModel& graph, const std::string& name) {
    const Entity* entity = graph.FindEntity(name);
    if (!entity) return {{"name", name}, {"type", nullptr}, {"aliases", Json::array()}};
    return {{"name", entity->name}, {"type", EntityTypeName(entity->type)}, {"aliases", entity->aliases}};
}

Json EvidenceJson(const Evidence& evidence) {
    return {{"doc", evidence.doc},
            {"source", evidence.source},
            {"sentence", evidence.sentence},
            {"start", evidence.start},
            {"end", evidence.end},
            {"char_start", OrNull(evidence.chars, [](const CodePointSpan& span) { return Json(span.start); })},
            {"char_end", OrNull(evidence.chars, [](const CodePointSpan& span) { return Json(span.end); })},
            {"rule", evidence.rule},
            {"confidence", evidence.confidence},
            {"amount", OrNull(evidence.amount, MoneyJson)},
            {"percent", OrNull(evidence.percent, Number)},
            {"date", OrNull(evidence.date, [](const std::string& d) { return Json(d); })},
            {"modality", evidence.modality}};
}

Json RelationJson(const GraphModel& graph, const Relation& relation) {
    Json evidence = Json::array();
    for (const Evidence& e : relation.evidence) evidence.push_back(EvidenceJson(e));
    return {{"subject", EntityJson(graph, relation.subject)},
            {"predicate", relation.predicate},
            {"object", EntityJson(graph, relation.object)},
            {"amount", OrNull(RelationAmount(relation), MoneyJson)},
            {"percent", OrNull(RelationPercent(relation), Number)},
            {"date", OrNull(RelationDate(relation), [](const std::string& d) { return Json(d); })},
            {"confidence", RelationConfidence(relation)},
            {"ended", relation.ended},
            {"modality", RelationModality(relation)},
            {"conflicting", HasConflictingClaims(relation)},
            {"evidence", std::move(evidence)}};
}

}  // namespace

std::string ToRelationsJson(const GraphModel& graph) {
    Json relations = Json::array();
    for (const Relation& relation : graph.relations) relations.push_back(RelationJson(graph, relation));
    // Sentences come from article text; a stray invalid byte must not make the
    // export throw.
    return relations.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace kgraph
