#include "database.h"

#include <rocksdb/cache.h>
#include <rocksdb/env.h>
#include <rocksdb/file_system.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/write_buffer_manager.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <ctime>
#include <fstream>
#include <optional>
#include <system_error>

#include "derived_writes.h"
#include "name_grams.h"
#include "stored_counts.h"

namespace kgraph::graph {
namespace fs = std::filesystem;
namespace {

// kUnfinished: kgraph's creation marker (a creation killed before it wrote
// the schema version). kDamaged: a kgraph or RocksDB folder without CURRENT.
enum class Presence { kMissing, kEmptyFolder, kRocksDb, kUnfinished, kDamaged, kOtherFolder };

// Present from the start of a creation until its schema version is synced,
// so only ever in a folder that holds no document: the one case where Open
// may delete what it finds.
constexpr const char* kCreationMarker = "kgraph.creating";

// Only our lock file: what a first Open that failed half-way leaves behind.
bool IsEmptyFolder(const fs::path& path) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
        if (entry.path().filename() != kWriterLockFile) return false;
    }
    return !ec;
}

bool HasRocksDbFiles(const fs::path& path) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("MANIFEST-") || name.ends_with(".sst") || name.ends_with(".log")) return true;
    }
    return false;
}

Result<Presence> Inspect(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) return Presence::kMissing;
    if (ec) return Status::IOError("cannot access " + path.string() + ": " + ec.message());
    if (!fs::is_directory(status)) return Status::IOError(path.string() + " is a file, not a kgraph database folder");
    if (fs::exists(path / kCreationMarker, ec)) return Presence::kUnfinished;
    if (fs::exists(path / "CURRENT", ec)) return Presence::kRocksDb;
    if (IsEmptyFolder(path)) return Presence::kEmptyFolder;
    if (fs::exists(path / kWriterLockFile, ec) || HasRocksDbFiles(path)) return Presence::kDamaged;
    return Presence::kOtherFolder;
}

Status NotKgraph(const fs::path& path) { return Status::Corruption(path.string() + " is not a kgraph database"); }

Status NoDatabase(const fs::path& path) {
    return Status::NotFound("no database at " + path.string() + "; run `kgraph ingest` first");
}

// The error for a folder that holds no usable database, if it is one.
std::optional<Status> Unusable(const fs::path& path, Presence presence) {
    if (presence == Presence::kOtherFolder) return NotKgraph(path);
    if (presence == Presence::kDamaged) return Damaged(path, path / "CURRENT", "is missing");
    return std::nullopt;
}

// Removes RocksDB's files of an unfinished creation; the lock file stays.
Status DiscardUnfinishedCreation(const fs::path& path) {
    if (rocksdb::DestroyDB(path.string(), rocksdb::Options()).ok()) return Status::Ok();
    return Status::IOError("cannot remove the unfinished database at " + path.string());
}

// Makes a file's creation or removal in `folder` durable.
Status SyncFolder(const fs::path& folder) {
    const int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = fd >= 0 && fsync(fd) == 0;
    if (fd >= 0) close(fd);
    return synced ? Status::Ok() : Status::IOError("cannot sync folder " + folder.string());
}

Status SetCreationMarker(const fs::path& path, bool present) {
    const fs::path marker = path / kCreationMarker;
    std::error_code ec;
    if (present) {
        std::ofstream(marker) << "a kgraph database is being created here\n";
        if (!fs::exists(marker, ec)) return Status::IOError("cannot create " + marker.string());
    } else if (!fs::remove(marker, ec) && ec) {
        return Status::IOError("cannot remove " + marker.string() + ": " + ec.message());
    }
    return SyncFolder(path);
}

// The path of the first file inside `db` that RocksDB's message names.
std::optional<fs::path> FileNamedIn(const rocksdb::Status& status, const fs::path& db) {
    const std::string text = status.ToString();
    const std::string folder = db.string() + "/";
    const std::size_t start = text.find(folder);
    if (start == std::string::npos) return std::nullopt;
    const std::size_t end = text.find_first_of(": ,", start + folder.size());
    std::string name = text.substr(start + folder.size(), end == std::string::npos ? end : end - start - folder.size());
    while (name.ends_with(".")) name.pop_back();  // the end of RocksDB's sentence
    if (name.empty()) return std::nullopt;
    return db / name;
}

