// Column families and key encodings of the store. See the layout comment at
// the top of store.cpp.
#pragma once

#include <array>
#include <compare>
#include <initializer_list>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph::graph {

// Entities are keyed by a number given when they are first stored, never by
// their name: the name is elected by the documents' votes and changes as
// documents arrive, and a key that changed with it would move every edge and
// piece of evidence of the entity, in one batch that grows with the entity.
enum class Cf : std::size_t {
    kMeta,       // "schema-version" -> "4"; "next-entity-id" -> the next entity id
    kDocuments,  // doc id -> DocumentFacts as ingested
    kSources,    // source -> doc id
    kEntities,   // entity id -> EntityVotes (name, type and aliases follow)
    kAliases,    // FoldName(name or alias) -> entity id
    kMentions,   // entity id \0 doc id -> ""
    kOutEdges,   // subject id \0 predicate \0 object id -> ""
    kInEdges,    // object id \0 predicate \0 subject id -> ""
    kEvidence,   // subject id \0 predicate \0 object id \0 doc \0 start \0 ordinal -> Evidence
    kMerged,     // entity id \0 id of an entity merged into it -> ""
    kNameGrams,  // trigram \0 folded name (an `aliases` key) -> "" (name_grams.h)
};
inline constexpr std::size_t kColumnFamilyCount = 11;
extern const std::array<std::string_view, kColumnFamilyCount> kColumnFamilyNames;
inline std::string_view CfName(Cf cf) { return kColumnFamilyNames[static_cast<std::size_t>(cf)]; }

inline constexpr std::string_view kSchemaVersionKey = "schema-version";
inline constexpr std::string_view kNextEntityIdKey = "next-entity-id";

// Entity ids are decimal numbers from 1, written without padding: short, and
// free of the separator. Their order means nothing.
std::string EntityId(std::uint64_t number);
// Nullopt unless `text` is an id EntityId writes.
std::optional<std::uint64_t> ParseEntityId(std::string_view text);

// Joins key parts with NUL, the smallest byte, so that bytewise key order is
// the order of the tuple of parts (names never contain NUL; Ingest checks).
inline constexpr char kSeparator = '\0';
std::string JoinKey(std::initializer_list<std::string_view> parts);
std::vector<std::string_view> SplitKey(std::string_view key);

// An edge as stored: subject and object are entity ids.
struct EdgeIds {
    std::string subject, predicate, object;
    friend auto operator<=>(const EdgeIds&, const EdgeIds&) = default;
};
std::string OutEdgeKey(const EdgeIds& edge);
std::string InEdgeKey(const EdgeIds& edge);
// Nullopt when the key does not have the three parts of an edge key.
std::optional<EdgeIds> EdgeFromOutKey(std::string_view key);
std::optional<EdgeIds> EdgeFromInKey(std::string_view key);

// Evidence keys extend the out-edge key, so an edge's evidence is a prefix
// scan, sorted by (doc, start, ordinal) as the model wants it. The ordinal is
// the evidence's position in its document's facts, which keeps two statements
// of one sentence apart.
std::string EvidenceKey(const EdgeIds& edge, std::string_view doc, std::size_t start, std::size_t ordinal);
struct EvidenceKeyParts {
    EdgeIds edge;
    std::string doc;
    std::string_view place;  // "doc \0 start \0 ordinal": sorts an edge's evidence, points into the key
};
std::optional<EvidenceKeyParts> SplitEvidenceKey(std::string_view key);

// The prefix of every key that starts with `part` as its first part.
std::string KeyPrefix(std::string_view part);
std::string MentionKey(std::string_view entity, std::string_view doc);
std::string MergedKey(std::string_view entity, std::string_view merged);

}  // namespace kgraph::graph
