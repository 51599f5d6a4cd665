#include "lexicon.h"

#include <algorithm>
#include <sstream>

namespace kgraph::extract {

std::string FoldCase(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
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
    return out;
}

Lexicon::Lexicon(const std::vector<std::string>& entries) {
    for (const std::string& entry : entries) {
        std::istringstream split(FoldCase(entry));
        std::vector<std::string> words;
        for (std::string w; split >> w;) words.push_back(w);
        if (words.empty()) continue;
        if (words.size() == 1) words_.insert(words[0]);
        first_words_.insert(words[0]);
        phrases_by_first_word_[words[0]].push_back(std::move(words));
    }
    for (auto& [first, phrases] : phrases_by_first_word_) {
        std::stable_sort(phrases.begin(), phrases.end(),
                         [](const auto& a, const auto& b) { return a.size() > b.size(); });
    }
}

namespace {
template <typename Sequence, typename WordAt>
std::vector<std::size_t> EndsOf(const WordMap<std::vector<std::vector<std::string>>>& index,
                                const Sequence& seq, std::size_t pos, WordAt word_at) {
    std::vector<std::size_t> ends;
    if (pos >= seq.size()) return ends;
    const std::string* first = word_at(seq[pos]);
    if (first == nullptr) return ends;
    const auto it = index.find(*first);
    if (it == index.end()) return ends;
    for (const auto& phrase : it->second) {
        if (pos + phrase.size() > seq.size()) continue;
        bool all = true;
        for (std::size_t k = 1; k < phrase.size() && all; ++k) {
            const std::string* w = word_at(seq[pos + k]);
            all = w != nullptr && *w == phrase[k];
        }
        const std::size_t end = pos + phrase.size();
        if (all && (ends.empty() || ends.back() != end)) ends.push_back(end);
    }
    return ends;
}
}  // namespace

std::vector<std::size_t> Lexicon::MatchEnds(const SentenceItems& items, std::size_t pos) const {
    return EndsOf(phrases_by_first_word_, items, pos, [](const SentenceItem& item) -> const std::string* {
        return (item.kind == SentenceItem::Kind::kWord || item.reference) ? &item.word : nullptr;
    });
}

std::vector<std::size_t> Lexicon::MatchEnds(const std::vector<std::string>& words, std::size_t pos) const {
    return EndsOf(phrases_by_first_word_, words, pos, [](const std::string& w) { return &w; });
}

}  // namespace kgraph::extract
