// The graph store: entities, relations and evidence on RocksDB.
//
// Promises:
// - Atomic per document: Ingest() writes one document's entities, relations
//   and evidence in one WriteBatch, or nothing.
// - Idempotent: a document is keyed by its content hash (Document::id);
//   ingesting the same facts again writes nothing and reports kUnchanged.
//   Facts for a source path whose content changed replace the old document's
//   evidence in the same batch (relations no document supports any more
//   disappear).
// - One entity across documents: entities whose names or aliases match
//   (ignoring case, Latin-1 diacritics and punctuation such as apostrophes)
//   are one entity, transitively. Its name is the name the most documents
//   used as Entity::name (ties: the longer, then the bytewise smaller); its
//   type the one most mentions gave (ties: Organization); its aliases every
//   other name and alias seen. This depends only on the set of stored
//   documents: any ingest order gives the same graph, and Forget() undoes the
//   merges a document caused.
// - An entity exists while a stored document lists it (with or without
//   relations); a relation while a stored document states it.
// - competes-with and other symmetric predicates are stored once per pair,
//   subject < object.
// - Relation::ended is set on a customer-of or ceo-of whose subject also
//   `leaves` its object, unless every sentence saying so is followed, in its
//   document, by one restating the tie (docs/storage.md, "Ended relations").
//
// The layout (column families for entities, aliases, out-edges, in-edges,
// evidence, documents, meta) is private to graph/; no RocksDB type leaves it.
//
// Thread-safety: a Store may be shared by threads; writes are serialized
// internally. One writing process per database; others open it read-only,
// while it writes too, and see it as it was when they opened it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

