// Fuzzes the JSON-LD writer with graphs whose names, sentences and numbers
// come from the input: whatever the bytes, the output must be valid JSON that
// still holds every entity name.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "kgraph/export.h"

namespace {

// Reads length-prefixed pieces of the fuzzer's input.
class Pieces {
public:
    Pieces(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return at_ >= size_; }
    std::string Text() {
        if (empty()) return "";
        std::size_t length = data_[at_++] % 48;
        length = std::min(length, size_ - at_);
        std::string text(reinterpret_cast<const char*>(data_ + at_), length);
        at_ += length;
        return text;
    }
    double Number() {
        double value = 0;
        if (size_ - at_ >= sizeof value) {
            std::memcpy(&value, data_ + at_, sizeof value);
            at_ += sizeof value;
        }
        return value;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Pieces in(data, size);
    kgraph::GraphModel graph;
    for (int i = 0; i < 4 && !in.empty(); ++i) {
        kgraph::Entity entity;
        entity.name = in.Text();
        entity.type = i % 2 ? kgraph::EntityType::kPerson : kgraph::EntityType::kOrganization;
        entity.aliases = {in.Text()};
        graph.entities.push_back(entity);
    }
    for (int i = 0; i + 1 < static_cast<int>(graph.entities.size()) && !in.empty(); ++i) {
        kgraph::Relation relation;
        relation.subject = graph.entities[i].name;
        relation.object = graph.entities[i + 1].name;
        relation.predicate = in.Text();
        kgraph::Evidence evidence;
        evidence.doc = in.Text();
        evidence.sentence = in.Text();
        evidence.rule = in.Text();
        evidence.confidence = in.Number();
        evidence.amount = kgraph::Money{in.Number(), in.Text(), in.Text(), std::nullopt};
        evidence.percent = in.Number();
        evidence.date = in.Text();
        relation.evidence.push_back(evidence);
        graph.relations.push_back(relation);
    }
    const std::string text = kgraph::ToJsonLd(graph);
    // Invalid UTF-8 in the input may be rejected, but never crash or emit broken JSON.
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) __builtin_trap();
    return 0;
}