// Whether a writer holds the database folder's lock (WriterLock).
bool WriterActive(const fs::path& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool locked = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    close(fd);  // drops a shared lock taken
    return locked;
}

// Left by a bulk load that was killed (bulk_load.cpp's scratch folder).
void RemoveBulkLoadLeftover(const fs::path& path) {
    std::error_code ignored;  // the bulk load empties it again before use
    fs::remove_all(path / "bulk-load", ignored);
}

// Every writer's open starts a log, and RocksDB keeps it while the MANIFEST
// points at it, which a writer that wrote nothing never changes: each no-op
// ingest used to leave one more empty `.log` behind. An empty log holds no
// record, so once the writer is closed (and still holds the lock) it goes.
void RemoveEmptyLogs(const fs::path& path) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
        std::error_code ignored;  // a log left behind costs nothing to replay
        if (entry.path().extension() == ".log" && entry.file_size(ignored) == 0) fs::remove(entry.path(), ignored);
    }
}

// Whether a log in the folder holds a write: one a killed writer left (a
// writer's close flushes it into tables and removes the emptied logs).
bool HasLogRecords(const fs::path& path) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
        std::error_code unknown;
        if (entry.path().extension() == ".log" && entry.file_size(unknown) != 0) return true;
    }
    return false;
}

// The operating system's reason at the end of a RocksDB IO error message
// ("...: /db/000012.log: No space left on device").
std::string OsReason(const rocksdb::Status& status) {
    const std::string text = status.ToString();
    const std::size_t colon = text.rfind(": ");
    return colon == std::string::npos ? "input/output error" : text.substr(colon + 2);
}

// RocksDB reads the MANIFEST that CURRENT names; its own errors for a
// missing or empty one do not say which file is at fault.
Status CheckManifest(const fs::path& db) {
    const fs::path manifest = ManifestPath(db);
    if (manifest.filename() == "CURRENT") return Damaged(db, manifest, "names no MANIFEST");
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(manifest, ec);
    if (ec) return Damaged(db, manifest, "is missing");
    if (size == 0) return Damaged(db, manifest, "is empty");
    return Status::Ok();
}

// RocksDB's info log is a file in the database folder. On a full disk, an
// append to it fails and leaves its writer in an error state; the next line
// logged trips an assertion that Debian's librocksdb keeps
// (writable_file_writer.h:312 sync_without_flush_called_), a SIGABRT at
// every later open too. kgraph reports failures through Status, so the log
// goes nowhere.
class DiscardingLogger final : public rocksdb::Logger {
public:
    DiscardingLogger() : rocksdb::Logger(rocksdb::InfoLogLevel::HEADER_LEVEL) {}
    using rocksdb::Logger::Logv;
    void Logv(const char*, va_list) override {}
};

rocksdb::DBOptions BaseOptions() {
    rocksdb::DBOptions options;
    options.info_log = std::make_shared<DiscardingLogger>();
    options.paranoid_checks = true;
    // Table files are opened by the opening thread: RocksDB's helper threads
    // for it terminate the process when a thread cannot be created, as on a
    // machine at its thread limit.
    options.max_file_opening_threads = 1;
    return options;
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
    // A query reads a few keys. With one index and one filter block per
    // table file, its first read of a file loads and decompresses the whole
    // block, which grows with the file (the evidence index of a 10k bulk
    // load is 438 KB, at 100k 4.5 MB): most of a `show`. Partitioned, the
    // top level is small and a read loads the one 4 KB partition it needs.
    table.index_type = rocksdb::BlockBasedTableOptions::IndexType::kTwoLevelIndexSearch;
    table.partition_filters = true;
    rocksdb::ColumnFamilyOptions options;
    options.write_buffer_size = memtable_budget / 2;
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    return options;
}

