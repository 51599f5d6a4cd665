#include "perceptron.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Dense rows are added with AVX2 where the processor has it: an x86-64
// build for any x86-64 (GCC or Clang) gets both code paths and picks one at
// run time; the tests run both (WeightTable::UseAvx2).
#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define KGRAPH_DENSE_AVX2 1
#include <immintrin.h>
#else
#define KGRAPH_DENSE_AVX2 0
#endif

#include <atomic>

namespace kgraph::nlp {

namespace {

// A row with weights for at least this share of the classes is stored dense:
// adding 16 mantissas at a time beats scattering pairs one by one, and the
// row is hardly larger.
constexpr int kDenseMinWeightsPerClass4 = 1;  // in quarters of the classes

#if KGRAPH_DENSE_AVX2
bool ProcessorHasAvx2() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}
// Read per batch, set at start-up and by tests.
std::atomic<bool> dense_avx2{ProcessorHasAvx2()};
#endif

// A dense row keeps each mantissa plus this, as an unsigned byte (so its
// padding, mantissa 0, is kDenseBias): unsigned bytes are summed 16 classes
// at a time with fewer instructions than signed ones (BatchSums::AddChunks).
constexpr int kDenseBias = 128;

// Features with at least this many weights are the hot ones: in the parser
// they are about a tenth of the rows and 85% of the rows found.
constexpr std::size_t kHotMinWeights = 10;

// Rows are laid out so that none touches more cache lines than its length
// needs (a dense row of the parser, 123 bytes, two lines rather than three,
// a small one one line rather than two): a lookup reads and prefetches
// whole lines, and most of the parser's are memory misses. rows_ starts on a
// line (a huge page) whenever the table is large enough for this to matter.
constexpr std::size_t kLineBytes = 64;

// Where a row of `length` bytes goes when the rows so far end at `end`: there,
// unless it would straddle one line more than it fills, else at the next line.
std::size_t RowStart(std::size_t end, std::size_t length) {
    const std::size_t lines = (length + kLineBytes - 1) / kLineBytes;
    const std::size_t next_line = (end + kLineBytes - 1) / kLineBytes * kLineBytes;
    return end % kLineBytes + length > lines * kLineBytes ? next_line : end;
}

// The largest shift a row may have: its weights are int16.
constexpr int kMaxRowShift = WeightTable::RowShift(32768);

// The scores of one batch of features. Sparse rows add their weights to
// int32 sums as they come; dense rows are only noted, by shift, and added at
// the end group by group: 16 classes at a time, a group's rows are summed
// unscaled into int16 accumulators held in registers, which are scaled and
// added to the int32 sums once per group. 16-bit lanes take half the vector
// work of 32-bit ones, and an accumulator that stays in a register costs no
// load and store per row. A batch holds at most kMaxBatch rows of mantissas
// of magnitude at most 128, so an int16 accumulator cannot overflow. The
// sums are the same integers in whatever order the rows are added.
class BatchSums {
public:
    static_assert(WeightTable::kMaxBatch * 128 <= 32767);

    // `padded_classes` a multiple of 16.
    explicit BatchSums(int padded_classes) : padded_classes_(padded_classes) {
        std::fill_n(sums_.begin(), padded_classes_, 0);
    }

    void AddSparse(const std::uint8_t* pairs, int size, int shift) {
        // Two pairs at a time, both read before either sum is written: the
        // pairs are bytes, which a write to the sums might alias for all the
        // compiler knows, so one at a time each would be read again after
        // the previous write. A row's labels differ, so the two sums do.
        int i = 0;
        for (; i + 2 <= size; i += 2) {
            const std::uint8_t label0 = pairs[2 * i], label1 = pairs[2 * i + 2];
            const std::int32_t weight0 = static_cast<std::int8_t>(pairs[2 * i + 1]) * (1 << shift);
            const std::int32_t weight1 = static_cast<std::int8_t>(pairs[2 * i + 3]) * (1 << shift);
            sums_[label0] += weight0;
            sums_[label1] += weight1;
        }
        if (i < size) sums_[pairs[2 * i]] += static_cast<std::int8_t>(pairs[2 * i + 1]) * (1 << shift);
    }

    // `mantissas`: padded_classes biased mantissas, read when AddTo adds them.
    void AddDense(const std::uint8_t* mantissas, int shift) {
        const auto s = static_cast<std::size_t>(shift);
        dense_[s][static_cast<std::size_t>(num_dense_[s]++)] = mantissas;
    }

