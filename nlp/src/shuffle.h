// A Fisher-Yates shuffle driven by std::mt19937 alone: std::shuffle and the
// standard distributions may differ between standard libraries, and training
// must give the same model bytes wherever it runs.
#pragma once

#include <random>
#include <utility>
#include <vector>

namespace kgraph::nlp {

template <typename T>
void DeterministicShuffle(std::vector<T>& items, std::mt19937& rng) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng() % i]);
}

}  // namespace kgraph::nlp
