#include "rule_matcher.h"

#include <optional>

namespace kgraph::extract {
namespace {

// The parse with each word mapped to its item; none for a sentence that was
// not parsed or names nobody, which no syntax rule can match.
std::optional<ParseView> ParseViewOf(const SentenceView& view, const SentenceParse& parse) {
    if (parse.empty() || view.mentions == 0) return std::nullopt;
    std::vector<int> item_of_word;
    item_of_word.reserve(parse.words.size());
    for (const ParsedWord& word : parse.words) item_of_word.push_back(view.item_of_token[word.token - view.first_token]);
    return std::make_optional<ParseView>(parse, view.items, std::move(item_of_word));
}

}  // namespace

RuleMatcher::RuleMatcher(const RuleSet& rules) : rules_(rules) {
    for (std::size_t r = 0; r < rules.rules().size(); ++r) {
        const Rule& rule = rules.rules()[r];
        if (!rule.syntax) continue;
        for (const std::string& word : rule.syntax->TriggerFirstWords()) syntax_rules_by_first_word_[word].push_back(r);
    }
}

std::vector<std::vector<int>> RuleMatcher::TriggerStarts(const ParseView& view) const {
    std::vector<std::vector<int>> starts(rules_.rules().size());
    auto mark = [&](std::string_view word, int w) {
        const auto it = syntax_rules_by_first_word_.find(word);
        if (it == syntax_rules_by_first_word_.end()) return;
        for (const std::size_t r : it->second) {
            if (starts[r].empty() || starts[r].back() != w) starts[r].push_back(w);  // lemma and form may both
        }
    };
    for (std::size_t w = 0; w < view.forms.size(); ++w) {
        mark(view.lemmas[w], static_cast<int>(w));
        mark(view.forms[w], static_cast<int>(w));
    }
    return starts;
}

std::vector<RuleMatch> RuleMatcher::Match(const SentenceView& view, const SentenceParse& parse) const {
    const std::optional<ParseView> parsed = ParseViewOf(view, parse);
    const std::vector<std::vector<int>> trigger_starts = parsed ? TriggerStarts(*parsed) : std::vector<std::vector<int>>();
    const std::size_t role_count = rules_.roles().size();
    std::vector<RuleMatch> out;
    for (std::size_t r = 0; r < rules_.rules().size(); ++r) {
        const Rule& rule = rules_.rules()[r];
        std::vector<PatternMatch> matches;
        if (rule.syntax) {
            if (parsed && !trigger_starts[r].empty()) matches = rule.syntax->FindAll(*parsed, trigger_starts[r], role_count);
        } else if (rule.CouldMatch(view.anchors, view.mentions)) {
            matches = rule.pattern.FindAll(view.items, role_count);
        }
        for (PatternMatch& match : matches) out.push_back({&rule, std::move(match)});
    }
    return out;
}

}  // namespace kgraph::extract
