// ReplaceInDerivedState: removing a document incrementally where that gives
// what a rebuild would (see derived_state.h).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "derived_state.h"
#include "derived_writes.h"
#include "entity_resolution.h"
#include "keys.h"
#include "merged_entities.h"
#include "records.h"

namespace kgraph::graph {
namespace {

// Takes one document out of the derived state: its votes, mentions and
// evidence, and whatever no other document supports any more. Costs what
// the document holds, times the number of ids its entities have (their own
// and those merged into them, usually one or two). Declines, writing
// nothing, when an entity would split.
class DocumentRemoval {
public:
    DocumentRemoval(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts& facts)
        : batch_(db, batch), reader_(db, &batch), facts_(facts) {}

    // False when the document's mentions were all that joined some entity's
    // names: then only a rebuild finds the entities that remain.
    Result<bool> Apply() {
        if (Status grouped = GroupMentions(); !grouped.ok()) return grouped;
        for (Group& group : groups_) {
            if (Status loaded = LoadVotes(group); !loaded.ok()) return loaded;
            if (!group.votes_after.name_documents.empty() && !group.votes_after.KeysConnected()) return false;
        }
        for (const Group& group : groups_) {
            if (Status written = WriteVotes(group); !written.ok()) return written;
        }
        if (Status removed = RemoveEvidence(); !removed.ok()) return removed;
        for (const Group& group : groups_) {
            if (Status released = ReleaseEmptyIds(group); !released.ok()) return released;
        }
        return true;
    }

private:
    // The document's mentions of one stored entity.
    struct Group {
        std::vector<const Entity*> mentions;
        std::string entity;
        // The entity's ids, own and merged: first those the document is
        // mentioned under, then the others.
        std::vector<std::string> ids;
        std::size_t mentioned_under = 0;  // how many of `ids` hold the document's mention
        EntityVotes votes_before, votes_after;
        bool Deleted() const { return votes_after.name_documents.empty(); }  // no other document mentions it
    };

    Status GroupMentions() {
        std::map<std::string, std::size_t> group_of_entity;
        for (const Entity& mention : facts_.entities) {
            const std::string key = MatchKeys(mention).front();
            Result<std::optional<std::string>> owner = reader_.Get(Cf::kAliases, key);
            if (!owner.ok()) return owner.status();
            if (!*owner) return MissingMention(mention.name);
            auto [it, inserted] = group_of_entity.emplace(**owner, groups_.size());
            if (inserted) groups_.push_back(Group{{}, **owner, {}, 0, {}, {}});
            groups_[it->second].mentions.push_back(&mention);
            group_of_mention_.push_back(it->second);
        }
        for (Group& group : groups_) {
            if (Status found = FindIds(group); !found.ok()) return found;
        }
        return Status::Ok();
    }

    Status FindIds(Group& group) {
        Result<std::vector<std::string>> ids = MergedInto(reader_, group.entity);
        if (!ids.ok()) return ids.status();
        ids->push_back(group.entity);
        std::vector<std::string> others;
        for (std::string& id : *ids) {
            Result<std::optional<std::string>> mention = reader_.Get(Cf::kMentions, MentionKey(id, facts_.doc));
            if (!mention.ok()) return mention.status();
            (*mention ? group.ids : others).push_back(std::move(id));
        }
        group.mentioned_under = group.ids.size();
        if (group.mentioned_under == 0) return MissingMention(group.mentions.front()->name);
        group.ids.insert(group.ids.end(), others.begin(), others.end());
        return Status::Ok();
    }

    Status MissingMention(const std::string& name) const {
        return Status::Corruption("entity " + name + " of document " + facts_.doc + " is missing from the entity index");
    }

    Status LoadVotes(Group& group) {
        Result<std::optional<std::string>> record = reader_.Get(Cf::kEntities, group.entity);
        if (!record.ok()) return record.status();
        if (!*record) return Status::Corruption("an alias points to entity #" + group.entity + ", which is not stored");
        Result<EntityVotes> votes = DecodeEntityVotes(group.entity, **record);
        if (!votes.ok()) return votes.status();
        group.votes_before = *votes;
        group.votes_after = std::move(*votes);
        group.votes_after.Subtract(EntityVotes::OfDocument(group.mentions));
        return Status::Ok();
    }