// The table factory of a read-only open: the block-based one it wraps, but
// for the text it prints of itself. RocksDB dumps the options of each of the
// first ten column families it creates to its info log
// (ColumnFamilyOptions::Dump), the table factory's some fifty formatted
// lines among them (GetPrintableOptions, 37,000 instructions per family),
// and builds them although kgraph's logger discards every line: 0.3 M
// instructions of a `show`, which creates 8 families (docs/benchmarks.md,
// "Start-up of a position-dependent kgraph"). Everything a reader asks of
// the factory goes to the one wrapped: its table readers, its options and
// block cache (found through Inner(), as for `stats`' cache capacity). In
// RocksDB 7.8, what tells block-based tables by the factory's name are the
// defaults of TTL and periodic compactions, which a read-only instance never
// runs, and the charging of file metadata to the block cache, off in
// kgraph. Writers keep the factory itself.
class QuietTableFactory final : public rocksdb::TableFactory {
public:
    explicit QuietTableFactory(std::shared_ptr<rocksdb::TableFactory> target) : target_(std::move(target)) {}
    const char* Name() const override { return "kgraph-quiet-block-based-table"; }

    using rocksdb::TableFactory::NewTableReader;
    rocksdb::Status NewTableReader(const rocksdb::ReadOptions& read_options,
                                   const rocksdb::TableReaderOptions& reader_options,
                                   std::unique_ptr<rocksdb::RandomAccessFileReader>&& file, std::uint64_t file_size,
                                   std::unique_ptr<rocksdb::TableReader>* reader, bool prefetch) const override {
        return target_->NewTableReader(read_options, reader_options, std::move(file), file_size, reader, prefetch);
    }
    rocksdb::TableBuilder* NewTableBuilder(const rocksdb::TableBuilderOptions& builder_options,
                                           rocksdb::WritableFileWriter* file) const override {
        return target_->NewTableBuilder(builder_options, file);
    }
    bool IsDeleteRangeSupported() const override { return target_->IsDeleteRangeSupported(); }
    rocksdb::Status ValidateOptions(const rocksdb::DBOptions& db_options,
                                    const rocksdb::ColumnFamilyOptions& family_options) const override {
        return target_->ValidateOptions(db_options, family_options);
    }
    const rocksdb::Customizable* Inner() const override { return target_.get(); }

private:
    std::shared_ptr<rocksdb::TableFactory> target_;
};

// RocksDB splits a cache into shards of at least 512 KiB, each evicting on
// its own, and a block larger than its shard is dropped as soon as it is
// released. A bulk load writes one large table file per column family, whose
// index block is 1.3 MB at 30k generated articles: with a 32 MiB reader cache
// (64 shards) it was read again for every seek, and a whole-graph export at
// 30k articles did not end in 5 minutes (41 s with 128 MiB). A reader is one
// thread, which sharding would not help anyway: one shard, so that any block
// up to the budget fits, and index and filter blocks stay in its
// high-priority half. Writers keep RocksDB's sharding (several threads).
std::shared_ptr<rocksdb::Cache> NewBlockCache(const StoreOptions& options) {
    const int shard_bits = options.read_only ? 0 : -1;
    return rocksdb::NewLRUCache(options.memory_budget, shard_bits);
}

// The files of a folder without its write-ahead logs: an open through it
// finds the database as its MANIFEST describes it, no log replayed on top.
class WithoutLogs final : public rocksdb::FileSystemWrapper {
public:
    WithoutLogs() : rocksdb::FileSystemWrapper(rocksdb::FileSystem::Default()) {}
    const char* Name() const override { return "kgraph-without-logs"; }

    rocksdb::IOStatus GetChildren(const std::string& dir, const rocksdb::IOOptions& options,
                                  std::vector<std::string>* names, rocksdb::IODebugContext* debug) override {
        rocksdb::IOStatus listed = target()->GetChildren(dir, options, names, debug);
        std::erase_if(*names, [](const std::string& name) { return name.ends_with(".log"); });
        return listed;
    }
    rocksdb::IOStatus GetChildrenFileAttributes(const std::string& dir, const rocksdb::IOOptions& options,
                                                std::vector<rocksdb::FileAttributes>* files,
                                                rocksdb::IODebugContext* debug) override {
        rocksdb::IOStatus listed = target()->GetChildrenFileAttributes(dir, options, files, debug);
        std::erase_if(*files, [](const rocksdb::FileAttributes& file) { return file.name.ends_with(".log"); });
        return listed;
    }
};

