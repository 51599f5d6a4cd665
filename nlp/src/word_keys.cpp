#include "word_keys.h"

#include <algorithm>

#include "feature_hash.h"

namespace kgraph::nlp {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Numbers are folded as in Honnibal's tagger: the exact figure says little
// about the syntax, "1984"-like years and other numbers a little more.
std::uint64_t NormKey(std::string_view word) {
    static constexpr std::uint64_t kYear = HashText("!YEAR");
    static constexpr std::uint64_t kDigits = HashText("!DIGITS");
    if (!word.empty() && IsDigit(word.front())) {
        return word.size() == 4 && std::all_of(word.begin(), word.end(), IsDigit) ? kYear : kDigits;
    }
    return HashText(word, /*lower=*/true);
}

// spaCy's word shape: letters to X/x, digits to d, other bytes kept, and runs
// of one class cut at 4 so "Xxxxx" and "Xxxxxxxx" look alike.
std::uint64_t ShapeKey(std::string_view word) {
    char shape[32];
    std::size_t size = 0;
    char last = 0;
    int run = 0;
    for (char c : word) {
        char mapped = c;
        if (c >= 'A' && c <= 'Z') mapped = 'X';
        else if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) mapped = 'x';
        else if (IsDigit(c)) mapped = 'd';
        run = mapped == last ? run + 1 : 1;
        last = mapped;
        if (run > 4) continue;
        if (size == sizeof(shape)) break;
        shape[size++] = mapped;
    }
    return HashText(std::string_view(shape, size));
}

std::uint64_t SuffixKey(std::string_view word, std::size_t length) {
    return HashText(word.substr(word.size() - std::min(length, word.size())), /*lower=*/true);
}

}  // namespace

std::vector<WordKeys> ComputeWordKeys(const std::vector<std::string_view>& words) {
    std::vector<WordKeys> keys;
    keys.reserve(words.size());
    for (std::string_view word : words) {
        keys.push_back(WordKeys{
            .form = HashText(word),
            .norm = NormKey(word),
            .prefix1 = HashText(word.substr(0, 1), /*lower=*/true),
            .prefix3 = HashText(word.substr(0, 3), /*lower=*/true),
            .suffix1 = SuffixKey(word, 1),
            .suffix2 = SuffixKey(word, 2),
            .suffix3 = SuffixKey(word, 3),
            .suffix4 = SuffixKey(word, 4),
            .shape = ShapeKey(word),
        });
    }
    return keys;
}

}  // namespace kgraph::nlp
