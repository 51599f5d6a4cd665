// Store on RocksDB.
//
// Layout (column families; keys join parts with NUL, see keys.h):
//   meta       "schema-version"                      -> "4"
//              "next-entity-id"                      -> the id the next new entity gets
//   documents  doc id                                -> the DocumentFacts as ingested
//   sources    source path                           -> doc id (the document last ingested from it)
//   entities   entity id                             -> its votes (name, type, aliases follow)
//   aliases    FoldName(name or alias)               -> entity id
//   mentions   entity id, doc id                     -> ""
//   out-edges  subject id, predicate, object id      -> ""
//   in-edges   object id, predicate, subject id      -> ""
//   evidence   subject id, predicate, object id, doc, start, ordinal -> Evidence
//   merged     entity id, id of an entity merged into it  -> ""
//
// The documents column family is the truth; all the others are derived from
// it (derived_state.h) and rewritten in the same WriteBatch as the document,
// so a reader never sees a document without its entities and edges. Keys use
// entity ids, which never change, rather than names, which the votes of new
// documents change: a new name rewrites one record, not the entity's edges.
// A merge moves nothing either: it records the merged ids, which readers of
// the whole graph map to the entity they belong to (merged_entities.h).
// Neighbours are a prefix scan of out-/in-edges; reading the graph puts names
// on the ids and sorts by them.
//
// Entities live as long as a stored document lists them, with or without
// relations; relations as long as one piece of evidence supports them.
#include "kgraph/store.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>

#include "bulk_load.h"
#include "check.h"
#include "database.h"
#include "derived_state.h"
#include "graph_snapshot.h"
#include "keys.h"
#include "merged_entities.h"
#include "name_grams.h"
#include "kgraph/name_folding.h"
#include "records.h"
#include "stored_counts.h"

namespace kgraph {
namespace {

using graph::Cf;
using graph::Database;
using graph::Reader;

Status Invalid(const DocumentFacts& facts, const std::string& why) {
    return Status::InvalidArgument("cannot store facts of " + facts.source + ": " + why);
}

bool HasNul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

// The store's keys rely on these; extract/ guarantees them, this makes sure.
Status Validate(const DocumentFacts& facts) {
    if (facts.doc.empty() || HasNul(facts.doc)) return Invalid(facts, "the document has no valid id");
    if (facts.source.empty()) return Invalid(facts, "the document has no source");
    std::set<std::string_view> names;
    for (const Entity& entity : facts.entities) {
        if (entity.name.empty() || HasNul(entity.name)) return Invalid(facts, "an entity has an empty or invalid name");
        names.insert(entity.name);
    }
    for (const Relation& relation : facts.relations) {
        for (const std::string& name : {relation.subject, relation.object}) {
            if (!names.count(name)) return Invalid(facts, "a relation names '" + name + "', which is not among its entities");
        }
        if (relation.predicate.empty() || HasNul(relation.predicate)) return Invalid(facts, "a relation has no predicate");
    }
    return Status::Ok();
}

// Evidence always names the document it is stored under.
DocumentFacts WithEvidenceSource(DocumentFacts facts) {
    for (Relation& relation : facts.relations) {
        for (Evidence& evidence : relation.evidence) {
            evidence.doc = facts.doc;
            evidence.source = facts.source;
        }
    }
    return facts;
}

bool IsHex(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::uint64_t BytesOnDisk(const std::filesystem::path& folder) {
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code size_error;  // a file RocksDB deletes meanwhile counts as 0
        if (it->is_regular_file(size_error)) bytes += it->file_size(size_error) * !size_error;
    }
    return bytes;
}

using EntitiesById = std::map<std::string, Entity>;

class RocksStore final : public Store {
public:
    RocksStore(std::unique_ptr<Database> db, const StoreOptions& options) : db_(std::move(db)), options_(options) {}