rocksdb::Env* EnvWithoutLogs() {
    static const std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(std::make_shared<WithoutLogs>());
    return env.get();
}

// The default environment, but an open through it starts no background
// thread. Every RocksDB open starts a flush and a compaction thread in the
// environment's pools; a read-only instance never flushes or compacts, and
// starting the two threads (and joining them at exit) was CPU time a query
// spent for nothing (docs/benchmarks.md, "Point queries open what they read").
class WithoutBackgroundThreads final : public rocksdb::EnvWrapper {
public:
    WithoutBackgroundThreads() : rocksdb::EnvWrapper(rocksdb::Env::Default()) {}
    const char* Name() const override { return "kgraph-without-background-threads"; }
    void IncBackgroundThreadsIfNeeded(int, rocksdb::Env::Priority) override {}
    // Registering the database's folder caches the logical block size of
    // its device (a walk of /sys: ten readlink calls and a file read, at
    // every open), which RocksDB 7.8 uses only for direct I/O; kgraph reads
    // through the page cache.
    rocksdb::Status RegisterDbPaths(const std::vector<std::string>&) override { return rocksdb::Status::OK(); }
    rocksdb::Status UnregisterDbPaths(const std::vector<std::string>&) override { return rocksdb::Status::OK(); }
};

rocksdb::Env* ReadOnlyEnv() {
    static WithoutBackgroundThreads env;
    return &env;
}

// Damaged when the MANIFEST describes an older state than a writer recorded
// (last_write.h): it lost whole records. `described`: the last write the
// MANIFEST itself holds. Not the one an open recovers, which replays the
// logs on top: a log written after a lost flush would raise it again while
// what the flush held is gone (its log deleted once the flush was recorded).
Status CompareLastWrite(const fs::path& db, std::optional<std::uint64_t> recorded, std::uint64_t described) {
    if (!recorded || described >= *recorded) return Status::Ok();
    return Damaged(db, ManifestPath(db),
                   "describes the database as of write " + std::to_string(described) + ", before write " +
                       std::to_string(*recorded) + " that its last writer made (the records of later flushes are lost)");
}

// Whether a read-only open for `reads` opens the column family `name`: each
// family that a read in `reads` may touch, RocksDB's default family (which
// every open needs; kgraph keeps nothing in it) and `meta` (the schema
// version).
bool Opens(StoreReads reads, std::string_view name) {
    if (reads == StoreReads::kEverything) return true;
    const auto known = std::find(kColumnFamilyNames.begin(), kColumnFamilyNames.end(), name);
    if (known == kColumnFamilyNames.end()) return name == rocksdb::kDefaultColumnFamilyName;
    switch (static_cast<Cf>(known - kColumnFamilyNames.begin())) {
        case Cf::kMeta:
            return true;
        case Cf::kAliases:
            return Includes(reads, StoreReads::kNames);
        case Cf::kNameGrams:
            return Includes(reads, StoreReads::kNameIndex);
        case Cf::kEntities:
            return Includes(reads, StoreReads::kEntities);
        case Cf::kOutEdges:
        case Cf::kInEdges:
            return Includes(reads, StoreReads::kRelations);
        case Cf::kEvidence:
            return Includes(reads, StoreReads::kEvidence);
        case Cf::kMerged:  // an entity's relations and evidence include those of the ids merged into it
            return Includes(reads, StoreReads::kRelations) || Includes(reads, StoreReads::kEvidence);
        case Cf::kDocuments:
        case Cf::kSources:
        case Cf::kMentions:
            return false;
    }
    return true;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const fs::path& path, const StoreOptions& options) {
    return Open(path, options, false);
}

