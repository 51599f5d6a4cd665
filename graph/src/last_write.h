// The number of the last write a writer's MANIFEST holds, kept in a file of
// its own (`kgraph.last-write`) beside RocksDB's. A MANIFEST that lost its
// last whole records still reads without error, as the database was at an
// earlier flush: consistent in itself (flushes are atomic), so kgraph's
// counts in `meta` agree with it, and the documents written since are gone.
// The last write that MANIFEST holds is below the one recorded here, which
// any open can compare for the price of reading a small file (database.cpp,
// CompareLastWrite). The record is written after each flush and bulk load,
// not only at close: a writer killed after a flush whose MANIFEST record is
// later lost would otherwise leave the record of an earlier close, below
// the state the lost record described.
// Internal to graph/.
#pragma once

#include <rocksdb/listener.h>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>

#include "kgraph/status.h"

namespace kgraph::graph {

inline constexpr const char* kLastWriteFile = "kgraph.last-write";

// The sequence number recorded in `db`, nullopt when none is (a database
// written before kgraph kept it). Corruption when the file is unreadable.
Result<std::optional<std::uint64_t>> ReadLastWrite(const std::filesystem::path& db);

// Replaces the record with `sequence`, durably (a new file renamed over the
// old one, both synced).
Status RecordLastWrite(const std::filesystem::path& db, std::uint64_t sequence);

// A writer's recorder: RocksDB calls it when a flush or a loaded table file
// is in the MANIFEST, which then describes the database as of at least that
// write; its close records the last write. Each record is a synced file and
// a rename, so it is written only for a write above the one recorded last
// (an atomic flush reports each column family's file).
class LastWriteRecorder final : public rocksdb::EventListener {
public:
    explicit LastWriteRecorder(std::filesystem::path db) : db_(std::move(db)) {}

    void OnFlushCompleted(rocksdb::DB*, const rocksdb::FlushJobInfo& info) override;
    void OnExternalFileIngested(rocksdb::DB*, const rocksdb::ExternalFileIngestionInfo& info) override;
    // RecordLastWrite, unless this writer recorded `sequence` or a later write already.
    Status Record(std::uint64_t sequence);

private:
    const std::filesystem::path db_;
    std::mutex mutex_;  // flushes report from RocksDB's threads
    std::uint64_t recorded_ = 0;
};

}  // namespace kgraph::graph
