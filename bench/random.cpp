#include "random.h"

#include <algorithm>
#include <cmath>

namespace kgraph::bench {

ZipfSampler::ZipfSampler(std::size_t n, double exponent) : cumulative_(n) {
    double total = 0;
    for (std::size_t rank = 0; rank < n; ++rank) {
        total += 1.0 / std::pow(static_cast<double>(rank + 1), exponent);
        cumulative_[rank] = total;
    }
    for (double& c : cumulative_) c /= total;
    cumulative_.back() = 1.0;  // no rounding gap at the top
}

std::size_t ZipfSampler::Draw(Random& random) const {
    const double u = random.Unit();
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin());
}

}  // namespace kgraph::bench