Result<std::unique_ptr<Database>> Database::Open(const fs::path& path, const StoreOptions& options,
                                                 bool for_own_writer) {
    Result<Presence> presence = Inspect(path);
    if (!presence.ok()) return presence.status();
    if (std::optional<Status> unusable = Unusable(path, *presence)) return *unusable;
    const bool writer = !options.read_only;
    if (*presence != Presence::kRocksDb && (!writer || !options.create_if_missing)) return NoDatabase(path);

    std::unique_ptr<Database> database(new Database());
    database->path_ = path;
    database->for_own_writer_ = for_own_writer;
    database->reads_ = writer ? StoreReads::kEverything : options.reads;
    std::error_code ec;
    if (*presence == Presence::kMissing && !fs::create_directories(path, ec) && ec) {
        return Status::IOError("cannot create database folder " + path.string() + ": " + ec.message());
    }
    if (writer) {
        Result<WriterLock> lock = WriterLock::Acquire(path);
        if (!lock.ok()) return lock.status();
        database->lock_.emplace(std::move(*lock));
        // Again under the lock: another writer may have created it meanwhile.
        if (presence = Inspect(path); !presence.ok()) return presence.status();
        if (std::optional<Status> unusable = Unusable(path, *presence)) return *unusable;
    }
    if (*presence != Presence::kRocksDb) {
        if (Status created = database->Create(options, *presence == Presence::kUnfinished); !created.ok()) return created;
        return database;
    }
    if (writer) {
        // A reader's checks first: RocksDB's writer open already replays the
        // log, writes a new MANIFEST and deletes the files it does not list.
        StoreOptions reader = options;
        reader.read_only = true;
        Result<std::unique_ptr<Database>> checked = Open(path, reader, true);
        if (!checked.ok()) return checked.status();
        // The counts cost a scan of the document and entity keys: a writer,
        // which could make damage worse, pays it; a query, which must read
        // only what it answers, does not (`kgraph check` does).
        if (Status counts = VerifyStoredCounts(**checked, CountScope::kDocumentsAndEntities); !counts.ok()) return counts;
    }
    if (Status opened = database->OpenRocks(options, false); !opened.ok()) return opened;
    if (Status version = database->CheckSchemaVersion(); !version.ok()) return version;
    if (writer) {
        if (Status counts = RecordCountsIfMissing(*database); !counts.ok()) return counts;
        if (Status indexed = database->AddNameIndex(); !indexed.ok()) return indexed;
    }
    if (writer) RemoveBulkLoadLeftover(path);
    return database;
}

Status Database::Create(const StoreOptions& options, bool unfinished) {
    if (Status marked = SetCreationMarker(path_, true); !marked.ok()) return marked;
    if (unfinished) {
        if (Status discarded = DiscardUnfinishedCreation(path_); !discarded.ok()) return discarded;
    }
    if (Status opened = OpenRocks(options, true); !opened.ok()) return opened;
    rocksdb::WriteBatchWithIndex batch;
    BatchSink sink(*this, batch);
    sink.Put(Cf::kMeta, kSchemaVersionKey, std::to_string(kStoreSchemaVersion));
    PutStoredCounts(sink, StoredCounts{});
    if (Status written = Write(batch.GetWriteBatch(), true); !written.ok()) return written;
    return SetCreationMarker(path_, false);
}

