#include "page_furniture.h"

#include <algorithm>

#include "mention_finder.h"

namespace kgraph::extract {
namespace {

constexpr std::size_t kMaxHeadingTokens = 16;

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

bool PageFurniture::IsWholePhrase(const std::string& folded_line) const {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < folded_line.size()) {
        const std::size_t end = std::min(folded_line.find(' ', i), folded_line.size());
        if (end > i) words.push_back(folded_line.substr(i, end - i));
        i = end + 1;
    }
    const std::vector<std::size_t> ends = phrases_.MatchEnds(words, 0);
    return !words.empty() && !ends.empty() && ends.front() == words.size();
}

// A teaser in French or German among English text: most of its lower-case
// words are not English words.
bool PageFurniture::LooksForeign(const SegmentedText& segmented, const Line& line) const {
    if (dictionary_.empty()) return false;
    std::size_t words = 0, english = 0;
    const std::size_t first = segmented.sentences[line.first_sentence].first_token;
    const std::size_t end = segmented.sentences[line.end_sentence - 1].end_token;
    for (std::size_t i = first; i < end; ++i) {
        const Token& t = segmented.tokens[i];
        if (t.kind != Token::Kind::kWord || t.text.size() < 2 || !(t.text[0] >= 'a' && t.text[0] <= 'z') ||
            t.text.find('-') != std::string_view::npos) {
            continue;
        }
        ++words;
        english += dictionary_.count(FoldCase(StripApostropheS(t.text, nullptr))) > 0;
    }
    return words >= 4 && english * 2 < words;
}

std::vector<LineRole> PageFurniture::Classify(std::string_view text, const SegmentedText& segmented) const {
    std::vector<LineRole> roles(segmented.lines.size());
    for (std::size_t l = 0; l < segmented.lines.size(); ++l) {
        const Line& line = segmented.lines[l];
        const std::string_view content = text.substr(line.begin, line.end - line.begin);
        const std::string folded = FoldCase(content);
        LineRole& role = roles[l];
        if (content.find("\xC2\xA9") != std::string_view::npos || folded.find("all rights reserved") != std::string::npos ||
            folded.rfind("copyright", 0) == 0) {
            role.why = "copyright line";
        } else if (IsWholePhrase(folded)) {
            role.why = "navigation or promotional line";
        } else if (EndsTruncated(content)) {
            role.why = "truncated teaser";
        } else if (LooksForeign(segmented, line)) {
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
