#include "keys.h"

#include <charconv>
#include <cstdio>

namespace kgraph::graph {

const std::array<std::string_view, kColumnFamilyCount> kColumnFamilyNames = {
    "meta", "documents", "sources", "entities", "aliases", "mentions", "out-edges", "in-edges", "evidence", "merged",
    "name-grams",
};

std::string JoinKey(std::initializer_list<std::string_view> parts) {
    std::string key;
    bool first = true;
    for (std::string_view part : parts) {
        if (!first) key += kSeparator;
        key += part;
        first = false;
    }
    return key;
}

std::vector<std::string_view> SplitKey(std::string_view key) {
    std::vector<std::string_view> parts;
    for (std::size_t begin = 0;;) {
        const std::size_t end = key.find(kSeparator, begin);
        parts.push_back(key.substr(begin, end - begin));
        if (end == std::string_view::npos) return parts;
        begin = end + 1;
    }
}

std::string EntityId(std::uint64_t number) { return std::to_string(number); }

std::optional<std::uint64_t> ParseEntityId(std::string_view text) {
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number == 0 || text.front() == '0') return std::nullopt;
    return number;
}

std::string OutEdgeKey(const EdgeIds& edge) { return JoinKey({edge.subject, edge.predicate, edge.object}); }
std::string InEdgeKey(const EdgeIds& edge) { return JoinKey({edge.object, edge.predicate, edge.subject}); }

std::optional<EdgeIds> EdgeFromOutKey(std::string_view key) {
    const std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 3) return std::nullopt;
    return EdgeIds{std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
}

std::optional<EdgeIds> EdgeFromInKey(std::string_view key) {
    const std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 3) return std::nullopt;
    return EdgeIds{std::string(parts[2]), std::string(parts[1]), std::string(parts[0])};
}

namespace {

// Fixed width so that numeric order is byte order.
std::string PaddedNumber(std::size_t n) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%020zu", n);
    return digits;
}

}  // namespace

std::string EvidenceKey(const EdgeIds& edge, std::string_view doc, std::size_t start, std::size_t ordinal) {
    return JoinKey({edge.subject, edge.predicate, edge.object, doc, PaddedNumber(start), PaddedNumber(ordinal)});
}

std::optional<EvidenceKeyParts> SplitEvidenceKey(std::string_view key) {
    const std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 6) return std::nullopt;
    return EvidenceKeyParts{EdgeIds{std::string(parts[0]), std::string(parts[1]), std::string(parts[2])},
                            std::string(parts[3]), key.substr(parts[3].data() - key.data())};
}

std::string KeyPrefix(std::string_view part) { return std::string(part) + kSeparator; }
std::string MentionKey(std::string_view entity, std::string_view doc) { return JoinKey({entity, doc}); }
std::string MergedKey(std::string_view entity, std::string_view merged) { return JoinKey({entity, merged}); }

}  // namespace kgraph::graph
