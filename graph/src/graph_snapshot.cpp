#include "graph_snapshot.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "derived_writes.h"
#include "keys.h"
#include "merged_entities.h"
#include "name_grams.h"
#include "kgraph/name_folding.h"
#include "records.h"

namespace kgraph::graph {
namespace {

// Reads through a Reader pinned to the snapshot. Entity records are decoded
// once and kept: a traversal meets the same entities again and again.
class RocksGraphSnapshot final : public GraphSnapshot {
public:
    RocksGraphSnapshot(const Database& db, bool pin)
        : db_(db), snapshot_(pin ? db.db()->GetSnapshot() : nullptr), reader_(db, snapshot_) {}
    ~RocksGraphSnapshot() override {
        if (snapshot_) db_.db()->ReleaseSnapshot(snapshot_);
    }
    RocksGraphSnapshot(const RocksGraphSnapshot&) = delete;
    RocksGraphSnapshot& operator=(const RocksGraphSnapshot&) = delete;

    Result<std::optional<EntityKey>> Find(std::string_view name) const override {
        Result<std::optional<std::string>> id = reader_.Get(Cf::kAliases, FoldName(name));
        if (!id.ok()) return id.status();
        if (!*id) return std::optional<EntityKey>();
        return std::optional<EntityKey>(EntityKey{std::move(**id)});
    }

    Result<Entity> Read(const EntityKey& entity) const override {
        if (auto cached = entities_.find(entity.id); cached != entities_.end()) return cached->second;
        Result<std::optional<std::string>> record = reader_.Get(Cf::kEntities, entity.id);
        if (!record.ok()) return record.status();
        if (!*record) return Status::Corruption("entity #" + entity.id + " is referred to but not stored");
        Result<Entity> decoded = DecodeEntity(entity.id, **record);
        if (!decoded.ok()) return decoded.status();
        ++counts_.entities;
        return entities_.emplace(entity.id, std::move(*decoded)).first->second;
    }

    // The edges of the entity's own id and of every id merged into it, with
    // their ends put back on the entities they belong to.
    Result<std::vector<RelationKey>> Relations(const EntityKey& entity) const override {
        Result<std::vector<std::string>> ids = IdsOf(entity);
        if (!ids.ok()) return ids.status();
        Result<const std::map<std::string, std::string>*> owners = MergedOwners();
        if (!owners.ok()) return owners.status();
        auto owner = [&](const std::string& id) -> const std::string& {
            auto merged = (*owners)->find(id);
            return merged == (*owners)->end() ? id : merged->second;
        };
        std::set<RelationKey> relations;
        for (const std::string& id : *ids) {
            for (Cf cf : {Cf::kOutEdges, Cf::kInEdges}) {
                Status scanned = reader_.Scan(cf, KeyPrefix(id), [&](std::string_view key, std::string_view) {
                    std::optional<EdgeIds> edge = cf == Cf::kOutEdges ? EdgeFromOutKey(key) : EdgeFromInKey(key);
                    if (!edge) return Status::Corruption("the store holds a malformed edge key");
                    ++counts_.edges;
                    EdgeIds joined = Oriented({owner(edge->subject), edge->predicate, owner(edge->object)});
                    relations.insert(RelationKey{{std::move(joined.subject)}, std::move(joined.predicate),
                                                 {std::move(joined.object)}});
                    return Status::Ok();
                });
                if (!scanned.ok()) return scanned;
            }
        }
        return std::vector<RelationKey>(relations.begin(), relations.end());
    }

