#include "stored_counts.h"

#include <charconv>
#include <memory>
#include <string>

#include "keys.h"
#include "records.h"

namespace kgraph::graph {
namespace {

constexpr std::string_view kDocumentCountKey = "document-count";
constexpr std::string_view kEntityCountKey = "entity-count";
constexpr std::string_view kEvidenceCountKey = "evidence-count";
// Followed by the separator and the type or predicate.
constexpr std::string_view kTypeCountPart = "entity-type-count";
constexpr std::string_view kEdgeCountPart = "edge-count";

// The families whose keys are counted.
constexpr Cf kCountedFamilies[] = {Cf::kDocuments, Cf::kEntities, Cf::kOutEdges, Cf::kEvidence};

void AddTo(std::uint64_t& count, int sign) { count += static_cast<std::uint64_t>(static_cast<std::int64_t>(sign)); }

void AddTo(std::map<std::string, std::uint64_t>& counts, std::string_view name, int sign) {
    auto it = counts.try_emplace(std::string(name), 0).first;
    AddTo(it->second, sign);
    if (it->second == 0) counts.erase(it);
}

// Adds (sign 1) or takes away (sign -1) a stored key.
Status Tally(StoredCounts& counts, Cf cf, std::string_view key, std::string_view value, int sign) {
    switch (cf) {
        case Cf::kDocuments:
            AddTo(counts.documents, sign);
            break;
        case Cf::kEntities: {
            Result<Entity> entity = DecodeEntity(key, value);
            if (!entity.ok()) return entity.status();
            AddTo(counts.entities, sign);
            AddTo(counts.entities_by_type, EntityTypeName(entity->type), sign);
            break;
        }
        case Cf::kOutEdges: {
            std::optional<EdgeIds> edge = EdgeFromOutKey(key);
            if (!edge) return Status::Corruption("the store holds a malformed edge key");
            AddTo(counts.edges_by_predicate, edge->predicate, sign);
            break;
        }
        case Cf::kEvidence:
            AddTo(counts.evidence, sign);
            break;
        default:
            break;
    }
    return Status::Ok();
}

Result<std::optional<std::uint64_t>> ParseCount(std::string_view name, std::string_view text) {
    std::uint64_t count = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc() || end != text.data() + text.size()) {
        return Status::Corruption("the store's " + std::string(name) + " is unreadable");
    }
    return std::optional<std::uint64_t>(count);
}

Result<std::optional<std::uint64_t>> ReadCount(const Reader& reader, std::string_view key) {
    Result<std::optional<std::string>> stored = reader.Get(Cf::kMeta, key);
    if (!stored.ok()) return stored.status();
    if (!*stored) return std::optional<std::uint64_t>();
    return ParseCount(key, **stored);
}

// The counts kept under `part` \0 name, by name.
Result<std::map<std::string, std::uint64_t>> ReadNamedCounts(const Reader& reader, std::string_view part) {
    std::map<std::string, std::uint64_t> counts;
    const std::string prefix = KeyPrefix(part);
    Status scanned = reader.Scan(Cf::kMeta, prefix, [&](std::string_view key, std::string_view value) {
        Result<std::optional<std::uint64_t>> count = ParseCount(key, value);
        if (!count.ok()) return count.status();
        counts.emplace(key.substr(prefix.size()), **count);
        return Status::Ok();
    });
    if (!scanned.ok()) return scanned;
    return counts;
}

// What the database recorded. `complete` is false for a database that kept
// only the counts of documents and entities.
struct Recorded {
    StoredCounts counts;
    bool complete = false;
};

Result<std::optional<Recorded>> ReadRecorded(const Reader& reader) {
    Result<std::optional<std::uint64_t>> documents = ReadCount(reader, kDocumentCountKey);
    if (!documents.ok()) return documents.status();
    Result<std::optional<std::uint64_t>> entities = ReadCount(reader, kEntityCountKey);
    if (!entities.ok()) return entities.status();
    if (!*documents || !*entities) return std::optional<Recorded>();
    Recorded recorded;
    recorded.counts.documents = **documents;
    recorded.counts.entities = **entities;
    Result<std::optional<std::uint64_t>> evidence = ReadCount(reader, kEvidenceCountKey);
    if (!evidence.ok()) return evidence.status();
    if (!*evidence) return std::optional<Recorded>(std::move(recorded));
    recorded.counts.evidence = **evidence;
    Result<std::map<std::string, std::uint64_t>> types = ReadNamedCounts(reader, kTypeCountPart);
    if (!types.ok()) return types.status();
    Result<std::map<std::string, std::uint64_t>> edges = ReadNamedCounts(reader, kEdgeCountPart);
    if (!edges.ok()) return edges.status();
    recorded.counts.entities_by_type = std::move(*types);
    recorded.counts.edges_by_predicate = std::move(*edges);
    recorded.complete = true;
    return std::optional<Recorded>(std::move(recorded));
}

Result<StoredCounts> CountStored(const Reader& reader, CountScope scope) {
    StoredCounts counts;
    for (Cf cf : kCountedFamilies) {
        if (scope == CountScope::kDocumentsAndEntities && cf != Cf::kDocuments && cf != Cf::kEntities) continue;
        Status scanned = reader.Scan(cf, "", [&](std::string_view key, std::string_view value) {
            // Only the number of entities is compared at an open: no need to decode them.
            if (scope == CountScope::kDocumentsAndEntities && cf == Cf::kEntities) {
                ++counts.entities;
                return Status::Ok();
            }
            return Tally(counts, cf, key, value, 1);
        });
        if (!scanned.ok()) return scanned;
    }
    return counts;
}

// Adds what `batch` creates and takes away what it deletes or overwrites.
Status TallyBatch(const Database& db, rocksdb::WriteBatchWithIndex& batch, StoredCounts& counts) {
    const Reader committed(db);
    for (Cf cf : kCountedFamilies) {
        std::unique_ptr<rocksdb::WBWIIterator> it(batch.NewIterator(db.handle(cf)));
        for (it->SeekToFirst(); it->Valid(); it->Next()) {
            const rocksdb::WriteEntry entry = it->Entry();
            const std::string_view key = entry.key.ToStringView();
            Result<std::optional<std::string>> before = committed.Get(cf, key);
            if (!before.ok()) return before.status();
            if (*before) {
                if (Status taken = Tally(counts, cf, key, **before, -1); !taken.ok()) return taken;
            }
            if (entry.type == rocksdb::kPutRecord) {
                if (Status added = Tally(counts, cf, key, entry.value.ToStringView(), 1); !added.ok()) return added;
            }
        }
        if (!it->status().ok()) return db.Translate(it->status(), "read");
    }
    return Status::Ok();
}

// Nullopt when the database did not record every count.
Result<std::optional<StoredCounts>> ReadComplete(const Reader& reader) {
    Result<std::optional<Recorded>> recorded = ReadRecorded(reader);
    if (!recorded.ok()) return recorded.status();
    if (!*recorded || !(*recorded)->complete) return std::optional<StoredCounts>();
    return std::optional<StoredCounts>(std::move((*recorded)->counts));
}

void DescribeDifference(std::string& text, std::string_view what, std::uint64_t found, std::uint64_t recorded) {
    if (found == recorded) return;
    text += (text.empty() ? "" : ", ") + std::to_string(found) + " " + std::string(what) + " where kgraph recorded " +
            std::to_string(recorded);
}

void DescribeDifferences(std::string& text, std::string_view what, const std::map<std::string, std::uint64_t>& found,
                         const std::map<std::string, std::uint64_t>& recorded) {
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> both;
    for (const auto& [name, count] : found) both[name].first = count;
    for (const auto& [name, count] : recorded) both[name].second = count;
    for (const auto& [name, counts] : both) DescribeDifference(text, name + " " + std::string(what), counts.first, counts.second);
}

// "0 entities where kgraph recorded 22, ..." for each figure that differs.
std::string Differences(const StoredCounts& found, const StoredCounts& recorded) {
    std::string text;
    DescribeDifference(text, "documents", found.documents, recorded.documents);
    DescribeDifference(text, "entities", found.entities, recorded.entities);
    DescribeDifference(text, "pieces of evidence", found.evidence, recorded.evidence);
    DescribeDifferences(text, "entities", found.entities_by_type, recorded.entities_by_type);
    DescribeDifferences(text, "edges", found.edges_by_predicate, recorded.edges_by_predicate);
    return text;
}

}  // namespace

