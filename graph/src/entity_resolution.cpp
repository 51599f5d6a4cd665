#include "entity_resolution.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>

#include "kgraph/name_folding.h"

namespace kgraph::graph {
namespace {

class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t Find(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void Join(std::size_t a, std::size_t b) { parent_[Find(a)] = Find(b); }

private:
    std::vector<std::size_t> parent_;
};

}  // namespace

EntityVotes EntityVotes::OfDocument(const std::vector<const Entity*>& mentions) {
    EntityVotes votes;
    for (const Entity* entity : mentions) {
        votes.name_documents[entity->name] = 1;  // once per document, however often listed
        ++(entity->type == EntityType::kPerson ? votes.person_mentions : votes.organization_mentions);
        if (std::vector<std::string> keys = MatchKeys(*entity); keys.size() > 1) votes.joined_keys[std::move(keys)] = 1;
        votes.surface_forms[entity->name] = 1;
        for (const std::string& alias : entity->aliases) {
            if (!alias.empty()) votes.surface_forms[alias] = 1;
        }
    }
    return votes;
}

void EntityVotes::Add(const EntityVotes& other) {
    for (const auto& [name, documents] : other.name_documents) name_documents[name] += documents;
    organization_mentions += other.organization_mentions;
    person_mentions += other.person_mentions;
    for (const auto& [form, documents] : other.surface_forms) surface_forms[form] += documents;
    for (const auto& [keys, documents] : other.joined_keys) joined_keys[keys] += documents;
}

namespace {

template <typename Key>
void SubtractCounts(std::map<Key, std::size_t>& counts, const std::map<Key, std::size_t>& taken) {
    for (const auto& [key, count] : taken) {
        auto it = counts.find(key);
        if (it == counts.end()) continue;
        it->second -= std::min(it->second, count);
        if (it->second == 0) counts.erase(it);
    }
}

}  // namespace

void EntityVotes::Subtract(const EntityVotes& other) {
    SubtractCounts(name_documents, other.name_documents);
    SubtractCounts(surface_forms, other.surface_forms);
    SubtractCounts(joined_keys, other.joined_keys);
    organization_mentions -= std::min(organization_mentions, other.organization_mentions);
    person_mentions -= std::min(person_mentions, other.person_mentions);
}

std::set<std::string> EntityVotes::FormKeys() const {
    std::set<std::string> keys;
    for (const auto& [form, documents] : surface_forms) keys.insert(FoldName(form));
    return keys;
}

bool EntityVotes::KeysConnected() const {
    std::map<std::string, std::size_t> index;
    for (const std::string& key : FormKeys()) index.emplace(key, index.size());
    DisjointSets sets(index.size());
    for (const auto& [keys, documents] : joined_keys) {
        for (const std::string& key : keys) {
            auto joined = index.find(key), first = index.find(keys.front());
            if (joined == index.end() || first == index.end()) return false;  // inconsistent votes: rebuild
            sets.Join(joined->second, first->second);
        }
    }
    std::set<std::size_t> roots;
    for (std::size_t i = 0; i < index.size(); ++i) roots.insert(sets.Find(i));
    return roots.size() <= 1;
}

Entity EntityVotes::Elect() const {
    Entity entity;
    // max_element over a map visits names in ascending order, so strict
    // comparison keeps the bytewise smaller name on a full tie.
    auto best = std::max_element(name_documents.begin(), name_documents.end(), [](const auto& a, const auto& b) {
        return std::make_tuple(a.second, a.first.size()) < std::make_tuple(b.second, b.first.size());
    });
    if (best != name_documents.end()) entity.name = best->first;
    entity.type = person_mentions > organization_mentions ? EntityType::kPerson : EntityType::kOrganization;
    for (const auto& [form, documents] : surface_forms) {
        if (form != entity.name) entity.aliases.push_back(form);
    }
    return entity;
}

std::vector<std::string> MatchKeys(const Entity& entity) {
    std::vector<std::string> keys = {FoldName(entity.name)};
    for (const std::string& alias : entity.aliases) {
        if (!alias.empty()) keys.push_back(FoldName(alias));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

Resolution ResolveEntities(const std::vector<Mention>& mentions) {
    DisjointSets sets(mentions.size());
    std::map<std::string, std::size_t> first_with_key;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        for (const std::string& key : MatchKeys(*mentions[i].entity)) {
            auto [it, inserted] = first_with_key.emplace(key, i);
            if (!inserted) sets.Join(i, it->second);
        }
    }
    // root -> document -> that document's mentions of the entity
    std::map<std::size_t, std::map<std::string_view, std::vector<const Entity*>>> grouped;
    for (std::size_t i = 0; i < mentions.size(); ++i) grouped[sets.Find(i)][mentions[i].doc].push_back(mentions[i].entity);

    std::map<std::string, EntityVotes> votes_by_name;  // sorted by the elected name
    std::map<std::size_t, std::string> name_of_root;
    for (const auto& [root, documents] : grouped) {
        EntityVotes votes;
        for (const auto& [doc, entities] : documents) votes.Add(EntityVotes::OfDocument(entities));
        std::string name = votes.Elect().name;
        name_of_root[root] = name;
        votes_by_name.emplace(std::move(name), std::move(votes));
    }
    Resolution resolution;
    std::map<std::string, std::size_t> index_of_name;
    for (const auto& [name, votes] : votes_by_name) {
        index_of_name[name] = resolution.entities.size();
        resolution.entities.push_back(votes.Elect());
        resolution.votes.push_back(votes);
    }
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        resolution.entity_of.push_back(index_of_name.at(name_of_root.at(sets.Find(i))));
    }
    return resolution;
}

}  // namespace kgraph::graph