    // scores[0 .. num_classes) += the batch's sums.
    void AddTo(std::int32_t* scores, int num_classes) {
        for (std::size_t shift = 0; shift < dense_.size(); ++shift) {
            if (num_dense_[shift] == 0) continue;
#if KGRAPH_DENSE_AVX2
            if (dense_avx2.load(std::memory_order_relaxed)) {
                AddGroupAvx2(dense_[shift].data(), num_dense_[shift], static_cast<int>(shift));
                continue;
            }
#endif
            AddGroup(dense_[shift].data(), num_dense_[shift], static_cast<int>(shift));
        }
        int label = 0;
#if defined(__SSE2__)
        for (; label + 4 <= num_classes; label += 4) {
            __m128i* out = reinterpret_cast<__m128i*>(scores + label);
            const __m128i sum = _mm_load_si128(reinterpret_cast<const __m128i*>(sums_.data() + label));
            _mm_storeu_si128(out, _mm_add_epi32(_mm_loadu_si128(out), sum));
        }
#endif
        for (; label < num_classes; ++label) scores[label] += sums_[static_cast<std::size_t>(label)];
    }

private:
    // sums += 2^shift * the sum of `count` rows of padded_classes_ biased
    // mantissas (mantissa + 128, see kDenseBias), 64 classes at a time.
    void AddGroup(const std::uint8_t* const* rows, int count, int shift) {
        int c = 0;
        for (; c + 64 <= padded_classes_; c += 64) AddChunks<4>(rows, count, shift, c);
        switch ((padded_classes_ - c) / 16) {
            case 3: AddChunks<3>(rows, count, shift, c); break;
            case 2: AddChunks<2>(rows, count, shift, c); break;
            case 1: AddChunks<1>(rows, count, shift, c); break;
            default: break;
        }
    }

    // Classes [c, c + 16 * N) of AddGroup. Each row is read once for all N
    // vectors of 16 classes, whose accumulators stay in registers.
    template <int N>
    [[gnu::always_inline]] void AddChunks(const std::uint8_t* const* rows, int count, int shift, int c) {
#if defined(__SSE2__)
        // A 16-bit lane of a vector of biased mantissas holds an even
        // class's (unsigned, 0..255) in its low byte and the next odd
        // class's in its high byte, i.e. even + 256 * odd. Summed as 16-bit
        // lanes, that wraps; the odd ones alone (the lane shifted down 8)
        // do not (at most 128 rows of 255). The even sum is the difference,
        // modulo 2^16, and is below 2^16 itself: exact. Two adds and a shift
        // per vector of 16 classes and row, where sign-extending each half
        // took three shifts.
        __m128i all[N], odd[N];
#pragma GCC unroll 8
        for (int k = 0; k < N; ++k) all[k] = odd[k] = _mm_setzero_si128();
        for (int r = 0; r < count; ++r) {
            const std::uint8_t* row = rows[r] + c;
#pragma GCC unroll 8
            for (int k = 0; k < N; ++k) {
                const __m128i m = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 16 * k));
                all[k] = _mm_add_epi16(all[k], m);
                odd[k] = _mm_add_epi16(odd[k], _mm_srli_epi16(m, 8));
            }
        }
#pragma GCC unroll 8
        for (int k = 0; k < N; ++k) Finish16(c + 16 * k, all[k], odd[k], count, shift);
#else
        for (int k = c; k < c + 16 * N; ++k) {
            std::int32_t sum = 0;
            for (int r = 0; r < count; ++r) sum += int{rows[r][k]} - kDenseBias;
            sums_[static_cast<std::size_t>(k)] += sum * (1 << shift);
        }
#endif
    }

