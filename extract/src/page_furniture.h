// What a line of a news page is: body text, a headline, or furniture
// (copyright lines, navigation, teasers in another language) that must yield
// no relation.
#pragma once

#include <string>
#include <vector>

#include "folded_tokens.h"
#include "lexicon.h"
#include "text_segmenter.h"

namespace kgraph::extract {

struct LineRole {
    bool furniture = false;
    bool heading = false;  // short, without final punctuation
    std::string why;       // for the explanation when furniture
};

class PageFurniture {
public:
    // `phrases`: whole lines that are furniture ("Leave A Reply").
    // `dictionary`: lower-case English words; empty disables the language test.
    PageFurniture(const Lexicon& phrases, const WordList& dictionary)
        : phrases_(phrases), dictionary_(dictionary) {}

    std::vector<LineRole> Classify(std::string_view text, const SegmentedText& segmented,
                                   const FoldedTokens& folded) const;

    // For each line, the index of the nearest headline above it, or -1.
    static std::vector<int> HeadingOfLine(const std::vector<LineRole>& roles);

private:
    bool IsWholePhrase(std::string_view folded_line) const;
    bool LooksForeign(const SegmentedText& segmented, const FoldedTokens& folded, const Line& line) const;
    const Lexicon& phrases_;
    const WordList& dictionary_;
};

}  // namespace kgraph::extract
