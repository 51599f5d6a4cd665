#include "name_grams.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "keys.h"
#include "kgraph/model.h"

namespace kgraph::graph {
namespace {

// The distinct trigrams of the name with a space at either end, so that a
// name's first and last letters count, and a name of one letter has one.
std::set<std::string> Grams(std::string_view folded) {
    std::set<std::string> grams;
    if (folded.empty() || folded.size() > kMaxNameBytes) return grams;
    const std::string padded = " " + std::string(folded) + " ";
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i) grams.insert(padded.substr(i, 3));
    return grams;
}

// Folded name -> trigrams it shares with `wanted`, from the index.
Result<std::map<std::string, std::size_t>> CountFromIndex(const Reader& reader, const std::set<std::string>& wanted,
                                                          std::size_t& keys_read) {
    std::map<std::string, std::size_t> shared;
    for (const std::string& gram : wanted) {
        const std::string prefix = KeyPrefix(gram);
        std::size_t read = 0;
        Status scanned = reader.Scan(Cf::kNameGrams, prefix, [&](std::string_view key, std::string_view) {
            ++shared[std::string(key.substr(prefix.size()))];
            ++keys_read;
            return ++read == kGramScanLimit ? Status::Interrupted("") : Status::Ok();
        });
        if (!scanned.ok() && !scanned.IsInterrupted()) return scanned;
    }
    return shared;
}

// The same from every alias key, for a database without the index.
Result<std::map<std::string, std::size_t>> CountFromAliases(const Reader& reader, const std::set<std::string>& wanted,
                                                            std::size_t& keys_read) {
    std::map<std::string, std::size_t> shared;
    Status scanned = reader.Scan(Cf::kAliases, "", [&](std::string_view folded, std::string_view) {
        ++keys_read;
        std::size_t count = 0;
        for (const std::string& gram : Grams(folded)) count += wanted.count(gram);
        if (count > 0) shared.emplace(folded, count);
        return Status::Ok();
    });
    if (!scanned.ok()) return scanned;
    return shared;
}

}  // namespace

void PutNameGrams(KeyValueSink& sink, std::string_view folded) {
    for (const std::string& gram : Grams(folded)) sink.Put(Cf::kNameGrams, JoinKey({gram, folded}), "");
}

Status UpdateNameGrams(const Database& db, rocksdb::WriteBatchWithIndex& batch) {
    const Reader committed(db);
    BatchSink sink(db, batch);
    std::vector<std::pair<std::string, bool>> changed;  // folded name, added (else removed)
    std::unique_ptr<rocksdb::WBWIIterator> it(batch.NewIterator(db.handle(Cf::kAliases)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
        const rocksdb::WriteEntry entry = it->Entry();
        Result<std::optional<std::string>> before = committed.Get(Cf::kAliases, entry.key.ToStringView());
        if (!before.ok()) return before.status();
        const bool after = entry.type == rocksdb::kPutRecord;
        if (after != before->has_value()) changed.emplace_back(entry.key.ToString(), after);
    }
    if (!it->status().ok()) return db.Translate(it->status(), "read");
    // Written after the walk: the batch's index must not change under its iterator.
    for (const auto& [folded, added] : changed) {
        for (const std::string& gram : Grams(folded)) {
            if (added) {
                sink.Put(Cf::kNameGrams, JoinKey({gram, folded}), "");
            } else {
                sink.Delete(Cf::kNameGrams, JoinKey({gram, folded}));
            }
        }
    }
    return Status::Ok();
}

Status RebuildNameGrams(const Database& db) {
    const Reader reader(db);
    rocksdb::WriteBatchWithIndex batch;
    BatchSink sink(db, batch);
    Status scanned = reader.Scan(Cf::kNameGrams, "", [&](std::string_view key, std::string_view) {
        sink.Delete(Cf::kNameGrams, key);
        return Status::Ok();
    });
    if (scanned.ok()) {
        scanned = reader.Scan(Cf::kAliases, "", [&](std::string_view folded, std::string_view) {
            PutNameGrams(sink, folded);
            return Status::Ok();
        });
    }
    if (!scanned.ok()) return scanned;
    return db.Write(batch.GetWriteBatch(), true);
}

namespace {

// Collects the keys of the index that the alias keys call for.
class GramKeys final : public KeyValueSink {
public:
    void Put(Cf, std::string_view key, std::string_view) override { keys.emplace(key); }
    std::set<std::string> keys;
};

void ReportKeys(const std::set<std::string>& keys, std::string_view what, std::vector<std::string>& problems) {
    constexpr std::size_t kShown = 3;
    std::size_t shown = 0;
    for (const std::string& key : keys) {
        if (shown++ == kShown) {
            problems.push_back(std::to_string(keys.size()) + " name index keys in all are " + std::string(what));
            return;
        }
        const std::vector<std::string_view> parts = SplitKey(key);
        problems.push_back("the name index key for \"" + std::string(parts.back()) + "\" (trigram \"" +
                           std::string(parts.front()) + "\") is " + std::string(what));
    }
}

}  // namespace

Status CheckNameGrams(const Database& db, std::vector<std::string>& problems) {
    if (!db.handle(Cf::kNameGrams)) return Status::Ok();
    const Reader reader(db);
    GramKeys expected;
    Status scanned = reader.Scan(Cf::kAliases, "", [&](std::string_view folded, std::string_view) {
        PutNameGrams(expected, folded);
        return Status::Ok();
    });
    std::set<std::string> stray;
    if (scanned.ok()) {
        scanned = reader.Scan(Cf::kNameGrams, "", [&](std::string_view key, std::string_view) {
            if (!expected.keys.erase(std::string(key))) stray.emplace(key);
            return Status::Ok();
        });
    }
    if (!scanned.ok()) return scanned;
    ReportKeys(stray, "stored for no alias", problems);
    ReportKeys(expected.keys, "missing", problems);
    return Status::Ok();
}

Result<std::vector<std::string>> NamesSharingGrams(const Database& db, const Reader& reader, std::string_view folded,
                                                   std::size_t limit, std::size_t& keys_read) {
    if (!db.Reads(Cf::kNameGrams)) return db.NotOpened(Cf::kNameGrams);  // not a database without the index
    const std::set<std::string> wanted = Grams(folded);
    if (wanted.empty()) return std::vector<std::string>();
    Result<std::map<std::string, std::size_t>> shared = db.handle(Cf::kNameGrams)
                                                            ? CountFromIndex(reader, wanted, keys_read)
                                                            : CountFromAliases(reader, wanted, keys_read);
    if (!shared.ok()) return shared.status();
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (auto& [name, count] : *shared) ranked.emplace_back(count, name);
    const std::size_t kept = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + kept, ranked.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kept; ++i) names.push_back(std::move(ranked[i].second));
    return names;
}

}  // namespace kgraph::graph
