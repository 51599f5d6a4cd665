// The RocksDB instance behind a Store: opening it (with every check that
// Store::Open promises), its column families, and reads that may see a
// pending batch. Internal to graph/.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/utilities/write_batch_with_index.h>

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "keys.h"
#include "kgraph/status.h"
#include "kgraph/store.h"
#include "last_write.h"
#include "writer_lock.h"

namespace kgraph::graph {

class Database {
public:
    // See Store::Open for the errors.
    static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& path, const StoreOptions& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    rocksdb::DB* db() const { return db_.get(); }
    // Null for a family the open left out: the name index of a database
    // from before it, or one that StoreOptions::reads does not read.
    rocksdb::ColumnFamilyHandle* handle(Cf cf) const { return handles_[static_cast<std::size_t>(cf)]; }
    // Whether the open was asked for the family (StoreOptions::reads); it is
    // opened if the database has it.
    bool Reads(Cf cf) const;
    // InvalidArgument for a read of a family the open left out for StoreOptions::reads.
    Status NotOpened(Cf cf) const;
    const std::filesystem::path& path() const { return path_; }
    // The capacity of the block cache every column family shares.
    Result<std::uint64_t> BlockCacheCapacity() const;

    // Applies `batch` atomically; fsyncs the log first when `sync`. Checks
    // the writer's lock first.
    Status Write(rocksdb::WriteBatch* batch, bool sync) const;
    // Ok when this writer's folder is still the locked one (WriterLock::Verify).
    Status VerifyWriterLock() const;

    // Rebuilds the MANIFEST of a damaged database from its table files and
    // logs (RocksDB's RepairDB), after copying the folder, untouched, beside
    // it; returns the copy's path. What the lost files held is lost; the
    // store's counts are taken from what is left, and `kgraph check` tells
    // whether the derived state still matches the documents.
    static Result<std::filesystem::path> Repair(const std::filesystem::path& path, const StoreOptions& options);

    // A user-facing Status for a failed RocksDB call: names the database and
    // keeps the operating system's reason, drops RocksDB's wording.
    Status Translate(const rocksdb::Status& status, std::string_view doing) const;

private:
    Database() = default;
    // `for_own_writer`: the reader's checks a writer runs under its lock.
    static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& path, const StoreOptions& options,
                                                  bool for_own_writer);
    // A new database; `unfinished`: first removes what a killed creation left.
    Status Create(const StoreOptions& options, bool unfinished);
    Status OpenRocks(const StoreOptions& options, bool fresh);
    // A reader's instance, with the checks of VerifyManifest.
    Status OpenReader(const rocksdb::DBOptions& db_options,
                      const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors);
    // Takes an opened instance whose handles are in all_handles_.
    void Adopt(rocksdb::DB* db);
    Status CheckSchemaVersion();
    // Creates and fills the name index (name_grams.h) in a database from
    // before it.
    Status AddNameIndex();
    // What a read-only open of the MANIFEST alone finds (when no other
    // writer may be deleting files): every table file it lists is there,
    // with the size it lists (a secondary instance leaves out a file it
    // cannot open, and would answer as if the file never held anything), and
    // it describes the database as of `recorded`, the last write recorded
    // (last_write.h), or later.
    Status VerifyManifest(const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
                          std::optional<std::uint64_t> recorded) const;
    // A RocksDB open that failed on what it found in the folder.
    Status OpenFailure(const rocksdb::Status& status) const;

    std::filesystem::path path_;
    std::optional<WriterLock> lock_;
    bool for_own_writer_ = false;  // see Open
    StoreReads reads_ = StoreReads::kEverything;  // which families the open opened (StoreOptions::reads)
    bool family_missing_ = false;  // OpenReader's last open failed for a family not in the database
    std::shared_ptr<LastWriteRecorder> recorder_;  // a writer's
    std::vector<rocksdb::ColumnFamilyHandle*> all_handles_;  // for closing
    std::array<rocksdb::ColumnFamilyHandle*, kColumnFamilyCount> handles_{};
    std::unique_ptr<rocksdb::DB> db_;
};

// Corruption "database DB is damaged: FILE WHAT", with the way out (`kgraph
// repair`, then `kgraph check`).
Status Damaged(const std::filesystem::path& db, const std::filesystem::path& file, std::string_view what);
// The MANIFEST that the database's CURRENT file names (CURRENT itself when
// it names none).
std::filesystem::path ManifestPath(const std::filesystem::path& db);

// Reads the committed state, or the committed state overlaid with a batch
// that is being built (so an update can read its own writes), or the state
// of a snapshot.
class Reader {
public:
    explicit Reader(const Database& db, rocksdb::WriteBatchWithIndex* pending = nullptr)
        : db_(db), pending_(pending) {}
    Reader(const Database& db, const rocksdb::Snapshot* snapshot) : db_(db), pending_(nullptr), snapshot_(snapshot) {}

    Result<std::optional<std::string>> Get(Cf cf, std::string_view key) const;
    // Calls `visit(key, value)` for each key starting with `prefix`, in key
    // order; stops at the first non-ok Status `visit` returns.
    using Visitor = std::function<Status(std::string_view key, std::string_view value)>;
    Status Scan(Cf cf, std::string_view prefix, const Visitor& visit) const;
    // Whether any key starts with `prefix`.
    Result<bool> HasPrefix(Cf cf, std::string_view prefix) const;

private:
    rocksdb::ReadOptions Options() const;

    const Database& db_;
    rocksdb::WriteBatchWithIndex* pending_;
    const rocksdb::Snapshot* snapshot_ = nullptr;
};

}  // namespace kgraph::graph
