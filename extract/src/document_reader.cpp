// Reading documents from disk: what counts as a text file, and how broken
// UTF-8 is repaired so that everything downstream can trust Document::text.
#include <unicode/utf8.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "kgraph/extract.h"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

// Replaces every ill-formed sequence with U+FFFD. ICU's U8_NEXT consumes the
// maximal ill-formed subpart, which is the substitution practice Unicode
// recommends (one U+FFFD per broken sequence, never swallowing a valid byte).
// Returns the offset of the first bad byte, or npos when the text was valid.
std::size_t RepairUtf8(std::string& text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    std::size_t first_bad = std::string::npos;
    std::string repaired;
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0) {
            if (first_bad != std::string::npos) repaired.append(text, start, i - start);
            continue;
        }
        if (first_bad == std::string::npos) {
            first_bad = static_cast<std::size_t>(start);
            repaired.assign(text, 0, start);
        }
        repaired += "\xEF\xBF\xBD";
    }
    if (first_bad != std::string::npos) text = std::move(repaired);
    return first_bad;
}

}  // namespace

Result<Document> ReadDocument(const fs::path& path, std::string* warning) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return Status::NotFound(path.string() + ": no such file");
    if (fs::is_directory(status)) return Status::InvalidArgument(path.string() + ": is a directory, not a text file");

    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IOError(path.string() + ": cannot open for reading");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return Status::IOError(path.string() + ": read failed");

    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
        return Status::InvalidArgument(path.string() + ": binary content (NUL byte at offset " +
                                       std::to_string(nul) + "), not a text file");
    }
    if (const std::size_t bad = RepairUtf8(text); bad != std::string::npos && warning != nullptr) {
        *warning = path.string() + ": invalid UTF-8 at byte offset " + std::to_string(bad) +
                   ", replaced with U+FFFD";
    }

    Document document;
    document.id = DocumentId(text);
    document.source = path.string();
    document.text = std::move(text);
    return document;
}

}  // namespace kgraph
