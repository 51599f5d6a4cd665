#include "keys.h"

#include <cstdio>

namespace kgraph::graph {

const std::array<std::string_view, kColumnFamilyCount> kColumnFamilyNames = {
    "meta", "documents", "sources", "entities", "aliases", "mentions", "out-edges", "in-edges", "evidence",
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

std::string OutEdgeKey(const EdgeName& edge) { return JoinKey({edge.subject, edge.predicate, edge.object}); }
std::string InEdgeKey(const EdgeName& edge) { return JoinKey({edge.object, edge.predicate, edge.subject}); }

std::optional<EdgeName> EdgeFromOutKey(std::string_view key) {
    const std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 3) return std::nullopt;
    return EdgeName{std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
}

std::optional<EdgeName> EdgeFromInKey(std::string_view key) {
    const std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 3) return std::nullopt;
    return EdgeName{std::string(parts[2]), std::string(parts[1]), std::string(parts[0])};
}

namespace {

// Fixed width so that numeric order is byte order.
std::string PaddedNumber(std::size_t n) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%020zu", n);
    return digits;
}

}  // namespace

std::string EvidenceKey(const EdgeName& edge, std::string_view doc, std::size_t start, std::size_t ordinal) {
    return JoinKey({edge.subject, edge.predicate, edge.object, doc, PaddedNumber(start), PaddedNumber(ordinal)});
}

std::string EvidenceKeyOnEdge(std::string_view key, const EdgeName& edge) {
    const std::vector<std::string_view> parts = SplitKey(key);
    return JoinKey({edge.subject, edge.predicate, edge.object, parts.at(3), parts.at(4), parts.at(5)});
}

std::optional<EvidenceKeyParts> SplitEvidenceKey(std::string_view key) {
    const std::vector<std::string_view> parts = SplitKey(key);
    if (parts.size() != 6) return std::nullopt;
    return EvidenceKeyParts{EdgeName{std::string(parts[0]), std::string(parts[1]), std::string(parts[2])},
                            std::string(parts[3])};
}

std::string KeyPrefix(std::string_view part) { return std::string(part) + kSeparator; }
std::string MentionKey(std::string_view entity, std::string_view doc) { return JoinKey({entity, doc}); }

}  // namespace kgraph::graph
