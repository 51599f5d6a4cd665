// AddToDerivedState: the incremental way (see derived_state.h).
#include <map>
#include <numeric>
#include <optional>
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

class DocumentAddition {
public:
    DocumentAddition(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts& facts)
        : batch_(db, batch), reader_(db, &batch), facts_(facts) {}

    Status Apply() {
        if (Status grouped = GroupMentions(); !grouped.ok()) return grouped;
        for (Group& group : groups_) {
            if (Status elected = Elect(group); !elected.ok()) return elected;
        }
        ForEachEvidence(facts_, [&](const Relation& relation, std::size_t subject, std::size_t object,
                                    const Evidence& evidence, std::size_t ordinal) {
            const EdgeIds edge = Oriented({IdOfMention(subject), relation.predicate, IdOfMention(object)});
            writes_.PutEvidence(edge, facts_, evidence, ordinal);
        });
        return Status::Ok();
    }

private:
    // The document's mentions of one entity, and the stored entities (ids)
    // they match, which this document merges into one.
    struct Group {
        std::vector<const Entity*> mentions;
        std::set<std::string> stored;
        std::string id;  // of the entity they are part of
    };

    // Mentions sharing a match key with each other or with the same stored
    // entity form one group.
    Status GroupMentions() {
        const std::size_t n = facts_.entities.size();
        std::vector<std::size_t> root(n);
        std::iota(root.begin(), root.end(), 0);
        auto find = [&](std::size_t i) {
            while (root[i] != i) i = root[i] = root[root[i]];
            return i;
        };
        std::map<std::string, std::size_t> first_with_key, first_with_owner;
        std::vector<std::set<std::string>> owners(n);
        for (std::size_t i = 0; i < n; ++i) {
            for (const std::string& key : MatchKeys(facts_.entities[i])) {
                auto [by_key, new_key] = first_with_key.emplace(key, i);
                if (!new_key) root[find(i)] = find(by_key->second);
                Result<std::optional<std::string>> owner = reader_.Get(Cf::kAliases, key);
                if (!owner.ok()) return owner.status();
                if (!*owner) continue;
                owners[i].insert(**owner);
                auto [by_owner, new_owner] = first_with_owner.emplace(**owner, i);
                if (!new_owner) root[find(i)] = find(by_owner->second);
            }
        }
        std::map<std::size_t, std::size_t> group_of_root;
        for (std::size_t i = 0; i < n; ++i) {
            auto [it, inserted] = group_of_root.emplace(find(i), groups_.size());
            if (inserted) groups_.emplace_back();
            Group& group = groups_[it->second];
            group.mentions.push_back(&facts_.entities[i]);
            group.stored.insert(owners[i].begin(), owners[i].end());
            group_of_mention_.push_back(it->second);
        }
        return Status::Ok();
    }

    // Adds this document's votes to those of the stored entities it matches.
    // Merged entities keep the id of the one with the most mentions, so that
    // most of what is stored of the entity stays under its own id and the
    // fewest relations need joining on read; the others' ids become part of
    // it (merged_entities.h), and nothing of theirs moves. A change of name
    // moves nothing either.
    Status Elect(Group& group) {
        EntityVotes votes = EntityVotes::OfDocument(group.mentions);
        std::size_t kept_mentions = 0;
        for (const std::string& stored : group.stored) {
            Result<std::optional<std::string>> record = reader_.Get(Cf::kEntities, stored);
            if (!record.ok()) return record.status();
            if (!*record) return Status::Corruption("an alias points to entity #" + stored + ", which is not stored");
            Result<EntityVotes> stored_votes = DecodeEntityVotes(stored, **record);
            if (!stored_votes.ok()) return stored_votes.status();
            if (group.id.empty() || stored_votes->Mentions() > kept_mentions) {
                group.id = stored;
                kept_mentions = stored_votes->Mentions();
            }
            votes.Add(*stored_votes);
        }
        if (group.id.empty()) {
            Result<std::string> id = AllocateEntityId(reader_, batch_);
            if (!id.ok()) return id.status();
            group.id = std::move(*id);
        }
        for (const std::string& stored : group.stored) {
            if (stored == group.id) continue;
            batch_.Delete(Cf::kEntities, stored);
            if (Status recorded = RecordMerge(reader_, batch_, stored, group.id); !recorded.ok()) return recorded;
        }
        writes_.PutEntity(group.id, votes);
        writes_.PutMention(group.id, facts_.doc);
        return Status::Ok();
    }

    const std::string& IdOfMention(std::size_t mention) const { return groups_[group_of_mention_[mention]].id; }

    BatchSink batch_;
    DerivedWrites writes_{batch_};
    Reader reader_;
    const DocumentFacts& facts_;
    std::vector<Group> groups_;
    std::vector<std::size_t> group_of_mention_;  // per entity of facts_
};

}  // namespace

Status AddToDerivedState(const Database& db, rocksdb::WriteBatchWithIndex& batch, const DocumentFacts& added) {
    return DocumentAddition(db, batch, added).Apply();
}

}  // namespace kgraph::graph
