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
    void PutEntity(const std::string& id, const EntityVotes& votes);
    void PutMention(std::string_view id, std::string_view doc);
    // The edge (both directions) and one piece of evidence on it.
    void PutEvidence(const EdgeIds& edge, const DocumentFacts& facts, const Evidence& evidence, std::size_t ordinal);

private:
    KeyValueSink& sink_;
};

// A new entity id: reads the next one through `reader`, which must read
// through `batch`, and puts the one after it, so that ids given in one batch
// differ.
Result<std::string> AllocateEntityId(const Reader& reader, BatchSink& batch);

// What an entity's id is part of besides its own record: its mention keys and
// its edges in either direction. Rebuilding an entity deletes exactly these.
struct EntityFootprint {
    std::vector<std::string> mention_keys;
    std::set<EdgeIds> edges;
};
// Adds `id`'s mention keys and edges to `footprint`.
Status CollectFootprint(const Reader& reader, const std::string& id, EntityFootprint& footprint);
// Adds `id`'s edges, in either direction, to `edges`.
Status CollectEdges(const Reader& reader, const std::string& id, std::set<EdgeIds>& edges);

// Symmetric predicates are stored with subject id < object id (bytewise),
// an order that no change of name disturbs.
EdgeIds Oriented(EdgeIds edge);

// Calls `visit` for each piece of evidence of the document's relations, with
// the relation, the index of its subject and object in `facts.entities`, and
// the evidence's ordinal (its position in the document, part of its key).
using EvidenceVisitor = std::function<void(const Relation& relation, std::size_t subject, std::size_t object,
                                           const Evidence& evidence, std::size_t ordinal)>;
void ForEachEvidence(const DocumentFacts& facts, const EvidenceVisitor& visit);

}  // namespace kgraph::graph
