// Which entity mentions, across documents, denote the same entity, and what
// that entity is called. A pure function of the set of mentions, so the store
// gives the same answer whatever order the documents arrived in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/model.h"

namespace kgraph::graph {

// An entity as one document listed it.
struct Mention {
    std::string_view doc;
    const Entity* entity;
};

struct Resolution {
    std::vector<Entity> entities;       // sorted by name
    std::vector<std::size_t> entity_of;  // per mention: index into `entities`
};

// Mentions sharing a match key (see MatchKeys) are one entity, transitively.
// Its name is the name the most documents used as Entity::name (ties: the
// longer, then the bytewise smaller); its type the one the most documents
// gave it (ties: Organization); its aliases every other name and alias seen.
Resolution ResolveEntities(const std::vector<Mention>& mentions);

// FoldName of the entity's name and non-empty aliases, without duplicates.
std::vector<std::string> MatchKeys(const Entity& entity);

}  // namespace kgraph::graph
