#include "writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace kgraph::graph {
namespace {

std::string ReadHolder(int fd) {
    char buffer[32] = {};
    const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid;
}

}  // namespace

Result<WriterLock> WriterLock::Acquire(const std::filesystem::path& db_dir) {
    const std::filesystem::path file = db_dir / kWriterLockFile;
    const int fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Status::IOError("cannot create " + file.string() + ": " + std::strerror(errno));
    // flock, not fcntl: flock locks belong to the open file, so a second Store
    // in the same process is refused too, and closing an unrelated descriptor
    // of the file does not drop the lock.
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        const std::string holder = ReadHolder(fd);
        close(fd);
        if (error != EWOULDBLOCK) return Status::IOError("cannot lock " + file.string() + ": " + std::strerror(error));
        return Status::Busy("database " + db_dir.string() + " is in use by " +
                            (holder.empty() ? std::string("another process") : "process " + holder));
    }
    const std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        const int error = errno;
        close(fd);
        return Status::IOError("cannot write " + file.string() + ": " + std::strerror(error));
    }
    return WriterLock(fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) close(fd_);
}

}  // namespace kgraph::graph
