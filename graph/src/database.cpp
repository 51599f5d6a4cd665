#include "database.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/write_buffer_manager.h>
#include <stdlib.h>

#include <algorithm>
#include <system_error>

namespace kgraph::graph {
namespace fs = std::filesystem;
namespace {

// kUnfinished: kgraph's lock file and RocksDB's first files, but no CURRENT
// yet (a creation killed in its first step).
enum class Presence { kMissing, kEmptyFolder, kRocksDb, kUnfinished, kOtherFolder };

// Only our lock file: what a first Open that failed half-way leaves behind.
bool IsEmptyFolder(const fs::path& path) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
        if (entry.path().filename() != kWriterLockFile) return false;
    }
    return !ec;
}

Result<Presence> Inspect(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) return Presence::kMissing;
    if (ec) return Status::IOError("cannot access " + path.string() + ": " + ec.message());
    if (!fs::is_directory(status)) return Status::IOError(path.string() + " is a file, not a kgraph database folder");
    if (fs::exists(path / "CURRENT", ec)) return Presence::kRocksDb;
    if (IsEmptyFolder(path)) return Presence::kEmptyFolder;
    return fs::exists(path / kWriterLockFile, ec) ? Presence::kUnfinished : Presence::kOtherFolder;
}

Status NotKgraph(const fs::path& path) { return Status::Corruption(path.string() + " is not a kgraph database"); }

Status NoDatabase(const fs::path& path) {
    return Status::NotFound("no database at " + path.string() + "; run `kgraph ingest` first");
}

// kgraph creates a database in steps: its lock file, then RocksDB's files,
// then the column families, then the schema version, synced. A creation
// stopped (killed) before the last step leaves a folder with the lock file
// and no schema version; no document can be stored in it yet. Another
// program's RocksDB has no kgraph lock file. Asked only after an open failed
// as "not a kgraph database"; without the writer lock the answer only
// chooses the message.
bool IsUnfinishedCreation(const fs::path& path, bool had_lock_file) {
    if (!had_lock_file) return false;
    rocksdb::DBOptions options;
    std::vector<std::string> names;
    if (!rocksdb::DB::ListColumnFamilies(options, path.string(), &names).ok()) return false;
    if (std::find(names.begin(), names.end(), CfName(Cf::kMeta)) == names.end()) return true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& name : names) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    if (!rocksdb::DB::OpenForReadOnly(options, path.string(), descriptors, &handles, &raw).ok()) return false;
    const std::unique_ptr<rocksdb::DB> db(raw);
    const auto meta = std::find(names.begin(), names.end(), CfName(Cf::kMeta)) - names.begin();
    std::string version;
    const bool unversioned =
        db->Get(rocksdb::ReadOptions(), handles[meta], std::string(kSchemaVersionKey), &version).IsNotFound();
    for (rocksdb::ColumnFamilyHandle* handle : handles) db->DestroyColumnFamilyHandle(handle);
    return unversioned;
}

// Removes RocksDB's files of an unfinished creation; the lock file stays.
Status DiscardUnfinishedCreation(const fs::path& path) {
    if (rocksdb::DestroyDB(path.string(), rocksdb::Options()).ok()) return Status::Ok();
    return Status::IOError("cannot remove the unfinished database at " + path.string());
}

// The operating system's reason at the end of a RocksDB IO error message
// ("...: /db/000012.log: No space left on device").
std::string OsReason(const rocksdb::Status& status) {
    const std::string text = status.ToString();
    const std::size_t colon = text.rfind(": ");
    return colon == std::string::npos ? "input/output error" : text.substr(colon + 2);
}

Result<fs::path> MakeScratchFolder() {
    std::string pattern = (fs::temp_directory_path() / "kgraph-reader-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        return Status::IOError("cannot create a temporary folder in " + fs::temp_directory_path().string());
    }
    return fs::path(pattern);
}

// Memory must not grow with the database. RocksDB's memory lives in one
// budget (StoreOptions::memory_budget): the block cache. Memtables are charged
// to it (their flush starts at half the budget, and while a flush runs the next memtable fills, charged as
// well), so the data blocks it caches shrink to make room for them; the index
// and filter blocks of table files live in it too instead of beside each open
// file, which max_open_files = -1 would otherwise let grow with the number of
// files. No write stall on the budget (allow_stall): RocksDB 7's stall has
// known hangs, and a flush bounds the overshoot anyway.
// Ingest looks up names that are mostly absent (new aliases, entities);
// a Bloom filter answers those without reading a data block.
constexpr double kBloomBitsPerKey = 10;

