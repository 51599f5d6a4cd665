// The byte format of stored records: unsigned integers as LEB128 varints,
// strings as a varint length and their bytes, doubles as their 8 IEEE-754
// bytes, little-endian. Records are written on every ingest and read on
// every query, and a DOM-building text format (JSON, as schema version 1
// stored) cost more than RocksDB's own work; this one is a copy per field.
//
// The format carries no field names or tags: a record's layout is fixed by
// the schema version (kStoreSchemaVersion), which is bumped when it changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kgraph::graph {

class RecordWriter {
public:
    void Unsigned(std::uint64_t value);
    void String(std::string_view value);
    void Double(double value);
    void Bool(bool value) { Unsigned(value ? 1 : 0); }

    std::string Take() && { return std::move(bytes_); }

private:
    std::string bytes_;
};

// Reads what a RecordWriter wrote, in the same order. A read past the end or
// a malformed field makes the reader fail for good: every later read returns
// a zero value, and ok() tells the caller once, at the end, whether the
// record was whole.
class RecordReader {
public:
    explicit RecordReader(std::string_view bytes) : rest_(bytes) {}

    std::uint64_t Unsigned();
    std::string String();
    double Double();
    bool Bool();
    // A count of items still to read, each at least one byte long: a count
    // larger than the bytes left is corruption, caught before anything is
    // reserved for it.
    std::size_t Count();

    // For a field that decoded but holds a value its type does not allow.
    void Reject();

    // True when every read succeeded and the record was read to its end.
    bool ok() const { return ok_ && rest_.empty(); }
    // True when nothing is left to read: a part added at the end of a
    // record is absent from records written before it.
    bool AtEnd() const { return rest_.empty(); }

private:

    std::string_view rest_;
    bool ok_ = true;
};

}  // namespace kgraph::graph
