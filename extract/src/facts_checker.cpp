// Facts made elsewhere are checked field by field before the store sees
// them: the store trusts offsets, scores and predicates as extract/ makes
// them, and nonsense (a confidence of 5, a percent of 1e308, a predicate no
// schema knows) would be stored and shown as fact.
#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "data_files.h"
#include "kgraph/extract.h"
#include "rule_set.h"

namespace kgraph {
namespace {

using extract::RelationType;

bool IsHexId(const std::string& id) {
    return id.size() == 40 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool IsIsoDate(const std::string& date) {
    static const std::regex kIsoDate("[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?");
    return std::regex_match(date, kIsoDate);
}

bool IsCurrency(const std::string& code) {
    return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool Allows(const std::vector<EntityType>& types, EntityType type) {
    return std::find(types.begin(), types.end(), type) != types.end();
}

// Empty when the name is one the model allows.
std::string NameProblem(const std::string& name) {
    if (name.empty()) return "is empty";
    if (name.size() > kMaxNameBytes) {
        return "is " + std::to_string(name.size()) + " bytes long, more than " + std::to_string(kMaxNameBytes);
    }
    return "";
}

std::string MoneyProblem(const Money& money) {
    if (!std::isfinite(money.value) || money.value < 0) return "amount must be a finite number, 0 or more";
    if (money.upper && !(std::isfinite(*money.upper) && *money.upper >= money.value)) {
        return "amount's upper bound must be finite and at least its value";
    }
    if (!IsCurrency(money.currency)) return "currency \"" + money.currency + "\" is not an ISO 4217 code";
    static const std::vector<std::string> kQualifiers = {"", "approximately", "more-than", "less-than", "up-to"};
    if (std::find(kQualifiers.begin(), kQualifiers.end(), money.qualifier) == kQualifiers.end()) {
        return "amount qualifier \"" + money.qualifier + "\" is not one of approximately, more-than, less-than, up-to";
    }
    return "";
}

// Empty when the evidence is within what model.h and the relation type allow.
std::string EvidenceProblem(const Evidence& e, const RelationType& type) {
    if (e.end <= e.start) return "evidence ends at byte " + std::to_string(e.end) + ", not after its start " + std::to_string(e.start);
    if (e.sentence.size() != e.end - e.start) return "evidence sentence is not as long as its offsets say";
    if (e.chars && (e.chars->end < e.chars->start || e.chars->end - e.chars->start != CountCodePoints(e.sentence))) {
        return "evidence sentence is not as many characters long as its character offsets say";
    }
    if (!(e.confidence >= 0 && e.confidence <= 1)) return "confidence must be between 0 and 1";
    if (e.rule.empty()) return "evidence names no rule";
    if (e.amount) {
        if (!type.takes_amount) return type.name + " takes no amount";
        if (std::string problem = MoneyProblem(*e.amount); !problem.empty()) return problem;
    }
    if (e.percent) {
        if (!type.takes_percent) return type.name + " takes no percent";
        if (!(*e.percent > 0 && *e.percent <= 100)) return "percent must be more than 0 and at most 100";
    }
    if (e.date) {
        if (!type.takes_date) return type.name + " takes no date";
        if (!IsIsoDate(*e.date)) return "date \"" + *e.date + "\" is not an ISO 8601 date (2025, 2025-06 or 2025-06-23)";
    }
    return "";
}

}  // namespace

FactsChecker::FactsChecker(std::unique_ptr<extract::RuleSet> rules) : rules_(std::move(rules)) {}
FactsChecker::~FactsChecker() = default;

Result<std::unique_ptr<FactsChecker>> FactsChecker::Load(const std::filesystem::path& rules_file,
                                                         const std::filesystem::path& schema_file) {
    Result<std::unique_ptr<extract::RuleSet>> rules =
        extract::RuleSet::Load(extract::DataFile(rules_file, "rules.json"), extract::DataFile(schema_file, "schema.json"));
    if (!rules.ok()) return rules.status();
    return std::unique_ptr<FactsChecker>(new FactsChecker(std::move(*rules)));
}

Status FactsChecker::Check(const DocumentFacts& facts) const {
    auto invalid = [](const std::string& why) { return Status::InvalidArgument(why); };
    if (!IsHexId(facts.doc)) return invalid("doc \"" + facts.doc + "\" is not a document id (40 hex digits)");
    if (facts.source.empty()) return invalid("source is empty");
    std::map<std::string, EntityType> types;
    for (const Entity& entity : facts.entities) {
        if (std::string problem = NameProblem(entity.name); !problem.empty()) return invalid("an entity's name " + problem);
        for (const std::string& alias : entity.aliases) {
            if (std::string problem = NameProblem(alias); !problem.empty()) {
                return invalid("an alias of " + entity.name + " " + problem);
            }
        }
        types.emplace(entity.name, entity.type);
    }
    for (const Relation& relation : facts.relations) {
        const std::string what = relation.subject + " " + relation.predicate + " " + relation.object;
        const RelationType* type = rules_->relation_type(relation.predicate);
        if (type == nullptr) return invalid(what + ": predicate \"" + relation.predicate + "\" is not in the schema");
        auto subject = types.find(relation.subject), object = types.find(relation.object);
        if (subject == types.end() || object == types.end()) return invalid(what + ": names an entity not listed");
        if (!Allows(type->domain, subject->second) || !Allows(type->range, object->second)) {
            return invalid(what + ": the schema does not allow these entity types");
        }
        if (relation.evidence.empty()) return invalid(what + ": has no evidence");
        for (const Evidence& evidence : relation.evidence) {
            if (std::string problem = EvidenceProblem(evidence, *type); !problem.empty()) return invalid(what + ": " + problem);
        }
    }
    return Status::Ok();
}

}  // namespace kgraph
