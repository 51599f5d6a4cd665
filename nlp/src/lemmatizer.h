// The lemmatizer: (lower-cased word, universal tag) -> lower-cased lemma.
//
// Both of its tables hold edits ("cut 3 bytes, append e": making -> make),
// learned from a treebank:
// - suffix rules: for a tag and a word ending of up to 5 bytes, the edit most
//   often seen with it ("ies" NOUN -> cut 3, append "y"), which is how the
//   English endings (-s, -es, -ies, -ed, -ing with e restored or a doubled
//   consonant undone) are learned rather than written out; a rule is kept
//   only where it differs from that of the next shorter ending;
// - exceptions: the words of the treebank the suffix rules get wrong
//   ("was" AUX -> be, "children" -> child).
// An unknown word takes the rule of its longest known ending.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgraph/nlp/parser.h"
#include "binary_io.h"

namespace kgraph::nlp {

struct LemmaEdit {
    std::uint8_t cut = 0;  // bytes removed from the end of the word
    std::string append;    // then appended
};

// Edits by key (never 0), as the file lists them, sorted by key, with an
// open-addressing index for lookups: a word's lemma takes up to seven of
// them, and a binary search over the entries missed the caches (which the
// parser's tables fill) at nearly every step.
class EditTable {
public:
    using Entries = std::vector<std::pair<std::uint64_t, LemmaEdit>>;

    EditTable() = default;
    explicit EditTable(Entries entries);

    // The edit of `key`, or nullptr.
    const LemmaEdit* Find(std::uint64_t key) const;
    const Entries& entries() const { return entries_; }

private:
    struct Slot {
        std::uint64_t key = 0;  // 0: empty
        std::uint32_t entry = 0;
    };
    Entries entries_;
    std::vector<Slot> slots_ = std::vector<Slot>(1);  // a power of two, at most half full
};

class Lemmatizer {
public:
    using Table = EditTable::Entries;  // sorted by key

    Lemmatizer() = default;
    Lemmatizer(Table exceptions, Table suffix_rules);

    std::string Lemma(std::string_view word, Upos upos) const;

    void Write(ByteWriter& out) const;
    static bool Read(ByteReader& in, Lemmatizer* lemmatizer);

private:
    EditTable exceptions_;
    EditTable suffix_rules_;
};

struct LemmaExample {
    std::string word;
    Upos upos;
    std::string lemma;
};

Lemmatizer TrainLemmatizer(const std::vector<LemmaExample>& examples);

// ASCII lower-casing; other bytes are kept.
std::string LowerAscii(std::string_view text);

}  // namespace kgraph::nlp
