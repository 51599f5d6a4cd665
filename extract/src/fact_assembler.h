// The judging stage and the document's facts: each candidate relation is
// checked against the schema (a name of unknown type takes the type its
// first relation requires), accepted ones are merged per (subject, type,
// object) with one evidence per sentence, and at the end the document's
// entities and relations are assembled into DocumentFacts.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "argument_resolver.h"
#include "document_annotator.h"
#include "explanation_log.h"
#include "kgraph/extract.h"
#include "relation_candidate.h"

namespace kgraph::extract {

class FactAssembler {
public:
    // Both must outlive the assembler.
    FactAssembler(const AnnotatedDocument& document, ExplanationLog& log);

    // Every entity's type: as the mentions told, refined by the relations
    // accepted so far.
    const std::vector<MentionType>& types() const { return types_; }
    // Who belongs to which organization, by the relations accepted so far.
    const Affiliations& affiliations() const { return affiliations_; }
    // Relations accepted (one per sentence stating them) and candidates
    // rejected by the schema; `sentences` stays 0.
    const ExtractionCounts& counts() const { return counts_; }

    // Accepts the candidate as a relation, or rejects it with the reason;
    // either way the explanation says so.
    void Judge(const RelationCandidate& candidate);
    // Judges the candidate of a confirming rule (Rule::confirms) against the
    // relations accepted so far: an awaited counterpart becomes the other end
    // of the named end's one relation of the type, and the candidate takes the
    // direction the document states. Rejected when it carries no amount or
    // percentage, or when no such relation is known.
    void Confirm(RelationCandidate candidate);

    // The confident entities and those in a relation, and the relations.
    DocumentFacts Assemble() const;

private:
    int UntypedNameNoPerson(const RelationCandidate& c, MentionType subject_type, MentionType object_type) const;
    void Accept(const RelationCandidate& c);
    bool Stated(int subject, const RelationType& type, int object) const;
    std::vector<int> Partners(int entity, const RelationType& type) const;
    void Reject(const RelationCandidate& c, const std::string& why);
    std::string Describe(const RelationCandidate& c) const;

    const AnnotatedDocument& document_;
    ExplanationLog& log_;
    std::vector<MentionType> types_;
    Affiliations affiliations_;
    std::vector<Relation> relations_;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> relation_index_;
    std::set<std::tuple<int, const RelationType*, int>> stated_;  // accepted, by entity number
    ExtractionCounts counts_;
};

}  // namespace kgraph::extract
