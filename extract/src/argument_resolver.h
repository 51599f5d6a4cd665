// The argument stage: the entities a matched rule's roles stand for. A role
// span gives its names (several for a coordination) and its references, each
// taken to its best antecedent outside the match; a role the sentence leaves
// implicit is filled as the rule says: the paragraph's topic organization,
// the sentence's first organization, or (for people who leave a company) the
// organization the document says the subject belongs to.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document_annotator.h"
#include "relation_candidate.h"
#include "relation_pattern.h"
#include "rule_set.h"
#include "sentence_view.h"

namespace kgraph::extract {

// Person -> organization, from the accepted relations whose type affiliates.
using Affiliations = std::multimap<int, int>;

class ArgumentResolver {
public:
    // `types`: every entity's type as known so far (refined while relations
    // are accepted), read at each call. All must outlive the resolver.
    ArgumentResolver(const RoleTable& roles, const AnnotatedDocument& document, const std::vector<MentionType>& types)
        : roles_(roles), document_(document), types_(types) {}

    // The entities `role` of `match` stands for: entity numbers, kUnresolved
    // (with `*problem` saying why), kAwaitingAffiliation (see below) or
    // kAwaitingCounterpart (FactAssembler::Confirm).
    std::vector<int> RoleEntities(const SentenceView& view, const Rule& rule, const PatternMatch& match, int role,
                                  std::string* problem) const;

    // The entities of the names (not references) in `match`'s bound roles.
    std::vector<int> RoleNames(const SentenceView& view, const PatternMatch& match) const;

    // Fills the object of a candidate that awaited its subject's affiliation,
    // once all of the document's affiliations are known: "Wang has switched to
    // Meta" leaves the organization Wang led before. Sets the problem when
    // the document names none.
    void ResolveAffiliation(RelationCandidate& candidate, const Affiliations& affiliations) const;

private:
    std::vector<int> NamedEntities(const SentenceView& view, const PatternMatch& match, RoleSpan span,
                                   std::string* problem) const;
    int ImplicitEntity(const SentenceView& view, const PatternMatch& match, ImplicitFiller filler) const;

    const RoleTable& roles_;
    const AnnotatedDocument& document_;
    const std::vector<MentionType>& types_;
};

}  // namespace kgraph::extract
