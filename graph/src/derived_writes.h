// Writes to the derived column families shared by the two ways of updating
// them (derived_state.h), so that both produce exactly the same keys.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "database.h"
#include "entity_resolution.h"
#include "keys.h"
#include "kgraph/model.h"

namespace kgraph::graph {

// Where the derived keys go: the batch of one update, or the sorted table
// files of a bulk load (bulk_load.h).
class KeyValueSink {
public:
    virtual void Put(Cf cf, std::string_view key, std::string_view value) = 0;

protected:
    ~KeyValueSink() = default;
};

// An update's batch, which also deletes what the update replaces.
class BatchSink final : public KeyValueSink {
public:
    BatchSink(const Database& db, rocksdb::WriteBatchWithIndex& batch) : db_(db), batch_(batch) {}
    void Put(Cf cf, std::string_view key, std::string_view value) override;
    void Delete(Cf cf, std::string_view key);

private:
    const Database& db_;
    rocksdb::WriteBatchWithIndex& batch_;
};

class DerivedWrites {
public:
    explicit DerivedWrites(KeyValueSink& sink) : sink_(sink) {}
    // The entity record and an alias entry for each of its surface forms.
    void PutEntity(const std::string& name, const EntityVotes& votes);
    void PutMention(std::string_view entity, std::string_view doc);
    // The edge (both directions) and one piece of evidence on it.
    void PutEvidence(const EdgeName& edge, const DocumentFacts& facts, const Evidence& evidence, std::size_t ordinal);

private:
    KeyValueSink& sink_;
};

// What an entity's name is part of besides its own record: its mention keys
// and its edges in either direction. Renaming or rebuilding an entity moves or
// deletes exactly these.
struct EntityFootprint {
    std::vector<std::string> mention_keys;
    std::set<EdgeName> edges;
};
// Adds `entity`'s mention keys and edges to `footprint`.
Status CollectFootprint(const Reader& reader, const std::string& entity, EntityFootprint& footprint);

// Symmetric predicates are stored with subject < object.
EdgeName Oriented(EdgeName edge);

// Calls `visit` for each piece of evidence of the document's relations, with
// the relation, the index of its subject and object in `facts.entities`, and
// the evidence's ordinal (its position in the document, part of its key).
using EvidenceVisitor = std::function<void(const Relation& relation, std::size_t subject, std::size_t object,
                                           const Evidence& evidence, std::size_t ordinal)>;
void ForEachEvidence(const DocumentFacts& facts, const EvidenceVisitor& visit);

}  // namespace kgraph::graph
