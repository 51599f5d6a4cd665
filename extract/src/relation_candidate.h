// One relation a rule match states, before it is judged: what the argument
// resolver, the attribute finder and the fact assembler hand along.
#pragma once

#include <string>
#include <vector>

#include "kgraph/model.h"
#include "mention_resolver.h"
#include "rule_set.h"

namespace kgraph::extract {

// Entity numbers that stand for no entity (yet).
inline constexpr int kUnresolved = -1;
// An implicit organization known only once the whole document is read.
inline constexpr int kAwaitingAffiliation = -2;
// The other end of a relation the document states elsewhere (ImplicitFiller::kCounterpart).
inline constexpr int kAwaitingCounterpart = -3;

struct RelationCandidate {
    const Rule* rule = nullptr;
    const Emission* emission = nullptr;
    std::size_t sentence = 0;
    int subject = kUnresolved, object = kUnresolved;  // entity numbers
    Evidence evidence;    // attributes, modality, rule and confidence
    // For an object awaiting the subject's affiliation: the entities the
    // match's roles name, which it cannot be ("joined Kestrel Energy, where
    // she became CEO" leaves no Kestrel Energy).
    std::vector<int> named_in_match;
    std::string problem;  // why it cannot be a relation, when it cannot
};

// An entity's name in explanations; "?" for one not resolved.
inline std::string EntityLabel(const ResolvedMentions& resolved, int entity) {
    return entity >= 0 ? resolved.entities[static_cast<std::size_t>(entity)].name : "?";
}

// The type an entity is stored with: a name whose type nothing told is an
// organization.
inline EntityType FinalType(MentionType type) {
    return type == MentionType::kPerson ? EntityType::kPerson : EntityType::kOrganization;
}

}  // namespace kgraph::extract