    Result<IngestOutcome> Ingest(const DocumentFacts& input) override {
        if (Status valid = Validate(input); !valid.ok()) return valid;
        if (options_.read_only) return ReadOnlyError();
        std::unique_lock lock(mutex_);
        rocksdb::WriteBatchWithIndex batch(rocksdb::BytewiseComparator(), 0, true);
        Reader reader(*db_, &batch);

        Result<std::optional<std::string>> existing = reader.Get(Cf::kDocuments, input.doc);
        if (!existing.ok()) return existing.status();
        if (*existing) return Reextract(batch, input, **existing);
        Result<std::optional<DocumentFacts>> previous = PreviousVersion(reader, input.source);
        if (!previous.ok()) return previous.status();

        const DocumentFacts facts = WithEvidenceSource(input);
        if (*previous) batch.Delete(db_->handle(Cf::kDocuments), (*previous)->doc);
        batch.Put(db_->handle(Cf::kDocuments), facts.doc, graph::EncodeDocument(facts));
        batch.Put(db_->handle(Cf::kSources), facts.source, facts.doc);
        Status updated = *previous ? graph::ReplaceInDerivedState(*db_, batch, &facts, **previous)
                                   : graph::AddToDerivedState(*db_, batch, facts);
        if (!updated.ok()) return updated;
        if (Status counted = graph::UpdateStoredCounts(*db_, batch); !counted.ok()) return counted;
        if (Status indexed = graph::UpdateNameGrams(*db_, batch); !indexed.ok()) return indexed;
        if (Status written = db_->Write(batch.GetWriteBatch(), options_.sync); !written.ok()) return written;
        return *previous ? IngestOutcome::kReplaced : IngestOutcome::kAdded;
    }

    // New facts for stored content (another extractor's) replace the stored
    // ones under the stored source; the same facts change nothing.
    Result<IngestOutcome> Reextract(rocksdb::WriteBatchWithIndex& batch, const DocumentFacts& input,
                                    std::string_view stored_record) {
        Result<DocumentFacts> stored = graph::DecodeDocument(input.doc, stored_record);
        if (!stored.ok()) return stored.status();
        DocumentFacts facts = input;
        facts.source = stored->source;
        facts = WithEvidenceSource(std::move(facts));
        if (facts == *stored) return IngestOutcome::kUnchanged;
        batch.Put(db_->handle(Cf::kDocuments), facts.doc, graph::EncodeDocument(facts));
        if (Status updated = graph::ReplaceInDerivedState(*db_, batch, &facts, *stored); !updated.ok()) return updated;
        if (Status counted = graph::UpdateStoredCounts(*db_, batch); !counted.ok()) return counted;
        if (Status indexed = graph::UpdateNameGrams(*db_, batch); !indexed.ok()) return indexed;
        if (Status written = db_->Write(batch.GetWriteBatch(), options_.sync); !written.ok()) return written;
        return IngestOutcome::kReextracted;
    }

    Status Forget(const std::string& doc) override {
        if (options_.read_only) return ReadOnlyError();
        std::unique_lock lock(mutex_);
        rocksdb::WriteBatchWithIndex batch(rocksdb::BytewiseComparator(), 0, true);
        Reader reader(*db_, &batch);
        Result<std::string> id = ResolveDocument(reader, doc);
        if (!id.ok()) return id.status();
        Result<DocumentFacts> facts = LoadDocument(reader, *id);
        if (!facts.ok()) return facts.status();

        batch.Delete(db_->handle(Cf::kDocuments), *id);
        Result<std::optional<std::string>> by_source = reader.Get(Cf::kSources, facts->source);
        if (!by_source.ok()) return by_source.status();
        if (*by_source == *id) batch.Delete(db_->handle(Cf::kSources), facts->source);
        if (Status updated = graph::ReplaceInDerivedState(*db_, batch, nullptr, *facts); !updated.ok()) return updated;
        if (Status counted = graph::UpdateStoredCounts(*db_, batch); !counted.ok()) return counted;
        if (Status indexed = graph::UpdateNameGrams(*db_, batch); !indexed.ok()) return indexed;
        return db_->Write(batch.GetWriteBatch(), options_.sync);
    }

    Result<std::unique_ptr<BulkLoad>> StartBulkLoad() override;

    // Runs LoadInBulk, unless a document was stored since StartBulkLoad.
    Status FinishBulkLoad(const std::vector<DocumentFacts>& documents) {
        std::unique_lock lock(mutex_);
        if (Status empty = RequireEmpty(); !empty.ok()) return empty;
        return graph::LoadInBulk(*db_, documents);
    }

    Result<GraphModel> ReadGraph() const override {
        std::shared_lock lock(mutex_);
        const Reader reader(*db_);
        EntitiesById entities;
        Status read = reader.Scan(Cf::kEntities, "", [&](std::string_view key, std::string_view value) {
            Result<Entity> entity = graph::DecodeEntity(key, value);
            if (!entity.ok()) return entity.status();
            entities.emplace(key, std::move(*entity));
            return Status::Ok();
        });
        if (!read.ok()) return read;
        GraphModel graph;
        if (read = ReadRelations(reader, entities, graph.relations); !read.ok()) return read;
        for (auto& [id, entity] : entities) graph.entities.push_back(std::move(entity));
        std::sort(graph.entities.begin(), graph.entities.end(),
                  [](const Entity& a, const Entity& b) { return a.name < b.name; });
        graph::MarkEndedRelations(graph.relations);
        return graph;
    }