// What a read-only Store will be asked (StoreOptions::reads), so that its
// open opens only that part of the database: a point query pays for the few
// parts it reads, not for all of them. The open checks the files of those
// parts only (a missing or cut table file of a part not opened goes
// unnoticed until a command that reads it; docs/storage.md, "Faults and
// recovery"). Reading another part returns InvalidArgument. Writers, and
// `kEverything`, open all of it.
enum class StoreReads : unsigned {
    kNames = 1u << 0,      // GraphSnapshot::Find; Store::FindEntity (with kEntities)
    kNameIndex = 1u << 1,  // GraphSnapshot::NamesLike (with kNames)
    kEntities = 1u << 2,   // GraphSnapshot::Read
    kRelations = 1u << 3,  // GraphSnapshot::Relations, EdgeCount
    kEvidence = 1u << 4,   // GraphSnapshot::EvidenceOf
    kEverything = ~0u,     // every read: Stats, Check, ReadGraph, documents, listings, exports
};
constexpr StoreReads operator|(StoreReads a, StoreReads b) {
    return static_cast<StoreReads>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool Includes(StoreReads reads, StoreReads part) {
    return (static_cast<unsigned>(reads) & static_cast<unsigned>(part)) == static_cast<unsigned>(part);
}

struct StoreOptions {
    bool read_only = false;          // open for queries only (no lock taken)
    StoreReads reads = StoreReads::kEverything;  // when read_only: what the queries read
    bool create_if_missing = true;   // ignored when read_only
    bool sync = false;               // fsync the WAL on every document
    // RocksDB's memory: the block cache, which the memtables are charged to
    // (at most half of it). It bounds what the store holds however large the
    // database grows; less memory means more reads from disk.
    std::size_t memory_budget = std::size_t{128} << 20;
};

// kReextracted: the content was stored with other facts (found by another
// extractor), which the new ones replaced.
enum class IngestOutcome { kAdded, kReplaced, kUnchanged, kReextracted };

struct DocumentInfo {
    std::string id;
    std::string source;
    std::size_t relations = 0;  // evidence items the document contributed
    std::string extractor;      // DocumentFacts::extractor; "" unknown
    DocumentMetadata metadata;
};

struct StoreStats {
    std::size_t documents = 0;
    std::size_t entities = 0;
    std::size_t relations = 0;
    std::size_t evidence = 0;
    std::vector<std::pair<std::string, std::size_t>> entities_by_type;      // sorted by type
    std::vector<std::pair<std::string, std::size_t>> relations_by_predicate;  // sorted by predicate
    std::uint64_t bytes_on_disk = 0;
    // Not the database's but this open's: the block cache's capacity as
    // RocksDB reports it, so that a caller can check which memory budget
    // (StoreOptions::memory_budget) the store was opened with.
    std::uint64_t block_cache_bytes = 0;
};

// What Check() found; empty `problems` means every invariant holds.
struct CheckReport {
    std::vector<std::string> problems;
    bool ok() const { return problems.empty(); }
};

// Fills an empty store with many documents at once: every column family is
// computed in memory, written as sorted table files and loaded with RocksDB's
// IngestExternalFiles, bypassing the memtables and the log. Nothing is stored
// before Finish(); Finish() stores all of it or, on error or crash, none. The
// result is byte for byte what Ingest() of the same documents stores.
// Holds every added document in memory until Finish(); must not outlive its
// Store.
class BulkLoad {
public:
    virtual ~BulkLoad() = default;
    // Store::Ingest's checks and outcomes, among the documents of this load:
    // kUnchanged for content added already, kReplaced for a source added
    // already with other content (the earlier document is dropped).
    virtual Result<IngestOutcome> Add(const DocumentFacts& facts) = 0;
    virtual Status Finish() = 0;
};

class GraphSnapshot;

class Store {
public:
    // NotFound when the database is missing and may not be created (or is
    // opened read-only); Busy naming the holding process when another writer
    // has it; VersionMismatch naming both versions; Corruption when the path
    // is not a kgraph database; IOError when the path is a file or unwritable.
    static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& path,
                                               const StoreOptions& options = {});
    // For a database that Open reports damaged (Corruption naming a file):
    // copies the folder, untouched, beside it and returns the copy's path,
    // then rebuilds the database from the table files and logs that are left
    // (RocksDB's RepairDB). What lost files held stays lost; Check() says
    // whether what is left is consistent. Busy when a writer has it open.
    static Result<std::filesystem::path> Repair(const std::filesystem::path& path, const StoreOptions& options = {});
    virtual ~Store() = default;

    // InvalidArgument when the facts break model.h's contract (a relation
    // naming an entity the document does not list, an empty name or id) or
    // the store is read-only. Evidence is stored with the document's id and
    // source. A document whose id is stored already is kUnchanged when its
    // facts are the same (even from another source); other facts for it
    // (DocumentFacts::extractor tells whose) replace the stored ones, which
    // keep their source: kReextracted.
    virtual Result<IngestOutcome> Ingest(const DocumentFacts& facts) = 0;
    // `doc` is a document id, a source path, or an id prefix of at least 6
    // characters. NotFound when nothing matches; InvalidArgument when the
    // prefix matches several documents or the store is read-only.
    virtual Status Forget(const std::string& doc) = 0;
    // InvalidArgument when the store already holds a document or is
    // read-only: a bulk load does not merge into stored documents.
    virtual Result<std::unique_ptr<BulkLoad>> StartBulkLoad() = 0;

    virtual Result<GraphModel> ReadGraph() const = 0;
    // Sorted by source, then id.
    virtual Result<std::vector<DocumentInfo>> Documents() const = 0;
    // Whether a document with this content hash is stored: lets ingest skip
    // extracting what Ingest() would report kUnchanged anyway.
    virtual Result<bool> HasDocument(const std::string& id) const = 0;
    // The DocumentFacts::extractor of the stored document with this id,
    // nullopt when none is stored: ingest extracts again what another
    // extractor found.
    virtual Result<std::optional<std::string>> ExtractorOf(const std::string& id) const = 0;
    virtual Result<StoreStats> Stats() const = 0;
    // The invariants of docs/storage.md; a problem per violation.
    virtual Result<CheckReport> Check() const = 0;

    // The entity whose name or alias matches `name` as entities are matched
    // across documents (see above).
    virtual Result<std::optional<Entity>> FindEntity(const std::string& name) const = 0;

    // A view of the store as it is now, for queries that read part of the
    // graph (below). Must not outlive the Store.
    virtual Result<std::unique_ptr<GraphSnapshot>> Snapshot() const = 0;
};

