// Every token of a document case-folded once, and looked up once in the
// rules' vocabulary. Lexicons and patterns compare folded words; each stage
// folding, allocating and hashing the same token again was a large part of
// the extractor's time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "text_segmenter.h"

namespace kgraph::extract {

// The letters of a dotted acronym ("CEO" for "C.E.O"), or "" for any other
// word. The parser reads such a word as its letters, and the lexicons see it
// folded so ("ceo").
std::string DottedAcronymForm(std::string_view text);

class FoldedTokens {
public:
    FoldedTokens(const std::vector<Token>& tokens, const Vocabulary& vocabulary);

    // FoldCase(text): "meta’s" for "Meta’s".
    std::string_view Word(std::size_t token) const { return View(words_[token]); }
    // FoldCase(StripApostropheS(text)): "meta" for "Meta’s".
    std::string_view Stem(std::size_t token) const { return View(stems_[token]); }
    // Whether the token ends in a possessive ending ("Meta’s", "Reuters'").
    bool Possessive(std::size_t token) const { return stems_[token].begin != words_[token].begin; }
    // Word() and Stem() in the vocabulary (Vocabulary::kUnknown when absent).
    int WordId(std::size_t token) const { return words_[token].id; }
    int StemId(std::size_t token) const { return stems_[token].id; }

private:
    struct Span {
        std::size_t begin = 0, size = 0;  // in chars_
        int id = Vocabulary::kUnknown;
    };
    std::string_view View(Span span) const { return std::string_view(chars_).substr(span.begin, span.size); }
    Span Append(std::string_view text, const Vocabulary& vocabulary);

    std::string chars_;
    std::vector<Span> words_, stems_;
};

}  // namespace kgraph::extract