    Result<bool> HasDocument(const std::string& id) const override {
        std::shared_lock lock(mutex_);
        Result<std::optional<std::string>> stored = Reader(*db_).Get(Cf::kDocuments, id);
        if (!stored.ok()) return stored.status();
        return stored->has_value();
    }

    Result<std::optional<std::string>> ExtractorOf(const std::string& id) const override {
        std::shared_lock lock(mutex_);
        Result<std::optional<std::string>> stored = Reader(*db_).Get(Cf::kDocuments, id);
        if (!stored.ok()) return stored.status();
        if (!*stored) return std::optional<std::string>();
        Result<DocumentFacts> facts = graph::DecodeDocument(id, **stored);
        if (!facts.ok()) return facts.status();
        return std::optional<std::string>(std::move(facts->extractor));
    }

    Result<std::vector<DocumentInfo>> Documents() const override {
        std::shared_lock lock(mutex_);
        std::vector<DocumentInfo> documents;
        Status read = Reader(*db_).Scan(Cf::kDocuments, "", [&](std::string_view key, std::string_view value) {
            Result<DocumentInfo> document = graph::DecodeDocumentInfo(key, value);
            if (!document.ok()) return document.status();
            documents.push_back(std::move(*document));
            return Status::Ok();
        });
        if (!read.ok()) return read;
        std::sort(documents.begin(), documents.end(), [](const DocumentInfo& a, const DocumentInfo& b) {
            return std::tie(a.source, a.id) < std::tie(b.source, b.id);
        });
        return documents;
    }

    // kgraph's counts (stored_counts.h), with the relations that merges
    // joined counted once: a few point reads, plus reads that follow the
    // number of merges.
    Result<StoreStats> Stats() const override {
        std::shared_lock lock(mutex_);
        const Reader reader(*db_);
        Result<graph::StoredCounts> counts = graph::ReadStoredCounts(reader);
        if (!counts.ok()) return counts.status();
        Result<std::map<std::string, std::size_t>> by_predicate = CountRelations(reader, counts->edges_by_predicate);
        if (!by_predicate.ok()) return by_predicate.status();
        StoreStats stats;
        stats.documents = counts->documents;
        stats.entities = counts->entities;
        stats.evidence = counts->evidence;
        stats.entities_by_type.assign(counts->entities_by_type.begin(), counts->entities_by_type.end());
        stats.relations_by_predicate.assign(by_predicate->begin(), by_predicate->end());
        for (const auto& [predicate, count] : *by_predicate) stats.relations += count;
        stats.bytes_on_disk = BytesOnDisk(db_->path());
        Result<std::uint64_t> cache = db_->BlockCacheCapacity();
        if (!cache.ok()) return cache.status();
        stats.block_cache_bytes = *cache;
        return stats;
    }

    Result<CheckReport> Check() const override {
        std::shared_lock lock(mutex_);
        Result<CheckReport> report = graph::CheckInvariants(Reader(*db_));
        if (!report.ok()) return report;
        if (Status counts = graph::VerifyStoredCounts(*db_, graph::CountScope::kEverything); !counts.ok()) {
            report->problems.push_back(counts.message());
        }
        if (Status indexed = graph::CheckNameGrams(*db_, report->problems); !indexed.ok()) return indexed;
        return report;
    }

    Result<std::optional<Entity>> FindEntity(const std::string& name) const override {
        std::shared_lock lock(mutex_);
        const Reader reader(*db_);
        Result<std::optional<std::string>> id = reader.Get(Cf::kAliases, FoldName(name));
        if (!id.ok()) return id.status();
        if (!*id) return std::optional<Entity>();
        Result<std::optional<std::string>> record = reader.Get(Cf::kEntities, **id);
        if (!record.ok()) return record.status();
        if (!*record) return Status::Corruption("alias '" + name + "' points to entity #" + **id + ", which is not stored");
        Result<Entity> entity = graph::DecodeEntity(**id, **record);
        if (!entity.ok()) return entity.status();
        return std::optional<Entity>(std::move(*entity));
    }

