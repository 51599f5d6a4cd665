// The one-writer-per-database rule. The lock is an flock on the database
// folder itself, held on an open descriptor: deleting files inside the folder
// (RocksDB's LOCK, kgraph.pid) cannot release it, as deleting a lock file
// released the lock on that file. kgraph.pid only names the holder.
#pragma once

#include <sys/types.h>

#include <filesystem>

#include "kgraph/status.h"

namespace kgraph::graph {

class WriterLock {
public:
    // Busy("database PATH is in use by process N") when another Store (in this
    // or another process) writes `db_dir`; IOError when the folder cannot be
    // locked or kgraph.pid cannot be written. `db_dir` must exist.
    static Result<WriterLock> Acquire(const std::filesystem::path& db_dir);

    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock();  // releases the lock

    // IOError unless the locked folder is still the one at its path: a
    // folder moved or removed while writing would take every later write
    // with it. Cheap (two stats); checked before each write.
    Status Verify() const;

private:
    WriterLock(int fd, std::filesystem::path db_dir) : fd_(fd), db_dir_(std::move(db_dir)) {}
    int fd_ = -1;  // the folder, opened read-only
    std::filesystem::path db_dir_;
};

// The file naming the writer's process inside the database folder.
inline constexpr const char* kWriterLockFile = "kgraph.pid";

}  // namespace kgraph::graph
