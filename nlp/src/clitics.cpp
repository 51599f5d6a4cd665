#include <array>

#include "kgraph/nlp/parser.h"
#include "feature_hash.h"

namespace kgraph::nlp {
namespace {

#define KGRAPH_RSQUO "\xE2\x80\x99"  // U+2019, the typographic apostrophe, in UTF-8

// The clitics EWT splits off, with either apostrophe.
constexpr std::array<std::string_view, 16> kClitics = {
    "n't", "'s", "'m", "'d", "'ll", "'re", "'ve", "'",
    "n" KGRAPH_RSQUO "t", KGRAPH_RSQUO "s", KGRAPH_RSQUO "m", KGRAPH_RSQUO "d",
    KGRAPH_RSQUO "ll", KGRAPH_RSQUO "re", KGRAPH_RSQUO "ve", KGRAPH_RSQUO};
#undef KGRAPH_RSQUO
// Whole words EWT splits in two, and where.
struct FusedWord {
    std::string_view word;
    std::size_t split;
};
constexpr std::array<FusedWord, 4> kFusedWords = {{{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}}};

bool EndsWithIgnoringCase(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    const std::string_view tail = text.substr(text.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        if (AsciiLower(tail[i]) != suffix[i]) return false;
    }
    return true;
}

// The length of the clitic at the end of `token`, 0 if there is none. The
// clitic never takes the whole token ("'s" alone is already a word), and a
// bare apostrophe is a clitic only after s, as in "companies'".
std::size_t CliticLength(std::string_view token) {
    for (std::string_view clitic : kClitics) {
        if (token.size() <= clitic.size() || !EndsWithIgnoringCase(token, clitic)) continue;
        const bool bare_apostrophe = clitic == kClitics[7] || clitic == kClitics[15];
        if (bare_apostrophe && (token.size() < clitic.size() + 2 || AsciiLower(token[token.size() - clitic.size() - 1]) != 's')) {
            continue;
        }
        return clitic.size();
    }
    return 0;
}

}  // namespace

std::vector<std::string_view> SplitClitics(std::string_view token) {
    for (const FusedWord& fused : kFusedWords) {
        if (token.size() == fused.word.size() && EndsWithIgnoringCase(token, fused.word)) {
            return {token.substr(0, fused.split), token.substr(fused.split)};
        }
    }
    const std::size_t clitic = CliticLength(token);
    if (clitic == 0) return {token};
    return {token.substr(0, token.size() - clitic), token.substr(token.size() - clitic)};
}

}  // namespace kgraph::nlp
