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
    // Dense rows are added with AVX2 where the processor has it, else SSE2:
    // both ways are checked (the first is the second where there is no AVX2).
    for (const bool avx2 : {true, false}) {
        INFO("AVX2 asked for: " << avx2);
        const bool previous = nlp::WeightTable::UseAvx2(avx2);
        CHECK(batch([](int i) { return i % (nlp::WeightTable::kMaxShift + 1); }));
        // One shift: the most an int16 accumulator has to hold.
        CHECK(batch([](int) { return nlp::WeightTable::kMaxShift; }));
        CHECK(batch([](int) { return 0; }));
        nlp::WeightTable::UseAvx2(previous);
    }
}

TEST_CASE("nlp weights: dense rows of 8 to 255 classes, with AVX2 or SSE2, sum exactly", "[nlp]") {
    // Every count of 16-class vectors a row may take (the tagger has 84
    // classes, the parser 103), and a batch of a few rows of mixed shifts.
    for (const int classes : {8, 16, 17, 33, 48, 64, 84, 96, 103, 112, 113, 128, 129, 200, 255}) {
        std::map<std::uint64_t, Row> rows;
        std::vector<std::uint64_t> keys;
        std::vector<Row> expected;
        for (int i = 0; i < 5; ++i) {
            Row row;
            for (int label = 0; label < classes; ++label) {
                const int mantissa = (label * 37 + i * 11) % 255 - 127;
                row[label] = (mantissa == 0 ? 1 : mantissa) * (1 << (i % 3));
            }
            const std::uint64_t key = 0x2000 + static_cast<std::uint64_t>(i) * 0x9e3779b97f4a7c15ULL;
            rows[key] = row;
            keys.push_back(key);
            expected.push_back(row);
        }
        const nlp::WeightTable table = MakeTable(classes, rows);
        for (const bool avx2 : {true, false}) {
            INFO(classes << " classes, AVX2 asked for: " << avx2);
            const bool previous = nlp::WeightTable::UseAvx2(avx2);
            CHECK(Scores(table, keys) == Expected(classes, expected));
            nlp::WeightTable::UseAvx2(previous);
        }
    }
}

TEST_CASE("nlp weights: the committed model parses the same with AVX2 and SSE2", "[nlp]") {
    auto parser = nlp::Parser::Load(nlp::DefaultModelPath());
    REQUIRE(parser.ok());
    const std::vector<std::vector<std::string_view>> sentences = {
        {"Meta", "invested", "$", "14.3", "billion", "in", "Scale", "AI", "."},
        {"The", "company", "said", "on", "Tuesday", "that", "its", "chief", "executive", "would", "step", "down", "."},
        {"Shares", "of", "Acme", "rose", "3", "%", "after", "it", "agreed", "to", "buy", "a", "stake", "in", "Globex", "."}};
    auto parse_all = [&] {
        std::vector<std::string> out;
        for (const auto& words : sentences) {
            for (const nlp::ParsedWord& w : (*parser)->Parse(words)) {
                out.push_back(std::string(nlp::UposName(w.upos)) + " " + w.lemma + " " + std::to_string(w.head) + " " +
                              w.deprel);
            }
        }
        return out;
    };
    const bool previous = nlp::WeightTable::UseAvx2(true);
    const std::vector<std::string> avx2 = parse_all();
    nlp::WeightTable::UseAvx2(false);
    const std::vector<std::string> sse2 = parse_all();
    nlp::WeightTable::UseAvx2(previous);
    CHECK(avx2 == sse2);
    CHECK(avx2.size() == 38);
}
