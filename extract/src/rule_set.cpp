#include "rule_set.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace kgraph::extract {
namespace {

using nlohmann::json;

// Parsing is the only place that uses exceptions; they never leave this file.
Result<json> ReadJson(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return Status::NotFound(file.string() + ": cannot open");
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        return Status::InvalidArgument(file.string() + ": not valid JSON (byte " + std::to_string(e.byte) + ")");
    }
}

Status Problem(const std::filesystem::path& file, const std::string& what) {
    return Status::InvalidArgument(file.string() + ": " + what);
}

std::vector<std::string> StringList(const json& value, bool* ok) {
    std::vector<std::string> out;
    *ok = value.is_array();
    if (!*ok) return out;
    for (const json& item : value) {
        if (!item.is_string()) {
            *ok = false;
            return out;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

Result<std::vector<EntityType>> EntityTypes(const json& value) {
    bool ok = false;
    std::vector<EntityType> types;
    for (const std::string& name : StringList(value, &ok)) {
        const std::optional<EntityType> type = ParseEntityType(name);
        if (!type) return Status::InvalidArgument("unknown entity type '" + name + "'");
        types.push_back(*type);
    }
    if (!ok || types.empty()) return Status::InvalidArgument("expected a non-empty list of entity types");
    return types;
}

Result<ImplicitFiller> ParseFiller(const std::string& name) {
    if (name == "topic") return ImplicitFiller::kTopic;
    if (name == "topic-elsewhere") return ImplicitFiller::kTopicElsewhere;
    if (name == "sentence-subject") return ImplicitFiller::kSentenceSubject;
    if (name == "affiliation") return ImplicitFiller::kAffiliation;
    if (name == "counterpart") return ImplicitFiller::kCounterpart;
    return Status::InvalidArgument("implicit filler must be topic, topic-elsewhere, sentence-subject, affiliation or counterpart, not '" +
                                   name + "'");
}

}  // namespace

std::vector<int> RuleAnchors::Register(const RelationPattern& pattern, Vocabulary& vocabulary) {
    std::vector<int> ids;
    for (const int word : pattern.anchor_words()) {
        auto [it, inserted] = id_of_word_.emplace(word, static_cast<int>(size_));
        if (inserted) {
            ++size_;
            Index(word, it->second);
        }
        ids.push_back(it->second);
    }
    for (const Lexicon* lexicon : pattern.anchor_lexicons()) {
        auto [it, inserted] = id_of_lexicon_.emplace(lexicon, static_cast<int>(size_));
        if (inserted) {
            ++size_;
            for (const std::string& first : lexicon->FirstWords()) Index(vocabulary.Intern(first), it->second);
        }
        ids.push_back(it->second);
    }
    return ids;
}

void RuleAnchors::Index(int word_id, int id) {
    const auto word = static_cast<std::size_t>(word_id);
    if (word >= anchors_of_word_.size()) anchors_of_word_.resize(word + 1);
    anchors_of_word_[word].push_back(id);
}

void RuleAnchors::Mark(int word_id, SentenceAnchors& present) const {
    const auto word = static_cast<std::size_t>(word_id);
    if (word_id < 0 || word >= anchors_of_word_.size()) return;
    for (const int id : anchors_of_word_[word]) present[static_cast<std::size_t>(id)] = 1;
}

const std::vector<std::string>& RuleSet::RequiredLexicons() {
    static const std::vector<std::string> names{
        "org_suffix", "legal_form", "person_title", "title_modifier", "first_name", "given_name", "not_a_name",
        "function_word", "stock_exchange", "org_pronoun", "person_pronoun", "reference_head", "honorific", "name_of_head", "name_particle", "generation", "located_word", "clause_break", "negation", "page_furniture",
        "hedge_approximately", "hedge_more_than", "hedge_less_than", "hedge_up_to"};
    return names;
}

Result<std::unique_ptr<RuleSet>> RuleSet::Load(const std::filesystem::path& rules_file,
                                               const std::filesystem::path& schema_file) {
    std::unique_ptr<RuleSet> set(new RuleSet());
    if (Status s = set->LoadSchema(schema_file); !s.ok()) return s;
    if (Status s = set->LoadRules(rules_file); !s.ok()) return s;
    return set;
}

Status RuleSet::LoadSchema(const std::filesystem::path& file) {
    Result<json> doc = ReadJson(file);
    if (!doc.ok()) return doc.status();
    if (!doc->is_object() || !doc->contains("relations") || !(*doc)["relations"].is_object()) {
        return Problem(file, "expected an object with a \"relations\" object");
    }
    std::map<std::string, std::string> former_also;  // type -> the type a former tie also states
    for (const auto& [name, spec] : (*doc)["relations"].items()) {
        if (!spec.is_object()) return Problem(file, "relation '" + name + "' must be an object");
        RelationType type;
        type.name = name;
        Result<std::vector<EntityType>> domain = EntityTypes(spec.value("domain", json()));
        if (!domain.ok()) return Problem(file, "relation '" + name + "' domain: " + domain.status().message());
        Result<std::vector<EntityType>> range = EntityTypes(spec.value("range", json()));
        if (!range.ok()) return Problem(file, "relation '" + name + "' range: " + range.status().message());
        type.domain = *domain;
        type.range = *range;
        type.symmetric = spec.value("symmetric", false);
        type.dated_by_publication = spec.value("dated_by_publication", false);
        type.affiliates = spec.value("affiliates", false);
        if (const std::string former = spec.value("former", ""); !former.empty()) former_also[name] = former;
        bool ok = true;
        for (const std::string& attribute : StringList(spec.value("attributes", json::array()), &ok)) {
            if (attribute == "amount") type.takes_amount = true;
            else if (attribute == "percent") type.takes_percent = true;
            else if (attribute == "date") type.takes_date = true;
            else ok = false;
        }
        if (!ok) return Problem(file, "relation '" + name + "' attributes: expected a list of amount, percent, date");
        schema_.emplace(name, std::move(type));
    }
    if (schema_.empty()) return Problem(file, "defines no relation type");
    for (const auto& [name, also] : former_also) {
        const auto type = schema_.find(also);
        if (type == schema_.end()) {
            return Problem(file, "relation '" + name + "' former: expected a relation type, not '" + also + "'");
        }
        schema_.at(name).former_also = &type->second;
    }
    return Status::Ok();
}

Status RuleSet::LoadRules(const std::filesystem::path& file) {
    Result<json> doc = ReadJson(file);
    if (!doc.ok()) return doc.status();
    if (!doc->is_object()) return Problem(file, "expected an object with \"lexicons\", \"modality\" and \"rules\"");

    const json lexicons = doc->value("lexicons", json::object());
    if (!lexicons.is_object()) return Problem(file, "\"lexicons\" must be an object of word lists");
    for (const auto& [name, entries] : lexicons.items()) {
        bool ok = false;
        std::vector<std::string> words = StringList(entries, &ok);
        if (!ok) return Problem(file, "lexicon '" + name + "' must be a list of strings");
        lexicons_.emplace(name, Lexicon(words, vocabulary_));
    }
    for (const std::string& required : RequiredLexicons()) {
        if (!lexicons_.count(required)) return Problem(file, "missing lexicon '" + required + "'");
    }

    for (const json& cue : doc->value("modality", json::array())) {
        const std::string lexicon = cue.value("lexicon", "");
        if (!cue.is_object() || !cue.contains("modality") || !lexicons_.count(lexicon)) {
            return Problem(file, "modality entries need \"modality\" and an existing \"lexicon\"");
        }
        modality_.push_back({cue["modality"].get<std::string>(), &lexicons_.at(lexicon)});
    }

    const int subject = roles_.Intern("subj"), object = roles_.Intern("obj");
    amount_role_ = roles_.Intern("amount");
    percent_role_ = roles_.Intern("percent");
    date_role_ = roles_.Intern("date");
    // "Orlenko Pharma plans to buy": verbs of intent after a name, which
    // the tagger read as plural nouns ("plans").
    if (const auto intent = lexicons_.find("intent_verb_form"); intent != lexicons_.end()) {
        for (const std::string& form : intent->second.FirstWords()) present_verb_forms_.insert(form);
    }
    const json rules = doc->value("rules", json());
    if (!rules.is_array() || rules.empty()) return Problem(file, "\"rules\" must be a non-empty list");
    for (const json& spec : rules) {
        const std::string name = spec.is_object() ? spec.value("name", "") : "";
        if (name.empty()) return Problem(file, "every rule needs a \"name\"");
        auto rule_problem = [&](const std::string& what) { return Problem(file, "rule '" + name + "': " + what); };
        Rule rule{name, {}, std::nullopt, {}, {}, {}, spec.value("modality", ""), spec.value("confirms", false), {}};
        if (spec.contains("syntax")) {
            Result<DependencyPattern> syntax = CompileSyntax(spec["syntax"]);
            if (!syntax.ok()) return rule_problem("syntax: " + syntax.status().message());
            // A confirming rule adds an amount: its trigger is worth a parse
            // only in a sentence with a number (confirming_trigger_forms).
            WordSet& triggers = rule.confirms ? confirming_trigger_forms_ : syntax_trigger_forms_;
            for (std::string& form : syntax->TriggerForms()) triggers.insert(std::move(form));
            for (std::string& form : syntax->PresentVerbForms()) present_verb_forms_.insert(std::move(form));
            rule.syntax = std::move(*syntax);
        } else if (spec.contains("pattern") && spec["pattern"].is_string()) {
            Result<RelationPattern> pattern = RelationPattern::Compile(spec["pattern"].get<std::string>(), lexicons_,
                                                                       lexicons_.at("clause_break"), roles_, vocabulary_);
            if (!pattern.ok()) return rule_problem("pattern: " + pattern.status().message());
            rule.anchors = anchors_.Register(*pattern, vocabulary_);
            rule.pattern = std::move(*pattern);
        } else {
            return rule_problem("needs a \"pattern\" string or a \"syntax\" object");
        }

        auto add_emission = [&](const json& e, double default_confidence) -> Status {
            const std::string predicate = e.value("predicate", "");
            const auto type = schema_.find(predicate);
            if (type == schema_.end()) return rule_problem("predicate '" + predicate + "' is not in the schema");
            const double confidence = e.value("confidence", default_confidence);
            if (!(confidence > 0 && confidence <= 1)) return rule_problem("confidence must be in (0, 1]");
            rule.emissions.push_back({&type->second, roles_.Intern(e.value("subject", roles_.Name(subject))),
                                      roles_.Intern(e.value("object", roles_.Name(object))), confidence});
            return Status::Ok();
        };
        if (Status s = add_emission(spec, 0.5); !s.ok()) return s;
        for (const json& also : spec.value("also", json::array())) {
            if (Status s = add_emission(also, rule.emissions[0].confidence); !s.ok()) return s;
        }
        for (const Emission& e : rule.emissions) {
            if (e.type->former_also != nullptr) {
                rule.former_emissions.push_back({e.type->former_also, e.subject_role, e.object_role, e.confidence});
            }
        }
        const json implicit = spec.value("implicit", json::object());
        for (const auto& [role, filler] : implicit.items()) {
            if (!filler.is_string()) return rule_problem("implicit '" + role + "' must name a filler");
            Result<ImplicitFiller> parsed = ParseFiller(filler.get<std::string>());
            if (!parsed.ok()) return rule_problem(parsed.status().message());
            rule.implicit_roles.emplace_back(roles_.Intern(role), *parsed);
        }
        if (rule.syntax && !rule.implicit_roles.empty() && !rule.confirms) {
            for (std::string& form : rule.syntax->TriggerForms()) implicit_role_trigger_forms_.insert(std::move(form));
        }
        rules_.push_back(std::move(rule));
    }
    return Status::Ok();
}

// {"trigger": "@lexicon", "upos": "VERB", role: [path, ...], ...}
Result<DependencyPattern> RuleSet::CompileSyntax(const json& spec) {
    if (!spec.is_object()) return Status::InvalidArgument("must be an object");
    const std::string trigger = spec.value("trigger", "");
    if (trigger.size() < 2 || trigger[0] != '@' || !lexicons_.count(trigger.substr(1))) {
        return Status::InvalidArgument("\"trigger\" must name a lexicon (\"@name\")");
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> roles;
    std::vector<std::string> unless;
    for (const auto& [key, value] : spec.items()) {
        if (key == "trigger" || key == "upos") continue;
        bool ok = false;
        std::vector<std::string> paths = StringList(value, &ok);
        if (!ok || paths.empty()) return Status::InvalidArgument("'" + key + "' must be a non-empty list of paths");
        if (key == "unless") {
            unless = std::move(paths);
        } else {
            roles.emplace_back(key, std::move(paths));
        }
    }
    if (roles.empty()) return Status::InvalidArgument("names no role");
    return DependencyPattern::Compile(lexicons_.at(trigger.substr(1)), spec.value("upos", ""), roles, unless, lexicons_,
                                      roles_);
}

}  // namespace kgraph::extract
