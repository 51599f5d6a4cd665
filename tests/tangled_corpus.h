// A generated corpus of DocumentFacts that exercises what the store does
// beyond plain storage: entities merged across documents (and apart again
// after a forget), the symmetric competes-with, customer-of ended by leaves.
#pragma once

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "kgraph/model.h"

namespace kgraph::test {

struct Statement {
    std::string subject, predicate, object;
};

inline DocumentFacts Facts(const std::string& source, std::vector<Entity> entities, const std::vector<Statement>& statements) {
    DocumentFacts facts;
    facts.doc = DocumentId(source);
    facts.source = source;
    facts.entities = std::move(entities);
    std::size_t start = 0;
    for (const Statement& s : statements) {
        Evidence evidence;
        evidence.sentence = s.subject + " " + s.predicate + " " + s.object + ".";
        evidence.start = start;
        evidence.end = start + evidence.sentence.size();
        evidence.rule = "test-rule";
        evidence.confidence = 0.5;
        start = evidence.end + 1;
        facts.relations.push_back(Relation{s.subject, s.predicate, s.object, {evidence}, false});
    }
    return facts;
}

// Documents about 48 organizations in clusters of three whose members a
// document sometimes names as one (a name with another's as alias): the
// store then merges entities it had apart, keeping merged ids. Relations of
// every kind, the symmetric competes-with and the customer-of that a leaves
// ends among them, chained so that paths of several hops exist.
inline std::vector<DocumentFacts> TangledCorpus(unsigned seed) {
    std::mt19937 random(seed);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const std::vector<std::string> predicates = {"invests-in", "competes-with", "customer-of", "leaves", "owns-stake"};
    auto org = [](int k) { return "Org " + std::to_string(k); };
    std::vector<DocumentFacts> docs;
    for (int d = 0; d < 90; ++d) {
        std::vector<Entity> entities;
        std::vector<Statement> statements;
        const int a = pick(48), b = (a + 1 + pick(6)) % 48, c = pick(48);
        for (int k : {a, b, c}) {
            Entity entity{org(k), EntityType::kOrganization, {}};
            if (pick(5) == 0) entity.aliases.push_back(org(k / 3 * 3 + pick(3)));
            if (std::none_of(entities.begin(), entities.end(), [&](const Entity& e) { return e.name == entity.name; })) {
                entities.push_back(std::move(entity));
            }
        }
        statements.push_back({org(a), predicates[pick(5)], org(b)});
        if (c != a) statements.push_back({org(c), predicates[pick(5)], org(a)});
        if (c != b && pick(2) == 0) statements.push_back({org(b), "customer-of", org(c)});
        docs.push_back(Facts("doc" + std::to_string(d) + ".txt", std::move(entities), statements));
    }
    return docs;
}

}  // namespace kgraph::test
