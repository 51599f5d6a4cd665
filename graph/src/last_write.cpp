#include "last_write.h"

#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <string>

namespace kgraph::graph {
namespace fs = std::filesystem;
namespace {

bool SyncPath(const fs::path& path, int flags) {
    const int fd = open(path.c_str(), flags | O_CLOEXEC);
    const bool synced = fd >= 0 && fsync(fd) == 0;
    if (fd >= 0) close(fd);
    return synced;
}

}  // namespace

Result<std::optional<std::uint64_t>> ReadLastWrite(const fs::path& db) {
    const fs::path file = db / kLastWriteFile;
    std::ifstream in(file);
    if (!in) return std::optional<std::uint64_t>();
    std::ostringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    std::uint64_t sequence = 0;
    const auto [end, error] = std::from_chars(content.data(), content.data() + content.size(), sequence);
    if (error != std::errc() || end == content.data() || std::string_view(end, content.data() + content.size()) != "\n") {
        return Status::Corruption("database " + db.string() + " is damaged: " + file.string() + " is unreadable");
    }
    return std::optional<std::uint64_t>(sequence);
}

Status RecordLastWrite(const fs::path& db, std::uint64_t sequence) {
    const fs::path file = db / kLastWriteFile;
    const fs::path fresh = db / (std::string(kLastWriteFile) + ".new");
    {
        std::ofstream out(fresh, std::ios::trunc);
        out << sequence << "\n";
        if (!out.flush()) return Status::IOError("cannot write " + fresh.string());
    }
    std::error_code ec;
    if (!SyncPath(fresh, O_RDONLY)) return Status::IOError("cannot sync " + fresh.string());
    fs::rename(fresh, file, ec);
    if (ec) return Status::IOError("cannot rename " + fresh.string() + ": " + ec.message());
    if (!SyncPath(db, O_RDONLY | O_DIRECTORY)) return Status::IOError("cannot sync folder " + db.string());
    return Status::Ok();
}

void LastWriteRecorder::OnFlushCompleted(rocksdb::DB*, const rocksdb::FlushJobInfo& info) {
    // A record that failed stays at an earlier write: still a lower bound.
    (void)Record(info.largest_seqno);
}

void LastWriteRecorder::OnExternalFileIngested(rocksdb::DB*, const rocksdb::ExternalFileIngestionInfo& info) {
    // A file loaded below every other keeps sequence number 0 and raises nothing.
    (void)Record(info.global_seqno);
}

Status LastWriteRecorder::Record(std::uint64_t sequence) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (sequence <= recorded_) return Status::Ok();
    if (Status recorded = RecordLastWrite(db_, sequence); !recorded.ok()) return recorded;
    recorded_ = sequence;
    return Status::Ok();
}

}  // namespace kgraph::graph
