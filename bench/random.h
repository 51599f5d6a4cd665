// Deterministic randomness for the corpus generator.
//
// The standard distributions (std::uniform_int_distribution, ...) are
// implementation-defined, so the same seed would give another corpus with
// another standard library. These few lines are fully specified instead:
// a given seed gives the same bytes on every platform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

namespace kgraph::bench {

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough for text.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound); the modulo bias is negligible for bounds this small.
    std::size_t Below(std::size_t bound) { return static_cast<std::size_t>(Next() % bound); }
    // Uniform in [low, high].
    int Between(int low, int high) { return low + static_cast<int>(Below(static_cast<std::size_t>(high - low + 1))); }
    // Uniform in [0, 1).
    double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
    bool Chance(double probability) { return Unit() < probability; }

    // A uniformly chosen element of an array or vector.
    template <typename Items>
    const auto& Pick(const Items& items) { return items[Below(std::size(items))]; }

private:
    std::uint64_t state_;
};

// Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent,
// so that a few entities are in most articles and most are rare, as in news.
class ZipfSampler {
public:
    ZipfSampler(std::size_t n, double exponent);
    std::size_t Draw(Random& random) const;

private:
    std::vector<double> cumulative_;  // normalized so that back() == 1
};

}  // namespace kgraph::bench
