// Word lists: single words (title, first name...) and phrases ("in excess
// of", "end its association with") matched against sentence items.
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <optional>
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
// FoldCase(text) appended to `out`: a document's words folded into one buffer.
void AppendFolded(std::string_view text, std::string& out);

// "Meta’s" -> "Meta" (and sets *possessive); other words unchanged.
std::string_view StripApostropheS(std::string_view word, bool* possessive);

// A set's cheap first test: whether a word may be in it, from its length and
// its first and last bytes. Most words looked up in a lexicon are not in it,
// and this answers most of them for less than hashing the word would cost.
class WordFilter {
public:
    void Add(std::string_view word) { bits_.set(Slot(word)); }
    bool MayContain(std::string_view word) const { return bits_.test(Slot(word)); }

private:
    static constexpr std::size_t kSlots = 1024;
    static std::size_t Slot(std::string_view word) {
        if (word.empty()) return 0;
        return (word.size() * 131 + static_cast<unsigned char>(word.front()) * 31 +
                static_cast<unsigned char>(word.back())) % kSlots;
    }
    std::bitset<kSlots> bits_;
};

// Words numbered in the order they were added (the system word list, the
// rules' vocabulary), laid out for lookups that mostly miss the cache: one
// open-addressing table of small slots and one buffer of characters, where a
// std::unordered_map chases a bucket, a node and its predecessor for every
// lookup, and hashes out of line.
class WordList {
public:
    static constexpr int kAbsent = -1;

    WordList() = default;
    explicit WordList(const std::vector<std::string>& words);

    bool empty() const { return size_ == 0; }
    // The number of `word`, added now if it is new.
    int Add(std::string_view word);
    // The number of `word`, or kAbsent.
    int Find(std::string_view word) const;
    // 1 when `word` is in the list, else 0 (as std::unordered_set::count).
    std::size_t count(std::string_view word) const { return Find(word) == kAbsent ? 0 : 1; }

private:
    struct Slot {
        std::uint32_t offset = 0, size = 0;  // into chars_
        std::uint32_t tag = 0;               // high bits of the hash; 0: empty slot
        std::int32_t number = kAbsent;
    };
    static std::uint64_t Hash(std::string_view word);
    static std::uint32_t TagOf(std::uint64_t hash);
    // The slot holding `word`, or the empty one ending its probe.
    std::size_t SlotOf(std::string_view word, std::uint64_t hash) const;
    void Grow();

    std::vector<Slot> slots_;  // a power of two, at most half full
    std::string chars_;
    std::size_t size_ = 0;
};

// The words the rules know (first words of lexicon entries, pattern words),
// numbered while the rules load and fixed afterwards. Each word of a document
// is looked up here once; lexicons and patterns then compare numbers where
// they hashed and compared strings for every test.
class Vocabulary {
public:
    static constexpr int kUnknown = WordList::kAbsent;  // a word the rules never mention

    int Intern(std::string_view word) { return words_.Add(word); }
    int Find(std::string_view word) const { return words_.Find(word); }

private:
    WordList words_;
};

class Lexicon {
public:
    Lexicon() = default;
    // Numbers the entries' words in `vocabulary`.
    Lexicon(const std::vector<std::string>& entries, Vocabulary& vocabulary);

    // True when `word` (already folded) is a one-word entry.
    bool Contains(std::string_view word) const {
        return first_word_filter_.MayContain(word) && words_.find(word) != words_.end();
    }
    // The same for a word by its number in the vocabulary.
    bool Contains(int word_id) const { return Has(one_word_by_id_, word_id); }
    // Calls `accept(end)` for every end position of an entry starting at
    // items[pos], longest first, until it returns true; true when one did.
    // No allocation: this runs inside the pattern matcher's innermost loop.
    template <typename Accept>
    bool AnyEnd(const SentenceItems& items, std::size_t pos, Accept&& accept) const {
        if (pos >= items.size() || !WordOfItem(items[pos])) return false;
        const std::vector<Phrase>* group = GroupOfId(items[pos].word_id);
        return group != nullptr && EachEnd(*group, items.size(), pos, [&](std::size_t i) { return WordOfItem(items[i]); }, accept);
    }
    // True when an entry starts at items[pos].
    bool StartsAt(const SentenceItems& items, std::size_t pos) const {
        return AnyEnd(items, pos, [](std::size_t) { return true; });
    }
    // As AnyEnd(), over plain words.
    template <typename Accept>
    bool AnyEnd(const std::vector<std::string_view>& words, std::size_t pos, Accept&& accept) const {
        auto word_at = [&](std::size_t i) { return std::optional<std::string_view>(words[i]); };
        return EachEndOfWord(words.size(), pos, word_at, accept);
    }
    // True when the `count` words `word_at(0)`... `word_at(count - 1)`, all
    // of them, are one entry.
    template <typename WordAt>
    bool IsEntry(std::size_t count, WordAt&& word_at) const {
        return count > 0 && IsWholeEntry(GroupOfWord(word_at(0)), count, word_at);
    }
    // The same with the first word's number in the vocabulary given too
    // (FoldedTokens::StemId): an index into a table instead of a hash lookup.
    template <typename WordAt>
    bool IsEntry(std::size_t count, int first_id, WordAt&& word_at) const {
        return count > 0 && IsWholeEntry(GroupOfId(first_id), count, word_at);
    }
    // First words of the entries: a sentence with none of them cannot match.
    const WordSet& FirstWords() const { return first_words_; }
    // The number of words of the longest entry.
    std::size_t LongestEntry() const { return longest_entry_; }

private:
    using Phrase = std::vector<std::string>;