Status Count(StoredCounts& counts, Cf cf, std::string_view key, std::string_view value) {
    return Tally(counts, cf, key, value, 1);
}

void PutStoredCounts(KeyValueSink& sink, const StoredCounts& counts) {
    sink.Put(Cf::kMeta, kDocumentCountKey, std::to_string(counts.documents));
    sink.Put(Cf::kMeta, kEntityCountKey, std::to_string(counts.entities));
    sink.Put(Cf::kMeta, kEvidenceCountKey, std::to_string(counts.evidence));
    for (const auto& [type, count] : counts.entities_by_type) {
        sink.Put(Cf::kMeta, JoinKey({kTypeCountPart, type}), std::to_string(count));
    }
    for (const auto& [predicate, count] : counts.edges_by_predicate) {
        sink.Put(Cf::kMeta, JoinKey({kEdgeCountPart, predicate}), std::to_string(count));
    }
}

Result<StoredCounts> ReadStoredCounts(const Reader& reader) {
    Result<std::optional<StoredCounts>> recorded = ReadComplete(reader);
    if (!recorded.ok()) return recorded.status();
    if (*recorded) return std::move(**recorded);
    return CountStored(reader, CountScope::kEverything);
}

Status UpdateStoredCounts(const Database& db, rocksdb::WriteBatchWithIndex& batch) {
    Result<std::optional<StoredCounts>> stored = ReadComplete(Reader(db));
    if (!stored.ok()) return stored.status();
    if (!*stored) return Status::Corruption("database " + db.path().string() + " keeps no document count");
    StoredCounts counts = **stored;
    if (Status tallied = TallyBatch(db, batch, counts); !tallied.ok()) return tallied;
    BatchSink sink(db, batch);
    // A type or predicate whose count fell to zero loses its key.
    for (const auto& [type, count] : (*stored)->entities_by_type) {
        if (!counts.entities_by_type.count(type)) sink.Delete(Cf::kMeta, JoinKey({kTypeCountPart, type}));
    }
    for (const auto& [predicate, count] : (*stored)->edges_by_predicate) {
        if (!counts.edges_by_predicate.count(predicate)) sink.Delete(Cf::kMeta, JoinKey({kEdgeCountPart, predicate}));
    }
    PutStoredCounts(sink, counts);
    return Status::Ok();
}

