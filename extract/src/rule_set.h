// The rules file (lexicons, modality cues, relation patterns) and the schema
// file (relation types with domain, range and attributes), loaded and
// validated once at start-up. Formats: docs/rules.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "kgraph/model.h"
#include "kgraph/status.h"
#include "dependency_pattern.h"
#include "lexicon.h"
#include "relation_pattern.h"

namespace kgraph::extract {

struct RelationType {
    std::string name;
    std::vector<EntityType> domain, range;
    bool symmetric = false;
    bool takes_amount = false, takes_percent = false, takes_date = false;
    // Undated evidence takes the article's publication date ("Published on:").
    bool dated_by_publication = false;
    // ceo-of, founder-of: tells which organization a person belongs to, for
    // rules whose object is implicit ("Wang has switched to Meta").
    bool affiliates = false;
    // The type a statement of a former tie states besides the tie itself: a
    // former chief executive was one, and left (leaves). Null: a former tie
    // is stated as any other (news gold keeps "Former WWE controlling
    // shareholder Vince McMahon" as a stake).
    const RelationType* former_also = nullptr;
};

// How a rule fills a role that its sentence leaves implicit.
enum class ImplicitFiller {
    kTopic,            // the organization the paragraph / document is about
    kTopicElsewhere,   // the same, when the sentence does not name it
    kSentenceSubject,  // the first organization the sentence names, else the topic
    kAffiliation,      // the organization the subject leads or founded (per this document)
    kCounterpart,      // the other end of the named end's one relation of the rule's type (per this document)
};

// One relation a rule states when it matches: "Labelbox CEO Manu Sharma"
// states ceo-of; "founder and CEO" states two relations.
struct Emission {
    const RelationType* type = nullptr;
    int subject_role = -1, object_role = -1;
    double confidence = 0.5;
};

// Which anchors (a pattern's mandatory words and lexicons, see
// RelationPattern::anchor_words) a sentence contains, one flag per anchor id.
// Bytes rather than bits: every rule tests a few of them for every sentence.
using SentenceAnchors = std::vector<std::uint8_t>;

// A rule matches either the words of a sentence (`pattern`) or, when
// `syntax` is set, its dependency parse.
struct Rule {
    std::string name;
    RelationPattern pattern;
    std::optional<DependencyPattern> syntax;
    std::vector<Emission> emissions;
    // For the emissions whose type reads a former tie as a second relation
    // (RelationType::former_also): that relation, with the same roles.
    std::vector<Emission> former_emissions;
    std::vector<std::pair<int, ImplicitFiller>> implicit_roles;
    std::string modality;  // fixed modality; empty: from the sentence's cues
    // The rule states no relation of its own: it adds its evidence, with the
    // amount or percentage it carries, to a relation between the same two
    // entities that the document states elsewhere (in either direction):
    // "Musk, who completed the $44 billion buyout deal".
    bool confirms = false;
    std::vector<int> anchors;  // ids in RuleSet::anchors()

    // False when the sentence cannot match: it lacks one of the anchors or has
    // fewer mentions than the pattern's mandatory slots.
    bool CouldMatch(const SentenceAnchors& present, std::size_t mentions) const {
        if (mentions < pattern.required_mentions()) return false;
        for (const int id : anchors) {
            if (!present[static_cast<std::size_t>(id)]) return false;
        }
        return true;
    }
};

// The anchors of all rules, indexed by word. Most rules match few sentences;
// knowing which anchors a sentence contains costs one lookup per word of the
// sentence, after which each rule is skipped or kept by checking a few flags.
class RuleAnchors {
public:
    // Ids of the pattern's anchors, registering those not seen before.
    std::vector<int> Register(const RelationPattern& pattern, Vocabulary& vocabulary);
    std::size_t size() const { return size_; }
    // Flags in `present` the anchors that the word numbered `word_id` in the
    // vocabulary provides: it is an anchor word, or the first word of an
    // anchor lexicon's entry.
    void Mark(int word_id, SentenceAnchors& present) const;

private:
    void Index(int word_id, int id);

    std::vector<std::vector<int>> anchors_of_word_;  // by vocabulary number
    std::map<int, int> id_of_word_;
    std::map<const Lexicon*, int> id_of_lexicon_;
    std::size_t size_ = 0;
};

struct ModalityCue {
    std::string modality;  // "planned", "considered", "reported", "possible"
    const Lexicon* cues = nullptr;
};

class RuleSet {
public:
    static Result<std::unique_ptr<RuleSet>> Load(const std::filesystem::path& rules_file,
                                                 const std::filesystem::path& schema_file);

    const Lexicon& lexicon(const std::string& name) const { return lexicons_.at(name); }
    const std::vector<Rule>& rules() const { return rules_; }
    // The relation types of the schema, by name.
    const std::map<std::string, RelationType>& schema() const { return schema_; }
    const std::vector<ModalityCue>& modality_cues() const { return modality_; }
    const RoleTable& roles() const { return roles_; }
    const RuleAnchors& anchors() const { return anchors_; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    // The folded word forms that can trigger a syntax rule other than a
    // confirming one: a sentence without one of them need not be parsed.
    const WordSet& syntax_trigger_forms() const { return syntax_trigger_forms_; }
    // The third person singular of the verb-only syntax triggers ("appoints"),
    // and of the verbs of intent of lexicon `intent_verb_form` ("plans").
    const WordSet& present_verb_forms() const { return present_verb_forms_; }
    // Those of syntax rules with an implicit role, filled from outside the
    // sentence's names (the paragraph's topic, the subject's affiliation),
    // but for confirming rules: the only rules that can state a relation in
    // a sentence naming one entity.
    const WordSet& implicit_role_trigger_forms() const { return implicit_role_trigger_forms_; }
    // Those of confirming rules, whose statements carry an amount or a
    // percentage: worth a parse in a sentence holding a number only.
    const WordSet& confirming_trigger_forms() const { return confirming_trigger_forms_; }
    int amount_role() const { return amount_role_; }
    int percent_role() const { return percent_role_; }
    int date_role() const { return date_role_; }
    // The schema's relation type of that name, or null.
    const RelationType* relation_type(const std::string& name) const {
        auto it = schema_.find(name);
        return it == schema_.end() ? nullptr : &it->second;
    }

    // Lexicons the code itself relies on; the rules file must define them.
    static const std::vector<std::string>& RequiredLexicons();

private:
    RuleSet() = default;
    Status LoadSchema(const std::filesystem::path& file);
    Status LoadRules(const std::filesystem::path& file);
    Result<DependencyPattern> CompileSyntax(const nlohmann::json& spec);

    std::map<std::string, RelationType> schema_;
    Vocabulary vocabulary_;
    std::map<std::string, Lexicon> lexicons_;
    RoleTable roles_;
    RuleAnchors anchors_;
    std::vector<Rule> rules_;
    WordSet syntax_trigger_forms_;
    WordSet present_verb_forms_;
    WordSet implicit_role_trigger_forms_;
    WordSet confirming_trigger_forms_;
    std::vector<ModalityCue> modality_;
    int amount_role_ = -1, percent_role_ = -1, date_role_ = -1;
};

}  // namespace kgraph::extract
