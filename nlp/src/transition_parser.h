// The labeled dependency parser: greedy arc-hybrid transitions (Kuhlmann et
// al. 2011) scored by an averaged perceptron with Zhang & Nivre's (2011) rich
// non-local features, trained with Goldberg & Nivre's (2013) dynamic oracle
// and exploration, so it learns to recover from its own mistakes.
//
// The artificial root sits at the bottom of the stack and takes its one
// dependent only once the buffer is empty, so every parse is a single tree.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "binary_io.h"
#include "perceptron.h"
#include "word_keys.h"

namespace kgraph::nlp {

struct DependencyTree {
    std::vector<int> heads;   // -1 for the root word
    std::vector<int> labels;  // indexes into TransitionParser::labels()
};

class TransitionParser {
public:
    TransitionParser() = default;
    // `labels` must contain "root".
    TransitionParser(std::vector<std::string> labels, WeightTable weights);

    const std::vector<std::string>& labels() const { return labels_; }
    // `tags` are the tagger's tag indexes of `words`.
    DependencyTree Parse(const std::vector<WordKeys>& words, const std::vector<int>& tags) const;

    void Write(ByteWriter& out) const;
    static bool Read(ByteReader& in, TransitionParser* parser);

private:
    std::vector<std::string> labels_;
    int root_label_ = 0;
    WeightTable weights_;
};

struct ParserExample {
    std::vector<WordKeys> words;
    std::vector<int> tags;  // as the tagger predicts them, so training sees its errors
    DependencyTree gold;
};

// Called after each training iteration with the parser averaged so far.
using ParserProgress = std::function<void(int iteration, const TransitionParser& parser)>;

// Trains on `examples` in an order shuffled by `seed` each iteration,
// following the model's own (possibly wrong) transitions from the second
// iteration on.
TransitionParser TrainTransitionParser(const std::vector<std::string>& labels, const std::vector<ParserExample>& examples,
                                       int iterations, std::uint32_t seed, const ParserProgress& progress);

}  // namespace kgraph::nlp
