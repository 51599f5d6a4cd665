#include "bulk_load.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <utility>

#include "derived_writes.h"
#include "entity_resolution.h"
#include "name_grams.h"
#include "records.h"
#include "stored_counts.h"

namespace kgraph::graph {
namespace {
namespace fs = std::filesystem;

using Entries = std::vector<std::pair<std::string, std::string>>;

// Removes the scratch folder on every way out, including failures.
class ScratchFolder {
public:
    explicit ScratchFolder(fs::path path) : path_(std::move(path)) {}
    ~ScratchFolder() {
        std::error_code ignored;  // a leftover folder is removed by the next bulk load
        fs::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    Status Create() const {
        std::error_code ec;
        fs::remove_all(path_, ec);
        if (!ec) fs::create_directory(path_, ec);
        if (ec) return Status::IOError("cannot create " + path_.string() + ": " + ec.message());
        return Status::Ok();
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Table files want strictly increasing keys. Several documents put the same
// edge key, and several surface forms of one entity may fold to the same
// alias key; such repeats must carry the same value.
Status SortUnique(Entries& entries, Cf cf) {
    if (!std::is_sorted(entries.begin(), entries.end())) std::sort(entries.begin(), entries.end());  // sorted once already
    auto conflict = std::adjacent_find(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.first == b.first && a.second != b.second;
    });
    if (conflict != entries.end()) {
        return Status::Corruption("bulk load computed two values for one key of column family " +
                                  std::string(CfName(cf)));
    }
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    return Status::Ok();
}

// Collects every key of the load, then writes one sorted table file per
// column family.
class TableFileSink final : public KeyValueSink {
public:
    void Put(Cf cf, std::string_view key, std::string_view value) override {
        entries_[static_cast<std::size_t>(cf)].emplace_back(key, value);
    }

    // kgraph's counts of the keys put so far (stored_counts.h); sorts and
    // dedups the families it counts.
    Result<StoredCounts> CountKeys() {
        StoredCounts counts;
        for (std::size_t i = 0; i < kColumnFamilyCount; ++i) {
            const Cf cf = static_cast<Cf>(i);
            if (Status sorted = SortUnique(entries_[i], cf); !sorted.ok()) return sorted;
            for (const auto& [key, value] : entries_[i]) {
                if (Status counted = Count(counts, cf, key, value); !counted.ok()) return counted;
            }
        }
        return counts;
    }

    // The name index of the alias keys put so far (deduplicated by CountKeys).
    void PutNameGrams() {
        const Entries& aliases = entries_[static_cast<std::size_t>(Cf::kAliases)];
        for (const auto& [folded, id] : aliases) graph::PutNameGrams(*this, folded);
    }

    // The files to ingest, one per non-empty column family.
    Result<std::vector<rocksdb::IngestExternalFileArg>> WriteTables(const Database& db, const fs::path& folder) {
        rocksdb::IngestExternalFileOptions options;
        options.move_files = true;
        std::vector<rocksdb::IngestExternalFileArg> files;
        for (std::size_t i = 0; i < kColumnFamilyCount; ++i) {
            Entries& entries = entries_[i];
            if (entries.empty()) continue;
            const Cf cf = static_cast<Cf>(i);
            if (Status sorted = SortUnique(entries, cf); !sorted.ok()) return sorted;
            const fs::path file = folder / (std::string(CfName(cf)) + ".sst");
            if (Status written = WriteTable(db, cf, entries, file); !written.ok()) return written;
            Entries().swap(entries);  // written: free the memory before the next family
            rocksdb::IngestExternalFileArg arg;
            arg.column_family = db.handle(cf);
            arg.external_files = {file.string()};
            arg.options = options;
            files.push_back(std::move(arg));
        }
        return files;
    }

private:
    static Status WriteTable(const Database& db, Cf cf, const Entries& entries, const fs::path& file) {
        // The family's own options, so the file has its filters and compression.
        rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), db.db()->GetOptions(db.handle(cf)), db.handle(cf));
        rocksdb::Status status = writer.Open(file.string());
        for (auto it = entries.begin(); status.ok() && it != entries.end(); ++it) status = writer.Put(it->first, it->second);
        if (status.ok()) status = writer.Finish();
        return status.ok() ? Status::Ok() : db.Translate(status, "write a table file for");
    }

    std::array<Entries, kColumnFamilyCount> entries_;
};

// The graph the incremental updates build (derived_state.h), for the whole
// set of documents at once: one resolution of every mention. Entity ids
// follow the resolution's order, by name.
void PutEverything(const std::vector<DocumentFacts>& documents, TableFileSink& sink) {
    std::vector<Mention> mentions;
    std::vector<std::size_t> first_mention;  // per document
    for (const DocumentFacts& facts : documents) {
        sink.Put(Cf::kDocuments, facts.doc, EncodeDocument(facts));
        sink.Put(Cf::kSources, facts.source, facts.doc);
        first_mention.push_back(mentions.size());
        for (const Entity& entity : facts.entities) mentions.push_back(Mention{facts.doc, &entity});
    }
    const Resolution resolution = ResolveEntities(mentions);
    DerivedWrites writes(sink);
    for (std::size_t e = 0; e < resolution.entities.size(); ++e) writes.PutEntity(EntityId(e + 1), resolution.votes[e]);
    sink.Put(Cf::kMeta, kNextEntityIdKey, EntityId(resolution.entities.size() + 1));
    auto id_of = [&](std::size_t mention) { return EntityId(resolution.entity_of[mention] + 1); };
    for (std::size_t m = 0; m < mentions.size(); ++m) writes.PutMention(id_of(m), mentions[m].doc);
    for (std::size_t d = 0; d < documents.size(); ++d) {
        ForEachEvidence(documents[d], [&](const Relation& relation, std::size_t subject, std::size_t object,
                                          const Evidence& evidence, std::size_t ordinal) {
            const EdgeIds edge = Oriented({id_of(first_mention[d] + subject), relation.predicate,
                                           id_of(first_mention[d] + object)});
            writes.PutEvidence(edge, documents[d], evidence, ordinal);
        });
    }
}

}  // namespace

Status LoadInBulk(const Database& db, const std::vector<DocumentFacts>& documents) {
    if (documents.empty()) return Status::Ok();
    TableFileSink sink;
    PutEverything(documents, sink);
    Result<StoredCounts> counts = sink.CountKeys();
    if (!counts.ok()) return counts.status();
    PutStoredCounts(sink, *counts);
    sink.PutNameGrams();
    const ScratchFolder scratch(db.path() / "bulk-load");
    if (Status created = scratch.Create(); !created.ok()) return created;
    Result<std::vector<rocksdb::IngestExternalFileArg>> files = sink.WriteTables(db, scratch.path());
    if (!files.ok()) return files.status();
    if (Status locked = db.VerifyWriterLock(); !locked.ok()) return locked;
    const rocksdb::Status ingested = db.db()->IngestExternalFiles(*files);
    return ingested.ok() ? Status::Ok() : db.Translate(ingested, "load table files into");
}

}  // namespace kgraph::graph