Status Database::OpenRocks(const StoreOptions& options, bool fresh) {
    rocksdb::DBOptions db_options = BaseOptions();
    db_options.create_if_missing = fresh;
    db_options.create_missing_column_families = fresh;
    db_options.max_open_files = -1;  // a read-only instance must hold every file it may read
    // The column families of one flush are recorded together in the MANIFEST,
    // all or none: a MANIFEST that lost its last records reads as a whole
    // earlier state, never documents of one flush with entities of another.
    db_options.atomic_flush = true;
    if (!options.read_only) {
        recorder_ = std::make_shared<LastWriteRecorder>(path_);
        db_options.listeners.push_back(recorder_);
    }

    const std::size_t memtable_budget = options.memory_budget / 2;
    const std::shared_ptr<rocksdb::Cache> cache = NewBlockCache(options);
    db_options.write_buffer_manager = std::make_shared<rocksdb::WriteBufferManager>(memtable_budget, cache);
    rocksdb::ColumnFamilyOptions family_options = TableOptions(cache, memtable_budget);
    if (options.read_only) {
        family_options.table_factory = std::make_shared<QuietTableFactory>(family_options.table_factory);
        // The cache of open table files, in one shard as the block cache: a
        // reader is one thread, and the 64 shards of the default were 1% of
        // a `show`'s instructions and 25 KB to set up.
        db_options.table_cache_numshardbits = 0;
    }
    auto describe = [&](const std::vector<std::string>& names) {
        std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
        for (const std::string& name : names) descriptors.emplace_back(name, family_options);
        return descriptors;
    };

    std::vector<std::string> names = {rocksdb::kDefaultColumnFamilyName};
    if (fresh) {
        names.insert(names.end(), kColumnFamilyNames.begin(), kColumnFamilyNames.end());
    } else {
        if (Status manifest = CheckManifest(path_); !manifest.ok()) return manifest;
        if (reads_ != StoreReads::kEverything) {
            // The few families of a part of the store are named, not listed:
            // listing reads the MANIFEST once more. An open that asks for one
            // the database lacks (the name index of an older database, or
            // `meta` of a folder that is no kgraph database) fails; then the
            // families are listed, as for a whole-store open.
            for (std::string_view name : kColumnFamilyNames) {
                if (Opens(reads_, name)) names.emplace_back(name);
            }
            if (Status opened = OpenReader(db_options, describe(names)); opened.ok() || !family_missing_) return opened;
            names = {rocksdb::kDefaultColumnFamilyName};
        }
        rocksdb::Status listed = rocksdb::DB::ListColumnFamilies(db_options, path_.string(), &names);
        if (!listed.ok()) return OpenFailure(listed);
        if (std::find(names.begin(), names.end(), CfName(Cf::kMeta)) == names.end()) return NotKgraph(path_);
        std::erase_if(names, [&](const std::string& name) { return !Opens(reads_, name); });
    }
    const std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = describe(names);

    if (options.read_only) return OpenReader(db_options, descriptors);
    rocksdb::DB* raw = nullptr;
    const rocksdb::Status opened = rocksdb::DB::Open(db_options, path_.string(), descriptors, &all_handles_, &raw);
    if (!opened.ok()) return OpenFailure(opened);
    Adopt(raw);
    return Status::Ok();
}

Status Database::OpenReader(const rocksdb::DBOptions& db_options,
                            const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors) {
    // Read before the open: a writer records a write once its MANIFEST holds it.
    Result<std::optional<std::uint64_t>> recorded = ReadLastWrite(path_);
    if (!recorded.ok()) return recorded.status();
    // While no writer runs, nothing changes the folder, and a read-only
    // open is one open instead of two: it opens every table file
    // (max_open_files = -1), so a missing or cut one fails it.
    if (for_own_writer_ || !WriterActive(path_)) {
        rocksdb::DBOptions read_only = db_options;
        read_only.env = ReadOnlyEnv();
        rocksdb::DB* raw = nullptr;
        const rocksdb::Status opened =
            rocksdb::DB::OpenForReadOnly(read_only, path_.string(), descriptors, &all_handles_, &raw);
        family_missing_ = opened.IsInvalidArgument();  // RocksDB: "Column family not found"
        if (opened.ok()) {
            Adopt(raw);
            // A killed writer's log replayed on top would hide a MANIFEST
            // that lost records (CompareLastWrite): then a second open, without it.
            if (HasLogRecords(path_)) return VerifyManifest(descriptors, *recorded);
            return CompareLastWrite(path_, *recorded, db_->GetLatestSequenceNumber());
        }
        all_handles_.clear();
        if (for_own_writer_ || !WriterActive(path_)) return OpenFailure(opened);
        // a writer started meanwhile: open as below
    }
    // A secondary instance, not OpenForReadOnly: RocksDB documents the
    // latter as undefined while a writer has the database open. Its folder
    // would hold its info log, which kgraph discards (DiscardingLogger): it
    // is given the temp folder and writes nothing there.
    rocksdb::DB* raw = nullptr;
    const rocksdb::Status opened = rocksdb::DB::OpenAsSecondary(
        db_options, path_.string(), fs::temp_directory_path().string(), descriptors, &all_handles_, &raw);
    family_missing_ = opened.IsInvalidArgument();
    if (!opened.ok()) {
        all_handles_.clear();
        return OpenFailure(opened);
    }
    Adopt(raw);
    // Opening reads the MANIFEST, then the logs; a flush by the writer in
    // between moves data out of a log into a table the first read did not
    // list. Catching up once reads the newer MANIFEST and logs.
    if (rocksdb::Status caught_up = db_->TryCatchUpWithPrimary(); !caught_up.ok()) return OpenFailure(caught_up);
    return VerifyManifest(descriptors, *recorded);
}