#if defined(__SSE2__)
    // sums[c .. c + 16) += 2^shift * the unbiased sums of `count` rows whose
    // biased mantissas summed to `all` (as 16-bit lanes) and `odd` (each
    // lane's high byte), as AddChunks explains.
    [[gnu::always_inline]] void Finish16(int c, __m128i all, __m128i odd, int count, int shift) {
        // The bias of `count` rows, taken off each sum: the unbiased sums
        // lie within +-128 * 128 and come out as int16.
        const __m128i bias = _mm_set1_epi16(static_cast<std::int16_t>(kDenseBias * count));
        const __m128i zero = _mm_setzero_si128();
        const __m128i down = _mm_cvtsi32_si128(16 - shift);
        const __m128i even_sum = _mm_sub_epi16(_mm_sub_epi16(all, _mm_slli_epi16(odd, 8)), bias);
        const __m128i odd_sum = _mm_sub_epi16(odd, bias);
        // Back in class order, each in the high half of a 32-bit lane, then
        // shifted arithmetically down by less than 16: sign extension and
        // scaling at once.
        const __m128i low = _mm_unpacklo_epi16(even_sum, odd_sum), high = _mm_unpackhi_epi16(even_sum, odd_sum);
        auto add_quarter = [&](int q, __m128i high_halves) {
            __m128i* sum = reinterpret_cast<__m128i*>(sums_.data() + c + 4 * q);
            _mm_store_si128(sum, _mm_add_epi32(_mm_load_si128(sum), _mm_sra_epi32(high_halves, down)));
        };
        add_quarter(0, _mm_unpacklo_epi16(zero, low));
        add_quarter(1, _mm_unpackhi_epi16(zero, low));
        add_quarter(2, _mm_unpacklo_epi16(zero, high));
        add_quarter(3, _mm_unpackhi_epi16(zero, high));
    }
#endif

#if KGRAPH_DENSE_AVX2
    // AddGroup with 256-bit vectors, 32 classes per add (the parser's 112
    // padded classes are three such vectors and one of 16), where the
    // processor has AVX2 (see UseAvx2). The same sums.
    __attribute__((target("avx2"))) void AddGroupAvx2(const std::uint8_t* const* rows, int count, int shift) {
        for (int c = 0; c < padded_classes_; c += 128) {
            switch (std::min(128, padded_classes_ - c) / 16) {
                case 8: AddChunksAvx2<4, false>(rows, count, shift, c); break;
                case 7: AddChunksAvx2<3, true>(rows, count, shift, c); break;
                case 6: AddChunksAvx2<3, false>(rows, count, shift, c); break;
                case 5: AddChunksAvx2<2, true>(rows, count, shift, c); break;
                case 4: AddChunksAvx2<2, false>(rows, count, shift, c); break;
                case 3: AddChunksAvx2<1, true>(rows, count, shift, c); break;
                case 2: AddChunksAvx2<1, false>(rows, count, shift, c); break;
                case 1: AddChunksAvx2<0, true>(rows, count, shift, c); break;
                default: break;
            }
        }
    }

    // Classes [c, c + 32 * N) in 256-bit vectors, and 16 more in a 128-bit
    // one if kTail; as AddChunks.
    template <int N, bool kTail>
    [[gnu::always_inline]] __attribute__((target("avx2"))) void AddChunksAvx2(const std::uint8_t* const* rows, int count,
                                                                               int shift, int c) {
        __m256i all[N + 1], odd[N + 1];
        __m128i all16 = _mm_setzero_si128(), odd16 = _mm_setzero_si128();
#pragma GCC unroll 8
        for (int k = 0; k < N; ++k) all[k] = odd[k] = _mm256_setzero_si256();
        for (int r = 0; r < count; ++r) {
            const std::uint8_t* row = rows[r] + c;
#pragma GCC unroll 8
            for (int k = 0; k < N; ++k) {
                const __m256i m = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + 32 * k));
                all[k] = _mm256_add_epi16(all[k], m);
                odd[k] = _mm256_add_epi16(odd[k], _mm256_srli_epi16(m, 8));
            }
            if (kTail) {
                const __m128i m = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 32 * N));
                all16 = _mm_add_epi16(all16, m);
                odd16 = _mm_add_epi16(odd16, _mm_srli_epi16(m, 8));
            }
        }
#pragma GCC unroll 8
        for (int k = 0; k < N; ++k) {
            Finish16(c + 32 * k, _mm256_castsi256_si128(all[k]), _mm256_castsi256_si128(odd[k]), count, shift);
            Finish16(c + 32 * k + 16, _mm256_extracti128_si256(all[k], 1), _mm256_extracti128_si256(odd[k], 1), count,
                     shift);
        }
        if (kTail) Finish16(c + 32 * N, all16, odd16, count, shift);
    }
