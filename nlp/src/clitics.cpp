#include <algorithm>
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
    // Every clitic has an apostrophe, ' or U+2019 (whose first byte is 0xE2),
    // within its last five bytes; most words have none, and skip the 16 tests.
    const std::string_view tail = token.substr(token.size() - std::min<std::size_t>(token.size(), 5));
    if (tail.find_first_of("'\xE2") == std::string_view::npos) return 0;
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

std::size_t CliticSplit(std::string_view token) {
    for (const FusedWord& fused : kFusedWords) {
        if (token.size() == fused.word.size() && EndsWithIgnoringCase(token, fused.word)) return fused.split;
    }
    return token.size() - CliticLength(token);
}

std::vector<std::string_view> SplitClitics(std::string_view token) {
    const std::size_t split = CliticSplit(token);
    if (split == token.size()) return {token};
    return {token.substr(0, split), token.substr(split)};
}

}  // namespace kgraph::nlp