    // The entity's new votes, or its deletion, and the aliases no remaining
    // document uses.
    Status WriteVotes(const Group& group) {
        for (std::size_t i = 0; i < group.mentioned_under; ++i) {
            batch_.Delete(Cf::kMentions, MentionKey(group.ids[i], facts_.doc));
        }
        if (group.Deleted()) {
            batch_.Delete(Cf::kEntities, group.entity);
            for (const std::string& id : group.ids) {
                if (id != group.entity) batch_.Delete(Cf::kMerged, MergedKey(group.entity, id));
            }
        } else {
            writes_.PutEntity(group.entity, group.votes_after);
        }
        const std::set<std::string> keys_after = group.votes_after.FormKeys();
        for (const std::string& key : group.votes_before.FormKeys()) {
            if (!keys_after.count(key)) batch_.Delete(Cf::kAliases, key);
        }
        return Status::Ok();
    }

    // Each piece of evidence is under some id of each of its ends' entities:
    // usually the ids the document's mentions are stored under (which its
    // entities had when it was added), but a rebuild of one end rewrites the
    // evidence with the other end's current id.
    Status RemoveEvidence() {
        std::set<EdgeIds> touched;
        Status status = Status::Ok();
        ForEachEvidence(facts_, [&](const Relation& relation, std::size_t subject, std::size_t object,
                                    const Evidence& evidence, std::size_t ordinal) {
            if (!status.ok()) return;
            Result<std::optional<EdgeIds>> edge = FindEvidence(relation.predicate, subject, object, evidence, ordinal);
            if (!edge.ok()) status = edge.status();
            else if (!*edge) status = Status::Corruption("a piece of evidence of document " + facts_.doc + " is not stored");
            else touched.insert(**edge);
        });
        for (auto it = touched.begin(); status.ok() && it != touched.end(); ++it) {
            Result<bool> supported = reader_.HasPrefix(Cf::kEvidence, KeyPrefix(OutEdgeKey(*it)));
            if (!supported.ok()) return supported.status();
            if (*supported) continue;
            batch_.Delete(Cf::kOutEdges, OutEdgeKey(*it));
            batch_.Delete(Cf::kInEdges, InEdgeKey(*it));
        }
        return status;
    }

    // Deletes the piece of evidence and returns its edge; nullopt when it is
    // not stored under any of the candidate ids.
    Result<std::optional<EdgeIds>> FindEvidence(const std::string& predicate, std::size_t subject, std::size_t object,
                                                const Evidence& evidence, std::size_t ordinal) {
        for (const std::string& subject_id : groups_[group_of_mention_[subject]].ids) {
            for (const std::string& object_id : groups_[group_of_mention_[object]].ids) {
                const EdgeIds edge = Oriented({subject_id, predicate, object_id});
                const std::string key = EvidenceKey(edge, facts_.doc, evidence.start, ordinal);
                Result<std::optional<std::string>> stored = reader_.Get(Cf::kEvidence, key);
                if (!stored.ok()) return stored.status();
                if (!*stored) continue;
                batch_.Delete(Cf::kEvidence, key);
                return std::optional<EdgeIds>(edge);
            }
        }
        return std::optional<EdgeIds>();
    }

    // Merged ids that hold nothing any more leave `merged`.
    Status ReleaseEmptyIds(const Group& group) {
        if (group.Deleted()) return Status::Ok();
        for (const std::string& id : group.ids) {
            if (id == group.entity) continue;
            Result<bool> holds = HoldsKeys(reader_, id);
            if (!holds.ok()) return holds.status();
            if (!*holds) batch_.Delete(Cf::kMerged, MergedKey(group.entity, id));
        }
        return Status::Ok();
    }

    BatchSink batch_;
    DerivedWrites writes_{batch_};
    Reader reader_;
    const DocumentFacts& facts_;
    std::vector<Group> groups_;
    std::vector<std::size_t> group_of_mention_;  // per entity of facts_
};

}  // namespace

Status ReplaceInDerivedState(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts* added,
                             const DocumentFacts& removed) {
    Result<bool> removed_incrementally = DocumentRemoval(db, batch, removed).Apply();
    if (!removed_incrementally.ok()) return removed_incrementally.status();
    if (!*removed_incrementally) return RebuildDerivedState(db, batch, added, &removed);
    return added ? AddToDerivedState(db, batch, *added) : Status::Ok();
}

}  // namespace kgraph::graph
