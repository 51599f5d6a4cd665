#include "check.h"

#include <map>
#include <set>
#include <string>

#include "keys.h"
#include "kgraph/model.h"
#include "kgraph/name_folding.h"
#include "records.h"

namespace kgraph::graph {
namespace {

// Invariants:
//  1. every out-edge has its in-edge twin and the other way round;
//  2. every edge has at least one piece of evidence, and every piece of
//     evidence has its edge;
//  3. edge endpoints are stored or merged entities; symmetric edges have
//     subject id <= object id (equal when a merge joined both ends);
//  4. every piece of evidence names a stored document, which mentions the
//     entities of both its ends (a removal finds the evidence through them);
//  5. every alias points to a stored entity, an entity's record is readable,
//     and the name it elects is an alias of it;
//  6. every entity is mentioned by a stored document (under its own id or a
//     merged one), and every mention names a stored or merged entity and a
//     stored document;
//  7. sources and documents agree both ways;
//  8. each document contributed as many pieces of evidence as its facts hold;
//  9. every entity id is well formed and below the next id to be given;
// 10. every merged id is merged into one stored entity, is not itself a
//     stored entity, is below the next id, and still holds a mention or an
//     edge.
class InvariantCheck {
public:
    explicit InvariantCheck(const Reader& reader) : reader_(reader) {}

    Result<CheckReport> Run() {
        if (Status loaded = Load(); !loaded.ok()) return loaded;
        CheckEdges();
        CheckEvidence();
        CheckEntities();
        CheckEntityIds();
        CheckMergedIds();
        CheckDocuments();
        return std::move(report_);
    }

private:
    // An entity's name where its record is readable, else its id. A merged
    // id is named after the entity it is part of.
    std::string Label(const std::string& id) const {
        auto entity = entities_.find(EntityOf(id));
        return entity == entities_.end() || entity->second.empty() ? "#" + id : entity->second;
    }
    const std::string& EntityOf(const std::string& id) const {
        auto merged = merged_into_.find(id);
        return merged == merged_into_.end() ? id : merged->second;
    }
    bool IsStoredOrMerged(const std::string& id) const { return entities_.count(id) || merged_into_.count(id); }
    std::string Describe(const EdgeIds& edge) const {
        return "relation " + Label(edge.subject) + " " + edge.predicate + " " + Label(edge.object);
    }
    void Problem(std::string text) { report_.problems.push_back(std::move(text)); }

    Status Load() {
        Status read = reader_.Scan(Cf::kDocuments, "", [&](std::string_view key, std::string_view value) {
            Result<DocumentFacts> facts = DecodeDocument(key, value);
            if (!facts.ok()) {
                Problem(facts.status().message());
            } else {
                std::size_t evidence = 0;
                for (const Relation& relation : facts->relations) evidence += relation.evidence.size();
                documents_[std::string(key)] = {facts->source, evidence};
            }
            return Status::Ok();
        });
        if (read.ok()) read = LoadPairs(Cf::kMeta, meta_);
        if (read.ok()) read = LoadPairs(Cf::kSources, sources_);
        if (read.ok()) read = LoadPairs(Cf::kAliases, aliases_);
        if (read.ok()) read = LoadEntities();
        if (read.ok()) read = LoadKeys(Cf::kMentions, mentions_);
        if (read.ok()) read = LoadKeys(Cf::kOutEdges, out_edges_);
        if (read.ok()) read = LoadKeys(Cf::kInEdges, in_edges_);
        if (read.ok()) read = LoadMerged();
        if (read.ok()) IndexMentionsByEntity();
        if (read.ok()) read = LoadEvidence();
        return read;
    }

    void IndexMentionsByEntity() {
        for (const std::string& key : mentions_) {
            const std::vector<std::string_view> parts = SplitKey(key);
            if (parts.size() == 2) entity_mentions_.emplace(EntityOf(std::string(parts[0])), parts[1]);
        }
    }