    Result<std::unique_ptr<GraphSnapshot>> Snapshot() const override {
        return graph::NewGraphSnapshot(*db_, !options_.read_only);
    }

private:
    // Relations per predicate from the stored edges per predicate: each edge
    // that a merge joined with others (MergedIds::joined_edges) is one
    // relation with them. Those are the edges of merged ids, and the joined
    // edges themselves where stored.
    static Result<std::map<std::string, std::size_t>> CountRelations(
        const Reader& reader, const std::map<std::string, std::uint64_t>& edges_by_predicate) {
        std::map<std::string, std::size_t> by_predicate(edges_by_predicate.begin(), edges_by_predicate.end());
        Result<graph::MergedIds> merged = graph::MergedIds::Load(reader);
        if (!merged.ok()) return merged.status();
        for (const graph::EdgeIds& edge : merged->edges_of_merged_ids()) --by_predicate[edge.predicate];
        for (const graph::EdgeIds& joined : merged->joined_edges()) {
            Result<std::optional<std::string>> stored = reader.Get(Cf::kOutEdges, graph::OutEdgeKey(joined));
            if (!stored.ok()) return stored.status();
            if (!*stored) ++by_predicate[joined.predicate];
        }
        std::erase_if(by_predicate, [](const auto& entry) { return entry.second == 0; });
        return by_predicate;
    }

    Status RequireEmpty() const {
        if (options_.read_only) return ReadOnlyError();
        Result<bool> holds_documents = Reader(*db_).HasPrefix(Cf::kDocuments, "");
        if (!holds_documents.ok()) return holds_documents.status();
        if (*holds_documents) {
            return Status::InvalidArgument("database " + db_->path().string() +
                                           " already holds documents; a bulk load only fills an empty database");
        }
        return Status::Ok();
    }

    Status ReadOnlyError() const {
        return Status::InvalidArgument("database " + db_->path().string() + " was opened read-only");
    }

    static Result<DocumentFacts> LoadDocument(const Reader& reader, const std::string& id) {
        Result<std::optional<std::string>> value = reader.Get(Cf::kDocuments, id);
        if (!value.ok()) return value.status();
        if (!*value) return Status::NotFound("no document " + id);
        return graph::DecodeDocument(id, **value);
    }

    // The document previously ingested from `source`, which a new content
    // replaces.
    static Result<std::optional<DocumentFacts>> PreviousVersion(const Reader& reader, const std::string& source) {
        Result<std::optional<std::string>> id = reader.Get(Cf::kSources, source);
        if (!id.ok()) return id.status();
        if (!*id) return std::optional<DocumentFacts>();
        Result<DocumentFacts> facts = LoadDocument(reader, **id);
        if (!facts.ok()) return facts.status();
        return std::optional<DocumentFacts>(std::move(*facts));
    }

    // An exact id, a source path, or an id prefix of at least 6 characters.
    static Result<std::string> ResolveDocument(const Reader& reader, const std::string& doc) {
        for (Cf cf : {Cf::kDocuments, Cf::kSources}) {
            Result<std::optional<std::string>> value = reader.Get(cf, doc);
            if (!value.ok()) return value.status();
            if (*value) return cf == Cf::kDocuments ? doc : **value;
        }
        constexpr std::size_t kMinimumPrefix = 6;
        if (doc.size() < kMinimumPrefix || !IsHex(doc)) {
            return Status::NotFound("no document with id or source " + doc +
                                    (IsHex(doc) && !doc.empty() ? " (an id prefix needs at least 6 characters)" : ""));
        }
        std::vector<std::string> matches;
        Status scanned = reader.Scan(Cf::kDocuments, doc, [&](std::string_view key, std::string_view) {
            matches.emplace_back(key);
            return Status::Ok();
        });
        if (!scanned.ok()) return scanned;
        if (matches.empty()) return Status::NotFound("no document with id or source " + doc);
        if (matches.size() > 1) {
            return Status::InvalidArgument("document id prefix " + doc + " is ambiguous: it matches " +
                                           std::to_string(matches.size()) + " documents");
        }
        return matches.front();
    }