void Database::Adopt(rocksdb::DB* db) {
    db_.reset(db);
    for (rocksdb::ColumnFamilyHandle* handle : all_handles_) {
        auto known = std::find(kColumnFamilyNames.begin(), kColumnFamilyNames.end(), handle->GetName());
        if (known != kColumnFamilyNames.end()) handles_[known - kColumnFamilyNames.begin()] = handle;
    }
}

Result<std::uint64_t> Database::BlockCacheCapacity() const {
    std::uint64_t capacity = 0;
    // RocksDB's own figure rather than the options': what the cache holds to.
    if (!db_->GetIntProperty(handle(Cf::kMeta), rocksdb::DB::Properties::kBlockCacheCapacity, &capacity)) {
        return Status::IOError("cannot read the block cache's capacity of database " + path_.string());
    }
    return capacity;
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
    // Same version, so every column family opened must be there, but the
    // name index, which came later within version 4: a writer adds it (AddNameIndex).
    for (std::size_t i = 0; i < kColumnFamilyCount; ++i) {
        if (handles_[i] == nullptr && static_cast<Cf>(i) != Cf::kNameGrams && Opens(reads_, kColumnFamilyNames[i])) {
            return NotKgraph(path_);
        }
    }
    return Status::Ok();
}

Status Database::AddNameIndex() {
    if (handle(Cf::kNameGrams) != nullptr) return Status::Ok();
    rocksdb::ColumnFamilyHandle* created = nullptr;
    // The options every family has (the same cache and filters).
    const rocksdb::ColumnFamilyOptions family_options = db_->GetOptions(handle(Cf::kAliases));
    const rocksdb::Status status = db_->CreateColumnFamily(family_options, std::string(CfName(Cf::kNameGrams)), &created);
    if (!status.ok()) return Translate(status, "add the name index to");
    all_handles_.push_back(created);
    handles_[static_cast<std::size_t>(Cf::kNameGrams)] = created;
    return RebuildNameGrams(*this);
}

Status Database::VerifyManifest(const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
                                std::optional<std::uint64_t> recorded) const {
    rocksdb::DBOptions options = BaseOptions();
    options.max_open_files = 16;  // the size check needs no table open
    options.env = EnvWithoutLogs();
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    const rocksdb::Status opened = rocksdb::DB::OpenForReadOnly(options, path_.string(), descriptors, &handles, &raw);
    if (opened.ok()) {
        const std::unique_ptr<rocksdb::DB> db(raw);
        for (rocksdb::ColumnFamilyHandle* handle : handles) db->DestroyColumnFamilyHandle(handle);
        return CompareLastWrite(path_, recorded, db->GetLatestSequenceNumber());
    }
    // Another writer's compaction may delete files while a read-only open
    // reads them; the secondary instance copes with that, so trust it then.
    if (!for_own_writer_ && WriterActive(path_)) return Status::Ok();
    return OpenFailure(opened);
}

Status Database::OpenFailure(const rocksdb::Status& status) const {
    const std::string text = status.ToString();
    if (status.IsIOError() && text.find("lock") != std::string::npos) return Translate(status, "open");
    const bool missing = text.find("No such file") != std::string::npos;
    // Out of space, permissions: the folder is fine, the system said no.
    if (status.IsIOError() && !missing) return Translate(status, "open");
    std::optional<fs::path> file = FileNamedIn(status, path_);
    if (!file) return Damaged(path_, ManifestPath(path_), "does not describe a readable database");
    // RocksDB looks for a missing table under its old .ldb name last.
    if (file->extension() == ".ldb") file->replace_extension(".sst");
    if (missing) return Damaged(path_, *file, "is missing");
    if (text.find("size mismatch") != std::string::npos) return Damaged(path_, *file, "is not the size the MANIFEST lists");
    return Damaged(path_, *file, "is unreadable");
}

