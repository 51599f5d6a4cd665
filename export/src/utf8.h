// Internal to export/: text for formats whose readers reject invalid UTF-8
// (XML parsers, neo4j-admin). Names and sentences come from article text,
// which the reader repairs, but a rules file or an older database may still
// hold a stray byte; it must not make a whole export unreadable.
#pragma once

#include <string>
#include <string_view>

namespace kgraph {

// `text` with each byte that does not start a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
// replaced by U+FFFD.
inline std::string ValidUtf8(std::string_view text) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string valid;
    valid.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = [&text](std::size_t at) { return static_cast<unsigned char>(text[at]); };
        const unsigned char lead = byte(i);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        bool ok = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k) ok = (byte(i + k) & 0xC0) == 0x80;
        if (ok && length >= 3) {
            const unsigned char second = byte(i + 1);
            ok = !(lead == 0xE0 && second < 0xA0) && !(lead == 0xED && second > 0x9F) &&
                 !(lead == 0xF0 && second < 0x90) && !(lead == 0xF4 && second > 0x8F);
        }
        if (ok) {
            valid.append(text.substr(i, length));
            i += length;
        } else {
            valid.append(kReplacement);
            ++i;
        }
    }
    return valid;
}

}  // namespace kgraph
