#include "entity_resolution.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "name_folding.h"

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

// Documents per name and per type among one entity's mentions: each document
// votes once, however often it lists the entity.
struct Votes {
    std::map<std::string, std::set<std::string_view>> name_docs;
    std::set<std::string_view> organization_docs, person_docs;
    std::set<std::string> surface_forms;

    void Add(const Mention& mention) {
        const Entity& entity = *mention.entity;
        name_docs[entity.name].insert(mention.doc);
        (entity.type == EntityType::kPerson ? person_docs : organization_docs).insert(mention.doc);
        surface_forms.insert(entity.name);
        for (const std::string& alias : entity.aliases) {
            if (!alias.empty()) surface_forms.insert(alias);
        }
    }

    Entity Elect() const {
        Entity entity;
        // max_element over a map visits names in ascending order, so strict
        // comparison keeps the bytewise smaller name on a full tie.
        auto best = std::max_element(name_docs.begin(), name_docs.end(), [](const auto& a, const auto& b) {
            return std::make_tuple(a.second.size(), a.first.size()) < std::make_tuple(b.second.size(), b.first.size());
        });
        entity.name = best->first;
        entity.type = person_docs.size() > organization_docs.size() ? EntityType::kPerson : EntityType::kOrganization;
        for (const std::string& form : surface_forms) {
            if (form != entity.name) entity.aliases.push_back(form);
        }
        return entity;
    }
};

}  // namespace

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
    std::map<std::size_t, Votes> votes_by_root;
    for (std::size_t i = 0; i < mentions.size(); ++i) votes_by_root[sets.Find(i)].Add(mentions[i]);

    std::map<std::size_t, Entity> entity_by_root;
    for (const auto& [root, votes] : votes_by_root) entity_by_root.emplace(root, votes.Elect());
    Resolution resolution;
    for (const auto& [root, entity] : entity_by_root) resolution.entities.push_back(entity);
    std::sort(resolution.entities.begin(), resolution.entities.end(),
              [](const Entity& a, const Entity& b) { return a.name < b.name; });
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const std::string& name = entity_by_root.at(sets.Find(i)).name;
        auto it = std::lower_bound(resolution.entities.begin(), resolution.entities.end(), name,
                                   [](const Entity& e, const std::string& n) { return e.name < n; });
        resolution.entity_of.push_back(static_cast<std::size_t>(it - resolution.entities.begin()));
    }
    return resolution;
}

}  // namespace kgraph::graph
