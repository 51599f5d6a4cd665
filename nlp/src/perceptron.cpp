#include "perceptron.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>

namespace kgraph::nlp {

WeightTable::WeightTable(int num_classes, std::vector<std::uint64_t> keys, std::vector<std::uint32_t> row_ends,
                         std::vector<Entry> entries)
    : num_classes_(num_classes), keys_(std::move(keys)), row_ends_(std::move(row_ends)), entries_(std::move(entries)) {
    BuildSlots();
}

void WeightTable::BuildSlots() {
    // At most half full, so an absent feature (most of them at inference) ends
    // its probe after a slot or two.
    std::size_t capacity = 2;
    while (capacity < 2 * keys_.size()) capacity *= 2;
    slots_.assign(capacity, Slot{0, 0, 0});
    slot_mask_ = capacity - 1;
    std::uint32_t begin = 0;
    for (std::size_t row = 0; row < keys_.size(); ++row) {
        std::size_t slot = keys_[row] & slot_mask_;
        while (slots_[slot].key != 0) slot = (slot + 1) & slot_mask_;
        slots_[slot] = Slot{keys_[row], begin, row_ends_[row]};
        begin = row_ends_[row];
    }
}

void WeightTable::AddScores(std::span<const std::uint64_t> keys, std::int32_t* scores) const {
    // Three passes over the batch rather than one feature at a time: the table
    // is far larger than the caches, so each feature costs two memory misses
    // (its slot, then its weights), and prefetching them all first lets those
    // misses overlap instead of queueing one behind the other.
    const std::size_t count = std::min(keys.size(), kMaxBatch);
    for (std::size_t i = 0; i < count; ++i) __builtin_prefetch(&slots_[keys[i] & slot_mask_]);
    std::array<std::pair<std::uint32_t, std::uint32_t>, kMaxBatch> rows;  // [begin, end) in entries_
    std::size_t num_rows = 0;
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t slot = keys[i] & slot_mask_;; slot = (slot + 1) & slot_mask_) {
            const Slot& s = slots_[slot];
            if (s.key == keys[i]) {
                // A frequent feature has weights for most classes: several cache lines.
                const char* first = reinterpret_cast<const char*>(entries_.data() + s.begin);
                const char* last = reinterpret_cast<const char*>(entries_.data() + s.end);
                for (const char* line = first; line < last; line += 64) __builtin_prefetch(line);
                rows[num_rows++] = {s.begin, s.end};
                break;
            }
            if (s.key == 0) break;
        }
    }
    for (std::size_t i = 0; i < num_rows; ++i) {
        const auto [begin, end] = rows[i];
        for (std::uint32_t e = begin; e < end; ++e) scores[entries_[e].label] += entries_[e].weight;
    }
}

void WeightTable::Write(ByteWriter& out) const {
    out.U32(static_cast<std::uint32_t>(num_classes_));
    out.U64(keys_.size());
    for (std::size_t row = 0; row < keys_.size(); ++row) {
        const std::uint32_t begin = row == 0 ? 0 : row_ends_[row - 1];
        int largest = 0;
        for (std::uint32_t i = begin; i < row_ends_[row]; ++i) largest = std::max(largest, std::abs(int{entries_[i].weight}));
        const int shift = RowShift(largest);
        out.U64(keys_[row]);
        out.U8(static_cast<std::uint8_t>(row_ends_[row] - begin));
        out.U8(static_cast<std::uint8_t>(shift));
        for (std::uint32_t i = begin; i < row_ends_[row]; ++i) {
            out.U8(entries_[i].label);
            // Exact: Averaged left only multiples of 2^shift.
            out.U8(static_cast<std::uint8_t>(static_cast<std::int8_t>(entries_[i].weight / (1 << shift))));
        }
    }
}

bool WeightTable::Read(ByteReader& in, WeightTable* table) {
    std::uint32_t num_classes = 0;
    std::uint64_t num_rows = 0;
    if (!in.U32(&num_classes) || num_classes == 0 || num_classes > kMaxClasses) return false;
    if (!in.U64(&num_rows) || !in.Has(num_rows, 9)) return false;
    std::vector<std::uint64_t> keys(num_rows);
    std::vector<std::uint32_t> row_ends(num_rows);
    std::vector<Entry> entries;
    for (std::uint64_t row = 0; row < num_rows; ++row) {
        std::uint8_t size = 0, shift = 0;
        if (!in.U64(&keys[row]) || !in.U8(&size) || !in.U8(&shift) || shift > kMaxShift) return false;
        if (keys[row] == 0 || (row > 0 && keys[row] <= keys[row - 1])) return false;
        for (std::uint8_t i = 0; i < size; ++i) {
            std::uint8_t label = 0, mantissa = 0;
            if (!in.U8(&label) || !in.U8(&mantissa) || label >= num_classes) return false;
            entries.push_back({label, static_cast<std::int16_t>(static_cast<std::int8_t>(mantissa) * (1 << shift))});
        }
        row_ends[row] = static_cast<std::uint32_t>(entries.size());
    }
    *table = WeightTable(static_cast<int>(num_classes), std::move(keys), std::move(row_ends), std::move(entries));
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
    return WeightTable(num_classes_, std::move(keys), std::move(row_ends), std::move(entries));
}

}  // namespace kgraph::nlp
