#include "lemmatizer.h"

#include <algorithm>
#include <map>

#include "feature_hash.h"

namespace kgraph::nlp {
namespace {

constexpr std::size_t kMaxSuffix = 5;
// A suffix rule needs this many words behind it; rarer endings fall back to a
// shorter one rather than trust a single word.
constexpr int kMinSuffixCount = 2;

std::uint64_t ExceptionKey(std::string_view lower_word, Upos upos) {
    return FeatureKey(1, HashText(lower_word), static_cast<std::uint64_t>(upos));
}

std::uint64_t SuffixKey(std::string_view lower_word, std::size_t length, Upos upos) {
    return FeatureKey(2, HashText(lower_word.substr(lower_word.size() - length)), static_cast<std::uint64_t>(upos));
}

std::string ApplyEdit(std::string_view word, const LemmaEdit& edit) {
    if (edit.cut > word.size()) return std::string(word);
    std::string lemma(word.substr(0, word.size() - edit.cut));
    lemma += edit.append;
    return lemma.empty() ? std::string(word) : lemma;
}

LemmaEdit EditBetween(std::string_view word, std::string_view lemma) {
    std::size_t common = 0;
    while (common < word.size() && common < lemma.size() && word[common] == lemma[common]) ++common;
    const std::size_t cut = std::min<std::size_t>(word.size() - common, 255);
    return LemmaEdit{static_cast<std::uint8_t>(cut), std::string(lemma.substr(common))};
}

std::string ApplySuffixRules(const EditTable& rules, std::string_view lower_word, Upos upos) {
    for (std::size_t length = std::min(kMaxSuffix, lower_word.size());; --length) {
        if (const LemmaEdit* edit = rules.Find(SuffixKey(lower_word, length, upos))) return ApplyEdit(lower_word, *edit);
        if (length == 0) return std::string(lower_word);
    }
}

void WriteTable(ByteWriter& out, const Lemmatizer::Table& table) {
    out.U64(table.size());
    for (const auto& [key, edit] : table) {
        out.U64(key);
        out.U8(edit.cut);
        out.String(edit.append);
    }
}

bool ReadTable(ByteReader& in, Lemmatizer::Table* table) {
    std::uint64_t size = 0;
    if (!in.U64(&size) || !in.Has(size, 13)) return false;
    table->resize(size);
    for (auto& [key, edit] : *table) {
        if (!in.U64(&key) || !in.U8(&edit.cut) || !in.String(&edit.append)) return false;
    }
    return std::is_sorted(table->begin(), table->end(),
                          [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace

EditTable::EditTable(Entries entries) : entries_(std::move(entries)) {
    std::size_t capacity = 2;
    while (capacity < 2 * entries_.size()) capacity *= 2;
    slots_.assign(capacity, Slot{});
    for (std::size_t e = 0; e < entries_.size(); ++e) {
        std::size_t slot = entries_[e].first & (capacity - 1);
        while (slots_[slot].key != 0) slot = (slot + 1) & (capacity - 1);
        slots_[slot] = Slot{entries_[e].first, static_cast<std::uint32_t>(e)};
    }
}

const LemmaEdit* EditTable::Find(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
        if (slots_[slot].key == key) return &entries_[slots_[slot].entry].second;
        if (slots_[slot].key == 0) return nullptr;
    }
}

std::string LowerAscii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = AsciiLower(c);
    return lower;
}

Lemmatizer::Lemmatizer(Table exceptions, Table suffix_rules)
    : exceptions_(std::move(exceptions)), suffix_rules_(std::move(suffix_rules)) {}

std::string Lemmatizer::Lemma(std::string_view word, Upos upos) const {
    const std::string lower = LowerAscii(word);
    if (const LemmaEdit* edit = exceptions_.Find(ExceptionKey(lower, upos))) return ApplyEdit(lower, *edit);
    return ApplySuffixRules(suffix_rules_, lower, upos);
}

void Lemmatizer::Write(ByteWriter& out) const {
    WriteTable(out, exceptions_.entries());
    WriteTable(out, suffix_rules_.entries());
}

bool Lemmatizer::Read(ByteReader& in, Lemmatizer* lemmatizer) {
    Table exceptions, suffix_rules;
    if (!ReadTable(in, &exceptions) || !ReadTable(in, &suffix_rules)) return false;
    *lemmatizer = Lemmatizer(std::move(exceptions), std::move(suffix_rules));
    return true;
}

Lemmatizer TrainLemmatizer(const std::vector<LemmaExample>& examples) {
    // The most frequent lemma of every (word, tag), ties to the first in byte order.
    std::map<std::pair<std::string, Upos>, std::map<std::string, int>> lemma_counts;
    for (const LemmaExample& example : examples) {
        ++lemma_counts[{LowerAscii(example.word), example.upos}][LowerAscii(example.lemma)];
    }
    std::map<std::pair<std::string, Upos>, std::string> lemma_of;
    for (const auto& [word_tag, counts] : lemma_counts) {
        lemma_of[word_tag] = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                                 return a.second < b.second;
                             })->first;
    }

    // Each distinct word votes once for the edit of each of its endings.
    std::map<std::tuple<Upos, std::string, std::uint8_t, std::string>, int> votes;  // tag, ending, edit
    for (const auto& [word_tag, lemma] : lemma_of) {
        const auto& [word, upos] = word_tag;
        const LemmaEdit edit = EditBetween(word, lemma);
        for (std::size_t length = 0; length <= std::min(kMaxSuffix, word.size()); ++length) {
            ++votes[{upos, word.substr(word.size() - length), edit.cut, edit.append}];
        }
    }
    struct Winner {
        LemmaEdit edit;
        int count = 0;
        int total = 0;
    };
    std::map<std::pair<Upos, std::string>, Winner> winners;
    for (const auto& [vote, count] : votes) {
        const auto& [upos, ending, cut, append] = vote;
        Winner& winner = winners[{upos, ending}];
        winner.total += count;
        if (count > winner.count) winner = Winner{LemmaEdit{cut, append}, count, winner.total};
    }
    auto same_edit = [](const LemmaEdit& a, const LemmaEdit& b) { return a.cut == b.cut && a.append == b.append; };
    Lemmatizer::Table suffix_rules;
    for (const auto& [tag_ending, winner] : winners) {
        const auto& [upos, ending] = tag_ending;
        if (!ending.empty()) {
            if (winner.total < kMinSuffixCount) continue;
            const Winner& shorter = winners.at({upos, ending.substr(1)});
            if (same_edit(winner.edit, shorter.edit)) continue;  // the shorter ending already says it
        }
        suffix_rules.emplace_back(SuffixKey(ending, ending.size(), upos), winner.edit);
    }
    std::sort(suffix_rules.begin(), suffix_rules.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    const EditTable suffix_table(suffix_rules);
    Lemmatizer::Table exceptions;
    for (const auto& [word_tag, lemma] : lemma_of) {
        const auto& [word, upos] = word_tag;
        if (ApplySuffixRules(suffix_table, word, upos) != lemma) {
            exceptions.emplace_back(ExceptionKey(word, upos), EditBetween(word, lemma));
        }
    }
    std::sort(exceptions.begin(), exceptions.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return Lemmatizer(std::move(exceptions), std::move(suffix_rules));
}

}  // namespace kgraph::nlp