rocksdb::ColumnFamilyOptions TableOptions(const std::shared_ptr<rocksdb::Cache>& cache, std::size_t memtable_budget) {
    rocksdb::BlockBasedTableOptions table;
    table.block_cache = cache;
    table.cache_index_and_filter_blocks = true;
    table.pin_l0_filter_and_index_blocks_in_cache = true;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
    rocksdb::ColumnFamilyOptions options;
    options.write_buffer_size = memtable_budget / 2;
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    return options;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const fs::path& path, const StoreOptions& options) {
    const bool had_lock_file = fs::exists(path / kWriterLockFile);
    Result<std::unique_ptr<Database>> database = OpenOnce(path, options, false);
    if (database.ok() || !database.status().IsCorruption() || !IsUnfinishedCreation(path, had_lock_file)) {
        return database;
    }
    if (options.read_only || !options.create_if_missing) return NoDatabase(path);
    return OpenOnce(path, options, true);
}

Result<std::unique_ptr<Database>> Database::OpenOnce(const fs::path& path, const StoreOptions& options,
                                                     bool discard_unfinished) {
    Result<Presence> presence = Inspect(path);
    if (!presence.ok()) return presence.status();
    if (*presence == Presence::kOtherFolder) return NotKgraph(path);
    bool fresh = *presence != Presence::kRocksDb;
    if (fresh && (options.read_only || !options.create_if_missing)) return NoDatabase(path);

    std::unique_ptr<Database> database(new Database());
    database->path_ = path;
    std::error_code ec;
    if (*presence == Presence::kMissing && !fs::create_directories(path, ec) && ec) {
        return Status::IOError("cannot create database folder " + path.string() + ": " + ec.message());
    }
    if (!options.read_only) {
        Result<WriterLock> lock = WriterLock::Acquire(path);
        if (!lock.ok()) return lock.status();
        database->lock_.emplace(std::move(*lock));
    }
    // Checked again under the lock: another writer may have finished it.
    if (*presence == Presence::kUnfinished || (discard_unfinished && !fresh && IsUnfinishedCreation(path, true))) {
        if (Status discarded = DiscardUnfinishedCreation(path); !discarded.ok()) return discarded;
        fresh = true;
    }
    if (Status opened = database->OpenRocks(options, fresh); !opened.ok()) return opened;
    if (fresh) {
        rocksdb::WriteBatch batch;
        batch.Put(database->handle(Cf::kMeta), std::string(kSchemaVersionKey), std::to_string(kStoreSchemaVersion));
        if (Status written = database->Write(&batch, true); !written.ok()) return written;
    } else if (Status version = database->CheckSchemaVersion(); !version.ok()) {
        return version;
    }
    return database;
}

Status Database::OpenRocks(const StoreOptions& options, bool fresh) {
    rocksdb::DBOptions db_options;
    db_options.create_if_missing = fresh;
    db_options.create_missing_column_families = fresh;
    db_options.max_open_files = -1;  // a read-only instance must hold every file it may read
    db_options.keep_log_file_num = 2;
    db_options.info_log_level = rocksdb::WARN_LEVEL;

    std::vector<std::string> names = {rocksdb::kDefaultColumnFamilyName};
    if (fresh) {
        names.insert(names.end(), kColumnFamilyNames.begin(), kColumnFamilyNames.end());
    } else {
        rocksdb::Status listed = rocksdb::DB::ListColumnFamilies(db_options, path_.string(), &names);
        if (listed.IsIOError()) return Translate(listed, "open");
        if (!listed.ok()) return NotKgraph(path_);
        if (std::find(names.begin(), names.end(), CfName(Cf::kMeta)) == names.end()) return NotKgraph(path_);
    }
    const std::size_t memtable_budget = options.memory_budget / 2;
    const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(options.memory_budget);
    db_options.write_buffer_manager = std::make_shared<rocksdb::WriteBufferManager>(memtable_budget, cache);
    const rocksdb::ColumnFamilyOptions family_options = TableOptions(cache, memtable_budget);
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& name : names) descriptors.emplace_back(name, family_options);

    rocksdb::DB* raw = nullptr;
    rocksdb::Status opened;
    if (options.read_only) {
        // A secondary instance, not OpenForReadOnly: RocksDB documents the
        // latter as undefined while a writer has the database open.
        Result<fs::path> scratch = MakeScratchFolder();
        if (!scratch.ok()) return scratch.status();
        secondary_dir_ = *scratch;
        opened = rocksdb::DB::OpenAsSecondary(db_options, path_.string(), secondary_dir_.string(), descriptors,
                                              &all_handles_, &raw);
    } else {
        opened = rocksdb::DB::Open(db_options, path_.string(), descriptors, &all_handles_, &raw);
    }
    if (!opened.ok()) return Translate(opened, "open");
    db_.reset(raw);
    for (rocksdb::ColumnFamilyHandle* handle : all_handles_) {
        auto known = std::find(kColumnFamilyNames.begin(), kColumnFamilyNames.end(), handle->GetName());
        if (known != kColumnFamilyNames.end()) handles_[known - kColumnFamilyNames.begin()] = handle;
    }
    // Opening reads the MANIFEST, then the logs; a flush by the writer in
    // between moves data out of a log into a table the first read did not
    // list. Catching up once reads the newer MANIFEST and logs.
    if (options.read_only) {
        if (rocksdb::Status caught_up = db_->TryCatchUpWithPrimary(); !caught_up.ok()) return Translate(caught_up, "open");
    }
    return Status::Ok();
}