#endif

    int padded_classes_;
    alignas(16) std::array<std::int32_t, WeightTable::kMaxClasses + 1> sums_;
    // The dense rows noted, by shift.
    std::array<std::array<const std::uint8_t*, WeightTable::kMaxBatch>, kMaxRowShift + 1> dense_;
    std::array<int, kMaxRowShift + 1> num_dense_{};
};

}  // namespace

bool WeightTable::UseAvx2(bool use) {
#if KGRAPH_DENSE_AVX2
    const bool previous = dense_avx2.load();
    dense_avx2.store(use && ProcessorHasAvx2());
    return previous;
#else
    (void)use;
    return false;
#endif
}

WeightTable::Index::Index(std::size_t rows) {
    std::size_t capacity = 2;
    while (capacity < 2 * rows) capacity *= 2;
    slots.assign(capacity, Slot{0, kEmpty});
    mask = capacity - 1;
}

void WeightTable::Index::Insert(std::uint64_t key, std::uint32_t row) {
    std::size_t slot = Home(key);
    while (slots[slot].row != kEmpty) slot = (slot + 1) & mask;
    slots[slot] = Slot{static_cast<std::uint32_t>(key >> 32), row};
}

void WeightTable::Index::InsertAll(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& rows) {
    // Grouped by the region (256 slots, 2 kB) of their home slot, the keys
    // fill the index front to back instead of at random: a cache miss per
    // key less at load. A counting sort: one pass to count, one to place.
    constexpr int kRegionBits = 8;
    std::vector<std::uint32_t> starts((mask >> kRegionBits) + 2, 0);
    for (const auto& row : rows) ++starts[(Home(row.first) >> kRegionBits) + 1];
    for (std::size_t r = 1; r < starts.size(); ++r) starts[r] += starts[r - 1];
    std::vector<std::pair<std::uint64_t, std::uint32_t>> grouped(rows.size());
    for (const auto& row : rows) grouped[starts[Home(row.first) >> kRegionBits]++] = row;
    for (const auto& [key, row] : grouped) Insert(key, row);
}

std::size_t WeightTable::Index::FirstMatch(std::uint64_t key) const {
    const std::uint32_t key_high = static_cast<std::uint32_t>(key >> 32);
    for (std::size_t slot = Home(key);; slot = (slot + 1) & mask) {
        if (slots[slot].row == kEmpty) return kNone;
        if (slots[slot].key_high == key_high) return slot;
    }
}

WeightTable::WeightTable(int num_classes, const std::vector<std::uint64_t>& keys,
                         const std::vector<std::uint32_t>& row_ends, const std::vector<Entry>& entries) {
    // The rows in the file's form first: 8-bit mantissas with a shift per row.
    std::vector<std::uint8_t> pairs(2 * entries.size());
    std::vector<SourceRow> rows(keys.size());
    std::uint32_t begin = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        int largest = 0;
        for (std::uint32_t e = begin; e < row_ends[i]; ++e) largest = std::max(largest, std::abs(int{entries[e].weight}));
        const int shift = RowShift(largest);
        for (std::uint32_t e = begin; e < row_ends[i]; ++e) {
            pairs[2 * e] = entries[e].label;
            // Exact: every weight is a multiple of 2^shift.
            pairs[2 * e + 1] = static_cast<std::uint8_t>(static_cast<std::int8_t>(entries[e].weight / (1 << shift)));
        }
        rows[i] = SourceRow{keys[i], static_cast<std::uint8_t>(row_ends[i] - begin), static_cast<std::uint8_t>(shift),
                            pairs.data() + 2 * begin};
        begin = row_ends[i];
    }
    *this = WeightTable(num_classes, rows);
}

WeightTable::WeightTable(int num_classes, const std::vector<SourceRow>& rows)
    : num_classes_(num_classes), padded_classes_((num_classes + 15) / 16 * 16), num_rows_(rows.size()) {
    auto hot = [](const SourceRow& row) { return row.size >= kHotMinWeights; };
    const std::size_t num_hot = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), hot));
    hot_ = Index(num_hot);
    cold_ = Index(rows.size() - num_hot);
    std::size_t bytes = 0;
    for (const SourceRow& row : rows) bytes += kHeaderBytes + std::max<std::size_t>(2 * row.size, padded_classes_) + kLineBytes - 1;
    rows_.reserve(bytes + 128);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> hot_slots, cold_slots;  // key, row
    hot_slots.reserve(num_hot);
    cold_slots.reserve(rows.size() - num_hot);
    for (const bool pass_hot : {true, false}) {
        for (const SourceRow& row : rows) {
            if (hot(row) != pass_hot) continue;
            (pass_hot ? hot_slots : cold_slots).emplace_back(row.key, AppendRow(row));
        }
    }
    hot_.InsertAll(hot_slots);
    cold_.InsertAll(cold_slots);
    // A batch prefetches up to two lines from a row's start.
    rows_.resize(rows_.size() + 2 * kLineBytes, 0);
}