Status WriteStoredCounts(const Database& db) {
    const Reader reader(db);
    Result<StoredCounts> found = CountStored(reader, CountScope::kEverything);
    if (!found.ok()) return found.status();
    rocksdb::WriteBatchWithIndex batch;
    BatchSink sink(db, batch);
    for (std::string_view part : {kTypeCountPart, kEdgeCountPart}) {
        Status scanned = reader.Scan(Cf::kMeta, KeyPrefix(part), [&](std::string_view key, std::string_view) {
            sink.Delete(Cf::kMeta, key);
            return Status::Ok();
        });
        if (!scanned.ok()) return scanned;
    }
    PutStoredCounts(sink, *found);
    return db.Write(batch.GetWriteBatch(), true);
}

Status RecordCountsIfMissing(const Database& db) {
    Result<std::optional<StoredCounts>> recorded = ReadComplete(Reader(db));
    if (!recorded.ok()) return recorded.status();
    return *recorded ? Status::Ok() : WriteStoredCounts(db);
}

Status VerifyStoredCounts(const Database& db, CountScope scope) {
    const Reader reader(db);
    Result<std::optional<Recorded>> recorded = ReadRecorded(reader);
    if (!recorded.ok()) return recorded.status();
    if (!*recorded) return Status::Ok();
    if (!(*recorded)->complete) scope = CountScope::kDocumentsAndEntities;
    Result<StoredCounts> found = CountStored(reader, scope);
    if (!found.ok()) return found.status();
    StoredCounts expected = (*recorded)->counts;
    if (scope == CountScope::kDocumentsAndEntities) {
        StoredCounts covered;
        covered.documents = expected.documents;
        covered.entities = expected.entities;
        expected = std::move(covered);
    }
    if (expected == *found) return Status::Ok();
    return Damaged(db.path(), ManifestPath(db.path()),
                   "lists table files that hold " + Differences(*found, expected));
}

}  // namespace kgraph::graph
