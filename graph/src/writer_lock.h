// The one-writer-per-database rule, enforced with a lock file that also names
// the holder. RocksDB's own LOCK file would refuse a second writer too, but
// could not say who holds it.
#pragma once

#include <filesystem>

#include "kgraph/status.h"

namespace kgraph::graph {

class WriterLock {
public:
    // Busy("database PATH is in use by process N") when another Store (in this
    // or another process) writes `db_dir`; IOError when the lock file cannot
    // be created. `db_dir` must exist.
    static Result<WriterLock> Acquire(const std::filesystem::path& db_dir);

    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock();  // releases the lock

private:
    explicit WriterLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

// The lock file's name inside the database folder.
inline constexpr const char* kWriterLockFile = "kgraph.pid";

}  // namespace kgraph::graph
