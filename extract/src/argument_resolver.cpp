#include "argument_resolver.h"

#include <algorithm>

namespace kgraph::extract {
namespace {

// The entities of the names (not references) in items [begin, end).
void AppendNames(const SentenceItems& items, std::size_t begin, std::size_t end, std::vector<int>& out) {
    for (std::size_t i = begin; i < end; ++i) {
        if (items[i].IsMention() && !items[i].reference) out.push_back(items[i].entity);
    }
}

}  // namespace

std::vector<int> ArgumentResolver::RoleEntities(const SentenceView& view, const Rule& rule, const PatternMatch& match,
                                                int role, std::string* problem) const {
    const RoleSpan span = static_cast<std::size_t>(role) < match.roles.size() ? match.roles[static_cast<std::size_t>(role)] : RoleSpan{};
    if (span.bound()) return NamedEntities(view, match, span, problem);
    if (span.stated) {
        *problem = "role '" + roles_.Name(role) + "' names no entity";
        return {kUnresolved};
    }
    for (const auto& [implicit_role, filler] : rule.implicit_roles) {
        if (implicit_role != role) continue;
        const int entity = ImplicitEntity(view, match, filler);
        if (entity == kUnresolved) *problem = "no organization in context for implicit " + roles_.Name(role);
        return {entity};
    }
    *problem = "role '" + roles_.Name(role) + "' is not bound by the pattern";
    return {kUnresolved};
}

std::vector<int> ArgumentResolver::NamedEntities(const SentenceView& view, const PatternMatch& match, RoleSpan span,
                                                 std::string* problem) const {
    std::vector<int> in_match;
    AppendNames(view.items, match.begin, match.end, in_match);
    std::vector<int> entities;
    for (int i = span.first; i < span.end; ++i) {
        const SentenceItem& item = view.items[static_cast<std::size_t>(i)];
        if (!item.IsMention()) continue;
        if (!item.reference) {
            entities.push_back(item.entity);
            continue;
        }
        // A reference never stands for a name of the same statement:
        // in "Meta is one of its largest customers", "its" is not Meta. Nor
        // for a name the relations accepted so far typed otherwise: "Kostas
        // Manolakis founded Aegeon Ferries ... his daughter became its chief
        // executive" ("its" is no founder).
        const auto antecedent = std::find_if(item.candidates.begin(), item.candidates.end(), [&](int e) {
            const MentionType known = types_[static_cast<std::size_t>(e)];
            const bool contradicts = known != MentionType::kUnknown && item.type != MentionType::kUnknown && known != item.type;
            return !contradicts && std::find(in_match.begin(), in_match.end(), e) == in_match.end();
        });
        if (antecedent == item.candidates.end()) {
            *problem = "'" + item.word + "' refers to nothing named before";
            entities.push_back(kUnresolved);
        } else {
            entities.push_back(*antecedent);
        }
    }
    return entities;
}

int ArgumentResolver::ImplicitEntity(const SentenceView& view, const PatternMatch& match, ImplicitFiller filler) const {
    // An implicit argument is anything but the explicit ones; other names in
    // the match ("the largest customer of Scale AI") may be it.
    const std::vector<int> in_roles = RoleNames(view, match);
    switch (filler) {
        case ImplicitFiller::kTopic:
        case ImplicitFiller::kTopicElsewhere: {
            const int topic = filler == ImplicitFiller::kTopic
                                  ? document_.context.Topic(document_.text.sentences[view.sentence].line, in_roles)
                                  : document_.context.TopicElsewhere(view.sentence, in_roles);
            // The topic is a guess from the whole paragraph: a name of unknown
            // type there is as likely a place or a product as a company.
            if (topic >= 0 && types_[static_cast<std::size_t>(topic)] != MentionType::kOrganization) return kUnresolved;
            return topic;
        }
        case ImplicitFiller::kSentenceSubject: return document_.context.SentenceSubject(view.sentence, in_roles);
        case ImplicitFiller::kAffiliation: return kAwaitingAffiliation;
        case ImplicitFiller::kCounterpart: return kAwaitingCounterpart;
    }
    return kUnresolved;
}

std::vector<int> ArgumentResolver::RoleNames(const SentenceView& view, const PatternMatch& match) const {
    std::vector<int> names;
    for (const RoleSpan& bound : match.roles) {
        if (bound.bound()) AppendNames(view.items, static_cast<std::size_t>(bound.first), static_cast<std::size_t>(bound.end), names);
    }
    return names;
}

void ArgumentResolver::ResolveAffiliation(RelationCandidate& c, const Affiliations& affiliations) const {
    const auto [first, last] = affiliations.equal_range(c.subject);
    for (auto it = first; it != last && c.object == kAwaitingAffiliation; ++it) {
        const bool named = std::find(c.named_in_match.begin(), c.named_in_match.end(), it->second) != c.named_in_match.end();
        if (it->second != c.subject && !named && c.problem.empty()) c.object = it->second;
    }
    if (c.object == kAwaitingAffiliation) {
        c.problem = "no organization known for " + EntityLabel(document_.resolved, c.subject) + " in this document";
    }
}

}  // namespace kgraph::extract
