// The lemmatizer's tables (nlp/src/lemmatizer.h): EditTable finds by key
// what a search of its sorted entries finds, through its own index.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "lemmatizer.h"

namespace nlp = kgraph::nlp;

namespace {

// The entry a binary search of `entries` finds for `key`, as the lemmatizer
// looked edits up before it had an index, or nullptr.
const nlp::LemmaEdit* Searched(const nlp::EditTable::Entries& entries, std::uint64_t key) {
    const auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                     [](const auto& entry, std::uint64_t k) { return entry.first < k; });
    return it != entries.end() && it->first == key ? &it->second : nullptr;
}

}  // namespace

TEST_CASE("nlp edit table: every key found, absent keys not, keys that share their home slot", "[nlp]") {
    nlp::EditTable::Entries entries;
    // Keys with the same low bits share a home slot whatever the capacity.
    for (std::uint64_t i = 1; i <= 40; ++i) {
        entries.push_back({i << 32, nlp::LemmaEdit{static_cast<std::uint8_t>(i % 5), "e" + std::to_string(i)}});
    }
    for (std::uint64_t i = 1; i <= 300; ++i) entries.push_back({(i << 40) + i * 0x9e37, nlp::LemmaEdit{1, ""}});
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const nlp::EditTable table(entries);
    for (const auto& [key, edit] : entries) {
        const nlp::LemmaEdit* found = table.Find(key);
        REQUIRE(found != nullptr);
        CHECK(found == Searched(table.entries(), key));
        CHECK(found->cut == edit.cut);
        CHECK(found->append == edit.append);
    }
    for (std::uint64_t key : {std::uint64_t{41} << 32, std::uint64_t{7}, ~std::uint64_t{0}, std::uint64_t{1} << 63}) {
        CHECK(table.Find(key) == nullptr);
        CHECK(Searched(table.entries(), key) == nullptr);
    }
    CHECK(table.entries().size() == entries.size());
}

TEST_CASE("nlp edit table: empty", "[nlp]") {
    const nlp::EditTable empty;
    CHECK(empty.Find(1) == nullptr);
    const nlp::EditTable no_entries(nlp::EditTable::Entries{});
    CHECK(no_entries.Find(0x1234) == nullptr);
}