    // Evidence keys start with the edge, so consecutive keys of one edge make
    // one relation, its evidence already in the model's order. Relations
    // that a merge made of several stored edges (MergedIds::joined_edges) are
    // gathered, and their evidence put back in that order. Relations are then
    // named, oriented and sorted by name.
    static Status ReadRelations(const Reader& reader, const EntitiesById& entities, std::vector<Relation>& relations) {
        Result<graph::MergedIds> merged = graph::MergedIds::Load(reader);
        if (!merged.ok()) return merged.status();
        const std::set<graph::EdgeIds>& joined_edges = merged->joined_edges();
        std::map<graph::EdgeIds, std::vector<std::pair<std::string, Evidence>>> joined;
        std::optional<graph::EdgeIds> current;
        Status read = reader.Scan(Cf::kEvidence, "", [&](std::string_view key, std::string_view value) {
            std::optional<graph::EvidenceKeyParts> parts = graph::SplitEvidenceKey(key);
            if (!parts) return Status::Corruption("the store holds a malformed evidence key");
            Result<Evidence> evidence = graph::DecodeEvidence(value);
            if (!evidence.ok()) return evidence.status();
            if (graph::EdgeIds edge = merged->EdgeOf(parts->edge); joined_edges.count(edge)) {
                joined[std::move(edge)].emplace_back(parts->place, std::move(*evidence));
                return Status::Ok();
            }
            if (parts->edge != current) {
                Result<Relation> relation = NamedRelation(parts->edge, entities);
                if (!relation.ok()) return relation.status();
                relations.push_back(std::move(*relation));
                current = std::move(parts->edge);
            }
            relations.back().evidence.push_back(std::move(*evidence));
            return Status::Ok();
        });
        if (!read.ok()) return read;
        for (auto& [edge, evidence] : joined) {
            Result<Relation> relation = NamedRelation(edge, entities);
            if (!relation.ok()) return relation.status();
            std::sort(evidence.begin(), evidence.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (auto& [place, item] : evidence) relation->evidence.push_back(std::move(item));
            relations.push_back(std::move(*relation));
        }
        std::sort(relations.begin(), relations.end(), [](const Relation& a, const Relation& b) {
            return std::tie(a.subject, a.predicate, a.object) < std::tie(b.subject, b.predicate, b.object);
        });
        return Status::Ok();
    }

    // A relation without evidence, named; symmetric ones with subject < object
    // as the model wants.
    static Result<Relation> NamedRelation(const graph::EdgeIds& edge, const EntitiesById& entities) {
        auto subject = entities.find(edge.subject), object = entities.find(edge.object);
        for (auto end : {subject, object}) {
            if (end == entities.end()) {
                return Status::Corruption("a relation names entity #" + (end == subject ? edge.subject : edge.object) +
                                          ", which is not stored");
            }
        }
        Relation relation{subject->second.name, edge.predicate, object->second.name, {}, false};
        if (IsSymmetricPredicate(relation.predicate) && relation.object < relation.subject) {
            std::swap(relation.subject, relation.object);
        }
        return relation;
    }

    std::unique_ptr<Database> db_;
    const StoreOptions options_;
    mutable std::shared_mutex mutex_;  // writes exclusive, reads shared
};

// Keeps the documents of one bulk load, as Ingest would keep them: the first
// of equal contents, the last content of a source.
class RocksBulkLoad final : public BulkLoad {
public:
    explicit RocksBulkLoad(RocksStore& store) : store_(store) {}

    Result<IngestOutcome> Add(const DocumentFacts& input) override {
        if (Status valid = Validate(input); !valid.ok()) return valid;
        if (ids_.count(input.doc)) return IngestOutcome::kUnchanged;
        ids_.insert(input.doc);
        auto [by_source, new_source] = index_of_source_.emplace(input.source, documents_.size());
        if (new_source) {
            documents_.push_back(WithEvidenceSource(input));
            return IngestOutcome::kAdded;
        }
        DocumentFacts& previous = documents_[by_source->second];
        ids_.erase(previous.doc);
        previous = WithEvidenceSource(input);
        return IngestOutcome::kReplaced;
    }

    Status Finish() override { return store_.FinishBulkLoad(documents_); }

private:
    RocksStore& store_;
    std::vector<DocumentFacts> documents_;
    std::set<std::string> ids_;
    std::map<std::string, std::size_t> index_of_source_;
};

Result<std::unique_ptr<BulkLoad>> RocksStore::StartBulkLoad() {
    std::shared_lock lock(mutex_);
    if (Status empty = RequireEmpty(); !empty.ok()) return empty;
    return std::unique_ptr<BulkLoad>(std::make_unique<RocksBulkLoad>(*this));
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& path, const StoreOptions& options) {
    Result<std::unique_ptr<Database>> db = Database::Open(path, options);
    if (!db.ok()) return db.status();
    return std::unique_ptr<Store>(std::make_unique<RocksStore>(std::move(*db), options));
}

Result<std::filesystem::path> Store::Repair(const std::filesystem::path& path, const StoreOptions& options) {
    return Database::Repair(path, options);
}

}  // namespace kgraph
