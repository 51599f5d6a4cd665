#include "lexicon.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <sstream>

namespace kgraph::extract {

namespace {

// Folds out[from..] where non-ASCII letters or the typographic apostrophe may occur.
void FoldNonAscii(std::string& out, std::size_t from) {
    for (std::size_t i = from; i < out.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < out.size()) {
            // U+00C0..U+00DE (except U+00D7) fold to U+00E0..U+00FE.
            const unsigned char next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        } else if (c == 0xE2 && i + 2 < out.size() && out[i + 1] == '\x80' && out[i + 2] == '\x99') {
            // The typographic apostrophe folds to the ASCII one, so "Meta’s"
            // and "Meta's" are the same word to every lexicon.
            out.replace(i, 3, "'");
        }
    }
}

// Lower-cases the eight bytes at `p` when all are ASCII; false, leaving
// them alone, when one is not.
bool LowerAscii8(char* p) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
    if (x & kHighBits) return false;
    // Bytes below 0x80 plus these stay below 0x100, so no carry crosses
    // bytes: the high bit of each sum says byte >= 'A', and byte > 'Z'.
    const std::uint64_t from_a = x + 0x3F3F3F3F3F3F3F3FULL;
    const std::uint64_t past_z = x + 0x2525252525252525ULL;
    const std::uint64_t upper = from_a & ~past_z & kHighBits;
    x |= upper >> 2;  // 0x80 >> 2 is the case bit, 0x20
    std::memcpy(p, &x, sizeof x);
    return true;
}

}  // namespace

std::string FoldCase(std::string_view text) {
    std::string out;
    AppendFolded(text, out);
    return out;
}

void AppendFolded(std::string_view text, std::string& out) {
    const std::size_t begin = out.size();
    out.append(text);
    // Nearly all text is plain ASCII: lower it eight bytes at a time, then in
    // a tight loop, and leave the rest to FoldNonAscii() at the first byte
    // that is not ASCII.
    char* const bytes = out.data();
    std::size_t start = begin;
    while (start + 8 <= out.size() && LowerAscii8(bytes + start)) start += 8;
    for (std::size_t i = start; i < out.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x80) {
            FoldNonAscii(out, i);
            break;
        }
        if (c >= 'A' && c <= 'Z') bytes[i] = static_cast<char>(c + ('a' - 'A'));
    }
}

std::string_view StripApostropheS(std::string_view word, bool* possessive) {
    using namespace std::string_view_literals;
    static constexpr std::array kEndings{"\xE2\x80\x99s"sv, "'s"sv, "\xE2\x80\x99S"sv, "'S"sv, "\xE2\x80\x99"sv, "'"sv};
    // Called for every token, most of which end in none of the endings' last bytes.
    if (word.empty() || (word.back() != 's' && word.back() != 'S' && word.back() != '\x99' && word.back() != '\'')) return word;
    for (std::string_view ending : kEndings) {
        if (word.size() > ending.size() && word.substr(word.size() - ending.size()) == ending) {
            if (possessive) *possessive = true;
            return word.substr(0, word.size() - ending.size());
        }
    }
    return word;
}

WordList::WordList(const std::vector<std::string>& words) {
    // Sized once for all the words: growing a 100,000-word list step by
    // step would hold two tables at once at every step.
    std::size_t capacity = 16;
    while (capacity < 2 * (words.size() + 1)) capacity *= 2;
    slots_.resize(capacity);
    for (const std::string& word : words) Add(word);
}

std::uint64_t WordList::Hash(std::string_view word) {
    // Eight bytes at a time through splitmix64's multiply and shift: words
    // are short, and this stays inline where std::hash calls out.
    constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;
    std::uint64_t hash = word.size() * kGolden;
    auto mix = [&](std::uint64_t chunk) {
        hash = (hash ^ chunk) * 0xBF58476D1CE4E5B9ULL;
        hash ^= hash >> 31;
    };
    const char* p = word.data();
    std::size_t left = word.size();
    for (; left >= 8; p += 8, left -= 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, p, sizeof chunk);
        mix(chunk);
    }
    // The last 1..7 bytes, without reading past them: two overlapping 4-byte
    // loads cover 4..7 bytes, the first, middle and last byte cover 1..3.
    if (left >= 4) {
        std::uint32_t low, high;
        std::memcpy(&low, p, sizeof low);
        std::memcpy(&high, p + left - 4, sizeof high);
        mix(low | static_cast<std::uint64_t>(high) << 32);
    } else if (left > 0) {
        const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
        mix(byte(0) | byte(left / 2) << 8 | byte(left - 1) << 16);
    }
    return hash * kGolden;
}

std::uint32_t WordList::TagOf(std::uint64_t hash) {
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    return tag == 0 ? 1 : tag;  // 0 marks an empty slot
}

std::size_t WordList::SlotOf(std::string_view word, std::uint64_t hash) const {
    const std::uint32_t tag = TagOf(hash);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.tag == 0) return i;
        if (slot.tag == tag && slot.size == word.size() && chars_.compare(slot.offset, slot.size, word) == 0) return i;
    }
}

void WordList::Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(16, 2 * old.size()), Slot{});
    for (const Slot& slot : old) {
        if (slot.tag == 0) continue;
        const std::string_view word = std::string_view(chars_).substr(slot.offset, slot.size);
        slots_[SlotOf(word, Hash(word))] = slot;
    }
}

int WordList::Add(std::string_view word) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const std::uint64_t hash = Hash(word);
    Slot& slot = slots_[SlotOf(word, hash)];
    if (slot.tag == 0) {
        slot = {static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(word.size()), TagOf(hash),
                static_cast<std::int32_t>(size_++)};
        chars_ += word;
    }
    return slot.number;
}

int WordList::Find(std::string_view word) const {
    if (slots_.empty()) return kAbsent;
    return slots_[SlotOf(word, Hash(word))].number;
}

namespace {

// Sets table[id] to `value`, growing the table with -1 (absent) as needed.
template <typename T>
void SetById(std::vector<T>& table, int id, T value) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= table.size()) table.resize(index + 1, -1);
    table[index] = value;
}

}  // namespace

Lexicon::Lexicon(const std::vector<std::string>& entries, Vocabulary& vocabulary) {
    for (const std::string& entry : entries) {
        std::istringstream split(FoldCase(entry));
        std::vector<std::string> words;
        for (std::string w; split >> w;) words.push_back(w);
        if (words.empty()) continue;
        const int first_id = vocabulary.Intern(words[0]);
        if (words.size() == 1) {
            words_.insert(words[0]);
            SetById<signed char>(one_word_by_id_, first_id, 1);
        }
        longest_entry_ = std::max(longest_entry_, words.size());
        first_words_.insert(words[0]);
        first_word_filter_.Add(words[0]);
        const auto [group, added] = group_of_first_word_.emplace(words[0], groups_.size());
        if (added) {
            groups_.emplace_back();
            SetById(group_of_first_id_, first_id, static_cast<int>(group->second));
        }
        groups_[group->second].push_back(std::move(words));
    }
    for (std::vector<Phrase>& phrases : groups_) {
        std::stable_sort(phrases.begin(), phrases.end(),
                         [](const auto& a, const auto& b) { return a.size() > b.size(); });
    }
}

}  // namespace kgraph::extract
