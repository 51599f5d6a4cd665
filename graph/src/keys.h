// Column families and key encodings of the store. See the layout comment at
// the top of store.cpp.
#pragma once

#include <array>
#include <compare>
#include <initializer_list>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph::graph {

enum class Cf : std::size_t {
    kMeta,       // "schema-version" -> "1"
    kDocuments,  // doc id -> DocumentFacts as ingested (JSON)
    kSources,    // source -> doc id
    kEntities,   // canonical name -> {type, aliases} (JSON)
    kAliases,    // FoldName(name or alias) -> canonical name
    kMentions,   // canonical name \0 doc id -> ""
    kOutEdges,   // subject \0 predicate \0 object -> ""
    kInEdges,    // object \0 predicate \0 subject -> ""
    kEvidence,   // subject \0 predicate \0 object \0 doc \0 start \0 ordinal -> Evidence (JSON)
};
inline constexpr std::size_t kColumnFamilyCount = 9;
extern const std::array<std::string_view, kColumnFamilyCount> kColumnFamilyNames;
inline std::string_view CfName(Cf cf) { return kColumnFamilyNames[static_cast<std::size_t>(cf)]; }

inline constexpr std::string_view kSchemaVersionKey = "schema-version";

// Joins key parts with NUL, the smallest byte, so that bytewise key order is
// the order of the tuple of parts (names never contain NUL; Ingest checks).
inline constexpr char kSeparator = '\0';
std::string JoinKey(std::initializer_list<std::string_view> parts);
std::vector<std::string_view> SplitKey(std::string_view key);

struct EdgeName {
    std::string subject, predicate, object;
    friend auto operator<=>(const EdgeName&, const EdgeName&) = default;
};
std::string OutEdgeKey(const EdgeName& edge);
std::string InEdgeKey(const EdgeName& edge);
// Nullopt when the key does not have the three parts of an edge key.
std::optional<EdgeName> EdgeFromOutKey(std::string_view key);
std::optional<EdgeName> EdgeFromInKey(std::string_view key);

// Evidence keys extend the out-edge key, so an edge's evidence is a prefix
// scan, sorted by (doc, start, ordinal) as the model wants it. The ordinal is
// the evidence's position in its document's facts, which keeps two statements
// of one sentence apart.
std::string EvidenceKey(const EdgeName& edge, std::string_view doc, std::size_t start, std::size_t ordinal);
// The same evidence key moved to another edge (when an entity is renamed).
std::string EvidenceKeyOnEdge(std::string_view key, const EdgeName& edge);
struct EvidenceKeyParts {
    EdgeName edge;
    std::string doc;
};
std::optional<EvidenceKeyParts> SplitEvidenceKey(std::string_view key);

// The prefix of every key that starts with `part` as its first part.
std::string KeyPrefix(std::string_view part);
std::string MentionKey(std::string_view entity, std::string_view doc);

}  // namespace kgraph::graph
