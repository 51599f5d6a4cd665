// The attribute stage: what a matched statement says besides its two
// entities. The amount, percentage and date of a relation (the rule's own
// slot, else the first one inside the match, else, for types dated by
// publication, the article's date line); its modality ("is considering",
// "reportedly"); and whether it is negated.
#pragma once

#include <optional>
#include <string>

#include "document_annotator.h"
#include "kgraph/model.h"
#include "quantity_parser.h"
#include "relation_pattern.h"
#include "rule_set.h"
#include "sentence_view.h"

namespace kgraph::extract {

// The date of a "Published on: June 15, 2025" line near the top of the page.
std::optional<std::string> PublicationDate(const AnnotatedDocument& document, const QuantityParser& quantities);

class AttributeFinder {
public:
    // `rules` must outlive the finder.
    AttributeFinder(const RuleSet& rules, std::optional<std::string> publication_date)
        : rules_(rules), negation_(rules.lexicon("negation")), publication_date_(std::move(publication_date)) {}

    // Sets the amount, percent and date of `evidence` that `type` takes.
    void Attach(const RelationType& type, const SentenceView& view, const PatternMatch& match, Evidence& evidence) const;
    // The rule's fixed modality, else the first modality (in the rules file's
    // order) whose cue occurs between the start of the sentence and the end of
    // the match; empty for a plain statement.
    std::string Modality(const Rule& rule, const SentenceView& view, const PatternMatch& match) const;
    // Whether a negation ("not", "denied") occurs inside the match.
    bool Negated(const SentenceView& view, const PatternMatch& match) const;

private:
    const RuleSet& rules_;
    const Lexicon& negation_;
    std::optional<std::string> publication_date_;
};

}  // namespace kgraph::extract
