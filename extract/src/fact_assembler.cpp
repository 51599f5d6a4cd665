#include "fact_assembler.h"

#include <algorithm>
#include <unordered_set>

namespace kgraph::extract {
namespace {

bool Allows(const std::vector<EntityType>& allowed, MentionType type) {
    return type == MentionType::kUnknown ||
           std::find(allowed.begin(), allowed.end(), FinalType(type)) != allowed.end();
}

std::string TypeNames(const std::vector<EntityType>& types) {
    std::string out;
    for (const EntityType t : types) out += (out.empty() ? "" : " or ") + std::string(EntityTypeName(t));
    return out;
}

// Keeps the attributes of `from` that `into` lacks (two rules, one sentence).
void FillMissing(Evidence& into, const Evidence& from) {
    if (!into.amount) into.amount = from.amount;
    if (!into.percent) into.percent = from.percent;
    if (!into.date) into.date = from.date;
}

}  // namespace

// "UCLA", "MD", "Commerce", "Rolling Stone": a name of no known type that
// is written in capitals or made of English words only is not a person's,
// whatever place in a relation it takes. The entity, or -1.
int FactAssembler::UntypedNameNoPerson(const RelationCandidate& c, MentionType subject_type,
                                       MentionType object_type) const {
    const RelationType& type = *c.emission->type;
    const auto unlikely_person = [&](int entity) {
        const DocumentEntity& e = document_.resolved.entities[static_cast<std::size_t>(entity)];
        return !e.confident || std::none_of(e.name.begin(), e.name.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    };
    const auto person_only = [](const std::vector<EntityType>& allowed) {
        return allowed.size() == 1 && allowed[0] == EntityType::kPerson;
    };
    if (subject_type == MentionType::kUnknown && person_only(type.domain) && unlikely_person(c.subject)) return c.subject;
    if (object_type == MentionType::kUnknown && person_only(type.range) && unlikely_person(c.object)) return c.object;
    return -1;
}

FactAssembler::FactAssembler(const AnnotatedDocument& document, ExplanationLog& log) : document_(document), log_(log) {
    types_.reserve(document.resolved.entities.size());
    for (const DocumentEntity& e : document.resolved.entities) types_.push_back(e.type);
}

void FactAssembler::Judge(const RelationCandidate& c) {
    if (!c.problem.empty()) return Reject(c, c.problem);
    if (c.subject == c.object) return Reject(c, "same entity on both sides");
    const RelationType& type = *c.emission->type;
    MentionType& subject_type = types_[static_cast<std::size_t>(c.subject)];
    MentionType& object_type = types_[static_cast<std::size_t>(c.object)];
    if (!Allows(type.domain, subject_type) || !Allows(type.range, object_type)) {
        ++counts_.rejected_by_schema;
        const bool subject_wrong = !Allows(type.domain, subject_type);
        const MentionType wrong = subject_wrong ? subject_type : object_type;
        return Reject(c, std::string("schema: ") + type.name + (subject_wrong ? " subject" : " object") + " must be " +
                             TypeNames(subject_wrong ? type.domain : type.range) + ", " +
                             EntityLabel(document_.resolved, subject_wrong ? c.subject : c.object) + " is " +
                             std::string(EntityTypeName(FinalType(wrong))));
    }
    if (const int not_person = UntypedNameNoPerson(c, subject_type, object_type); not_person >= 0) {
        ++counts_.rejected_by_schema;
        return Reject(c, "schema: " + type.name + " needs a person, and " + EntityLabel(document_.resolved, not_person) +
                             ", a name in capitals or of common words, is none");
    }
    // A name of unknown type takes the type its first relation requires.
    if (subject_type == MentionType::kUnknown && type.domain.size() == 1) {
        subject_type = type.domain[0] == EntityType::kPerson ? MentionType::kPerson : MentionType::kOrganization;
    }
    if (object_type == MentionType::kUnknown && type.range.size() == 1) {
        object_type = type.range[0] == EntityType::kPerson ? MentionType::kPerson : MentionType::kOrganization;
    }
    Accept(c);
}

void FactAssembler::Confirm(RelationCandidate c) {
    const RelationType& type = *c.emission->type;
    if (c.problem.empty() && !c.evidence.amount && !c.evidence.percent) {
        c.problem = "a confirming statement without an amount or a percentage adds nothing";
    }
    // One end named, the other awaited: "the $100 billion deal with Nvidia".
    const bool subject_awaited = c.subject == kAwaitingCounterpart;
    if (c.problem.empty() && (subject_awaited || c.object == kAwaitingCounterpart)) {
        const int named = subject_awaited ? c.object : c.subject;
        const std::vector<int> partners = named >= 0 ? Partners(named, type) : std::vector<int>{};
        if (partners.size() == 1) {
            (subject_awaited ? c.subject : c.object) = partners[0];
        } else {
            c.problem = "no single " + type.name + " relation of " + EntityLabel(document_.resolved, named) +
                        " known in this document";
        }
    }
    if (c.problem.empty() && !Stated(c.subject, type, c.object)) {
        if (Stated(c.object, type, c.subject)) {
            std::swap(c.subject, c.object);
        } else {
            c.problem = "confirms no relation the document states";
        }
    }
    Judge(c);
}

bool FactAssembler::Stated(int subject, const RelationType& type, int object) const {
    return stated_.count({subject, &type, object}) > 0;
}

std::vector<int> FactAssembler::Partners(int entity, const RelationType& type) const {
    std::vector<int> partners;
    for (const auto& [subject, stated_type, object] : stated_) {
        if (stated_type != &type || (subject != entity && object != entity)) continue;
        const int partner = subject == entity ? object : subject;
        if (std::find(partners.begin(), partners.end(), partner) == partners.end()) partners.push_back(partner);
    }
    return partners;
}

void FactAssembler::Accept(const RelationCandidate& c) {
    const RelationType& type = *c.emission->type;
    stated_.emplace(c.subject, &type, c.object);
    if (type.affiliates) affiliations_.emplace(c.subject, c.object);
    const std::vector<DocumentEntity>& entities = document_.resolved.entities;
    std::string subject = entities[static_cast<std::size_t>(c.subject)].name;
    std::string object = entities[static_cast<std::size_t>(c.object)].name;
    if (type.symmetric && object < subject) std::swap(subject, object);

    const Document& document = document_.document;
    const Sentence& s = document_.text.sentences[c.sentence];
    Evidence evidence = c.evidence;
    evidence.doc = document.id;
    evidence.source = document.source;
    evidence.sentence = document.text.substr(s.begin, s.end - s.begin);
    evidence.start = s.begin;
    evidence.end = s.end;
    evidence.chars = CodePointSpan{s.char_begin, s.char_end};

    const auto key = std::make_tuple(subject, type.name, object);
    auto [it, inserted] = relation_index_.emplace(key, relations_.size());
    if (inserted) relations_.push_back({subject, type.name, object, {}, false});
    std::vector<Evidence>& all = relations_[it->second].evidence;
    const auto same_sentence = std::find_if(all.begin(), all.end(), [&](const Evidence& e) { return e.start == s.begin; });
    if (same_sentence == all.end()) {
        all.push_back(std::move(evidence));
        ++counts_.relations;
    } else if (evidence.confidence > same_sentence->confidence) {
        FillMissing(evidence, *same_sentence);
        *same_sentence = std::move(evidence);
    } else {
        FillMissing(*same_sentence, evidence);
    }
    if (SentenceExplanation* e = log_.Of(c.sentence)) e->accepted.push_back(Describe(c));
}

void FactAssembler::Reject(const RelationCandidate& c, const std::string& why) {
    if (SentenceExplanation* e = log_.Of(c.sentence)) e->rejected.push_back(Describe(c) + ": " + why);
}

std::string FactAssembler::Describe(const RelationCandidate& c) const {
    std::string out = EntityLabel(document_.resolved, c.subject) + " " + c.emission->type->name + " " +
                      EntityLabel(document_.resolved, c.object);
    if (!c.evidence.modality.empty()) out += " (" + c.evidence.modality + ")";
    return out + " [rule " + c.rule->name + "]";
}

DocumentFacts FactAssembler::Assemble() const {
    DocumentFacts facts;
    facts.doc = document_.document.id;
    facts.source = document_.document.source;
    facts.metadata = document_.document.metadata;
    std::unordered_set<std::string> related;
    for (const Relation& r : relations_) {
        related.insert(r.subject);
        related.insert(r.object);
    }
    const std::vector<DocumentEntity>& entities = document_.resolved.entities;
    for (std::size_t e = 0; e < entities.size(); ++e) {
        const DocumentEntity& entity = entities[e];
        const bool named_by_cue = entity.confident && entity.type != MentionType::kUnknown && !entity.product;
        if (!named_by_cue && !related.count(entity.name)) continue;
        facts.entities.push_back({entity.name, FinalType(types_[e]), entity.aliases});
    }
    facts.relations = relations_;
    return facts;
}

}  // namespace kgraph::extract
