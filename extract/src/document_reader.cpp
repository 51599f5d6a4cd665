// Reading documents from disk: what counts as a text file, and how broken
// UTF-8 is repaired so that everything downstream can trust Document::text.
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "kgraph/extract.h"

namespace kgraph {
namespace {

namespace fs = std::filesystem;

// Calls on_piece(begin, end, valid) for each well-formed UTF-8 sequence and
// each maximal ill-formed subpart of `text`, in order. ICU's U8_NEXT consumes
// the maximal ill-formed subpart, the unit Unicode's recommended
// substitution practice replaces (never swallowing a valid byte).
template <typename OnPiece>
void ForEachUtf8Piece(const std::string& text, OnPiece&& on_piece) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        on_piece(static_cast<std::size_t>(start), static_cast<std::size_t>(i), c >= 0);
    }
}

// Replaces every ill-formed sequence with U+FFFD. Returns the offset of the
// first bad byte, or npos when the text was valid.
std::size_t RepairUtf8(std::string& text) {
    std::size_t first_bad = std::string::npos;
    std::string repaired;
    ForEachUtf8Piece(text, [&](std::size_t begin, std::size_t end, bool valid) {
        if (valid) {
            if (first_bad != std::string::npos) repaired.append(text, begin, end - begin);
            return;
        }
        if (first_bad == std::string::npos) {
            first_bad = begin;
            repaired.assign(text, 0, begin);
        }
        repaired += "\xEF\xBF\xBD";
    });
    if (first_bad != std::string::npos) text = std::move(repaired);
    return first_bad;
}

// A file name is bytes; the model's strings are UTF-8. Bytes that are not
// UTF-8 are spelled "\xNN", readable and unambiguous enough for a path.
std::string EscapedPath(const std::string& path) {
    std::string escaped;
    ForEachUtf8Piece(path, [&](std::size_t begin, std::size_t end, bool valid) {
        if (valid) {
            escaped.append(path, begin, end - begin);
            return;
        }
        static constexpr char kHex[] = "0123456789ABCDEF";
        for (std::size_t b = begin; b < end; ++b) {
            const auto byte = static_cast<unsigned char>(path[b]);
            escaped += {'\\', 'x', kHex[byte >> 4], kHex[byte & 15]};
        }
    });
    return escaped;
}

// Text saved as UTF-16 (Windows' "Unicode") starts with a byte order mark
// and is full of NUL bytes; it is decoded rather than refused as binary.
// Returns false when `text` has no UTF-16 byte order mark.
bool DecodeUtf16(std::string& text, bool& odd_length) {
    if (text.size() < 2) return false;
    const bool little_endian = text[0] == '\xFF' && text[1] == '\xFE';
    if (!little_endian && !(text[0] == '\xFE' && text[1] == '\xFF')) return false;
    odd_length = text.size() % 2 != 0;
    std::u16string units;
    units.reserve(text.size() / 2);
    for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
        const auto first = static_cast<unsigned char>(text[i]), second = static_cast<unsigned char>(text[i + 1]);
        units.push_back(static_cast<char16_t>(little_endian ? first | second << 8 : first << 8 | second));
    }
    std::string utf8;
    // Unpaired surrogates become U+FFFD.
    icu::UnicodeString(units.data(), static_cast<int32_t>(units.size())).toUTF8String(utf8);
    text = std::move(utf8);
    return true;
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

    bool odd_length = false;
    if (DecodeUtf16(text, odd_length) && odd_length && warning != nullptr) {
        *warning = path.string() + ": UTF-16 text with an odd number of bytes; the last byte was dropped";
    }
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
    document.source = EscapedPath(path.string());
    document.text = std::move(text);
    return document;
}

}  // namespace kgraph
