#include "raw_rocksdb_baseline.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace kgraph::bench {
namespace {

// The store's column families (docs/storage.md), less `meta`.
enum Family { kDocuments, kSources, kEntities, kAliases, kMentions, kOutEdges, kInEdges, kEvidence, kFamilyCount };
const char* const kFamilyNames[kFamilyCount] = {"documents", "sources",  "entities", "aliases",
                                                "mentions",  "out-edges", "in-edges", "evidence"};

std::string Lowercase(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

std::string Join(std::initializer_list<std::string_view> parts) {
    std::string joined;
    for (std::string_view part : parts) {
        if (!joined.empty()) joined += '\0';
        joined += part;
    }
    return joined;
}

// A flat encoding with the fields an evidence record carries: about as many
// bytes as any reasonable serialization of it.
std::string EncodeEvidence(const Evidence& evidence) {
    std::string value = Join({evidence.doc, evidence.source, evidence.sentence, evidence.rule, evidence.modality,
                              evidence.date.value_or("")});
    const double numbers[] = {static_cast<double>(evidence.start), static_cast<double>(evidence.end), evidence.confidence,
                              evidence.amount ? evidence.amount->value : 0, evidence.percent.value_or(0)};
    value.append(reinterpret_cast<const char*>(numbers), sizeof numbers);
    if (evidence.amount) value += evidence.amount->currency + evidence.amount->qualifier;
    return value;
}

std::string EncodeEntity(const Entity& entity) {
    std::string value(EntityTypeName(entity.type));
    for (const std::string& alias : entity.aliases) value += '\0' + alias;
    return value;
}

class Baseline final : public RawRocksDbBaseline {
public:
    Baseline(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> families)
        : db_(std::move(db)), families_(std::move(families)) {}
    ~Baseline() override {
        for (auto* family : families_) db_->DestroyColumnFamilyHandle(family);
    }

    // One Put per key the store writes for a new document; the document
    // record holds the facts again, as the store keeps them to rebuild from.
    Status Write(const DocumentFacts& facts) override {
        rocksdb::WriteBatch batch;
        std::string document_record = facts.source;
        Put(batch, kSources, facts.source, facts.doc);
        for (const Entity& entity : facts.entities) {
            const std::string encoded = EncodeEntity(entity);
            const std::string& id = IdOf(entity.name);
            document_record += encoded;
            Put(batch, kEntities, id, encoded);
            Put(batch, kMentions, Join({id, facts.doc}), "");
            Put(batch, kAliases, Lowercase(entity.name), id);
            for (const std::string& alias : entity.aliases) Put(batch, kAliases, Lowercase(alias), id);
        }
        for (const Relation& relation : facts.relations) {
            const std::string& subject = IdOf(relation.subject);
            const std::string& object = IdOf(relation.object);
            Put(batch, kOutEdges, Join({subject, relation.predicate, object}), "");
            Put(batch, kInEdges, Join({object, relation.predicate, subject}), "");
            for (const Evidence& evidence : relation.evidence) {
                const std::string encoded = EncodeEvidence(evidence);
                document_record += encoded;
                const std::string start = std::to_string(evidence.start);
                Put(batch, kEvidence, Join({subject, relation.predicate, object, evidence.doc, start}), encoded);
            }
        }
        Put(batch, kDocuments, facts.doc, document_record);
        const rocksdb::Status status = db_->Write(rocksdb::WriteOptions(), &batch);  // sync off, as the store's default
        if (!status.ok()) return Status::IOError("raw baseline: " + status.ToString());
        ++volume_.batches;
        return Status::Ok();
    }

    const BaselineVolume& volume() const override { return volume_; }

private:
    // Entity keys are numbers, as the store's (one per distinct name here).
    const std::string& IdOf(const std::string& name) {
        auto [it, added] = ids_.try_emplace(name);
        if (added) it->second = std::to_string(ids_.size());
        return it->second;
    }

    void Put(rocksdb::WriteBatch& batch, Family family, const std::string& key, const std::string& value) {
        batch.Put(families_[family], key, value);
        ++volume_.keys;
        volume_.bytes += key.size() + value.size();
    }

    std::unique_ptr<rocksdb::DB> db_;
    std::vector<rocksdb::ColumnFamilyHandle*> families_;
    BaselineVolume volume_;
    std::unordered_map<std::string, std::string> ids_;
};

}  // namespace

Result<std::unique_ptr<RawRocksDbBaseline>> RawRocksDbBaseline::Create(const std::filesystem::path& path) {
    rocksdb::DBOptions options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    options.error_if_exists = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = {{rocksdb::kDefaultColumnFamilyName, {}}};
    for (const char* name : kFamilyNames) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    const rocksdb::Status status = rocksdb::DB::Open(options, path.string(), descriptors, &handles, &db);
    if (!status.ok()) return Status::IOError("raw baseline " + path.string() + ": " + status.ToString());
    db->DestroyColumnFamilyHandle(handles.front());  // the default family is not written
    handles.erase(handles.begin());
    return std::unique_ptr<RawRocksDbBaseline>(new Baseline(std::unique_ptr<rocksdb::DB>(db), std::move(handles)));
}

}  // namespace kgraph::bench
