#include "writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace kgraph::graph {
namespace {

std::string ReadHolder(const std::filesystem::path& file) {
    const int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "";
    char buffer[32] = {};
    const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
    close(fd);
    std::string pid(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid;
}

Status WriteHolder(const std::filesystem::path& file) {
    const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Status::IOError("cannot create " + file.string() + ": " + std::strerror(errno));
    const std::string pid = std::to_string(getpid()) + "\n";
    const bool written = write(fd, pid.data(), pid.size()) == static_cast<ssize_t>(pid.size());
    const int error = errno;
    close(fd);
    if (!written) return Status::IOError("cannot write " + file.string() + ": " + std::strerror(error));
    return Status::Ok();
}

// Every reader holds a shared lock on the folder for an instant as it opens,
// to learn whether a writer runs: a writer that meets one tries again for a
// moment before it takes the folder for another writer's. False with errno
// set when the lock was not taken.
bool LockSoon(int fd) {
    constexpr int kAttempts = 40;
    constexpr useconds_t kPause = 5'000;  // 200 ms in all; a reader holds it for microseconds
    for (int attempt = 1;; ++attempt) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
        if (errno != EWOULDBLOCK || attempt == kAttempts) return false;
        usleep(kPause);
    }
}

}  // namespace

Result<WriterLock> WriterLock::Acquire(const std::filesystem::path& db_dir) {
    const int fd = open(db_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Status::IOError("cannot open " + db_dir.string() + ": " + std::strerror(errno));
    // flock, not fcntl: flock locks belong to the open file, so a second Store
    // in the same process is refused too, and closing an unrelated descriptor
    // of the folder does not drop the lock.
    if (!LockSoon(fd)) {
        const int error = errno;
        close(fd);
        if (error != EWOULDBLOCK) return Status::IOError("cannot lock " + db_dir.string() + ": " + std::strerror(error));
        const std::string holder = ReadHolder(db_dir / kWriterLockFile);
        return Status::Busy("database " + db_dir.string() + " is in use by " +
                            (holder.empty() ? std::string("another process") : "process " + holder));
    }
    WriterLock lock(fd, db_dir);
    if (Status named = WriteHolder(db_dir / kWriterLockFile); !named.ok()) return named;
    return lock;
}

Status WriterLock::Verify() const {
    struct stat locked {}, current {};
    if (fstat(fd_, &locked) == 0 && stat(db_dir_.c_str(), &current) == 0 && locked.st_dev == current.st_dev &&
        locked.st_ino == current.st_ino) {
        return Status::Ok();
    }
    return Status::IOError("database folder " + db_dir_.string() +
                           " was moved or removed while kgraph was writing to it; nothing more was stored");
}

WriterLock::WriterLock(WriterLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), db_dir_(std::move(other.db_dir_)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        db_dir_ = std::move(other.db_dir_);
    }
    return *this;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) close(fd_);
}

}  // namespace kgraph::graph
