#include "perceptron.h"

#include <algorithm>
#include <cmath>

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

void WeightTable::Write(ByteWriter& out) const {
    out.U32(static_cast<std::uint32_t>(num_classes_));
    out.U64(keys_.size());
    for (std::size_t row = 0; row < keys_.size(); ++row) {
        const std::uint32_t begin = row == 0 ? 0 : row_ends_[row - 1];
        out.U64(keys_[row]);
        out.U16(static_cast<std::uint16_t>(row_ends_[row] - begin));
        for (std::uint32_t i = begin; i < row_ends_[row]; ++i) {
            out.U16(entries_[i].label);
            out.I16(entries_[i].weight);
        }
    }
}

bool WeightTable::Read(ByteReader& in, WeightTable* table) {
    std::uint32_t num_classes = 0;
    std::uint64_t num_rows = 0;
    if (!in.U32(&num_classes) || num_classes == 0 || num_classes > 0xffff) return false;
    if (!in.U64(&num_rows) || !in.Has(num_rows, 10)) return false;
    std::vector<std::uint64_t> keys(num_rows);
    std::vector<std::uint32_t> row_ends(num_rows);
    std::vector<Entry> entries;
    for (std::uint64_t row = 0; row < num_rows; ++row) {
        std::uint16_t size = 0;
        if (!in.U64(&keys[row]) || !in.U16(&size)) return false;
        if (keys[row] == 0 || (row > 0 && keys[row] <= keys[row - 1])) return false;
        for (std::uint16_t i = 0; i < size; ++i) {
            Entry entry{};
            if (!in.U16(&entry.label) || !in.I16(&entry.weight) || entry.label >= num_classes) return false;
            entries.push_back(entry);
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
        for (const Weight& w : row->second) scores[w.label] += w.current;
    }
}

void PerceptronTrainer::Update(std::span<const std::uint64_t> features, int truth, int guess) {
    ++instances_;
    if (truth == guess) return;
    for (std::uint64_t feature : features) {
        Move(feature, truth, +1);
        Move(feature, guess, -1);
    }
}

void PerceptronTrainer::Move(std::uint64_t feature, int label, int delta) {
    std::vector<Weight>& row = rows_[feature];
    auto w = std::find_if(row.begin(), row.end(), [label](const Weight& x) { return x.label == label; });
    if (w == row.end()) {
        row.push_back(Weight{static_cast<std::uint16_t>(label), 0, 0, instances_});
        w = row.end() - 1;
    }
    // The current instance was scored with the old weight; the new one holds from the next.
    w->total += (instances_ - w->stamp) * static_cast<std::int64_t>(w->current);
    w->stamp = instances_;
    w->current += delta;
}

WeightTable PerceptronTrainer::Averaged() const {
    std::vector<std::uint64_t> keys;
    keys.reserve(rows_.size());
    for (const auto& [key, row] : rows_) keys.push_back(key);
    std::sort(keys.begin(), keys.end());

    auto average = [this](const Weight& w) {
        const double total = static_cast<double>(w.total) +
                             static_cast<double>(instances_ - w.stamp) * static_cast<double>(w.current);
        return total / static_cast<double>(std::max<std::int64_t>(instances_, 1));
    };
    double largest = 0;
    for (const auto& [key, row] : rows_) {
        for (const Weight& w : row) largest = std::max(largest, std::abs(average(w)));
    }
    // One scale for the whole table keeps scores comparable across classes;
    // weights that round to 0 are the pruned ones.
    const double scale = largest > 0 ? 32767.0 / largest : 1.0;

    std::vector<std::uint32_t> row_ends;
    std::vector<WeightTable::Entry> entries;
    std::vector<std::uint64_t> kept_keys;
    for (std::uint64_t key : keys) {
        std::vector<Weight> row = rows_.at(key);  // a copy, to sort
        std::sort(row.begin(), row.end(), [](const Weight& a, const Weight& b) { return a.label < b.label; });
        const std::size_t row_begin = entries.size();
        for (const Weight& w : row) {
            const long quantized = std::lround(average(w) * scale);
            if (quantized != 0) entries.push_back({w.label, static_cast<std::int16_t>(quantized)});
        }
        if (entries.size() == row_begin) continue;
        kept_keys.push_back(key);
        row_ends.push_back(static_cast<std::uint32_t>(entries.size()));
    }
    return WeightTable(num_classes_, std::move(kept_keys), std::move(row_ends), std::move(entries));
}

}  // namespace kgraph::nlp