    Result<std::size_t> EdgeCount(const EntityKey& entity, std::size_t at_most) const override {
        Result<std::vector<std::string>> ids = IdsOf(entity);
        if (!ids.ok()) return ids.status();
        std::size_t count = 0;
        for (const std::string& id : *ids) {
            for (Cf cf : {Cf::kOutEdges, Cf::kInEdges}) {
                if (count >= at_most) return at_most;
                Status scanned = reader_.Scan(cf, KeyPrefix(id), [&](std::string_view, std::string_view) {
                    ++counts_.edges;
                    return ++count < at_most ? Status::Ok() : Status::Interrupted("counted enough");
                });
                if (!scanned.ok() && !scanned.IsInterrupted()) return scanned;
            }
        }
        return std::min(count, at_most);
    }

    // A relation is every stored edge between an id of its subject and an id
    // of its object; evidence of several edges is put in the order one edge
    // would have kept it in (its key after the edge: doc, start, ordinal).
    Result<std::vector<Evidence>> EvidenceOf(const RelationKey& relation) const override {
        Result<std::vector<std::string>> subjects = IdsOf(relation.subject);
        if (!subjects.ok()) return subjects.status();
        Result<std::vector<std::string>> objects = IdsOf(relation.object);
        if (!objects.ok()) return objects.status();
        std::set<EdgeIds> edges;
        for (const std::string& subject : *subjects) {
            for (const std::string& object : *objects) edges.insert(Oriented({subject, relation.predicate, object}));
        }
        std::vector<std::pair<std::string, Evidence>> placed;
        for (const EdgeIds& edge : edges) {
            Status scanned = reader_.Scan(Cf::kEvidence, KeyPrefix(OutEdgeKey(edge)),
                                          [&](std::string_view key, std::string_view value) {
                std::optional<EvidenceKeyParts> parts = SplitEvidenceKey(key);
                if (!parts) return Status::Corruption("the store holds a malformed evidence key");
                Result<Evidence> evidence = DecodeEvidence(value);
                if (!evidence.ok()) return evidence.status();
                ++counts_.evidence;
                placed.emplace_back(std::string(parts->place), std::move(*evidence));
                return Status::Ok();
            });
            if (!scanned.ok()) return scanned;
        }
        if (edges.size() > 1) {
            std::sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        }
        std::vector<Evidence> evidence;
        evidence.reserve(placed.size());
        for (auto& [place, item] : placed) evidence.push_back(std::move(item));
        return evidence;
    }

    Result<std::vector<NameMatch>> NamesLike(std::string_view name, std::size_t limit) const override {
        Result<std::vector<std::string>> names = NamesSharingGrams(db_, reader_, FoldName(name), limit, counts_.names);
        if (!names.ok()) return names.status();
        std::vector<NameMatch> matches;
        for (std::string& folded : *names) {
            Result<std::optional<std::string>> id = reader_.Get(Cf::kAliases, folded);
            if (!id.ok()) return id.status();
            // A name whose alias is gone (kept apart by a merged snapshot?) is no suggestion.
            if (*id) matches.push_back(NameMatch{std::move(folded), EntityKey{std::move(**id)}});
        }
        return matches;
    }

    Status ForEachEntity(const EntityVisitor& visit) const override {
        return reader_.Scan(Cf::kEntities, "", [&](std::string_view id, std::string_view record) {
            Result<Entity> entity = DecodeEntity(id, record);
            if (!entity.ok()) return entity.status();
            ++counts_.entities;
            return visit(EntityKey{std::string(id)}, *entity);
        });
    }

    Status ForEachDocument(DocumentOrder order, const DocumentVisitor& visit) const override {
        auto decoded = [&](std::string_view id, std::string_view record) {
            Result<DocumentInfo> document = DecodeDocumentInfo(id, record);
            if (!document.ok()) return document.status();
            return visit(*document);
        };
        if (order == DocumentOrder::kById) return reader_.Scan(Cf::kDocuments, "", decoded);
        // A source names one document and a document has one source
        // (docs/storage.md, invariant 7): the index of sources is the order.
        return reader_.Scan(Cf::kSources, "", [&](std::string_view source, std::string_view id) {
            Result<std::optional<std::string>> record = reader_.Get(Cf::kDocuments, id);
            if (!record.ok()) return record.status();
            if (!*record) return Status::Corruption("source " + std::string(source) + " names a document not stored");
            return decoded(id, **record);
        });
    }

