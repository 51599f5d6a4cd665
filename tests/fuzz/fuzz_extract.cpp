// Fuzzes reading and extraction together, the way ingest uses them: the
// input bytes are a file's content. Reading must refuse or repair them, and
// whatever it accepts, extraction must handle without crashing and with
// evidence offsets inside the document.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "kgraph/extract.h"

namespace {

const kgraph::Extractor& SharedExtractor() {
    static const std::unique_ptr<kgraph::Extractor> extractor = [] {
        auto created = kgraph::Extractor::Create({});
        if (!created.ok()) __builtin_trap();
        return std::move(created).value();
    }();
    return *extractor;
}

// An in-memory file, so the real ReadDocument() path is exercised.
class MemoryFile {
public:
    MemoryFile() : fd_(memfd_create("kgraph-fuzz", 0)) {}
    ~MemoryFile() { close(fd_); }
    std::string Path() const { return "/proc/self/fd/" + std::to_string(fd_); }
    void Write(const std::uint8_t* data, std::size_t size) {
        if (ftruncate(fd_, 0) != 0 || pwrite(fd_, data, size, 0) != static_cast<ssize_t>(size)) __builtin_trap();
    }

private:
    int fd_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static MemoryFile file;
    file.Write(data, size);
    kgraph::Result<kgraph::Document> document = kgraph::ReadDocument(file.Path());
    if (!document.ok()) return 0;
    kgraph::Explanation explanation;
    const kgraph::DocumentFacts facts = SharedExtractor().Extract(*document, &explanation);
    for (const kgraph::Relation& relation : facts.relations) {
        for (const kgraph::Evidence& evidence : relation.evidence) {
            if (evidence.start > evidence.end || evidence.end > document->text.size()) __builtin_trap();
        }
    }
    return 0;
}
