// Word lists: single words (title, first name...) and phrases ("in excess
// of", "end its association with") matched against sentence items.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sentence_items.h"

namespace kgraph::extract {

// Hashes std::string and std::string_view alike, so that sets and maps keyed
// by words are searched with a view into the text, without copying it.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
template <typename T>
using WordMap = std::unordered_map<std::string, T, WordHash, std::equal_to<>>;

// Lower-cases ASCII and the Latin-1/Latin Extended letters that news text
// uses; enough for matching lexicon entries, which are compared folded.
std::string FoldCase(std::string_view text);

class Lexicon {
public:
    Lexicon() = default;
    explicit Lexicon(const std::vector<std::string>& entries);

    // True when `word` (already folded) is a one-word entry.
    bool Contains(std::string_view word) const { return words_.find(word) != words_.end(); }
    // Every end position of an entry starting at items[pos], longest first.
    std::vector<std::size_t> MatchEnds(const SentenceItems& items, std::size_t pos) const;
    // Every end position of an entry starting at words[pos] (plain words).
    std::vector<std::size_t> MatchEnds(const std::vector<std::string>& words, std::size_t pos) const;
    // First words of the entries: a sentence with none of them cannot match.
    const WordSet& FirstWords() const { return first_words_; }

private:
    WordSet words_;
    WordSet first_words_;
    WordMap<std::vector<std::vector<std::string>>> phrases_by_first_word_;
};

}  // namespace kgraph::extract
