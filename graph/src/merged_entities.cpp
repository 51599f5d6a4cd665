#include "merged_entities.h"

namespace kgraph::graph {

Result<std::vector<std::string>> MergedInto(const Reader& reader, const std::string& id) {
    std::vector<std::string> merged;
    const std::string prefix = KeyPrefix(id);
    Status scanned = reader.Scan(Cf::kMerged, prefix, [&](std::string_view key, std::string_view) {
        merged.emplace_back(key.substr(prefix.size()));
        return Status::Ok();
    });
    if (!scanned.ok()) return scanned;
    return merged;
}

Status RecordMerge(const Reader& reader, BatchSink& batch, const std::string& merged, const std::string& kept) {
    Result<std::vector<std::string>> absorbed = MergedInto(reader, merged);
    if (!absorbed.ok()) return absorbed.status();
    for (const std::string& id : *absorbed) {
        batch.Delete(Cf::kMerged, MergedKey(merged, id));
        batch.Put(Cf::kMerged, MergedKey(kept, id), "");
    }
    Result<bool> holds = HoldsKeys(reader, merged);
    if (!holds.ok()) return holds.status();
    if (*holds) batch.Put(Cf::kMerged, MergedKey(kept, merged), "");
    return Status::Ok();
}

Result<bool> HoldsKeys(const Reader& reader, const std::string& id) {
    const std::string prefix = KeyPrefix(id);
    for (Cf cf : {Cf::kMentions, Cf::kOutEdges, Cf::kInEdges}) {
        Result<bool> found = reader.HasPrefix(cf, prefix);
        if (!found.ok() || *found) return found;
    }
    return false;
}

Result<std::map<std::string, std::string>> LoadMergedOwners(const Reader& reader) {
    std::map<std::string, std::string> owners;
    Status scanned = reader.Scan(Cf::kMerged, "", [&](std::string_view key, std::string_view) {
        const std::vector<std::string_view> parts = SplitKey(key);
        if (parts.size() != 2) return Status::Corruption("the store holds a malformed merged-entity key");
        auto [it, inserted] = owners.emplace(parts[1], parts[0]);
        if (!inserted) return Status::Corruption("entity #" + it->first + " is merged into two entities");
        return Status::Ok();
    });
    if (!scanned.ok()) return scanned;
    return owners;
}

Result<MergedIds> MergedIds::Load(const Reader& reader) {
    MergedIds ids;
    Result<std::map<std::string, std::string>> owners = LoadMergedOwners(reader);
    if (!owners.ok()) return owners.status();
    ids.entity_of_ = std::move(*owners);
    if (Status joined = ids.JoinEdges(reader); !joined.ok()) return joined;
    return ids;
}

const std::string& MergedIds::EntityOf(const std::string& id) const {
    auto merged = entity_of_.find(id);
    return merged == entity_of_.end() ? id : merged->second;
}

EdgeIds MergedIds::EdgeOf(const EdgeIds& edge) const {
    return Oriented({EntityOf(edge.subject), edge.predicate, EntityOf(edge.object)});
}

Status MergedIds::JoinEdges(const Reader& reader) {
    for (const auto& [id, entity] : entity_of_) {
        if (Status scanned = CollectEdges(reader, id, edges_of_merged_ids_); !scanned.ok()) return scanned;
    }
    for (const EdgeIds& edge : edges_of_merged_ids_) joined_edges_.insert(EdgeOf(edge));
    return Status::Ok();
}

}  // namespace kgraph::graph
