// What the tagger and the parser know of a word: hashes of its normalized
// form, affixes and shape, computed once per word and shared by both.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kgraph::nlp {

struct WordKeys {
    std::uint64_t form;     // as written
    std::uint64_t norm;     // lower-cased; digit strings folded to two classes
    std::uint64_t prefix1;  // lower-cased affixes, by byte
    std::uint64_t prefix3;
    std::uint64_t suffix1;
    std::uint64_t suffix2;
    std::uint64_t suffix3;
    std::uint64_t suffix4;
    std::uint64_t shape;    // "Xxxx", "dd.d", "x'x": case, digits and punctuation
};

std::vector<WordKeys> ComputeWordKeys(const std::vector<std::string_view>& words);

}  // namespace kgraph::nlp
