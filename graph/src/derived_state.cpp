// RebuildDerivedState: the from-the-documents way (see derived_state.h).
#include "derived_state.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "derived_writes.h"
#include "entity_resolution.h"
#include "keys.h"
#include "merged_entities.h"
#include "kgraph/name_folding.h"
#include "records.h"

namespace kgraph::graph {
namespace {

using EntitySet = std::set<std::string>;

// The position of a mention: document index, entity index in its facts.
using MentionPlace = std::pair<std::size_t, std::size_t>;

class Rebuild {
public:
    Rebuild(const Database& db, rocksdb::WriteBatchWithIndex& batch) : batch_(db, batch), reader_(db, &batch) {}

    Status Apply(const DocumentFacts* added, const DocumentFacts* removed) {
        EntitySet affected;
        for (const DocumentFacts* facts : {added, removed}) {
            if (!facts) continue;
            if (Status found = CollectEntitiesOf(*facts, affected); !found.ok()) return found;
        }
        if (Status found = CollectMergedIds(affected); !found.ok()) return found;
        if (Status loaded = LoadDocumentsMentioning(added, removed); !loaded.ok()) return loaded;
        if (Status classified = ClassifyMentions(affected, added); !classified.ok()) return classified;
        if (removed) {
            if (Status forms = CollectStaleKeys(*removed, affected); !forms.ok()) return forms;
        }
        if (Status deleted = DeleteEntities(affected); !deleted.ok()) return deleted;
        if (Status written = WriteEntities(); !written.ok()) return written;
        WriteRelations();
        return Status::Ok();
    }

private:
    // The stored entity (id) a match key belongs to, as it was before this update
    // (every lookup happens before the first delete).
    Result<std::optional<std::string>> OwnerOf(const std::string& key) {
        auto cached = owner_cache_.find(key);
        if (cached != owner_cache_.end()) return cached->second;
        Result<std::optional<std::string>> owner = reader_.Get(Cf::kAliases, key);
        if (owner.ok()) owner_cache_.emplace(key, *owner);
        return owner;
    }

    Status CollectEntitiesOf(const DocumentFacts& facts, EntitySet& entities) {
        for (const Entity& entity : facts.entities) {
            for (const std::string& key : MatchKeys(entity)) {
                Result<std::optional<std::string>> owner = OwnerOf(key);
                if (!owner.ok()) return owner.status();
                if (*owner) entities.insert(**owner);
            }
        }
        return Status::Ok();
    }

    // The ids of affected entities (their own and those merged into them),
    // whose mentions, edges and evidence the rebuild replaces.
    Status CollectMergedIds(const EntitySet& affected) {
        for (const std::string& entity : affected) {
            stored_ids_.insert(entity);
            Result<std::vector<std::string>> merged = MergedInto(reader_, entity);
            if (!merged.ok()) return merged.status();
            for (const std::string& id : *merged) {
                stored_ids_.insert(id);
                batch_.Delete(Cf::kMerged, MergedKey(entity, id));
            }
        }
        return Status::Ok();
    }

    // Every document (after the change) that mentions an affected entity.
    Status LoadDocumentsMentioning(const DocumentFacts* added, const DocumentFacts* removed) {
        std::set<std::string> ids;
        for (const std::string& entity : stored_ids_) {
            Status scanned = reader_.Scan(Cf::kMentions, KeyPrefix(entity), [&](std::string_view key, std::string_view) {
                ids.insert(std::string(key.substr(entity.size() + 1)));
                return Status::Ok();
            });
            if (!scanned.ok()) return scanned;
        }
        if (removed) ids.erase(removed->doc);
        for (const std::string& id : ids) {
            Result<std::optional<std::string>> value = reader_.Get(Cf::kDocuments, id);
            if (!value.ok()) return value.status();
            if (!*value) return Status::Corruption("entity index names document " + id + ", which is not stored");
            Result<DocumentFacts> facts = DecodeDocument(id, **value);
            if (!facts.ok()) return facts.status();
            documents_.push_back(std::move(*facts));
        }
        if (added) documents_.push_back(*added);
        return Status::Ok();
    }

    // Splits the loaded documents' mentions into those of affected entities
    // (to be resolved again) and the rest (whose entity stays as stored).
    Status ClassifyMentions(const EntitySet& affected, const DocumentFacts* added) {
        for (std::size_t d = 0; d < documents_.size(); ++d) {
            const DocumentFacts& facts = documents_[d];
            const bool is_new = added && &facts == &documents_.back();
            for (std::size_t e = 0; e < facts.entities.size(); ++e) {
                const Entity& entity = facts.entities[e];
                Result<std::optional<std::string>> owner = OwnerOf(FoldName(entity.name));
                if (!owner.ok()) return owner.status();
                if (is_new || (*owner && affected.count(**owner))) {
                    mention_index_[{d, e}] = mentions_.size();
                    mentions_.push_back(Mention{facts.doc, &entity});
                    if (Status stale = CollectStaleKeys(entity, affected); !stale.ok()) return stale;
                } else if (!*owner) {
                    return Status::Corruption("entity " + entity.name + " of document " + facts.doc +
                                              " is missing from the alias index");
                } else {
                    unaffected_owner_[{d, e}] = **owner;
                }
            }
        }
        return Status::Ok();
    }