// --- Reading part of the graph -------------------------------------------
//
// Point look-ups and prefix scans over one state of the store, so that a
// question about a few entities costs what it reads, however large the
// database (ReadGraph() is for questions about all of it). Entities merged
// into one (docs/storage.md, "Merged ids") read as one here too.

// An entity of one GraphSnapshot. Opaque and valid only with the snapshot
// that returned it; within it, one entity has one key.
struct EntityKey {
    std::string id;
    friend auto operator<=>(const EntityKey&, const EntityKey&) = default;
};

// A relation between two entities of a snapshot. A symmetric predicate's
// ends are in the store's order, not by name.
struct RelationKey {
    EntityKey subject;
    std::string predicate;
    EntityKey object;
    friend auto operator<=>(const RelationKey&, const RelationKey&) = default;
};

// What a snapshot has read so far, so that tests and benchmarks can check
// that a query reads no more than it answers.
struct ReadCounts {
    std::size_t entities = 0;  // entity records decoded (each at most once)
    std::size_t edges = 0;     // edge keys scanned
    std::size_t evidence = 0;  // pieces of evidence decoded
    std::size_t names = 0;     // keys of the name index read (NamesLike)
};

// A stored name or alias, folded as GraphSnapshot::Find folds, and its entity.
struct NameMatch {
    std::string folded;
    EntityKey entity;
};

// A consistent view: writes made after Snapshot() are not seen (a read-only
// Store sees the database as of its open anyway). Not thread-safe.
class GraphSnapshot {
public:
    virtual ~GraphSnapshot() = default;

    // The entity one of whose names or aliases matches `name` as entities
    // are matched across documents (see Store's promises); nullopt if none.
    virtual Result<std::optional<EntityKey>> Find(std::string_view name) const = 0;
    virtual Result<Entity> Read(const EntityKey& entity) const = 0;
    // Every relation the entity takes part in, either end, sorted by key.
    virtual Result<std::vector<RelationKey>> Relations(const EntityKey& entity) const = 0;
    // How many stored edges Relations(entity) reads, counted no further than
    // `at_most` (and then `at_most`): what crossing the entity costs, known
    // before paying for a hub's thousands. Counted in counts().edges.
    virtual Result<std::size_t> EdgeCount(const EntityKey& entity, std::size_t at_most) const = 0;
    // In the model's order (by document, then offset in it).
    virtual Result<std::vector<Evidence>> EvidenceOf(const RelationKey& relation) const = 0;
    // The stored names and aliases most like `name`: sharing the most
    // trigrams of letters with it once folded (at least one), then by folded
    // name; at most `limit`. For "did you mean": reads an index of the names,
    // a bounded number of keys per trigram of `name` (none for a name over
    // kMaxNameBytes), not every name.
    virtual Result<std::vector<NameMatch>> NamesLike(std::string_view name, std::size_t limit) const = 0;
    // Calls `visit` with every entity, in no meaningful order; stops at the
    // first non-ok Status it returns. Keeps none of them.
    using EntityVisitor = std::function<Status(const EntityKey& key, const Entity& entity)>;
    virtual Status ForEachEntity(const EntityVisitor& visit) const = 0;
    // Calls `visit` with every document, by id or by source (as Documents()
    // sorts them); stops at the first non-ok Status it returns. Keeps none of
    // them.
    enum class DocumentOrder { kById, kBySource };
    using DocumentVisitor = std::function<Status(const DocumentInfo& document)>;
    virtual Status ForEachDocument(DocumentOrder order, const DocumentVisitor& visit) const = 0;

    virtual ReadCounts counts() const = 0;
};

// Schema version written in every database this build creates. 4: a merge
// records the merged entity's id instead of moving its edges. 3: entities
// keyed by a stable id rather than their name. 2: records in the binary
// format of graph/src/record_codec.h (1 stored them as JSON).
inline constexpr int kStoreSchemaVersion = 4;

}  // namespace kgraph
