// Little-endian reading and writing of the model file's fields, so the file
// is the same bytes on every machine. The reader never reads past its input:
// every call reports whether the field was there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kgraph::nlp {

class ByteWriter {
public:
    void U8(std::uint8_t v) { Raw(v); }
    void U16(std::uint16_t v) { Raw(v); }
    void U32(std::uint32_t v) { Raw(v); }
    void U64(std::uint64_t v) { Raw(v); }
    void String(std::string_view s) {
        U32(static_cast<std::uint32_t>(s.size()));
        bytes_.append(s);
    }
    const std::string& bytes() const { return bytes_; }

private:
    template <typename T>
    void Raw(T v) {
        for (std::size_t i = 0; i < sizeof(T); ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    std::string bytes_;
};

class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
    bool U8(std::uint8_t* v) { return Raw(v); }
    bool U16(std::uint16_t* v) { return Raw(v); }
    bool U32(std::uint32_t* v) { return Raw(v); }
    bool U64(std::uint64_t* v) { return Raw(v); }
    bool String(std::string* s) {
        std::uint32_t size = 0;
        if (!U32(&size) || size > bytes_.size()) return false;
        s->assign(bytes_.substr(0, size));
        bytes_.remove_prefix(size);
        return true;
    }
    // The next `size` bytes, not copied.
    bool Bytes(std::size_t size, std::string_view* v) {
        if (bytes_.size() < size) return false;
        *v = bytes_.substr(0, size);
        bytes_.remove_prefix(size);
        return true;
    }
    // Whether `count` items of `item_size` bytes can still be read: checked
    // before a vector is sized from a count in the file.
    bool Has(std::uint64_t count, std::size_t item_size) const { return count <= bytes_.size() / item_size; }
    bool AtEnd() const { return bytes_.empty(); }

private:
    template <typename T>
    bool Raw(T* v) {
        if (bytes_.size() < sizeof(T)) return false;
        T value = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i) {
            value |= static_cast<T>(static_cast<T>(static_cast<unsigned char>(bytes_[i])) << (8 * i));
        }
        bytes_.remove_prefix(sizeof(T));
        *v = value;
        return true;
    }
    std::string_view bytes_;
};

}  // namespace kgraph::nlp