    // The alias entries of affected entities, to delete before rewriting.
    Status CollectStaleKeys(const Entity& entity, const EntitySet& affected) {
        for (const std::string& key : MatchKeys(entity)) {
            Result<std::optional<std::string>> owner = OwnerOf(key);
            if (!owner.ok()) return owner.status();
            if (*owner && affected.count(**owner)) stale_keys_.insert(key);
        }
        return Status::Ok();
    }
    Status CollectStaleKeys(const DocumentFacts& facts, const EntitySet& affected) {
        for (const Entity& entity : facts.entities) {
            if (Status stale = CollectStaleKeys(entity, affected); !stale.ok()) return stale;
        }
        return Status::Ok();
    }

    void DeleteEdge(const EdgeIds& edge) {
        const std::string out_key = OutEdgeKey(edge);
        batch_.Delete(Cf::kOutEdges, out_key);
        batch_.Delete(Cf::kInEdges, InEdgeKey(edge));
        evidence_to_delete_.push_back(KeyPrefix(out_key));
    }

    Status DeleteEntities(const EntitySet& affected) {
        for (const std::string& key : stale_keys_) batch_.Delete(Cf::kAliases, key);
        EntityFootprint footprint;
        for (const std::string& entity : affected) batch_.Delete(Cf::kEntities, entity);
        for (const std::string& id : stored_ids_) {
            if (Status scanned = CollectFootprint(reader_, id, footprint); !scanned.ok()) return scanned;
        }
        for (const std::string& key : footprint.mention_keys) batch_.Delete(Cf::kMentions, key);
        for (const EdgeIds& edge : footprint.edges) DeleteEdge(edge);
        return DeleteEvidence();
    }

    Status DeleteEvidence() {
        std::vector<std::string> keys;
        for (const std::string& prefix : evidence_to_delete_) {
            Status scanned = reader_.Scan(Cf::kEvidence, prefix, [&](std::string_view key, std::string_view) {
                keys.emplace_back(key);
                return Status::Ok();
            });
            if (!scanned.ok()) return scanned;
        }
        for (const std::string& key : keys) batch_.Delete(Cf::kEvidence, key);
        return Status::Ok();
    }

    // Resolved entities get new ids: everything of theirs is rewritten anyway.
    Status WriteEntities() {
        resolution_ = ResolveEntities(mentions_);
        for (std::size_t e = 0; e < resolution_.entities.size(); ++e) {
            Result<std::string> id = AllocateEntityId(reader_, batch_);
            if (!id.ok()) return id.status();
            resolved_ids_.push_back(std::move(*id));
            writes_.PutEntity(resolved_ids_.back(), resolution_.votes[e]);
        }
        for (std::size_t m = 0; m < mentions_.size(); ++m) {
            writes_.PutMention(resolved_ids_[resolution_.entity_of[m]], mentions_[m].doc);
        }
        return Status::Ok();
    }

    // The id of the entity at `place`; `affected` tells whether it was
    // resolved in this update.
    const std::string& IdAt(const MentionPlace& place, bool& affected) const {
        auto resolved = mention_index_.find(place);
        affected = resolved != mention_index_.end();
        if (affected) return resolved_ids_[resolution_.entity_of[resolved->second]];
        return unaffected_owner_.at(place);
    }

    // Edges and evidence of the loaded documents' relations that touch an
    // affected entity (the others are stored already and did not change).
    void WriteRelations() {
        for (std::size_t d = 0; d < documents_.size(); ++d) {
            ForEachEvidence(documents_[d], [&](const Relation& relation, std::size_t subject, std::size_t object,
                                               const Evidence& evidence, std::size_t ordinal) {
                bool subject_affected = false, object_affected = false;
                const EdgeIds edge = Oriented({IdAt({d, subject}, subject_affected), relation.predicate,
                                              IdAt({d, object}, object_affected)});
                if (subject_affected || object_affected) writes_.PutEvidence(edge, documents_[d], evidence, ordinal);
            });
        }
    }

    BatchSink batch_;
    DerivedWrites writes_{batch_};
    Reader reader_;
    std::map<std::string, std::optional<std::string>> owner_cache_;
    EntitySet stored_ids_;                  // of affected entities, merged ones included
    std::vector<DocumentFacts> documents_;  // after the change
    std::vector<Mention> mentions_;         // of affected entities, pointing into documents_
    std::map<MentionPlace, std::size_t> mention_index_;
    std::map<MentionPlace, std::string> unaffected_owner_;
    std::set<std::string> stale_keys_;
    std::vector<std::string> evidence_to_delete_;
    Resolution resolution_;
    std::vector<std::string> resolved_ids_;  // per entity of resolution_
};

}  // namespace

Status RebuildDerivedState(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts* added,
                           const DocumentFacts* removed) {
    return Rebuild(db, batch).Apply(added, removed);
}

}  // namespace kgraph::graph
