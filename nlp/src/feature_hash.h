// 64-bit keys for perceptron features. A feature is a template number and a
// few values (word hashes, tag ids, distances); its key is a hash of them, so
// no feature string is ever built or stored. At 64 bits collisions between the
// few million features of a model are negligible.
#pragma once

#include <cstdint>
#include <string_view>

namespace kgraph::nlp {

// MurmurHash3's finalizer: every input bit affects every output bit.
constexpr std::uint64_t MixBits(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

constexpr std::uint64_t Combine(std::uint64_t seed, std::uint64_t value) {
    return MixBits(seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// FNV-1a over the bytes, optionally ASCII-lower-cased on the fly (no copy).
constexpr std::uint64_t HashText(std::string_view text, bool lower = false) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(lower ? AsciiLower(c) : c);
        h *= 0x100000001b3ULL;
    }
    return MixBits(h);
}

// The first step of FeatureKey, which depends on the template alone: code
// that computes many keys per word may take it from a table.
constexpr std::uint64_t TemplateSeed(std::uint64_t id) { return MixBits(id + 1); }

// FeatureKey from the template's seed. Inlined where it is called: the
// parser computes some 55 keys a move, and out of line each costs a call
// and keeps the next key's hashing from overlapping with this one's.
[[gnu::always_inline]] constexpr std::uint64_t SeededFeatureKey(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0,
                                                                std::uint64_t c = 0) {
    const std::uint64_t key = Combine(Combine(Combine(seed, a), b), c);
    return key == 0 ? 1 : key;
}

// The key of feature template `id` with values a, b, c. Never 0, which the
// weight table reserves for its empty slots.
constexpr std::uint64_t FeatureKey(std::uint64_t id, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    return SeededFeatureKey(TemplateSeed(id), a, b, c);
}

}  // namespace kgraph::nlp
