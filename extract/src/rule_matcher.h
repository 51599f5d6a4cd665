// The relation-matching stage: every rule of the rules file tried on one
// sentence, word patterns on its items and syntax patterns on its parse.
// A match says which items fill which role; what they stand for is the
// argument resolver's job.
#pragma once

#include <vector>

#include "dependency_pattern.h"
#include "lexicon.h"
#include "relation_pattern.h"
#include "rule_set.h"
#include "sentence_parse.h"
#include "sentence_view.h"

namespace kgraph::extract {

struct RuleMatch {
    const Rule* rule = nullptr;
    PatternMatch match;
};

class RuleMatcher {
public:
    explicit RuleMatcher(const RuleSet& rules);

    // The matches in the rules file's order, each rule's from left to right.
    // `parse` is the sentence's (empty when it was not parsed).
    std::vector<RuleMatch> Match(const SentenceView& view, const SentenceParse& parse) const;

private:
    // By rule: the words of the parse, in order, that can start the rule's
    // trigger (none for a word pattern).
    std::vector<std::vector<int>> TriggerStarts(const ParseView& view) const;

    const RuleSet& rules_;
    // The syntax rules (indexes in rules_.rules()) whose trigger can start
    // with the word. Looking each word of a parse up once here costs less
    // than each syntax rule looking for its trigger in every parse.
    WordMap<std::vector<std::size_t>> syntax_rules_by_first_word_;
};

}  // namespace kgraph::extract
