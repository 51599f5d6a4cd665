// The number of the last write a writer made before it closed, kept in a
// file of its own (`kgraph.last-write`) beside RocksDB's. A MANIFEST that
// lost its last whole records still reads without error, as the database was
// at an earlier flush: consistent in itself (flushes are atomic), so kgraph's
// counts in `meta` agree with it, and the documents written since are gone.
// RocksDB's sequence number of that earlier state is below the one recorded
// here, which any open can compare for the price of reading a small file.
// Internal to graph/.
#pragma once

#include <cstdint>
#include <filesystem>
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

}  // namespace kgraph::graph
