#include "stored_counts.h"

#include <charconv>
#include <memory>
#include <string>

#include "keys.h"

namespace kgraph::graph {
namespace {

constexpr std::string_view kDocumentCountKey = "document-count";
constexpr std::string_view kEntityCountKey = "entity-count";

Result<std::optional<std::uint64_t>> ReadCount(const Reader& reader, std::string_view key) {
    Result<std::optional<std::string>> stored = reader.Get(Cf::kMeta, key);
    if (!stored.ok()) return stored.status();
    if (!*stored) return std::optional<std::uint64_t>();
    std::uint64_t count = 0;
    const std::string& text = **stored;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc() || end != text.data() + text.size()) {
        return Status::Corruption("the store's " + std::string(key) + " is unreadable");
    }
    return std::optional<std::uint64_t>(count);
}

// Both counts, or nullopt when the store has none yet.
Result<std::optional<StoredCounts>> ReadCounts(const Reader& reader) {
    Result<std::optional<std::uint64_t>> documents = ReadCount(reader, kDocumentCountKey);
    if (!documents.ok()) return documents.status();
    Result<std::optional<std::uint64_t>> entities = ReadCount(reader, kEntityCountKey);
    if (!entities.ok()) return entities.status();
    if (!*documents || !*entities) return std::optional<StoredCounts>();
    return std::optional<StoredCounts>(StoredCounts{**documents, **entities});
}

// Keys the batch adds to `cf` minus keys it removes from it.
Result<std::int64_t> KeyDelta(const Database& db, rocksdb::WriteBatchWithIndex& batch, Cf cf) {
    std::int64_t delta = 0;
    std::unique_ptr<rocksdb::WBWIIterator> it(batch.NewIterator(db.handle(cf)));
    const Reader committed(db);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
        const rocksdb::WriteEntry entry = it->Entry();
        const bool present_after = entry.type == rocksdb::kPutRecord || entry.type == rocksdb::kMergeRecord;
        Result<std::optional<std::string>> before = committed.Get(cf, entry.key.ToStringView());
        if (!before.ok()) return before.status();
        delta += static_cast<std::int64_t>(present_after) - static_cast<std::int64_t>(before->has_value());
    }
    if (!it->status().ok()) return db.Translate(it->status(), "read");
    return delta;
}

Result<std::uint64_t> CountKeys(const Reader& reader, Cf cf) {
    std::uint64_t count = 0;
    Status scanned = reader.Scan(cf, "", [&](std::string_view, std::string_view) {
        ++count;
        return Status::Ok();
    });
    if (!scanned.ok()) return scanned;
    return count;
}

Result<StoredCounts> CountStored(const Reader& reader) {
    Result<std::uint64_t> documents = CountKeys(reader, Cf::kDocuments);
    if (!documents.ok()) return documents.status();
    Result<std::uint64_t> entities = CountKeys(reader, Cf::kEntities);
    if (!entities.ok()) return entities.status();
    return StoredCounts{*documents, *entities};
}

}  // namespace

void PutStoredCounts(KeyValueSink& sink, const StoredCounts& counts) {
    sink.Put(Cf::kMeta, kDocumentCountKey, std::to_string(counts.documents));
    sink.Put(Cf::kMeta, kEntityCountKey, std::to_string(counts.entities));
}

Status UpdateStoredCounts(const Database& db, rocksdb::WriteBatchWithIndex& batch) {
    Result<std::optional<StoredCounts>> stored = ReadCounts(Reader(db));
    if (!stored.ok()) return stored.status();
    if (!*stored) return Status::Corruption("database " + db.path().string() + " keeps no document count");
    Result<std::int64_t> documents = KeyDelta(db, batch, Cf::kDocuments);
    if (!documents.ok()) return documents.status();
    Result<std::int64_t> entities = KeyDelta(db, batch, Cf::kEntities);
    if (!entities.ok()) return entities.status();
    BatchSink sink(db, batch);
    // Unsigned wrap-around adds a negative delta.
    PutStoredCounts(sink, StoredCounts{(*stored)->documents + static_cast<std::uint64_t>(*documents),
                                       (*stored)->entities + static_cast<std::uint64_t>(*entities)});
    return Status::Ok();
}

Status WriteStoredCounts(const Database& db) {
    Result<StoredCounts> found = CountStored(Reader(db));
    if (!found.ok()) return found.status();
    rocksdb::WriteBatchWithIndex batch;
    BatchSink sink(db, batch);
    PutStoredCounts(sink, *found);
    return db.Write(batch.GetWriteBatch(), true);
}

Status RecordCountsIfMissing(const Database& db) {
    Result<std::optional<StoredCounts>> recorded = ReadCounts(Reader(db));
    if (!recorded.ok()) return recorded.status();
    return *recorded ? Status::Ok() : WriteStoredCounts(db);
}

Status VerifyStoredCounts(const Database& db) {
    const Reader reader(db);
    Result<std::optional<StoredCounts>> recorded = ReadCounts(reader);
    if (!recorded.ok()) return recorded.status();
    if (!*recorded) return Status::Ok();
    Result<StoredCounts> found = CountStored(reader);
    if (!found.ok()) return found.status();
    if (**recorded == *found) return Status::Ok();
    return Damaged(db.path(), ManifestPath(db.path()),
                      "lists table files that hold " + std::to_string(found->documents) + " documents and " +
                          std::to_string(found->entities) + " entities where kgraph recorded " +
                          std::to_string((*recorded)->documents) + " and " + std::to_string((*recorded)->entities));
}

}  // namespace kgraph::graph