std::uint32_t WeightTable::AppendRow(const SourceRow& row) {
    bool has_zero = false;
    for (int i = 0; i < row.size; ++i) has_zero |= row.pairs[2 * i + 1] == 0;
    // Write lists a dense row's non-zero weights, so only a row without zeros may be dense.
    const bool dense = !has_zero && 4 * int{row.size} >= kDenseMinWeightsPerClass4 * num_classes_;
    const std::size_t body = dense ? static_cast<std::size_t>(padded_classes_) : 2 * std::size_t{row.size};
    const std::size_t header = RowStart(rows_.size(), kHeaderBytes + body);
    rows_.resize(header + kHeaderBytes + body, 0);
    std::uint8_t* out = rows_.data() + header;
    if (dense) std::fill_n(out + kHeaderBytes, body, std::uint8_t{kDenseBias});
    std::memcpy(out, &row.key, sizeof row.key);
    out[8] = row.size;
    out[9] = row.shift;
    out[10] = dense;
    if (dense) {
        for (int i = 0; i < row.size; ++i) {
            out[kHeaderBytes + row.pairs[2 * i]] = static_cast<std::uint8_t>(row.pairs[2 * i + 1] ^ kDenseBias);
        }
    } else {
        std::memcpy(out + kHeaderBytes, row.pairs, body);
    }
    return static_cast<std::uint32_t>(header);
}

inline WeightTable::RowHeader WeightTable::HeaderAt(std::uint32_t row) const {
    RowHeader header{};
    std::memcpy(&header.key, rows_.data() + row, sizeof header.key);
    header.size = rows_[row + 8];
    header.shift = rows_[row + 9];
    header.dense = rows_[row + 10];
    return header;
}

std::uint32_t WeightTable::Verify(const Index& index, std::uint64_t key, std::size_t slot) const {
    // Another key with the same high half is rare: then the probe goes on.
    for (;; slot = (slot + 1) & index.mask) {
        const Slot& s = index.slots[slot];
        if (s.row == kEmpty) return kEmpty;
        if (s.key_high == static_cast<std::uint32_t>(key >> 32) && HeaderAt(s.row).key == key) return s.row;
    }
}