    // Patterns see the words of words and of references ("its"), nothing else.
    static std::optional<std::string_view> WordOfItem(const SentenceItem& item) {
        if (item.kind == SentenceItem::Kind::kWord || item.reference) return item.word;
        return std::nullopt;
    }

    template <typename Table>
    static bool Has(const Table& by_id, int id) {
        return id >= 0 && static_cast<std::size_t>(id) < by_id.size() && by_id[static_cast<std::size_t>(id)] >= 0;
    }

    // The entries that start with `first`, or null.
    const std::vector<Phrase>* GroupOfWord(std::string_view first) const {
        if (!first_word_filter_.MayContain(first)) return nullptr;
        const auto it = group_of_first_word_.find(first);
        return it == group_of_first_word_.end() ? nullptr : &groups_[it->second];
    }
    const std::vector<Phrase>* GroupOfId(int first_id) const {
        if (!Has(group_of_first_id_, first_id)) return nullptr;
        return &groups_[static_cast<std::size_t>(group_of_first_id_[static_cast<std::size_t>(first_id)])];
    }

    // `word_at(i)`: the i-th of `size` words, nullopt where there is none.
    template <typename WordAt, typename Accept>
    bool EachEndOfWord(std::size_t size, std::size_t pos, WordAt word_at, Accept& accept) const {
        if (pos >= size) return false;
        const std::optional<std::string_view> first = word_at(pos);
        const std::vector<Phrase>* group = first ? GroupOfWord(*first) : nullptr;
        return group != nullptr && EachEnd(*group, size, pos, word_at, accept);
    }

    // Whether the longest of `phrases` (which share the first word) found at
    // the first of `count` words spans all of them.
    template <typename WordAt>
    static bool IsWholeEntry(const std::vector<Phrase>* phrases, std::size_t count, WordAt& word_at) {
        if (phrases == nullptr) return false;
        bool whole = false;
        auto longest = [&](std::size_t end) {
            whole = end == count;
            return true;
        };
        EachEnd(*phrases, count, 0, [&](std::size_t i) { return std::optional<std::string_view>(word_at(i)); }, longest);
        return whole;
    }

    // The ends of `phrases` (which share the word at `pos`) found at `pos`.
    template <typename WordAt, typename Accept>
    static bool EachEnd(const std::vector<Phrase>& phrases, std::size_t size, std::size_t pos, WordAt word_at,
                        Accept& accept) {
        std::size_t previous_end = pos;  // no entry is empty: never an end
        for (const Phrase& phrase : phrases) {
            const std::size_t end = pos + phrase.size();
            if (end > size || end == previous_end) continue;
            bool all = true;
            for (std::size_t k = 1; k < phrase.size() && all; ++k) {
                const std::optional<std::string_view> w = word_at(pos + k);
                all = w && *w == phrase[k];
            }
            if (!all) continue;
            previous_end = end;
            if (accept(end)) return true;
        }
        return false;
    }

    WordSet words_;  // one-word entries
    WordSet first_words_;
    WordFilter first_word_filter_;  // of first_words_, which holds words_
    std::vector<std::vector<Phrase>> groups_;  // the entries by first word, longest first
    WordMap<std::size_t> group_of_first_word_;  // index into groups_
    // By vocabulary number: index into groups_, and whether a one-word
    // entry (1) or not (-1).
    std::vector<int> group_of_first_id_;
    std::vector<signed char> one_word_by_id_;
    std::size_t longest_entry_ = 0;
};

}  // namespace kgraph::extract
