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

class Lemmatizer {
public:
    using Table = std::vector<std::pair<std::uint64_t, LemmaEdit>>;  // sorted by key

    Lemmatizer() = default;
    Lemmatizer(Table exceptions, Table suffix_rules);

    std::string Lemma(std::string_view word, Upos upos) const;

    void Write(ByteWriter& out) const;
    static bool Read(ByteReader& in, Lemmatizer* lemmatizer);

private:
    Table exceptions_;
    Table suffix_rules_;
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