void WeightTable::AddScores(std::span<const std::uint64_t> keys, std::int32_t* scores) const {
    // Passes over the whole batch rather than one feature at a time: the
    // cold rows are far more than the caches hold, so each of their features
    // costs two memory misses (its slot, then its row), and prefetching them
    // all first lets those misses overlap instead of queueing one behind the
    // other. Most features found are hot ones, and cache hits.
    const std::size_t count = std::min(keys.size(), kMaxBatch);
    // The lines a row touches: a cold row's one (it is sparse and short), a
    // hot row's mostly two (a dense row of the parser's or the tagger's) or
    // one. A line prefetched for nothing takes a miss buffer from a line
    // that is needed.
    static_assert(kHeaderBytes + 2 * (kHotMinWeights - 1) <= kLineBytes);
    auto prefetch_row = [this](std::uint32_t row, bool hot) {
        const std::uint8_t* first = rows_.data() + row;
        __builtin_prefetch(first);
        if (hot) __builtin_prefetch(first + kLineBytes);
    };
    // The hot index (1 MB for the parser) mostly stays in the caches.
    for (std::size_t i = 0; i < count; ++i) __builtin_prefetch(&hot_.slots[hot_.Home(keys[i])]);
    // The first slot whose key half matches: almost always the key's row.
    struct Candidate {
        const Index* index;
        std::size_t slot;
        std::size_t key;  // index in keys
    };
    std::array<Candidate, kMaxBatch> candidates;
    std::size_t num_candidates = 0;
    auto add_candidate = [&](const Index& index, std::size_t slot, std::size_t key) {
        prefetch_row(index.slots[slot].row, &index == &hot_);
        candidates[num_candidates++] = {&index, slot, key};
    };
    std::array<std::size_t, kMaxBatch> not_hot;  // indexes in keys
    std::size_t num_not_hot = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t slot = hot_.FirstMatch(keys[i]);
        if (slot != Index::kNone) {
            add_candidate(hot_, slot, i);
        } else {
            __builtin_prefetch(&cold_.slots[cold_.Home(keys[i])]);
            not_hot[num_not_hot++] = i;
        }
    }
    for (std::size_t p = 0; p < num_not_hot; ++p) {
        const std::size_t slot = cold_.FirstMatch(keys[not_hot[p]]);
        if (slot != Index::kNone) add_candidate(cold_, slot, not_hot[p]);
    }
    // Each candidate checked and, if its row is the key's, added at once
    // (the check read the row's first line): the sums are the same integers
    // in whatever order the rows come.
    BatchSums sums(padded_classes_);
    for (std::size_t i = 0; i < num_candidates; ++i) {
        const Candidate& c = candidates[i];
        const std::uint64_t key = keys[c.key];
        std::uint32_t row = c.index->slots[c.slot].row;
        if (HeaderAt(row).key != key) {
            row = Verify(*c.index, key, (c.slot + 1) & c.index->mask);
            // A hot key half that is not the key's: the key may still be a cold row.
            if (row == kEmpty && c.index == &hot_) {
                const std::size_t cold_slot = cold_.FirstMatch(key);
                if (cold_slot != Index::kNone) row = Verify(cold_, key, cold_slot);
            }
            if (row == kEmpty) continue;
        }
        const RowHeader header = HeaderAt(row);
        const std::uint8_t* weights = rows_.data() + row + kHeaderBytes;
        if (header.dense) {
            sums.AddDense(weights, header.shift);
        } else {
            sums.AddSparse(weights, header.size, header.shift);
        }
    }
    sums.AddTo(scores, num_classes_);
}

void WeightTable::Write(ByteWriter& out) const {
    out.U32(static_cast<std::uint32_t>(num_classes_));
    out.U64(num_rows_);
    // The file keeps rows in key order.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;
    for (const Index* index : {&hot_, &cold_}) {
        for (const Slot& slot : index->slots) {
            if (slot.row != kEmpty) rows.emplace_back(HeaderAt(slot.row).key, slot.row);
        }
    }
    std::sort(rows.begin(), rows.end());
    for (const auto& [key, row] : rows) {
        const RowHeader header = HeaderAt(row);
        const std::uint8_t* weights = rows_.data() + row + kHeaderBytes;
        out.U64(header.key);
        out.U8(header.size);
        out.U8(header.shift);
        if (header.dense) {
            for (int label = 0; label < num_classes_; ++label) {
                const auto mantissa = static_cast<std::uint8_t>(weights[label] ^ kDenseBias);
                if (mantissa == 0) continue;
                out.U8(static_cast<std::uint8_t>(label));
                out.U8(mantissa);
            }
        } else {
            for (int i = 0; i < 2 * header.size; ++i) out.U8(weights[i]);
        }
    }
}

bool WeightTable::Read(ByteReader& in, WeightTable* table) {
    std::uint32_t num_classes = 0;
    std::uint64_t num_rows = 0;
    if (!in.U32(&num_classes) || num_classes == 0 || num_classes > kMaxClasses) return false;
    if (!in.U64(&num_rows) || !in.Has(num_rows, 10)) return false;
    std::vector<SourceRow> rows(num_rows);
    for (std::uint64_t i = 0; i < num_rows; ++i) {
        SourceRow& row = rows[i];
        std::string_view pairs;
        if (!in.U64(&row.key) || !in.U8(&row.size) || !in.U8(&row.shift) || row.shift > kMaxShift) return false;
        if (row.key == 0 || (i > 0 && row.key <= rows[i - 1].key)) return false;
        if (!in.Bytes(2 * std::size_t{row.size}, &pairs)) return false;
        row.pairs = reinterpret_cast<const std::uint8_t*>(pairs.data());
        // Labels increase within a row, as Write leaves them.
        for (int w = 0; w < row.size; ++w) {
            if (row.pairs[2 * w] >= num_classes || (w > 0 && row.pairs[2 * w] <= row.pairs[2 * w - 2])) return false;
        }
    }
    *table = WeightTable(static_cast<int>(num_classes), rows);
    return true;
}