Status Database::CheckSchemaVersion() {
    std::string stored;
    rocksdb::Status read = db_->Get(rocksdb::ReadOptions(), handle(Cf::kMeta), std::string(kSchemaVersionKey), &stored);
    if (read.IsNotFound()) return NotKgraph(path_);
    if (!read.ok()) return Translate(read, "read");
    if (stored != std::to_string(kStoreSchemaVersion)) {
        return Status::VersionMismatch("database " + path_.string() + " was written by kgraph schema version " +
                                       stored + "; this kgraph reads version " +
                                       std::to_string(kStoreSchemaVersion));
    }
    // Same version, so every column family must be there.
    if (std::find(handles_.begin(), handles_.end(), nullptr) != handles_.end()) return NotKgraph(path_);
    return Status::Ok();
}

Database::~Database() {
    if (db_) {
        // Leave nothing in the log: the next writer would otherwise move it
        // into a table while opening, a moment when readers may miss it.
        if (lock_) db_->Flush(rocksdb::FlushOptions()).PermitUncheckedError();
        for (rocksdb::ColumnFamilyHandle* handle : all_handles_) db_->DestroyColumnFamilyHandle(handle);
        db_->Close().PermitUncheckedError();
        db_.reset();
    }
    if (!secondary_dir_.empty()) {
        std::error_code ignored;  // a leftover scratch folder in /tmp harms nobody
        fs::remove_all(secondary_dir_, ignored);
    }
}

Status Database::Write(rocksdb::WriteBatch* batch, bool sync) const {
    rocksdb::WriteOptions write_options;
    write_options.sync = sync;
    rocksdb::Status written = db_->Write(write_options, batch);
    return written.ok() ? Status::Ok() : Translate(written, "write");
}

Status Database::Translate(const rocksdb::Status& status, std::string_view doing) const {
    const std::string db = path_.string();
    if (status.IsCorruption()) return Status::Corruption("database " + db + " is damaged (" + std::string(doing) + " failed)");
    if (status.IsIOError() && status.ToString().find("lock") != std::string::npos) {
        return Status::Busy("database " + db + " is in use by another process");
    }
    if (status.IsIOError()) return Status::IOError("cannot " + std::string(doing) + " database " + db + ": " + OsReason(status));
    return Status::IOError("cannot " + std::string(doing) + " database " + db);
}

rocksdb::ReadOptions Reader::Options() const {
    rocksdb::ReadOptions options;
    options.snapshot = snapshot_;
    return options;
}

Result<std::optional<std::string>> Reader::Get(Cf cf, std::string_view key) const {
    std::string value;
    const rocksdb::Slice slice(key.data(), key.size());
    const rocksdb::Status read =
        pending_ ? pending_->GetFromBatchAndDB(db_.db(), Options(), db_.handle(cf), slice, &value)
                 : db_.db()->Get(Options(), db_.handle(cf), slice, &value);
    if (read.IsNotFound()) return std::optional<std::string>();
    if (!read.ok()) return db_.Translate(read, "read");
    return std::optional<std::string>(std::move(value));
}

Status Reader::Scan(Cf cf, std::string_view prefix, const Visitor& visit) const {
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(Options(), db_.handle(cf)));
    if (pending_) it.reset(pending_->NewIteratorWithBase(db_.handle(cf), it.release()));
    for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
        const std::string_view key = it->key().ToStringView();
        if (!key.starts_with(prefix)) break;
        if (Status visited = visit(key, it->value().ToStringView()); !visited.ok()) return visited;
    }
    return it->status().ok() ? Status::Ok() : db_.Translate(it->status(), "read");
}

Result<bool> Reader::HasPrefix(Cf cf, std::string_view prefix) const {
    bool found = false;
    Status scanned = Scan(cf, prefix, [&](std::string_view, std::string_view) {
        found = true;
        return Status::Interrupted("");  // one is enough
    });
    if (!scanned.ok() && !scanned.IsInterrupted()) return scanned;
    return found;
}

}  // namespace kgraph::graph