    Status LoadKeys(Cf cf, std::set<std::string>& keys) {
        return reader_.Scan(cf, "", [&](std::string_view key, std::string_view) {
            keys.emplace(key);
            return Status::Ok();
        });
    }
    Status LoadPairs(Cf cf, std::map<std::string, std::string>& pairs) {
        return reader_.Scan(cf, "", [&](std::string_view key, std::string_view value) {
            pairs.emplace(key, value);
            return Status::Ok();
        });
    }

    Status LoadEntities() {
        return reader_.Scan(Cf::kEntities, "", [&](std::string_view key, std::string_view value) {
            Result<Entity> entity = DecodeEntity(key, value);
            if (!entity.ok()) Problem(entity.status().message());
            entities_.emplace(key, entity.ok() ? entity->name : "");
            return Status::Ok();
        });
    }

    Status LoadMerged() {
        return reader_.Scan(Cf::kMerged, "", [&](std::string_view key, std::string_view) {
            const std::vector<std::string_view> parts = SplitKey(key);
            if (parts.size() != 2) {
                Problem("a merged entity has a malformed key");
            } else if (auto [it, inserted] = merged_into_.emplace(parts[1], parts[0]); !inserted) {
                Problem("entity #" + it->first + " is merged into two entities, #" + it->second + " and #" + std::string(parts[0]));
            }
            return Status::Ok();
        });
    }

    Status LoadEvidence() {
        return reader_.Scan(Cf::kEvidence, "", [&](std::string_view key, std::string_view value) {
            std::optional<EvidenceKeyParts> parts = SplitEvidenceKey(key);
            if (!parts) {
                Problem("a piece of evidence has a malformed key");
                return Status::Ok();
            }
            if (!DecodeEvidence(value).ok()) Problem(Describe(parts->edge) + " has unreadable evidence");
            for (const std::string* end : {&parts->edge.subject, &parts->edge.object}) {
                if (documents_.count(parts->doc) && !entity_mentions_.count({EntityOf(*end), parts->doc})) {
                    Problem(Describe(parts->edge) + " has evidence from document " + parts->doc + ", which does not mention " + Label(*end));
                }
            }
            ++evidence_per_edge_[OutEdgeKey(parts->edge)];
            ++evidence_per_document_[parts->doc];
            return Status::Ok();
        });
    }

    void CheckEdges() {
        for (const std::string& key : out_edges_) {
            std::optional<EdgeIds> edge = EdgeFromOutKey(key);
            if (!edge) {
                Problem("an out-edge has a malformed key");
                continue;
            }
            if (!in_edges_.count(InEdgeKey(*edge))) Problem(Describe(*edge) + " has no in-edge entry");
            if (!evidence_per_edge_.count(key)) Problem(Describe(*edge) + " has no evidence");
            for (const std::string* end : {&edge->subject, &edge->object}) {
                edge_ends_.insert(*end);
                if (!IsStoredOrMerged(*end)) Problem(Describe(*edge) + " names entity #" + *end + ", which is not stored");
            }
            if (IsSymmetricPredicate(edge->predicate) && edge->object < edge->subject) {
                Problem(Describe(*edge) + " is symmetric but not stored with subject id <= object id");
            }
        }
        for (const std::string& key : in_edges_) {
            std::optional<EdgeIds> edge = EdgeFromInKey(key);
            if (!edge) Problem("an in-edge has a malformed key");
            else if (!out_edges_.count(OutEdgeKey(*edge))) Problem(Describe(*edge) + " has an in-edge entry but no out-edge");
        }
    }

    void CheckEvidence() {
        for (const auto& [key, count] : evidence_per_edge_) {
            if (!out_edges_.count(key)) Problem(Describe(*EdgeFromOutKey(key)) + " has evidence but no out-edge");
        }
        for (const auto& [doc, count] : evidence_per_document_) {
            if (!documents_.count(doc)) Problem("evidence names document " + doc + ", which is not stored");
        }
    }

