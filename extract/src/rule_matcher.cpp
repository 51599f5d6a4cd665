#include "rule_matcher.h"

#include <optional>

#include "dependency_pattern.h"

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

std::vector<RuleMatch> RuleMatcher::Match(const SentenceView& view, const SentenceParse& parse) const {
    const std::optional<ParseView> parsed = ParseViewOf(view, parse);
    const std::size_t role_count = rules_.roles().size();
    std::vector<RuleMatch> out;
    for (const Rule& rule : rules_.rules()) {
        std::vector<PatternMatch> matches;
        if (rule.syntax) {
            if (parsed) matches = rule.syntax->FindAll(*parsed, role_count);
        } else if (rule.CouldMatch(view.anchors, view.mentions)) {
            matches = rule.pattern.FindAll(view.items, role_count);
        }
        for (PatternMatch& match : matches) out.push_back({&rule, std::move(match)});
    }
    return out;
}

}  // namespace kgraph::extract
