// Which entity mentions, across documents, denote the same entity, and what
// that entity is called. A pure function of the set of mentions, so the store
// gives the same answer whatever order the documents arrived in.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/model.h"

namespace kgraph::graph {

// What the mentions of one entity say about it. Votes of disjoint sets of
// mentions add up, which lets the store add a document to a stored entity
// without reading the documents that mention it already.
struct EntityVotes {
    std::map<std::string, std::size_t> name_documents;  // Entity::name -> documents using it
    std::size_t organization_mentions = 0;
    std::size_t person_mentions = 0;
    std::map<std::string, std::size_t> surface_forms;  // name or alias -> documents using it
    // The match keys of each mention that has several (which is what joins
    // keys into one entity) -> documents with such a mention.
    std::map<std::vector<std::string>, std::size_t> joined_keys;

    // The votes of one document's mentions (all of which denote this entity).
    static EntityVotes OfDocument(const std::vector<const Entity*>& mentions);
    void Add(const EntityVotes& other);
    // Takes back votes that were added: removing a document subtracts its
    // OfDocument. Counts that reach zero disappear.
    void Subtract(const EntityVotes& other);
    // FoldName of every surface form: the alias keys of the entity.
    std::set<std::string> FormKeys() const;
    // Whether FormKeys are one entity, joined by the mentions that remain
    // (after a Subtract, they may not be).
    bool KeysConnected() const;
    std::size_t Mentions() const { return organization_mentions + person_mentions; }

    // Name: the one most documents use (ties: the longer, then the bytewise
    // smaller); type: the one most mentions give (ties: Organization);
    // aliases: the other surface forms, sorted.
    Entity Elect() const;

    friend bool operator==(const EntityVotes&, const EntityVotes&) = default;
};

// An entity as one document listed it.
struct Mention {
    std::string_view doc;
    const Entity* entity;
};

struct Resolution {
    std::vector<Entity> entities;        // sorted by name
    std::vector<EntityVotes> votes;      // per entity
    std::vector<std::size_t> entity_of;  // per mention: index into `entities`
};

// Mentions sharing a match key (see MatchKeys) are one entity, transitively.
Resolution ResolveEntities(const std::vector<Mention>& mentions);

// FoldName of the entity's name and non-empty aliases, without duplicates.
std::vector<std::string> MatchKeys(const Entity& entity);

}  // namespace kgraph::graph
