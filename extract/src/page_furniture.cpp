#include "page_furniture.h"

#include <algorithm>

namespace kgraph::extract {
namespace {

constexpr std::size_t kMaxHeadingTokens = 16;
// A copyright notice is a line of its own, with the owner's name and
// address at most. A longer line with a "©" in it is text around one (a
// whole article on one line used to lose every relation to its footer).
constexpr std::size_t kMaxCopyrightBytes = 1024;

bool EndsLikeSentence(std::string_view line) {
    for (std::string_view end : {".", "!", "?", ":", ";", "\"", ")", "\xE2\x80\x9D", "\xE2\x80\xA6"}) {
        if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
    }
    return false;
}

// "... to strengthen its...": a teaser cut off to link to another page.
bool EndsTruncated(std::string_view line) {
    for (std::string_view end : {"...", "\xE2\x80\xA6", "\xE2\x80\xA6."}) {
        if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
    }
    return false;
}

}  // namespace

bool PageFurniture::IsWholePhrase(std::string_view folded_line) const {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < folded_line.size()) {
        const std::size_t end = std::min(folded_line.find(' ', i), folded_line.size());
        if (end > i) {
            // A paragraph is settled at its first words, not split whole.
            if (words.size() == phrases_.LongestEntry()) return false;
            words.push_back(folded_line.substr(i, end - i));
        }
        i = end + 1;
    }
    return phrases_.IsEntry(words.size(), [&](std::size_t k) { return words[k]; });
}

// A teaser in French or German among English text: most of its lower-case
// words are not English words. Counted first, then looked up only until the
// count of English words settles the answer: most lines are English, and
// half of their words decide it.
bool PageFurniture::LooksForeign(const SegmentedText& segmented, const FoldedTokens& folded, const Line& line) const {
    if (dictionary_.empty()) return false;
    const std::size_t first = segmented.sentences[line.first_sentence].first_token;
    const std::size_t end = segmented.sentences[line.end_sentence - 1].end_token;
    auto counted = [&](std::size_t i) {
        const Token& t = segmented.tokens[i];
        return t.kind == Token::Kind::kWord && t.text.size() >= 2 && t.text[0] >= 'a' && t.text[0] <= 'z' &&
               t.text.find('-') == std::string_view::npos;
    };
    std::size_t words = 0;
    for (std::size_t i = first; i < end; ++i) words += counted(i);
    if (words < 4) return false;
    std::size_t english = 0, unknown = words;
    for (std::size_t i = first; i < end && english * 2 < words && (english + unknown) * 2 >= words; ++i) {
        if (!counted(i)) continue;
        --unknown;
        english += dictionary_.count(folded.Stem(i)) > 0;
    }
    return english * 2 < words;
}

std::vector<LineRole> PageFurniture::Classify(std::string_view text, const SegmentedText& segmented,
                                             const FoldedTokens& folded) const {
    std::vector<LineRole> roles(segmented.lines.size());
    for (std::size_t l = 0; l < segmented.lines.size(); ++l) {
        const Line& line = segmented.lines[l];
        const std::string_view content = text.substr(line.begin, line.end - line.begin);
        const std::string folded_line = FoldCase(content);
        LineRole& role = roles[l];
        if (content.size() <= kMaxCopyrightBytes &&
            (content.find("\xC2\xA9") != std::string_view::npos ||
             folded_line.find("all rights reserved") != std::string::npos || folded_line.rfind("copyright", 0) == 0)) {
            role.why = "copyright line";
        } else if (IsWholePhrase(folded_line)) {
            role.why = "navigation or promotional line";
        } else if (EndsTruncated(content)) {
            role.why = "truncated teaser";
        } else if (LooksForeign(segmented, folded, line)) {
            role.why = "not in English";
        }
        role.furniture = !role.why.empty();
        const std::size_t tokens = segmented.sentences[line.end_sentence - 1].end_token -
                                   segmented.sentences[line.first_sentence].first_token;
        role.heading = !role.furniture && tokens <= kMaxHeadingTokens && !EndsLikeSentence(content);
    }
    return roles;
}

std::vector<int> PageFurniture::HeadingOfLine(const std::vector<LineRole>& roles) {
    std::vector<int> heading(roles.size(), -1);
    int last = -1;
    for (std::size_t l = 0; l < roles.size(); ++l) {
        heading[l] = last;
        if (roles[l].heading) last = static_cast<int>(l);
    }
    return heading;
}

}  // namespace kgraph::extract