void PerceptronTrainer::AddScores(std::span<const std::uint64_t> features, std::int32_t* scores) const {
    for (std::uint64_t feature : features) {
        const auto row = rows_.find(feature);
        if (row == rows_.end()) continue;
        for (const Weight& w : row->second.weights) scores[w.label] += w.current;
    }
}

void PerceptronTrainer::Update(std::span<const std::uint64_t> features, int truth, int guess) {
    ++instances_;
    if (truth == guess) return;
    for (std::uint64_t feature : features) {
        Row& row = rows_[feature];
        ++row.updates;
        Move(row, truth, +1, instances_);
        Move(row, guess, -1, instances_);
    }
}

void PerceptronTrainer::Move(Row& row, int label, int delta, std::int64_t instance) {
    auto w = std::find_if(row.weights.begin(), row.weights.end(), [label](const Weight& x) { return x.label == label; });
    if (w == row.weights.end()) {
        row.weights.push_back(Weight{static_cast<std::uint8_t>(label), 0, 0, instance});
        w = row.weights.end() - 1;
    }
    // The current instance was scored with the old weight; the new one holds from the next.
    w->total += (instance - w->stamp) * static_cast<std::int64_t>(w->current);
    w->stamp = instance;
    w->current += delta;
}

WeightTable PerceptronTrainer::Averaged(std::size_t max_file_bytes) const {
    auto average = [this](const Weight& w) {
        const double total = static_cast<double>(w.total) +
                             static_cast<double>(instances_ - w.stamp) * static_cast<double>(w.current);
        return total / static_cast<double>(std::max<std::int64_t>(instances_, 1));
    };
    double largest = 0;
    for (const auto& [key, row] : rows_) {
        for (const Weight& w : row.weights) largest = std::max(largest, std::abs(average(w)));
    }
    // One scale for the whole table keeps scores comparable across classes;
    // weights that round to 0 are dropped.
    const double scale = largest > 0 ? WeightTable::kMaxWeight / largest : 1.0;

    struct QuantizedRow {
        std::uint64_t key;
        int updates;
        std::vector<WeightTable::Entry> entries;
    };
    std::vector<QuantizedRow> quantized;
    std::map<int, std::size_t, std::greater<>> bytes_by_updates;
    for (const auto& [key, row] : rows_) {
        QuantizedRow q{key, row.updates, {}};
        std::vector<long> values;
        long largest_in_row = 0;
        for (const Weight& w : row.weights) {
            values.push_back(std::lround(average(w) * scale));
            largest_in_row = std::max(largest_in_row, std::abs(values.back()));
        }
        // The file keeps 8 significant bits per feature (see Write), so the
        // table is rounded here to what the file will hold: the model
        // evaluated during training is the model written.
        const long step = 1L << WeightTable::RowShift(static_cast<int>(largest_in_row));
        for (std::size_t i = 0; i < values.size(); ++i) {
            const long value = std::lround(static_cast<double>(values[i]) / static_cast<double>(step)) * step;
            if (value != 0) q.entries.push_back({row.weights[i].label, static_cast<std::int16_t>(value)});
        }
        if (q.entries.empty()) continue;
        bytes_by_updates[q.updates] +=
            WeightTable::kFileBytesPerFeature + WeightTable::kFileBytesPerWeight * q.entries.size();
        quantized.push_back(std::move(q));
    }
    // The fewest updates a feature needs to be kept: raised until the table fits.
    int min_updates = 0;
    std::size_t bytes = 0;
    for (const auto& [updates, row_bytes] : bytes_by_updates) {
        if (bytes + row_bytes > max_file_bytes) break;
        bytes += row_bytes;
        min_updates = updates;
    }
    // The hash map's order is not the model's: rows are written in key order.
    std::sort(quantized.begin(), quantized.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> row_ends;
    std::vector<WeightTable::Entry> entries;
    for (QuantizedRow& row : quantized) {
        if (row.updates < min_updates || min_updates == 0) continue;
        std::sort(row.entries.begin(), row.entries.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
        keys.push_back(row.key);
        entries.insert(entries.end(), row.entries.begin(), row.entries.end());
        row_ends.push_back(static_cast<std::uint32_t>(entries.size()));
    }
    return WeightTable(num_classes_, keys, row_ends, entries);
}

}  // namespace kgraph::nlp
