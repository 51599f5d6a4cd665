// Sentences and tokens with ICU, keeping byte offsets into the UTF-8 text.
//
// Line breaks are hard boundaries: ICU already ends a sentence at a line
// separator, and news pages put headlines, bylines and teasers on lines of
// their own without final punctuation, which must never run into the next
// paragraph.
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/status.h"
#include "lexicon.h"

namespace kgraph::extract {

struct Token {
    enum class Kind : std::uint8_t { kWord, kNumber, kPunct };
    std::size_t begin = 0, end = 0;
    Kind kind = Kind::kWord;
    std::string_view text;  // into the document text
};

struct Sentence {
    std::size_t begin = 0, end = 0;              // byte offsets, trimmed
    std::size_t first_token = 0, end_token = 0;  // token range
    std::size_t line = 0;                        // index into SegmentedText::lines
    std::size_t char_begin = 0, char_end = 0;    // begin and end in code points
};

struct Line {
    std::size_t begin = 0, end = 0;
    std::size_t first_sentence = 0, end_sentence = 0;
};

struct SegmentedText {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::vector<Line> lines;  // non-blank lines only
};

class TextSegmenter {
public:
    static Result<TextSegmenter> Create();
    // Thread-safe: every thread works on its own clones of the ICU
    // iterators, made on its first call and reused for later documents.
    SegmentedText Segment(std::string_view text) const;

private:
    std::shared_ptr<const icu::BreakIterator> sentence_prototype_;
    std::shared_ptr<const icu::BreakIterator> word_prototype_;
};

// "Chevron Corp. Chief Executive Officer Mike Wirth said ...": ICU ends a
// sentence at a full stop before a capital. A sentence that ends with a
// word of `abbreviations` and its full stop runs on into the next sentence
// of its line when that one opens with a word of `continuations` or a
// parenthesis ("Las Vegas Sands Corp. (NYSE:LVS)"); one that
// ends with a word of `honorifics` ("by Dr. Bonnie Snyder") always does.
SegmentedText JoinAfterAbbreviations(SegmentedText text, const Lexicon& abbreviations, const Lexicon& continuations,
                                     const Lexicon& honorifics);

}  // namespace kgraph::extract
