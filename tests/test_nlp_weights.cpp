// The parser's weight table (nlp/src/perceptron.h): its compact in-memory
// layout (hot and cold rows, dense and sparse rows, 8-byte slots holding half
// of each key) must score and write exactly what the file holds.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "kgraph/nlp/parser.h"
#include "model.h"
#include "perceptron.h"

namespace nlp = kgraph::nlp;

namespace {

using Row = std::map<int, int>;  // label -> weight

nlp::WeightTable MakeTable(int num_classes, const std::map<std::uint64_t, Row>& rows) {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> row_ends;
    std::vector<nlp::WeightTable::Entry> entries;
    for (const auto& [key, row] : rows) {
        keys.push_back(key);
        for (const auto& [label, weight] : row) {
            entries.push_back({static_cast<std::uint8_t>(label), static_cast<std::int16_t>(weight)});
        }
        row_ends.push_back(static_cast<std::uint32_t>(entries.size()));
    }
    return nlp::WeightTable(num_classes, keys, row_ends, entries);
}

std::vector<std::int32_t> Scores(const nlp::WeightTable& table, const std::vector<std::uint64_t>& keys) {
    std::vector<std::int32_t> scores(static_cast<std::size_t>(table.num_classes()), 0);
    table.AddScores(keys, scores.data());
    return scores;
}

std::vector<std::int32_t> Expected(int num_classes, const std::vector<Row>& rows) {
    std::vector<std::int32_t> scores(static_cast<std::size_t>(num_classes), 0);
    for (const Row& row : rows) {
        for (const auto& [label, weight] : row) scores[static_cast<std::size_t>(label)] += weight;
    }
    return scores;
}

}  // namespace

TEST_CASE("nlp weights: the committed model reads and writes back byte for byte", "[nlp]") {
    std::ifstream in(nlp::DefaultModelPath(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 1000000);
    const kgraph::Result<nlp::Model> model = nlp::DeserializeModel(bytes, "en_ewt.model");
    REQUIRE(model.ok());
    CHECK(nlp::SerializeModel(*model) == bytes);
}

TEST_CASE("nlp weights: hot, cold, dense and sparse rows, and keys that share their high half", "[nlp]") {
    constexpr int kClasses = 64;
    constexpr std::uint64_t kHigh = std::uint64_t{0x12345678} << 32;
    // Same high half and same low bits, so the same home slot in either index.
    const std::uint64_t dense_hot = kHigh | 0x100, sparse_hot = kHigh | 0x200, cold = kHigh | 0x300;
    const std::uint64_t absent = kHigh | 0x400, other = 0x9abcdef000000500;
    Row dense_row, sparse_row;
    for (int label = 0; label < 20; ++label) dense_row[3 * label] = (label % 2 ? -8 : 8) * (label + 100);  // shift 3
    for (int label = 0; label < 10; ++label) sparse_row[label + 50] = label - 5 + (label >= 5);            // no 0, shift 0
    const Row cold_row = {{7, -127}}, other_row = {{63, 5}, {0, -1}};
    const nlp::WeightTable table =
        MakeTable(kClasses, {{dense_hot, dense_row}, {sparse_hot, sparse_row}, {cold, cold_row}, {other, other_row}});

    CHECK(Scores(table, {dense_hot}) == Expected(kClasses, {dense_row}));
    CHECK(Scores(table, {sparse_hot}) == Expected(kClasses, {sparse_row}));
    CHECK(Scores(table, {cold}) == Expected(kClasses, {cold_row}));
    CHECK(Scores(table, {absent}) == Expected(kClasses, {}));
    CHECK(Scores(table, {cold, absent, other, dense_hot, sparse_hot, other}) ==
          Expected(kClasses, {cold_row, other_row, dense_row, sparse_row, other_row}));

    kgraph::nlp::ByteWriter out;
    table.Write(out);
    kgraph::nlp::ByteReader in(out.bytes());
    nlp::WeightTable read;
    REQUIRE(nlp::WeightTable::Read(in, &read));
    CHECK(Scores(read, {cold, other, dense_hot, sparse_hot}) ==
          Expected(kClasses, {cold_row, other_row, dense_row, sparse_row}));
    kgraph::nlp::ByteWriter again;
    read.Write(again);
    CHECK(again.bytes() == out.bytes());
}

TEST_CASE("nlp weights: a full batch of dense rows, of every shift or of one, sums exactly", "[nlp]") {
    // 103 classes, as the parser has: the last vector of 16 classes is part padding.
    constexpr int kClasses = 103;
    // kMaxBatch dense rows (a weight for every class) with mantissas of
    // +-127 and the shifts `shift_of(i)`.
    auto batch = [](auto shift_of) {
        std::map<std::uint64_t, Row> rows;
        std::vector<std::uint64_t> keys;
        std::vector<Row> expected;
        for (int i = 0; i < static_cast<int>(nlp::WeightTable::kMaxBatch); ++i) {
            Row row;
            for (int label = 0; label < kClasses; ++label) row[label] = (label % 5 == 0 ? -127 : 127) * (1 << shift_of(i));
            const std::uint64_t key = 0x1000 + static_cast<std::uint64_t>(i) * 0x9e3779b97f4a7c15ULL;
            rows[key] = row;
            keys.push_back(key);
            expected.push_back(row);
        }
        return Scores(MakeTable(kClasses, rows), keys) == Expected(kClasses, expected);
    };
    CHECK(batch([](int i) { return i % (nlp::WeightTable::kMaxShift + 1); }));
    // One shift: the most an int16 accumulator has to hold.
    CHECK(batch([](int) { return nlp::WeightTable::kMaxShift; }));
    CHECK(batch([](int) { return 0; }));
}
