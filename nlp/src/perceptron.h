// The averaged perceptron (Collins 2002) behind both the tagger and the parser.
//
// PerceptronTrainer learns weights for (feature key, class) pairs; its
// averaged weights, quantized to integers with one scale per table, rounded
// to 8 significant bits per feature and with the rarest features pruned,
// become a WeightTable, which is what the model file stores and what
// inference reads. Scores are sums of int16 weights, so inference does
// integer arithmetic only.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "binary_io.h"
#include "huge_page_allocator.h"

namespace kgraph::nlp {

// Read-only weights: feature key -> the non-zero (class, weight) pairs.
// Lookups go through flat open-addressing indexes of 8-byte slots (the high
// half of the key and where the row starts), one for the hot rows and one
// for the others; a row holds the full key, then its weights as 8-bit
// mantissas with one shift, as the file stores them. A row with weights for
// many classes is dense (a mantissa for every class, added with vector
// instructions); the others list (class, mantissa) pairs. The parser's table
// is larger than the caches, so what costs is memory traffic and the adding:
// this layout is a quarter smaller than (class, int16) pairs behind 16-byte
// slots, adds dense rows 16 or 32 classes per instruction, and gives the same
// integer sums.
class WeightTable {
public:
    struct Entry {
        std::uint8_t label;
        std::int16_t weight;
    };

    // Classes are numbered in a byte, which keeps the file small.
    static constexpr int kMaxClasses = 255;

    WeightTable() = default;
    // `keys` strictly increasing and non-zero; row i is entries[row_ends[i-1], row_ends[i]),
    // its labels increasing, every weight a multiple of 2^RowShift(the row's largest |weight|)
    // (what Averaged leaves and the file can hold).
    WeightTable(int num_classes, const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& row_ends,
                const std::vector<Entry>& entries);

    int num_classes() const { return num_classes_; }

    // Adds the weights of every feature in `keys` (at most kMaxBatch) to
    // scores[0 .. num_classes).
    void AddScores(std::span<const std::uint64_t> keys, std::int32_t* scores) const;
    static constexpr std::size_t kMaxBatch = 128;
    // Whether dense rows are added with AVX2 (256-bit vectors) or SSE2, for
    // every table: AVX2 by default where the processor has it. `use` asks
    // for AVX2 (granted only where the processor has it); returns the
    // previous setting. For tests, which compare the two.
    static bool UseAvx2(bool use);

    void Write(ByteWriter& out) const;
    // The file stores each feature's weights as 8-bit mantissas with one
    // shift per feature: int16 precision is wasted on the small differences
    // between weights of one feature, and the file is a third smaller.
    // RowShift is the least shift that brings `largest` into an int8.
    static constexpr int kMaxShift = 8;
    static constexpr int kMaxWeight = 127 << kMaxShift;
    static constexpr int RowShift(int largest) {
        int shift = 0;
        while ((127 << shift) < largest) ++shift;
        return shift;
    }
    // What Write takes per feature and per weight.
    static constexpr std::size_t kFileBytesPerFeature = 10, kFileBytesPerWeight = 2;
    // False if the bytes are not a well-formed table.
    static bool Read(ByteReader& in, WeightTable* table);

private:
    struct Slot {
        std::uint32_t key_high;  // the high half of the row's key, to skip other rows without reading them
        std::uint32_t row;       // offset of the row in rows_, or kEmpty
    };
    static constexpr std::uint32_t kEmpty = 0xffffffff;
    // Open addressing, at most half full, so that an absent feature ends its
    // probe after a slot or two.
    struct Index {
        HugePageVector<Slot> slots = HugePageVector<Slot>(1, Slot{0, kEmpty});
        std::size_t mask = 0;

        explicit Index(std::size_t rows = 0);
        void Insert(std::uint64_t key, std::uint32_t row);
        // Inserts every (key, row).
        void InsertAll(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& rows);
        std::size_t Home(std::uint64_t key) const { return key & mask; }
        // The first slot from Home(key) on whose key half matches, or kNone.
        std::size_t FirstMatch(std::uint64_t key) const;
        static constexpr std::size_t kNone = ~std::size_t{0};
    };
    // A row: RowHeader, then `size` (label, mantissa) byte pairs, or, if
    // dense, padded_classes_ mantissas each plus 128, as unsigned bytes (128
    // for the classes it has no weight for).
    struct RowHeader {
        std::uint64_t key;
        std::uint8_t size;   // weights in the file
        std::uint8_t shift;  // weight = mantissa * 2^shift
        std::uint8_t dense;
    };
    static constexpr std::size_t kHeaderBytes = 11;
    // A row as the file holds it: `size` (label, mantissa) byte pairs at `pairs`.
    struct SourceRow {
        std::uint64_t key;
        std::uint8_t size;
        std::uint8_t shift;
        const std::uint8_t* pairs;
    };
    WeightTable(int num_classes, const std::vector<SourceRow>& rows);
    RowHeader HeaderAt(std::uint32_t row) const;
    // Lays `row` out at the end of rows_; returns where it starts.
    std::uint32_t AppendRow(const SourceRow& row);
    // The row of `key` in `index`, from its first key-half match `slot` on, or kEmpty.
    std::uint32_t Verify(const Index& index, std::uint64_t key, std::size_t slot) const;

    int num_classes_ = 0;
    // num_classes_ rounded up to whole vectors of 16 mantissas.
    int padded_classes_ = 0;
    std::size_t num_rows_ = 0;
    // Hot rows (features with many weights: the frequent ones, read for
    // nearly every word) first, so that they and their index stay in the
    // caches; then the others, with an index of their own.
    HugePageVector<std::uint8_t> rows_;
    Index hot_, cold_;
};

class PerceptronTrainer {
public:
    // At most WeightTable::kMaxClasses classes.
    explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

    int num_classes() const { return num_classes_; }
    // Adds the current weights of `features` to scores[0 .. num_classes).
    void AddScores(std::span<const std::uint64_t> features, std::int32_t* scores) const;
    // Counts one training instance; when guess != truth, moves the weights of
    // `features` towards truth and away from guess.
    void Update(std::span<const std::uint64_t> features, int truth, int guess);
    // The weights averaged over every instance so far, quantized, keeping
    // only the most often updated features: the least updated ones are left
    // out, fewest updates first, until the table takes at most
    // `max_file_bytes` in the model file. Rare features are most of the
    // table and change few decisions.
    WeightTable Averaged(std::size_t max_file_bytes) const;

private:
    struct Weight {
        std::uint8_t label;
        std::int32_t current;
        std::int64_t total;  // sum of the weight over instances 1 .. stamp
        std::int64_t stamp;
    };
    struct Row {
        std::vector<Weight> weights;
        int updates = 0;
    };
    static void Move(Row& row, int label, int delta, std::int64_t instance);

    int num_classes_;
    std::int64_t instances_ = 0;
    // Only iterated in Averaged, which sorts by key: the model is the same
    // whatever order the hash map keeps.
    std::unordered_map<std::uint64_t, Row> rows_;
};

}  // namespace kgraph::nlp
