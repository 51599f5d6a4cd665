#include "record_codec.h"

#include <bit>

namespace kgraph::graph {

void RecordWriter::Unsigned(std::uint64_t value) {
    while (value >= 0x80) {
        bytes_.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    bytes_.push_back(static_cast<char>(value));
}

void RecordWriter::String(std::string_view value) {
    Unsigned(value.size());
    bytes_.append(value);
}

void RecordWriter::Double(double value) {
    std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
    for (int byte = 0; byte < 8; ++byte, bits >>= 8) bytes_.push_back(static_cast<char>(bits & 0xff));
}

void RecordReader::Reject() {
    ok_ = false;
    rest_ = {};
}

std::uint64_t RecordReader::Unsigned() {
    std::uint64_t value = 0;
    // A uint64 takes at most 10 groups of 7 bits.
    for (int shift = 0; shift < 70 && !rest_.empty(); shift += 7) {
        const auto byte = static_cast<unsigned char>(rest_.front());
        rest_.remove_prefix(1);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) return value;
    }
    Reject();
    return 0;
}

std::string RecordReader::String() {
    const std::uint64_t size = Unsigned();
    if (size > rest_.size()) {
        Reject();
        return {};
    }
    std::string value(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return value;
}

double RecordReader::Double() {
    if (rest_.size() < 8) {
        Reject();
        return 0;
    }
    std::uint64_t bits = 0;
    for (int byte = 7; byte >= 0; --byte) bits = (bits << 8) | static_cast<unsigned char>(rest_[byte]);
    rest_.remove_prefix(8);
    return std::bit_cast<double>(bits);
}

bool RecordReader::Bool() {
    const std::uint64_t value = Unsigned();
    if (value > 1) Reject();
    return value == 1;
}

std::size_t RecordReader::Count() {
    const std::uint64_t count = Unsigned();
    if (count > rest_.size()) {
        Reject();
        return 0;
    }
    return static_cast<std::size_t>(count);
}

}  // namespace kgraph::graph
