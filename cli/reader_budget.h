// The block cache a read command opens the store with (StoreOptions::
// memory_budget), apart from the rest of the commands so that a test can
// check the choice without running a command.
#pragma once

#include <cstddef>
#include <optional>

namespace kgraph::cli {

// How a command reads the store.
enum class ReadShape {
    // A few entities and their neighbourhoods (show, neighbors, path,
    // stats): blocks read again within the command, worth keeping.
    kPoint,
    // Every entity, relation or document once, in key order (listings,
    // every export, rank, conflicts, check): a data block is not read
    // again once the scan has passed it, so what stays cached is memory spent
    // for nothing.
    kScan,
};

// The readers' default for point queries, whatever budget the writer has.
constexpr std::size_t kReaderMemoryBudget = std::size_t{32} << 20;

// A scan needs the index and filter blocks of the files it reads and the
// data block each iterator is on: partitioned, those are kilobytes; a file
// written before partitioned indexes has a single index block (4.5 MB for the
// evidence of a 100k bulk load) and filter (2 MB), which still fit this
// cache's high-priority half. At 100k articles, `relations --json` peaks
// 16 MB lower than with 32 MiB and is no slower (docs/benchmarks.md,
// "Listings with a scan's cache").
constexpr std::size_t kScanMemoryBudget = std::size_t{16} << 20;

// `chosen`: --memory-mb, which overrides the command's default either way.
constexpr std::size_t ReaderBudget(std::optional<std::size_t> chosen, ReadShape shape) {
    if (chosen) return *chosen;
    return shape == ReadShape::kScan ? kScanMemoryBudget : kReaderMemoryBudget;
}

}  // namespace kgraph::cli
