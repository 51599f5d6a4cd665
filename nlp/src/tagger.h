// The part-of-speech tagger: a greedy left-to-right averaged perceptron with
// Honnibal's features (the word, its affixes and shape, its neighbours, the
// two tags before it), and a dictionary of frequent words that always carry
// the same tag, which are tagged without scoring.
//
// Its tags are EWT's pairs of universal and Penn Treebank tags ("VERB/VBN"):
// the finer tag is what the parser reads (it separates a participle from a
// past tense), the universal one is what the API returns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kgraph/nlp/parser.h"
#include "binary_io.h"
#include "perceptron.h"
#include "word_keys.h"

namespace kgraph::nlp {

struct TagSet {
    std::vector<std::string> names;  // "NOUN/NN", ...
    std::vector<Upos> upos;          // the universal tag of each name
};

class Tagger {
public:
    Tagger() = default;
    // `dictionary`: form key -> tag, sorted by key.
    Tagger(TagSet tags, std::vector<std::pair<std::uint64_t, std::uint16_t>> dictionary, WeightTable weights);

    const TagSet& tags() const { return tags_; }
    // One tag index per word; a word with a known part of speech in
    // `known_upos` gets the best of the tags of that part of speech (see
    // Parser::Parse).
    std::vector<int> Tag(const std::vector<WordKeys>& words, const std::vector<std::optional<Upos>>& known_upos = {}) const;

    void Write(ByteWriter& out) const;
    static bool Read(ByteReader& in, Tagger* tagger);

    // The tag of a dictionary word; -1 for any other word.
    int DictionaryTag(std::uint64_t form) const;

private:
    // The highest-scoring tag whose universal tag is PROPN.
    int BestTagOf(const std::vector<std::int32_t>& scores, Upos upos) const;

    TagSet tags_;
    std::vector<std::pair<std::uint64_t, std::uint16_t>> dictionary_;
    WeightTable weights_;
};

struct TaggerExample {
    std::vector<WordKeys> words;
    std::vector<int> tags;
};

// Trains on `examples` in an order shuffled by `seed` each iteration.
Tagger TrainTagger(const TagSet& tags, const std::vector<TaggerExample>& examples, int iterations, std::uint32_t seed);

}  // namespace kgraph::nlp