Result<fs::path> Database::Repair(const fs::path& path, const StoreOptions& options) {
    Result<Presence> presence = Inspect(path);
    if (!presence.ok()) return presence.status();
    if (*presence == Presence::kMissing || *presence == Presence::kEmptyFolder) return NoDatabase(path);
    if (*presence == Presence::kOtherFolder) return NotKgraph(path);
    std::unique_ptr<Database> database(new Database());
    database->path_ = path;
    Result<WriterLock> lock = WriterLock::Acquire(path);
    if (!lock.ok()) return lock.status();
    database->lock_.emplace(std::move(*lock));

    const fs::path copy = path.string() + ".before-repair-" + std::to_string(std::time(nullptr));
    std::error_code ec;
    fs::copy(path, copy, fs::copy_options::recursive, ec);
    if (ec) return Status::IOError("cannot copy " + path.string() + " to " + copy.string() + ": " + ec.message());

    const rocksdb::DBOptions db_options = BaseOptions();
    const rocksdb::ColumnFamilyOptions family_options = TableOptions(rocksdb::NewLRUCache(options.memory_budget),
                                                                     options.memory_budget / 2);
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors{{rocksdb::kDefaultColumnFamilyName, family_options}};
    for (std::string_view name : kColumnFamilyNames) descriptors.emplace_back(std::string(name), family_options);
    const rocksdb::Status repaired = rocksdb::RepairDB(path.string(), db_options, descriptors, family_options);
    if (!repaired.ok()) return database->Translate(repaired, "repair");

    // As a creation does: RepairDB leaves out the column families that had no table file.
    if (Status opened = database->OpenRocks(options, true); !opened.ok()) return opened;
    if (Status version = database->CheckSchemaVersion(); !version.ok()) return version;
    if (Status counted = WriteStoredCounts(*database); !counted.ok()) return counted;
    if (Status indexed = RebuildNameGrams(*database); !indexed.ok()) return indexed;
    return copy;
}

Database::~Database() {
    if (db_) {
        // Leave nothing in the log: the next writer would otherwise move it
        // into a table while opening, a moment when readers may miss it.
        // Every family: Flush(options) alone flushes only the default one.
        // Then record the last write, which the next open must find again
        // (the flush's own record has it, unless the flush had nothing to write).
        if (lock_ && db_->Flush(rocksdb::FlushOptions(), all_handles_).ok()) {
            // A record that failed stays at an earlier write: still a lower bound.
            (void)recorder_->Record(db_->GetLatestSequenceNumber());
        }
        for (rocksdb::ColumnFamilyHandle* handle : all_handles_) db_->DestroyColumnFamilyHandle(handle);
        const bool closed = db_->Close().ok();
        db_.reset();
        if (lock_ && closed) RemoveEmptyLogs(path_);
    }
}

Status Database::VerifyWriterLock() const {
    return lock_ ? lock_->Verify() : Status::InvalidArgument("database " + path_.string() + " was opened read-only");
}

Status Database::Write(rocksdb::WriteBatch* batch, bool sync) const {
    if (Status locked = VerifyWriterLock(); !locked.ok()) return locked;
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

Status Damaged(const fs::path& db, const fs::path& file, std::string_view what) {
    return Status::Corruption("database " + db.string() + " is damaged: " + file.string() + " " + std::string(what) +
                              "; run `kgraph repair` (it keeps a copy of the folder), then `kgraph check`");
}

fs::path ManifestPath(const fs::path& db) {
    std::ifstream current(db / "CURRENT");
    std::string name;
    if (!std::getline(current, name) || !name.starts_with("MANIFEST-")) return db / "CURRENT";
    return db / name;
}

bool Database::Reads(Cf cf) const { return Opens(reads_, CfName(cf)); }

Status Database::NotOpened(Cf cf) const {
    return Status::InvalidArgument("database " + path_.string() + " was opened without its " + std::string(CfName(cf)) +
                                   " (StoreOptions::reads)");
}

Result<std::optional<std::string>> Reader::Get(Cf cf, std::string_view key) const {
    if (!db_.handle(cf)) return db_.NotOpened(cf);
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
    if (!db_.handle(cf)) return db_.NotOpened(cf);
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