    void CheckEntities() {
        for (const auto& [key, entity] : aliases_) {
            if (!entities_.count(entity)) Problem("alias '" + key + "' points to entity #" + entity + ", which is not stored");
        }
        std::set<std::string> mentioned;
        for (const std::string& key : mentions_) {
            const std::vector<std::string_view> parts = SplitKey(key);
            if (parts.size() != 2) {
                Problem("a mention has a malformed key");
                continue;
            }
            const std::string id(parts[0]), doc(parts[1]);
            mentioned.insert(id);
            mentioned.insert(EntityOf(id));
            if (!IsStoredOrMerged(id)) Problem("a mention names entity #" + id + ", which is not stored");
            if (!documents_.count(doc)) Problem("entity " + Label(id) + " is mentioned by document " + doc + ", which is not stored");
        }
        for (const auto& [id, name] : entities_) {
            if (name.empty()) continue;  // unreadable, reported
            auto alias = aliases_.find(FoldName(name));
            if (alias == aliases_.end() || alias->second != id) Problem("entity " + name + " is not found by its own name");
            if (!mentioned.count(id)) Problem("entity " + name + " is mentioned by no stored document");
        }
        for (const auto& [id, entity] : merged_into_) {
            if (!mentioned.count(id) && !edge_ends_.count(id)) Problem("merged entity #" + id + " holds no mention and no edge");
        }
    }

    void CheckEntityIds() {
        if (entities_.empty()) return;
        auto stored = meta_.find(std::string(kNextEntityIdKey));
        next_id_ = stored == meta_.end() ? std::nullopt : ParseEntityId(stored->second);
        if (!next_id_) Problem("the store holds entities but no readable next entity id");
        for (const auto& [id, name] : entities_) CheckEntityId(id);
    }

    void CheckEntityId(const std::string& id) {
        const std::optional<std::uint64_t> number = ParseEntityId(id);
        if (!number) Problem("an entity has the malformed id '" + id + "'");
        else if (next_id_ && *number >= *next_id_) Problem("entity " + Label(id) + " has id " + id + ", not below the next id " + std::to_string(*next_id_));
    }

    void CheckMergedIds() {
        for (const auto& [id, entity] : merged_into_) {
            if (!entities_.count(entity)) Problem("entity #" + id + " is merged into entity #" + entity + ", which is not stored");
            if (entities_.count(id)) Problem("entity #" + id + " is both stored and merged into #" + entity);
            CheckEntityId(id);
        }
    }

    void CheckDocuments() {
        for (const auto& [source, doc] : sources_) {
            auto it = documents_.find(doc);
            if (it == documents_.end()) Problem("source " + source + " points to document " + doc + ", which is not stored");
            else if (it->second.source != source) Problem("source " + source + " points to document " + doc + " of another source");
        }
        for (const auto& [doc, info] : documents_) {
            auto source = sources_.find(info.source);
            if (source == sources_.end() || source->second != doc) {
                Problem("document " + doc + " is not indexed under its source " + info.source);
            }
            auto stored = evidence_per_document_.find(doc);
            const std::size_t count = stored == evidence_per_document_.end() ? 0 : stored->second;
            if (count != info.evidence) {
                Problem("document " + doc + " has " + std::to_string(count) + " pieces of evidence stored, its facts hold " +
                        std::to_string(info.evidence));
            }
        }
    }

    struct DocumentSummary {
        std::string source;
        std::size_t evidence = 0;
    };

    const Reader& reader_;
    CheckReport report_;
    std::map<std::string, DocumentSummary> documents_;
    std::map<std::string, std::string> meta_, sources_, aliases_;
    std::map<std::string, std::string> entities_;  // id -> elected name, empty when unreadable
    std::map<std::string, std::string> merged_into_;  // merged id -> the entity it is part of
    std::set<std::pair<std::string, std::string>> entity_mentions_;  // (entity, doc), merged ids mapped
    std::set<std::string> edge_ends_;  // ids
    std::optional<std::uint64_t> next_id_;
    std::set<std::string> mentions_, out_edges_, in_edges_;
    std::map<std::string, std::size_t> evidence_per_edge_, evidence_per_document_;
};

}  // namespace

Result<CheckReport> CheckInvariants(const Reader& reader) { return InvariantCheck(reader).Run(); }

}  // namespace kgraph::graph
