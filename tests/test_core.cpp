// The shared model: document ids and the summaries of a relation's evidence.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "kgraph/facts_json.h"
#include "kgraph/model.h"
#include "kgraph/status.h"

using namespace kgraph;

namespace {
Evidence Claim(std::string doc, std::optional<Money> amount, double confidence = 0.5) {
    Evidence e;
    e.doc = std::move(doc);
    e.amount = std::move(amount);
    e.confidence = confidence;
    return e;
}
Money Usd(double value, std::string qualifier = "") {
    Money m;
    m.value = value;
    m.qualifier = std::move(qualifier);
    return m;
}
}  // namespace

TEST_CASE("DocumentId is the SHA-1 of the text, whatever the path") {
    CHECK(DocumentId("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(DocumentId("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

TEST_CASE("Relation confidence grows with every statement") {
    Relation r;
    r.evidence = {Claim("a", std::nullopt, 0.5)};
    CHECK(RelationConfidence(r) == Approx(0.5));
    r.evidence.push_back(Claim("b", std::nullopt, 0.5));
    CHECK(RelationConfidence(r) == Approx(0.75));
}

TEST_CASE("Disagreeing amounts stay separate claims, the summary prefers the exact one") {
    Relation r;
    r.evidence = {Claim("a", Usd(14e9, "more-than")), Claim("b", Usd(14.3e9))};
    CHECK(HasConflictingClaims(r));
    REQUIRE(RelationAmount(r));
    CHECK(RelationAmount(r)->value == 14.3e9);

    // Order of evidence does not change the answer.
    std::swap(r.evidence[0], r.evidence[1]);
    CHECK(RelationAmount(r)->value == 14.3e9);

    // More support wins over precision.
    r.evidence.push_back(Claim("c", Usd(14e9, "more-than")));
    CHECK(RelationAmount(r)->value == 14e9);
}

TEST_CASE("Disagreements name the attributes and the values the sources claim, smallest first") {
    Relation r;
    r.evidence = {Claim("a", Usd(14.3e9)), Claim("b", Usd(14e9, "more-than")), Claim("c", Usd(14e9)),
                  Claim("d", Usd(14.3e9))};
    r.evidence[0].date = "2025-06-23";
    r.evidence[1].date = "2025-06-15";
    r.evidence[2].percent = 49;
    CHECK(Disagreements(r) == std::vector<Disagreement>{{"amount", {"$14B", "> $14B", "$14.3B"}},
                                                        {"date", {"2025-06-15", "2025-06-23"}}});
    // One percent claimed once is no disagreement; two different ones are.
    r.evidence[3].percent = 50;
    CHECK(Disagreements(r).at(1) == Disagreement{"percent", {"49%", "50%"}});
    std::reverse(r.evidence.begin(), r.evidence.end());
    CHECK(Disagreements(r).size() == 3);
    CHECK(Disagreements(r).at(0).values == std::vector<std::string>{"$14B", "> $14B", "$14.3B"});
}

TEST_CASE("Code points are counted as Python counts characters") {
    CHECK(CountCodePoints("") == 0);
    CHECK(CountCodePoints("Meta") == 4);
    CHECK(CountCodePoints("Meta\u2019s caf\u00e9 \U0001F600") == 13);
}

TEST_CASE("Agreeing evidence is no conflict") {
    Relation r;
    r.evidence = {Claim("a", Usd(13e9)), Claim("b", Usd(13e9)), Claim("c", std::nullopt)};
    CHECK_FALSE(HasConflictingClaims(r));
    CHECK_FALSE(RelationPercent(r));
}

TEST_CASE("Status carries code and message, Result carries value or status") {
    Status s = Status::NotFound("no entity named \"Foo\"");
    CHECK(s.IsNotFound());
    CHECK(s.ToString() == "not found: no entity named \"Foo\"");
    Result<int> good = 3;
    Result<int> bad = Status::Busy("database in use by process 42");
    CHECK(good.ok());
    CHECK(*good == 3);
    CHECK_FALSE(bad.ok());
    CHECK(bad.status().IsBusy());
}

TEST_CASE("Money and percentages format compactly, hedges kept") {
    CHECK(FormatMoney(Usd(14.3e9)) == "$14.3B");
    CHECK(FormatMoney(Usd(14e9, "more-than")) == "> $14B");
    CHECK(FormatMoney(Usd(200e6, "approximately")) == "~$200M");
    Money range = Usd(5e6);
    range.upper = 7.5e6;
    CHECK(FormatMoney(range) == "$5M-$7.5M");
    CHECK(FormatMoney(Usd(950)) == "$950");
    CHECK(FormatPercent(49) == "49%");
    CHECK(FormatPercent(12.5) == "12.5%");
}

TEST_CASE("DocumentFacts survive a JSON line round trip, claims included") {
    DocumentFacts facts;
    facts.doc = DocumentId("text");
    facts.source = "seeds/a.txt";
    facts.entities = {{"Meta", EntityType::kOrganization, {"Meta Platforms", "Metas"}},
                      {"Alexandr Wang", EntityType::kPerson, {"Wang"}}};
    Relation relation{"Meta", "invests-in", "Scale AI", {}, false};
    Evidence evidence = Claim(facts.doc, Usd(14e9, "more-than"), 0.9);
    evidence.amount->upper = 15e9;
    evidence.sentence = "Meta invested \"in excess of\" $14 billion\nin Scale AI.";
    evidence.date = "2025-06";
    evidence.percent = 49;
    evidence.modality = "reported";
    evidence.chars = CodePointSpan{3, 54};
    relation.evidence = {evidence, Claim(facts.doc, std::nullopt)};
    facts.relations = {relation};

    const std::string line = DocumentFactsToJson(facts);
    CHECK(line.find('\n') == std::string::npos);
    Result<DocumentFacts> back = DocumentFactsFromJson(line);
    REQUIRE(back.ok());
    CHECK(back->doc == facts.doc);
    CHECK(back->source == facts.source);
    CHECK(back->entities == facts.entities);
    CHECK(back->relations == facts.relations);
}

TEST_CASE("A malformed facts line is an InvalidArgument in plain words") {
    Result<DocumentFacts> wrong_type = DocumentFactsFromJson(R"({"doc": 1})");
    REQUIRE_FALSE(wrong_type.ok());
    CHECK(wrong_type.status().IsInvalidArgument());
    CHECK(wrong_type.status().message().find("json.exception") == std::string::npos);
    CHECK_FALSE(DocumentFactsFromJson("not json").ok());
    Result<DocumentFacts> unknown_type = DocumentFactsFromJson(
        R"({"doc":"x","source":"s","entities":[{"name":"A","type":"Planet","aliases":[]}],"relations":[]})");
    REQUIRE_FALSE(unknown_type.ok());
    CHECK(unknown_type.status().message().find("Planet") != std::string::npos);
}