    ReadCounts counts() const override { return counts_; }

private:
    Result<std::vector<std::string>> IdsOf(const EntityKey& entity) const {
        Result<std::vector<std::string>> ids = MergedInto(reader_, entity.id);
        if (ids.ok()) ids->insert(ids->begin(), entity.id);
        return ids;
    }

    // Loaded once, at the first scan of edges: an edge's end may be a merged
    // id, and only the `merged` keys say whose it is.
    Result<const std::map<std::string, std::string>*> MergedOwners() const {
        if (!merged_owners_) {
            Result<std::map<std::string, std::string>> owners = LoadMergedOwners(reader_);
            if (!owners.ok()) return owners.status();
            merged_owners_ = std::move(*owners);
        }
        return &*merged_owners_;
    }

    const Database& db_;
    const rocksdb::Snapshot* const snapshot_;
    const Reader reader_;
    mutable std::map<std::string, Entity> entities_;
    mutable std::optional<std::map<std::string, std::string>> merged_owners_;
    mutable ReadCounts counts_;
};

}  // namespace

std::unique_ptr<GraphSnapshot> NewGraphSnapshot(const Database& db, bool pin) {
    return std::make_unique<RocksGraphSnapshot>(db, pin);
}

namespace {

bool EndedByLeaving(std::string_view predicate) { return predicate == "customer-of" || predicate == "ceo-of"; }

using Ends = std::pair<std::string_view, std::string_view>;

// The `leaves` relation between each pair of ends that has one.
std::map<Ends, const Relation*> LeavingByEnds(const std::vector<Relation>& relations) {
    std::map<Ends, const Relation*> leaving;
    for (const Relation& relation : relations) {
        if (relation.predicate == "leaves") leaving.emplace(Ends{relation.subject, relation.object}, &relation);
    }
    return leaving;
}

// Only the sentences of one document have an order we know.
bool KnownAfter(const Evidence& later, const Evidence& earlier) {
    return later.doc == earlier.doc && later.start > earlier.start;
}

// Some assertion of the leaving is followed by no statement of the tie. A
// leaving only planned or rumoured ("will join Meta") ends nothing yet.
bool Ended(const Relation& tie, const Relation& leaving) {
    return std::any_of(leaving.evidence.begin(), leaving.evidence.end(), [&](const Evidence& left) {
        return left.modality.empty() && std::none_of(tie.evidence.begin(), tie.evidence.end(), [&](const Evidence& stated) {
                   return KnownAfter(stated, left);
               });
    });
}

}  // namespace

std::vector<std::size_t> EndingRelations(const std::vector<Relation>& relations) {
    const std::map<Ends, const Relation*> leaving = LeavingByEnds(relations);
    std::set<Ends> tied;
    for (const Relation& relation : relations) {
        if (EndedByLeaving(relation.predicate) && leaving.count({relation.subject, relation.object})) {
            tied.emplace(relation.subject, relation.object);
        }
    }
    std::vector<std::size_t> ending;
    for (std::size_t r = 0; r < relations.size(); ++r) {
        const Relation& relation = relations[r];
        const bool takes_part = EndedByLeaving(relation.predicate) || relation.predicate == "leaves";
        if (takes_part && tied.count({relation.subject, relation.object})) ending.push_back(r);
    }
    return ending;
}

void MarkEndedRelations(std::vector<Relation>& relations) {
    const std::map<Ends, const Relation*> leaving = LeavingByEnds(relations);
    for (Relation& relation : relations) {
        const auto left = leaving.find({relation.subject, relation.object});
        relation.ended = EndedByLeaving(relation.predicate) && left != leaving.end() && Ended(relation, *left->second);
    }
}

}  // namespace kgraph::graph
