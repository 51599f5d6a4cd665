// Tests of graph/: the RocksDB store (its promises in store.h) and traversal.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <rocksdb/db.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kgraph/local_queries.h"
#include "kgraph/model.h"
#include "kgraph/store.h"
#include "kgraph/traversal.h"

namespace fs = std::filesystem;
using namespace kgraph;

namespace {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        std::random_device random;
        path_ = fs::temp_directory_path() / ("kgraph-test-graph-" + std::to_string(getpid()) + "-" +
                                             std::to_string(counter++) + "-" + std::to_string(random()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }
    fs::path db() const { return path_ / "kgraph.db"; }

private:
    fs::path path_;
};

Entity Org(std::string name, std::vector<std::string> aliases = {}) {
    return Entity{std::move(name), EntityType::kOrganization, std::move(aliases)};
}
Entity Person(std::string name, std::vector<std::string> aliases = {}) {
    return Entity{std::move(name), EntityType::kPerson, std::move(aliases)};
}

struct Statement {
    std::string subject, predicate, object;
};

// Facts of a document whose text is `text`; each statement gets one piece of
// evidence, at offsets that follow the statement order.
DocumentFacts Facts(const std::string& text, const std::string& source, std::vector<Entity> entities,
                    const std::vector<Statement>& statements) {
    DocumentFacts facts;
    facts.doc = DocumentId(text);
    facts.source = source;
    facts.entities = std::move(entities);
    std::size_t start = 0;
    for (const Statement& s : statements) {
        Evidence evidence;
        evidence.doc = facts.doc;
        evidence.source = source;
        evidence.sentence = s.subject + " " + s.predicate + " " + s.object + ".";
        evidence.start = start;
        evidence.end = start + evidence.sentence.size();
        evidence.rule = "test-rule";
        evidence.confidence = 0.8;
        start = evidence.end + 1;
        facts.relations.push_back(Relation{s.subject, s.predicate, s.object, {evidence}, false});
    }
    return facts;
}

std::unique_ptr<Store> OpenStore(const fs::path& path, StoreOptions options = {}) {
    Result<std::unique_ptr<Store>> store = Store::Open(path, options);
    INFO(store.status().ToString());
    REQUIRE(store.ok());
    return std::move(*store);
}

std::unique_ptr<Store> OpenReader(const fs::path& path) {
    StoreOptions options;
    options.read_only = true;
    return OpenStore(path, options);
}

IngestOutcome IngestOk(Store& store, const DocumentFacts& facts) {
    Result<IngestOutcome> outcome = store.Ingest(facts);
    INFO(outcome.status().ToString());
    REQUIRE(outcome.ok());
    return *outcome;
}

GraphModel ReadOk(const Store& store) {
    Result<GraphModel> graph = store.ReadGraph();
    INFO(graph.status().ToString());
    REQUIRE(graph.ok());
    return std::move(*graph);
}

void RequireClean(const Store& store) {
    Result<CheckReport> report = store.Check();
    REQUIRE(report.ok());
    std::string problems;
    for (const std::string& problem : report->problems) problems += problem + "\n";
    INFO(problems);
    REQUIRE(report->ok());
}

bool SameGraph(const GraphModel& a, const GraphModel& b) { return a.entities == b.entities && a.relations == b.relations; }

const Relation* FindRelation(const GraphModel& graph, const std::string& s, const std::string& p, const std::string& o) {
    for (const Relation& r : graph.relations) {
        if (r.subject == s && r.predicate == p && r.object == o) return &r;
    }
    return nullptr;
}

std::vector<std::string> Names(const GraphModel& graph) {
    std::vector<std::string> names;
    for (const Entity& e : graph.entities) names.push_back(e.name);
    return names;
}

// The merge scenario: doc A calls it "Scale AI" (alias "Scale"), doc B and C
// call it "Scale"; each also relates it to someone else.
DocumentFacts ScaleA() {
    return Facts("Meta invests in Scale AI (Scale).", "a.txt", {Org("Meta"), Org("Scale AI", {"Scale"})},
                 {{"Meta", "invests-in", "Scale AI"}});
}
DocumentFacts ScaleB() {
    return Facts("Scale partners with OpenAI.", "b.txt", {Org("Scale"), Org("OpenAI")},
                 {{"Scale", "partners-with", "OpenAI"}});
}
DocumentFacts ScaleC() {
    return Facts("Google leaves Scale.", "c.txt", {Org("Google"), Org("SCALE")}, {{"Google", "leaves", "SCALE"}});
}

}  // namespace

// --- Store: round trip, idempotency, replacement ---

TEST_CASE("store round trip keeps every field of the facts", "[graph][store]") {
    TempDir dir;
    DocumentFacts facts = Facts("Meta bought 49% of Scale AI for $14.3 billion in June 2025.", "news/meta.txt",
                                {Org("Meta", {"Meta Platforms", "META"}), Org("Scale AI", {"Scale"}), Person("Alexandr Wang")},
                                {{"Meta", "owns-stake", "Scale AI"}, {"Alexandr Wang", "works-for", "Meta"}});
    Evidence& evidence = facts.relations[0].evidence[0];
    evidence.amount = Money{14.3e9, "USD", "approximately", 15e9};
    evidence.percent = 49;
    evidence.date = "2025-06";
    evidence.modality = "reported";
    evidence.confidence = 0.123456789012345;
    {
        StoreOptions durable;
        durable.sync = true;
        std::unique_ptr<Store> store = OpenStore(dir.db(), durable);
        REQUIRE(IngestOk(*store, facts) == IngestOutcome::kAdded);
        RequireClean(*store);
    }
    std::unique_ptr<Store> store = OpenStore(dir.db());
    GraphModel graph = ReadOk(*store);

    REQUIRE(Names(graph) == std::vector<std::string>{"Alexandr Wang", "Meta", "Scale AI"});
    CHECK(graph.entities[0].type == EntityType::kPerson);
    CHECK(graph.entities[1].aliases == std::vector<std::string>{"META", "Meta Platforms"});
    REQUIRE(graph.relations.size() == 2);
    CHECK(graph.relations[0].subject == "Alexandr Wang");  // sorted by subject
    const Relation* stake = FindRelation(graph, "Meta", "owns-stake", "Scale AI");
    REQUIRE(stake);
    REQUIRE(stake->evidence.size() == 1);
    CHECK(stake->evidence[0] == evidence);

    Result<std::optional<Entity>> found = store->FindEntity("meta platforms");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->name == "Meta");
    Result<std::optional<Entity>> missing = store->FindEntity("Anthropic");
    REQUIRE(missing.ok());
    CHECK(!missing->has_value());

    Result<std::vector<DocumentInfo>> documents = store->Documents();
    REQUIRE(documents.ok());
    REQUIRE(documents->size() == 1);
    CHECK((*documents)[0].id == facts.doc);
    CHECK((*documents)[0].source == "news/meta.txt");
    CHECK((*documents)[0].relations == 2);

    Result<StoreStats> stats = store->Stats();
    REQUIRE(stats.ok());
    CHECK(stats->documents == 1);
    CHECK(stats->entities == 3);
    CHECK(stats->relations == 2);
    CHECK(stats->evidence == 2);
    using Counts = std::vector<std::pair<std::string, std::size_t>>;
    CHECK(stats->entities_by_type == Counts{{"Organization", 2}, {"Person", 1}});
    CHECK(stats->relations_by_predicate == Counts{{"owns-stake", 1}, {"works-for", 1}});
    CHECK(stats->bytes_on_disk > 0);
    RequireClean(*store);
}

TEST_CASE("a store's block cache holds to the memory budget it was opened with", "[graph][store][memory]") {
    TempDir dir;
    {
        std::unique_ptr<Store> writer = OpenStore(dir.db());
        IngestOk(*writer, Facts("a", "a.txt", {Org("Acme")}, {}));
        Result<StoreStats> stats = writer->Stats();
        REQUIRE(stats.ok());
        CHECK(stats->block_cache_bytes == StoreOptions{}.memory_budget);
    }
    // A reader's budget is its own, whatever the writer's was.
    for (const std::size_t budget : {std::size_t{8} << 20, std::size_t{32} << 20, std::size_t{300} << 20}) {
        StoreOptions options;
        options.read_only = true;
        options.memory_budget = budget;
        std::unique_ptr<Store> reader = OpenStore(dir.db(), options);
        Result<StoreStats> stats = reader->Stats();
        REQUIRE(stats.ok());
        CHECK(stats->block_cache_bytes == budget);
        CHECK(stats->documents == 1);
    }
}

TEST_CASE("ingesting the same document again changes nothing", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    REQUIRE(IngestOk(*store, ScaleA()) == IngestOutcome::kAdded);
    const GraphModel before = ReadOk(*store);

    CHECK(IngestOk(*store, ScaleA()) == IngestOutcome::kUnchanged);
    DocumentFacts same_text_elsewhere = ScaleA();
    same_text_elsewhere.source = "copy/of/a.txt";
    CHECK(IngestOk(*store, same_text_elsewhere) == IngestOutcome::kUnchanged);

    CHECK(SameGraph(ReadOk(*store), before));
    Result<std::vector<DocumentInfo>> documents = store->Documents();
    REQUIRE(documents.ok());
    REQUIRE(documents->size() == 1);
    CHECK((*documents)[0].source == "a.txt");
    RequireClean(*store);
}

TEST_CASE("new content at a known source replaces the old document", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    REQUIRE(IngestOk(*store, Facts("v1", "news.txt", {Org("Meta"), Org("Scale AI")}, {{"Meta", "invests-in", "Scale AI"}})) ==
            IngestOutcome::kAdded);
    REQUIRE(IngestOk(*store, Facts("other", "other.txt", {Org("Meta"), Org("Nvidia")}, {{"Meta", "customer-of", "Nvidia"}})) ==
            IngestOutcome::kAdded);

    DocumentFacts v2 = Facts("v2", "news.txt", {Org("Meta"), Org("OpenAI")}, {{"Meta", "competes-with", "OpenAI"}});
    CHECK(IngestOk(*store, v2) == IngestOutcome::kReplaced);

    GraphModel graph = ReadOk(*store);
    CHECK(Names(graph) == std::vector<std::string>{"Meta", "Nvidia", "OpenAI"});  // Scale AI only lived in v1
    CHECK(!FindRelation(graph, "Meta", "invests-in", "Scale AI"));
    CHECK(FindRelation(graph, "Meta", "competes-with", "OpenAI"));
    CHECK(FindRelation(graph, "Meta", "customer-of", "Nvidia"));
    Result<std::vector<DocumentInfo>> documents = store->Documents();
    REQUIRE(documents.ok());
    REQUIRE(documents->size() == 2);
    CHECK((*documents)[0].id == v2.doc);
    RequireClean(*store);
}

TEST_CASE("facts that break the model's contract are refused", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    DocumentFacts facts = Facts("t", "t.txt", {Org("Meta")}, {{"Meta", "invests-in", "Ghost"}});
    Result<IngestOutcome> outcome = store->Ingest(facts);
    REQUIRE(outcome.status().IsInvalidArgument());
    CHECK(outcome.status().message().find("Ghost") != std::string::npos);
    CHECK(ReadOk(*store).entities.empty());
    RequireClean(*store);
}

// --- Store: forgetting ---

TEST_CASE("forget by id, id prefix or source, and undo the merges a document caused", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    IngestOk(*store, ScaleA());
    IngestOk(*store, ScaleB());
    REQUIRE(Names(ReadOk(*store)) == std::vector<std::string>{"Meta", "OpenAI", "Scale AI"});

    SECTION("by source") { REQUIRE(store->Forget("a.txt").ok()); }
    SECTION("by id") { REQUIRE(store->Forget(ScaleA().doc).ok()); }
    SECTION("by id prefix") { REQUIRE(store->Forget(ScaleA().doc.substr(0, 8)).ok()); }

    GraphModel graph = ReadOk(*store);
    CHECK(Names(graph) == std::vector<std::string>{"OpenAI", "Scale"});
    CHECK(graph.entities[1].aliases.empty());
    REQUIRE(graph.relations.size() == 1);
    CHECK(graph.relations[0].subject == "Scale");
    RequireClean(*store);

    // Forgetting everything leaves an empty, consistent store.
    REQUIRE(store->Forget("b.txt").ok());
    GraphModel empty = ReadOk(*store);
    CHECK(empty.entities.empty());
    CHECK(empty.relations.empty());
    RequireClean(*store);
}

TEST_CASE("forget refuses unknown documents and ambiguous or short prefixes", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    DocumentFacts first = Facts("one", "one.txt", {Org("Meta")}, {});
    DocumentFacts second = Facts("two", "two.txt", {Org("Nvidia")}, {});
    first.doc = "abcdef0001";
    second.doc = "abcdef0002";
    IngestOk(*store, first);
    IngestOk(*store, second);

    Status ambiguous = store->Forget("abcdef");
    CHECK(ambiguous.IsInvalidArgument());
    CHECK(ambiguous.message().find("ambiguous") != std::string::npos);
    CHECK(store->Forget("abcde").IsNotFound());
    Status unknown = store->Forget("nowhere.txt");
    CHECK(unknown.IsNotFound());
    CHECK(unknown.message().find("nowhere.txt") != std::string::npos);
    CHECK(store->Forget("abcdef0002").ok());
    CHECK(Names(ReadOk(*store)) == std::vector<std::string>{"Meta"});
    RequireClean(*store);
}

// --- Store: entity resolution across documents ---

TEST_CASE("entities merge across documents whatever the ingest order", "[graph][store][merge]") {
    const std::vector<DocumentFacts> docs = {ScaleA(), ScaleB()};
    std::vector<GraphModel> graphs;
    for (bool reversed : {false, true}) {
        TempDir dir;
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, docs[reversed ? 1 : 0]);
        IngestOk(*store, docs[reversed ? 0 : 1]);
        RequireClean(*store);
        graphs.push_back(ReadOk(*store));
    }
    CHECK(SameGraph(graphs[0], graphs[1]));
    const Entity* scale = graphs[0].FindEntity("Scale AI");  // one document each: the longer name wins
    REQUIRE(scale);
    CHECK(scale->aliases == std::vector<std::string>{"Scale"});
    CHECK(FindRelation(graphs[0], "Meta", "invests-in", "Scale AI"));
    CHECK(FindRelation(graphs[0], "Scale AI", "partners-with", "OpenAI"));
}

TEST_CASE("the name most documents use becomes canonical, in every order", "[graph][store][merge]") {
    std::vector<DocumentFacts> docs = {ScaleA(), ScaleB(), ScaleC()};
    std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.source < b.source; });
    std::optional<GraphModel> first;
    do {
        TempDir dir;
        std::unique_ptr<Store> store = OpenStore(dir.db());
        for (const DocumentFacts& doc : docs) IngestOk(*store, doc);
        RequireClean(*store);
        GraphModel graph = ReadOk(*store);
        if (!first) first = graph;
        CHECK(SameGraph(graph, *first));
    } while (std::next_permutation(docs.begin(), docs.end(),
                                   [](const auto& a, const auto& b) { return a.source < b.source; }));
    // "Scale" and "SCALE" fold alike but are different names; each has one
    // document, as has "Scale AI": the longest wins.
    REQUIRE(first->FindEntity("Scale AI"));
    CHECK(first->FindEntity("Scale AI")->aliases == std::vector<std::string>{"SCALE", "Scale"});
    CHECK(FindRelation(*first, "Google", "leaves", "Scale AI"));
}

TEST_CASE("a document naming two stored entities as one merges them, and forgetting it splits them", "[graph][store][merge]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    IngestOk(*store, Facts("x", "x.txt", {Org("Alphabet"), Org("DeepMind")}, {{"Alphabet", "owns", "DeepMind"}}));
    IngestOk(*store, Facts("y", "y.txt", {Org("Google"), Org("Apple")}, {{"Apple", "customer-of", "Google"}}));
    const GraphModel before = ReadOk(*store);
    IngestOk(*store, Facts("z", "z.txt", {Org("Alphabet Inc.", {"Alphabet", "Google"})}, {}));

    GraphModel merged = ReadOk(*store);
    CHECK(Names(merged) == std::vector<std::string>{"Alphabet Inc.", "Apple", "DeepMind"});
    CHECK(FindRelation(merged, "Alphabet Inc.", "owns", "DeepMind"));
    CHECK(FindRelation(merged, "Apple", "customer-of", "Alphabet Inc."));
    Result<std::optional<Entity>> google = store->FindEntity("GOOGLE");
    REQUIRE(google.ok());
    REQUIRE(google->has_value());
    CHECK((*google)->name == "Alphabet Inc.");
    RequireClean(*store);

    REQUIRE(store->Forget("z.txt").ok());
    CHECK(SameGraph(ReadOk(*store), before));
    RequireClean(*store);
}

TEST_CASE("a merge that joins both ends of a relation keeps it, on the entity itself", "[graph][store][merge]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    IngestOk(*store, Facts("p", "p.txt", {Org("Acme"), Org("Acme Corp")}, {{"Acme Corp", "competes-with", "Acme"},
                                                                          {"Acme", "invests-in", "Acme Corp"}}));
    const GraphModel before = ReadOk(*store);
    IngestOk(*store, Facts("q", "q.txt", {Org("Acme Corp", {"Acme"})}, {}));
    const GraphModel merged = ReadOk(*store);
    CHECK(Names(merged) == std::vector<std::string>{"Acme Corp"});
    CHECK(FindRelation(merged, "Acme Corp", "competes-with", "Acme Corp"));
    CHECK(FindRelation(merged, "Acme Corp", "invests-in", "Acme Corp"));
    RequireClean(*store);
    REQUIRE(store->Forget("q.txt").ok());
    CHECK(SameGraph(ReadOk(*store), before));
    RequireClean(*store);
}

TEST_CASE("names match across case, diacritics and punctuation", "[graph][store][merge]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    IngestOk(*store, Facts("1", "1.txt", {Org("Société Générale"), Org("Macy's")}, {{"Macy's", "customer-of", "Société Générale"}}));
    IngestOk(*store, Facts("2", "2.txt", {Org("SOCIETE GENERALE"), Org("Macys")}, {}));
    GraphModel graph = ReadOk(*store);
    CHECK(graph.entities.size() == 2);
    CHECK(graph.relations.size() == 1);
    RequireClean(*store);
}

TEST_CASE("entity type is the majority of documents, ties go to Organization", "[graph][store][merge]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    IngestOk(*store, Facts("1", "1.txt", {Person("Jordan")}, {}));
    IngestOk(*store, Facts("2", "2.txt", {Org("Jordan")}, {}));
    CHECK(ReadOk(*store).entities.at(0).type == EntityType::kOrganization);
    IngestOk(*store, Facts("3", "3.txt", {Person("Jordan")}, {}));
    CHECK(ReadOk(*store).entities.at(0).type == EntityType::kPerson);
    RequireClean(*store);
}

// --- Store: derived relation properties ---

TEST_CASE("a symmetric predicate is stored once per pair, subject before object", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    IngestOk(*store, Facts("1", "1.txt", {Org("OpenAI"), Org("Anthropic")}, {{"OpenAI", "competes-with", "Anthropic"}}));
    IngestOk(*store, Facts("2", "2.txt", {Org("Anthropic"), Org("OpenAI")}, {{"Anthropic", "competes-with", "OpenAI"}}));
    // A directed predicate keeps its direction.
    IngestOk(*store, Facts("3", "3.txt", {Org("OpenAI"), Org("Anthropic")}, {{"OpenAI", "invests-in", "Anthropic"}}));
    GraphModel graph = ReadOk(*store);
    REQUIRE(graph.relations.size() == 2);
    const Relation* competes = FindRelation(graph, "Anthropic", "competes-with", "OpenAI");
    REQUIRE(competes);
    CHECK(competes->evidence.size() == 2);
    CHECK(FindRelation(graph, "OpenAI", "invests-in", "Anthropic"));
    RequireClean(*store);
}

TEST_CASE("customer-of is ended when the customer leaves the supplier", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    IngestOk(*store, Facts("1", "1.txt", {Org("Google"), Org("Scale AI"), Org("Meta")},
                           {{"Google", "customer-of", "Scale AI"}, {"Meta", "customer-of", "Scale AI"}}));
    IngestOk(*store, Facts("2", "2.txt", {Org("Google"), Org("Scale AI")}, {{"Google", "leaves", "Scale AI"}}));
    GraphModel graph = ReadOk(*store);
    CHECK(FindRelation(graph, "Google", "customer-of", "Scale AI")->ended);
    CHECK(!FindRelation(graph, "Meta", "customer-of", "Scale AI")->ended);
    CHECK(!FindRelation(graph, "Google", "leaves", "Scale AI")->ended);
    REQUIRE(store->Forget("2.txt").ok());
    CHECK(!FindRelation(ReadOk(*store), "Google", "customer-of", "Scale AI")->ended);
}

TEST_CASE("a ceo-of ends when the person leaves, unless a later sentence of the document restates it",
          "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    const std::vector<Entity> people = {Person("Ann"), Person("Bob"), Person("Cy"), Person("Dee"), Org("Acme")};
    // Statements take offsets in their order: a later statement, a later sentence.
    DocumentFacts one = Facts("one", "one.txt", people,
                              {{"Ann", "ceo-of", "Acme"}, {"Ann", "founder-of", "Acme"}, {"Ann", "leaves", "Acme"},
                               {"Bob", "leaves", "Acme"}, {"Bob", "ceo-of", "Acme"}, {"Cy", "ceo-of", "Acme"},
                               {"Dee", "ceo-of", "Acme"}, {"Dee", "leaves", "Acme"}});
    one.relations.back().evidence.at(0).modality = "planned";  // "Dee will leave Acme"
    IngestOk(*store, one);
    IngestOk(*store, Facts("two", "two.txt", people, {{"Cy", "leaves", "Acme"}}));

    auto ended = [](const GraphModel& graph) {
        std::map<std::string, bool> by_relation;
        for (const Relation& r : graph.relations) by_relation[r.subject + " " + r.predicate] = r.ended;
        return by_relation;
    };
    const std::map<std::string, bool> expected = {
        {"Ann ceo-of", true},     // left in a later sentence
        {"Ann founder-of", false},  // a founder stays one
        {"Ann leaves", false},
        {"Bob ceo-of", false},  // left, then named CEO again
        {"Bob leaves", false},
        {"Cy ceo-of", true},  // left in another document
        {"Cy leaves", false},
        {"Dee ceo-of", false},  // only plans to leave
        {"Dee leaves", false}};
    CHECK(ended(ReadOk(*store)) == expected);

    // The reads of part of the graph agree: show's neighbourhood and the
    // listing of one relation type, which must still weigh the leaves.
    Result<std::unique_ptr<GraphSnapshot>> snapshot = store->Snapshot();
    REQUIRE(snapshot.ok());
    Result<std::optional<EntityKey>> acme = (*snapshot)->Find("Acme");
    REQUIRE((acme.ok() && acme->has_value()));
    Result<GraphModel> neighborhood = ReadEntityNeighborhood(**snapshot, **acme);
    REQUIRE(neighborhood.ok());
    CHECK(ended(*neighborhood) == expected);
    std::map<std::string, bool> listed;
    REQUIRE(ForEachRelation(**snapshot, {"ceo-of"}, [&](const Relation& r, const Entity&, const Entity&) {
                listed[r.subject + " " + r.predicate] = r.ended;
                return Status::Ok();
            }).ok());
    CHECK(listed == std::map<std::string, bool>{
                        {"Ann ceo-of", true}, {"Bob ceo-of", false}, {"Cy ceo-of", true}, {"Dee ceo-of", false}});

    snapshot->reset();
    REQUIRE(store->Forget("two.txt").ok());
    CHECK_FALSE(ended(ReadOk(*store)).at("Cy ceo-of"));
}

TEST_CASE("evidence of several documents stays apart, sorted by document and offset", "[graph][store]") {
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    DocumentFacts one = Facts("1", "1.txt", {Org("Meta"), Org("Scale AI")}, {{"Meta", "invests-in", "Scale AI"}});
    one.relations[0].evidence.push_back(one.relations[0].evidence[0]);
    one.relations[0].evidence[0].start = 500;  // listed out of order on purpose
    one.relations[0].evidence[0].amount = Money{14.3e9, "USD", "", std::nullopt};
    DocumentFacts two = Facts("2", "2.txt", {Org("Meta"), Org("Scale AI")}, {{"Meta", "invests-in", "Scale AI"}});
    two.relations[0].evidence[0].amount = Money{14e9, "USD", "more-than", std::nullopt};
    IngestOk(*store, two);
    IngestOk(*store, one);
    const GraphModel graph = ReadOk(*store);
    const Relation* relation = FindRelation(graph, "Meta", "invests-in", "Scale AI");
    REQUIRE(relation);
    REQUIRE(relation->evidence.size() == 3);
    std::vector<std::pair<std::string, std::size_t>> order, expected;
    for (const Evidence& e : relation->evidence) order.emplace_back(e.doc, e.start);
    expected = order;
    std::sort(expected.begin(), expected.end());
    CHECK(order == expected);
    CHECK(HasConflictingClaims(*relation));
    RequireClean(*store);
}

// --- Store: opening ---

TEST_CASE("opening refuses what is not a usable kgraph database", "[graph][store][open]") {
    TempDir dir;
    SECTION("missing database without permission to create") {
        StoreOptions options;
        options.create_if_missing = false;
        Result<std::unique_ptr<Store>> store = Store::Open(dir.db(), options);
        REQUIRE(store.status().IsNotFound());
        CHECK(store.status().message() == "no database at " + dir.db().string() + "; run `kgraph ingest` first");
        options.read_only = true;
        CHECK(Store::Open(dir.db(), options).status().IsNotFound());
        CHECK(!fs::exists(dir.db()));
    }
    SECTION("a regular file") {
        std::ofstream(dir.db()) << "hello";
        Result<std::unique_ptr<Store>> store = Store::Open(dir.db());
        REQUIRE(store.status().IsIOError());
        CHECK(store.status().message() == dir.db().string() + " is a file, not a kgraph database folder");
    }
    SECTION("a folder of other files") {
        fs::create_directories(dir.db());
        std::ofstream(dir.db() / "notes.txt") << "mine";
        Result<std::unique_ptr<Store>> store = Store::Open(dir.db());
        REQUIRE(store.status().IsCorruption());
        CHECK(store.status().message() == dir.db().string() + " is not a kgraph database");
        CHECK(fs::exists(dir.db() / "notes.txt"));
    }
    SECTION("a creation killed before RocksDB wrote its CURRENT file") {
        fs::create_directories(dir.db());
        std::ofstream(dir.db() / "kgraph.pid") << "12345\n";
        std::ofstream(dir.db() / "kgraph.creating") << "";
        std::ofstream(dir.db() / "IDENTITY") << "half-made";
        std::ofstream(dir.db() / "MANIFEST-000001") << "";
        StoreOptions read_only;
        read_only.read_only = true;
        CHECK(Store::Open(dir.db(), read_only).status().IsNotFound());
        std::unique_ptr<Store> store = OpenStore(dir.db());  // created anew
        IngestOk(*store, Facts("a", "a.txt", {Org("Acme")}, {}));
        RequireClean(*store);
    }
    SECTION("a creation killed before the schema version was written") {
        // What kgraph leaves when killed between creating RocksDB's files and
        // writing the version: its lock file and creation marker, a RocksDB
        // without `meta`.
        fs::create_directories(dir.db());
        std::ofstream(dir.db() / "kgraph.pid") << "12345\n";
        std::ofstream(dir.db() / "kgraph.creating") << "";
        rocksdb::Options raw_options;
        raw_options.create_if_missing = true;
        rocksdb::DB* raw = nullptr;
        REQUIRE(rocksdb::DB::Open(raw_options, dir.db().string(), &raw).ok());
        delete raw;
        StoreOptions read_only;
        read_only.read_only = true;
        Result<std::unique_ptr<Store>> reader = Store::Open(dir.db(), read_only);
        REQUIRE(reader.status().IsNotFound());
        CHECK(reader.status().message() == "no database at " + dir.db().string() + "; run `kgraph ingest` first");
        std::unique_ptr<Store> store = OpenStore(dir.db());  // created anew
        IngestOk(*store, Facts("a", "a.txt", {Org("Acme")}, {}));
        RequireClean(*store);
    }
    SECTION("a RocksDB database of another program") {
        rocksdb::Options options;
        options.create_if_missing = true;
        rocksdb::DB* raw = nullptr;
        REQUIRE(rocksdb::DB::Open(options, dir.db().string(), &raw).ok());
        REQUIRE(raw->Put(rocksdb::WriteOptions(), "key", "value").ok());
        delete raw;
        Result<std::unique_ptr<Store>> store = Store::Open(dir.db());
        REQUIRE(store.status().IsCorruption());
        CHECK(store.status().message() == dir.db().string() + " is not a kgraph database");
    }
}

namespace {

// Opens the database behind a closed Store with raw RocksDB, every column
// family, so a test can tamper with it.
struct RawDatabase {
    explicit RawDatabase(const fs::path& path) {
        std::vector<std::string> names;
        REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path.string(), &names).ok());
        std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
        for (const std::string& name : names) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
        REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), path.string(), descriptors, &handles, &db).ok());
    }
    ~RawDatabase() {
        for (rocksdb::ColumnFamilyHandle* handle : handles) db->DestroyColumnFamilyHandle(handle);
        delete db;
    }
    rocksdb::ColumnFamilyHandle* Family(const std::string& name) {
        for (rocksdb::ColumnFamilyHandle* handle : handles) {
            if (handle->GetName() == name) return handle;
        }
        FAIL("no column family " << name);
        return nullptr;
    }
    rocksdb::DB* db = nullptr;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
};

}  // namespace

TEST_CASE("a database of another schema version is refused, naming both versions", "[graph][store][open]") {
    const int other = GENERATE(kStoreSchemaVersion - 1, kStoreSchemaVersion + 1);
    TempDir dir;
    OpenStore(dir.db());
    {
        RawDatabase raw(dir.db());
        REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.Family("meta"), "schema-version", std::to_string(other)).ok());
    }
    for (bool read_only : {false, true}) {
        StoreOptions options;
        options.read_only = read_only;
        Result<std::unique_ptr<Store>> store = Store::Open(dir.db(), options);
        REQUIRE(store.status().IsVersionMismatch());
        CHECK(store.status().message() == "database " + dir.db().string() + " was written by kgraph schema version " +
                                              std::to_string(other) + "; this kgraph reads version " +
                                              std::to_string(kStoreSchemaVersion));
    }
}

TEST_CASE("check reports a dangling edge written behind the store's back", "[graph][store][check]") {
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, ScaleA());
        RequireClean(*store);
    }
    {
        RawDatabase raw(dir.db());
        std::string meta;  // the id of entity Meta
        REQUIRE(raw.db->Get(rocksdb::ReadOptions(), raw.Family("aliases"), "meta", &meta).ok());
        const std::string edge = std::string("999") + '\0' + "invests-in" + '\0' + meta;
        REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.Family("out-edges"), edge, "").ok());
        REQUIRE(raw.db->Delete(rocksdb::WriteOptions(), raw.Family("aliases"), "scale").ok());
    }
    Result<CheckReport> report = OpenReader(dir.db())->Check();
    REQUIRE(report.ok());
    const std::vector<std::string> expected = {
        "relation #999 invests-in Meta has no in-edge entry",
        "relation #999 invests-in Meta has no evidence",
        "relation #999 invests-in Meta names entity #999, which is not stored",
    };
    for (const std::string& problem : expected) {
        CHECK(std::find(report->problems.begin(), report->problems.end(), problem) != report->problems.end());
    }
    // The missing alias "scale" is not an invariant of the graph, but it
    // leaves its 5 name index keys stray (3 named, then the count); the edge
    // is one more than kgraph counted.
    auto mentions = [&](const std::string& text) {
        return std::count_if(report->problems.begin(), report->problems.end(),
                             [&](const std::string& problem) { return problem.find(text) != std::string::npos; });
    };
    CHECK(mentions("is stored for no alias") == 3);
    CHECK(mentions("5 name index keys in all are stored for no alias") == 1);
    CHECK(mentions("2 invests-in edges where kgraph recorded 1") == 1);
    CHECK(report->problems.size() == expected.size() + 5);
}

TEST_CASE("check reports name index keys missing or stored for no name", "[graph][store][check]") {
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, ScaleA());
        RequireClean(*store);
    }
    {
        RawDatabase raw(dir.db());
        REQUIRE(raw.db->Delete(rocksdb::WriteOptions(), raw.Family("name-grams"), std::string("met") + '\0' + "meta").ok());
        REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.Family("name-grams"), std::string("zed") + '\0' + "zed", "").ok());
    }
    Result<CheckReport> report = OpenReader(dir.db())->Check();
    REQUIRE(report.ok());
    CHECK(report->problems == std::vector<std::string>{
                                  "the name index key for \"zed\" (trigram \"zed\") is stored for no alias",
                                  "the name index key for \"meta\" (trigram \"met\") is missing"});
}

TEST_CASE("check reports a merged id that belongs to no stored entity", "[graph][store][check]") {
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, ScaleA());
    }
    std::string meta;  // the id of entity Meta
    {
        RawDatabase raw(dir.db());
        REQUIRE(raw.db->Get(rocksdb::ReadOptions(), raw.Family("aliases"), "meta", &meta).ok());
        REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.Family("merged"), std::string("999") + '\0' + "1000", "").ok());
        REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.Family("merged"), std::string("999") + '\0' + meta, "").ok());
    }
    Result<CheckReport> report = OpenReader(dir.db())->Check();
    REQUIRE(report.ok());
    const std::vector<std::string> expected = {
        "entity #1000 is merged into entity #999, which is not stored",
        "entity #1000 has id 1000, not below the next id 3",
        "merged entity #1000 holds no mention and no edge",
        "entity #" + meta + " is merged into entity #999, which is not stored",
        "entity #" + meta + " is both stored and merged into #999",
    };
    std::string problems;
    for (const std::string& problem : report->problems) problems += problem + "\n";
    INFO(problems);
    for (const std::string& problem : expected) {
        CHECK(std::find(report->problems.begin(), report->problems.end(), problem) != report->problems.end());
    }
    CHECK(report->problems.size() == expected.size());
}

TEST_CASE("a damaged record is reported as unreadable, naming what it belonged to", "[graph][store][check]") {
    DocumentFacts facts = ScaleA();
    facts.relations[0].evidence[0].amount = Money{14.3e9, "USD", "more-than", std::nullopt};
    facts.relations[0].evidence[0].date = "2025-06";
    const std::string family = GENERATE("documents", "entities", "evidence");
    const bool cut_short = GENERATE(true, false);  // the format has no slack for a byte less or more
    TempDir dir;
    IngestOk(*OpenStore(dir.db()), facts);
    std::string expected;
    {
        RawDatabase raw(dir.db());
        std::unique_ptr<rocksdb::Iterator> it(raw.db->NewIterator(rocksdb::ReadOptions(), raw.Family(family)));
        it->SeekToLast();  // documents and evidence hold one record
        REQUIRE(it->Valid());
        expected = family == "documents" ? "the stored record of document " + facts.doc + " is unreadable"
                   : family == "entities" ? "the stored record of entity #" + it->key().ToString() + " is unreadable"
                                          : "relation Meta invests-in Scale AI has unreadable evidence";
        std::string value = it->value().ToString();
        cut_short ? value.pop_back() : value.push_back('\0');
        REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.Family(family), it->key(), value).ok());
    }
    std::unique_ptr<Store> store = OpenReader(dir.db());
    Result<CheckReport> report = store->Check();
    REQUIRE(report.ok());
    CHECK(std::find(report->problems.begin(), report->problems.end(), expected) != report->problems.end());
    if (family != "documents") {  // the graph is read from entities and edges; documents only on forget
        Result<GraphModel> graph = store->ReadGraph();
        CHECK(graph.status().IsCorruption());
    }
}

namespace {

using DatabaseDump = std::map<std::string, std::map<std::string, std::string>>;

// Every key and value of every column family of a closed store.
DatabaseDump Dump(const fs::path& path) {
    RawDatabase raw(path);
    DatabaseDump dump;
    for (rocksdb::ColumnFamilyHandle* handle : raw.handles) {
        std::unique_ptr<rocksdb::Iterator> it(raw.db->NewIterator(rocksdb::ReadOptions(), handle));
        for (it->SeekToFirst(); it->Valid(); it->Next()) dump[handle->GetName()][it->key().ToString()] = it->value().ToString();
    }
    return dump;
}

std::vector<std::string> SplitAtNul(const std::string& key) {
    std::vector<std::string> parts(1);
    for (char c : key) {
        if (c == '\0') parts.emplace_back();
        else parts.back().push_back(c);
    }
    return parts;
}

std::string JoinAtNul(const std::vector<std::string>& parts) {
    std::string key = parts.at(0);
    for (std::size_t i = 1; i < parts.size(); ++i) key += '\0' + parts[i];
    return key;
}

// Puts in place of each entity id, which depends on the order documents
// arrived in and on the merges they caused, a label that does not: the
// smallest alias key of the entity the id is (or was merged into). Keys of
// symmetric edges are put in label order; keys that differ by ids of one
// entity become one.
class Relabeling {
public:
    explicit Relabeling(const DatabaseDump& dump) {
        for (const auto& [alias, id] : dump.at("aliases")) label_.emplace(id, alias);  // keys sorted: the first is the smallest
        if (!dump.count("merged")) return;
        for (const auto& [key, value] : dump.at("merged")) {
            const std::vector<std::string> parts = SplitAtNul(key);
            label_.emplace(parts.at(1), Of(parts.at(0)));
        }
    }

    const std::string& Of(const std::string& id) const {
        auto it = label_.find(id);
        if (it == label_.end()) FAIL("entity #" << id << " has no alias and is merged into nothing");
        return it->second;
    }

    // Relabels the ids among the parts of `key` that `family` keys with ids.
    std::string Key(const std::string& family, const std::string& key) const {
        std::vector<std::string> parts = SplitAtNul(key);
        if (family == "entities" || family == "mentions") {
            parts.at(0) = Of(parts.at(0));
        } else if (family == "out-edges" || family == "in-edges" || family == "evidence") {
            parts.at(0) = Of(parts.at(0));
            parts.at(2) = Of(parts.at(2));
            if (IsSymmetricPredicate(parts.at(1)) && parts.at(2) < parts.at(0)) std::swap(parts.at(0), parts.at(2));
        }
        return JoinAtNul(parts);
    }

private:
    std::map<std::string, std::string> label_;  // entity id -> label
};

// What a closed store holds, short of what depends on the order documents
// arrived in (entity ids, which ids a merge recorded): the graph as read, and
// every key and value with its ids relabeled, which catches leftovers the
// graph does not show.
struct StoredContent {
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    DatabaseDump relabeled;
    friend bool operator==(const StoredContent&, const StoredContent&) = default;
};

StoredContent Content(const fs::path& path) {
    StoredContent content;
    {
        GraphModel graph = ReadOk(*OpenReader(path));
        content.entities = std::move(graph.entities);
        content.relations = std::move(graph.relations);
    }
    const DatabaseDump dump = Dump(path);
    const Relabeling relabeling(dump);
    for (const auto& [family, entries] : dump) {
        if (family == "meta" || family == "merged") continue;  // the schema version and the next entity id; ids
        for (const auto& [key, value] : entries) {
            content.relabeled[family][relabeling.Key(family, key)] = family == "aliases" ? relabeling.Of(value) : value;
        }
    }
    return content;
}

// Documents that merge, rename and relate entities in many ways: "Scale" is
// outvoted by "Scale AI" once two documents use it; Alphabet and Google merge
// through a later document; competes-with flips orientation on renames.
std::vector<DocumentFacts> TangledDocuments() {
    return {
        Facts("t1", "t1.txt", {Org("Scale"), Org("OpenAI")}, {{"Scale", "competes-with", "OpenAI"}}),
        Facts("t2", "t2.txt", {Org("Scale AI", {"Scale"}), Org("Nvidia")}, {{"Scale AI", "customer-of", "Nvidia"}}),
        Facts("t3", "t3.txt", {Org("SCALE AI"), Org("Google"), Person("Sundar Pichai")},
              {{"Google", "leaves", "SCALE AI"}, {"Sundar Pichai", "works-for", "Google"}}),
        Facts("t4", "t4.txt", {Org("Alphabet"), Org("DeepMind")}, {{"Alphabet", "owns", "DeepMind"}}),
        Facts("t5", "t5.txt", {Org("Alphabet Inc.", {"Alphabet", "Google", "GOOGL"}), Org("Scale AI")},
              {{"Alphabet Inc.", "customer-of", "Scale AI"}, {"Scale AI", "competes-with", "Alphabet Inc."}}),
        Facts("t6", "t6.txt", {Org("OpenAI"), Org("Anthropic"), Org("Google")},
              {{"OpenAI", "competes-with", "Anthropic"}, {"Google", "invests-in", "Anthropic"}}),
        // "Meta" < "Meta AI" < "Meta Platforms": renaming flips the pair.
        Facts("t7", "t7.txt", {Org("Meta"), Org("Meta AI")}, {{"Meta AI", "competes-with", "Meta"}}),
        Facts("t8", "t8.txt", {Org("Meta Platforms", {"Meta"}), Org("Nvidia")}, {{"Meta Platforms", "customer-of", "Nvidia"}}),
    };
}

StoredContent IngestInOrder(const std::vector<DocumentFacts>& docs, const std::vector<std::size_t>& order) {
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        for (std::size_t i : order) IngestOk(*store, docs[i]);
        RequireClean(*store);
    }
    return Content(dir.db());
}

}  // namespace

TEST_CASE("every ingest order and every rebuild stores the same content", "[graph][store][merge]") {
    const std::vector<DocumentFacts> docs = TangledDocuments();
    const StoredContent expected = IngestInOrder(docs, {0, 1, 2, 3, 4, 5, 6, 7});
    REQUIRE(expected.entities.size() == 9);
    REQUIRE(expected.relations.size() == 11);  // one per statement: no two name the same pair
    REQUIRE(std::count_if(expected.relations.begin(), expected.relations.end(), [](const Relation& r) {
        return r.subject == "Meta AI" && r.predicate == "competes-with" && r.object == "Meta Platforms";
    }));
    CHECK(IngestInOrder(docs, {7, 6, 5, 4, 3, 2, 1, 0}) == expected);
    CHECK(IngestInOrder(docs, {4, 0, 6, 5, 2, 7, 3, 1}) == expected);
    CHECK(IngestInOrder(docs, {3, 5, 1, 7, 4, 0, 2, 6}) == expected);

    // Forgetting and replacing resolve entities again from the documents; the
    // result must be what adding the same documents one by one gave.
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        for (const DocumentFacts& doc : docs) IngestOk(*store, doc);
        // Merges everything, then goes away again.
        IngestOk(*store, Facts("bridge", "bridge.txt",
                               {Org("Bridge", {"Scale", "Google", "OpenAI", "Nvidia", "DeepMind", "Meta", "Meta AI"})}, {}));
        REQUIRE(store->Forget("bridge.txt").ok());
        // A new version of t6 that is then replaced by the original again.
        const DocumentFacts& t6 = docs[5];
        REQUIRE(IngestOk(*store, Facts("t6 v2", "t6.txt", {Org("Scale", {"Anthropic"})}, {})) == IngestOutcome::kReplaced);
        REQUIRE(IngestOk(*store, t6) == IngestOutcome::kReplaced);
        RequireClean(*store);
    }
    CHECK(Content(dir.db()) == expected);
}

namespace {

// The keys and values of `family` in `before` that `after` lacks or changed.
std::vector<std::string> ChangedKeys(const DatabaseDump& before, const DatabaseDump& after, const std::string& family) {
    std::vector<std::string> changed;
    const auto& now = after.at(family);
    for (const auto& [key, value] : before.at(family)) {
        auto it = now.find(key);
        if (it == now.end() || it->second != value) changed.push_back(key);
    }
    return changed;
}

}  // namespace

TEST_CASE("a new name rewrites an entity's record only, and a merge moves no edge", "[graph][store][merge]") {
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, Facts("n4", "n4.txt", {Org("Scaleco"), Org("Apple")}, {{"Apple", "customer-of", "Scaleco"}}));
        IngestOk(*store, Facts("n1", "n1.txt", {Org("Scale"), Org("OpenAI")}, {{"Scale", "competes-with", "OpenAI"}}));
        IngestOk(*store, Facts("n2", "n2.txt", {Org("Scale"), Org("Nvidia")}, {{"Scale", "customer-of", "Nvidia"}}));
        IngestOk(*store, Facts("n3", "n3.txt", {Org("Scale AI", {"Scale"}), Org("Meta")}, {{"Meta", "invests-in", "Scale AI"}}));
    }
    const DatabaseDump before = Dump(dir.db());
    {
        // Two documents for each name: the longer, "Scale AI", now wins.
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, Facts("n5", "n5.txt", {Org("Scale AI")}, {}));
        CHECK(Names(ReadOk(*store)) == std::vector<std::string>{"Apple", "Meta", "Nvidia", "OpenAI", "Scale AI", "Scaleco"});
        RequireClean(*store);
    }
    DatabaseDump renamed = Dump(dir.db());
    for (const std::string family : {"mentions", "out-edges", "in-edges", "evidence", "aliases"}) {
        INFO(family);
        CHECK(ChangedKeys(before, renamed, family).empty());
    }
    CHECK(ChangedKeys(before, renamed, "entities").size() == 1);

    {
        // Scaleco (one mention) joins Scale AI (four): Scale AI keeps its id,
        // Scaleco's id becomes part of it.
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, Facts("n6", "n6.txt", {Org("Scale AI", {"Scaleco"})}, {}));
        const GraphModel merged = ReadOk(*store);
        CHECK(Names(merged) == std::vector<std::string>{"Apple", "Meta", "Nvidia", "OpenAI", "Scale AI"});
        CHECK(FindRelation(merged, "Apple", "customer-of", "Scale AI"));
        CHECK(FindRelation(merged, "OpenAI", "competes-with", "Scale AI"));
        CHECK(merged.relations.size() == 4);
        RequireClean(*store);
    }
    const DatabaseDump after_merge = Dump(dir.db());
    for (const std::string family : {"mentions", "out-edges", "in-edges", "evidence"}) {
        INFO(family);
        CHECK(ChangedKeys(renamed, after_merge, family).empty());
    }
    CHECK(ChangedKeys(renamed, after_merge, "entities").size() == 2);  // Scale AI's votes; Scaleco's record
    CHECK(after_merge.at("merged").size() == 1);
}

TEST_CASE("forgetting a document that splits no entity changes its own keys only", "[graph][store][forget]") {
    const std::vector<DocumentFacts> docs = {
        Facts("f1", "f1.txt", {Org("Acme"), Org("Beta")}, {{"Acme", "competes-with", "Beta"}}),
        Facts("f2", "f2.txt", {Org("Acme Corp"), Org("Beta")}, {{"Acme Corp", "customer-of", "Beta"}}),
        Facts("f3", "f3.txt", {Org("Acme Corp", {"Acme"})}, {}),  // joins Acme and Acme Corp
        Facts("f4", "f4.txt", {Org("Acme"), Org("Gamma")}, {{"Acme", "invests-in", "Gamma"}}),
        Facts("f5", "f5.txt", {Org("Acme Corp")}, {}),
    };
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        for (const DocumentFacts& doc : docs) IngestOk(*store, doc);
    }
    const DatabaseDump before = Dump(dir.db());
    REQUIRE(before.at("merged").size() == 1);
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        REQUIRE(store->Forget("f4.txt").ok());
        RequireClean(*store);
    }
    const DatabaseDump after = Dump(dir.db());
    // Its evidence, edge and mentions go; so do Gamma and its alias. Acme's
    // record changes (its votes); nothing of the other documents moves.
    CHECK(ChangedKeys(before, after, "evidence").size() == 1);
    CHECK(ChangedKeys(before, after, "out-edges").size() == 1);
    CHECK(ChangedKeys(before, after, "mentions").size() == 2);
    CHECK(ChangedKeys(before, after, "entities").size() == 2);
    CHECK(ChangedKeys(before, after, "aliases") == std::vector<std::string>{"gamma"});
    CHECK(Content(dir.db()) == IngestInOrder({docs[0], docs[1], docs[2], docs[4]}, {0, 1, 2, 3}));

    {
        // Acme Corp's first id was merged into Acme's; f2 was all it had.
        std::unique_ptr<Store> store = OpenStore(dir.db());
        REQUIRE(store->Forget("f2.txt").ok());
        RequireClean(*store);
    }
    CHECK(!Dump(dir.db()).count("merged"));
    CHECK(Content(dir.db()) == IngestInOrder({docs[0], docs[2], docs[4]}, {0, 1, 2}));

    // f3 joins Acme and Acme Corp, but so does f6: without f3 they stay one.
    const DocumentFacts f6 = Facts("f6", "f6.txt", {Org("ACME CORP", {"acme"})}, {});
    IngestOk(*OpenStore(dir.db()), f6);
    const DatabaseDump joined_twice = Dump(dir.db());
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        REQUIRE(store->Forget("f3.txt").ok());
        RequireClean(*store);
    }
    const DatabaseDump joined_once = Dump(dir.db());
    CHECK(ChangedKeys(joined_twice, joined_once, "evidence").empty());
    CHECK(ChangedKeys(joined_twice, joined_once, "mentions").size() == 1);
    CHECK(ChangedKeys(joined_twice, joined_once, "entities").size() == 1);
    CHECK(Content(dir.db()) == IngestInOrder({docs[0], docs[4], f6}, {0, 1, 2}));
}

TEST_CASE("a removal finds evidence that a rebuild stored under another id of the entity", "[graph][store][forget]") {
    const DocumentFacts a = Facts("g1", "a.txt", {Org("Google")}, {});
    const DocumentFacts b = Facts("g2", "b.txt", {Org("Alphabet"), Org("DeepMind")}, {{"Alphabet", "owns", "DeepMind"}});
    const DocumentFacts c = Facts("g3", "c.txt", {Org("Google", {"Alphabet"})}, {});  // Alphabet's id merged into Google's
    const DocumentFacts e = Facts("g4", "e.txt", {Org("DeepMind Technologies")}, {});
    const DocumentFacts f = Facts("g5", "f.txt", {Org("DeepMind", {"DeepMind Technologies"})}, {});
    std::vector<DocumentFacts> xc;
    for (const char* text : {"x1", "x2", "x3", "x4"}) xc.push_back(Facts(text, std::string(text) + ".txt", {Org("Xc")}, {}));
    const DocumentFacts g = Facts("g6", "g.txt", {Org("Xc", {"Google", "Alphabet"})}, {});  // Xc absorbs Google

    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    for (const DocumentFacts* doc : {&a, &b, &c, &e, &f}) IngestOk(*store, *doc);
    // Splits DeepMind: the rebuild rewrites b's evidence with Google's id,
    // while b's mention of Alphabet stays under Alphabet's merged id.
    REQUIRE(store->Forget("f.txt").ok());
    for (const DocumentFacts& doc : xc) IngestOk(*store, doc);
    IngestOk(*store, g);
    // Google's own id is left with b's edge only; it must stay a merged id.
    REQUIRE(store->Forget("a.txt").ok());
    REQUIRE(store->Forget("c.txt").ok());
    RequireClean(*store);
    CHECK(FindRelation(ReadOk(*store), "Xc", "owns", "DeepMind"));
    REQUIRE(store->Forget("b.txt").ok());
    RequireClean(*store);
    store.reset();

    std::vector<DocumentFacts> remaining = xc;
    remaining.push_back(e);
    remaining.push_back(g);
    CHECK(Content(dir.db()) == IngestInOrder(remaining, {0, 1, 2, 3, 4, 5}));
}

TEST_CASE("an entity whose own id holds nothing any more merges without a merged key for it", "[graph][store][merge]") {
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        IngestOk(*store, Facts("d1", "d1.txt", {Org("Acme")}, {}));
        IngestOk(*store, Facts("d2", "d2.txt", {Org("Acme Inc")}, {}));
        IngestOk(*store, Facts("d3", "d3.txt", {Org("Acme Inc", {"Acme"})}, {}));  // Acme's id kept
        REQUIRE(store->Forget("d1.txt").ok());
        REQUIRE(store->Forget("d3.txt").ok());  // Acme is gone; "Acme Inc" lives on under Acme's old id
        IngestOk(*store, Facts("d4", "d4.txt", {Org("Acme Ltd")}, {}));
        IngestOk(*store, Facts("d5", "d5.txt", {Org("Acme Ltd")}, {}));
        IngestOk(*store, Facts("d6", "d6.txt", {Org("Acme Ltd", {"Acme Inc"})}, {}));
        RequireClean(*store);
    }
    CHECK(Dump(dir.db()).at("merged").size() == 1);  // only the id Acme Inc's mention is stored under
}

// --- Store: bulk load ---

namespace {

StoredContent BulkLoaded(const std::vector<DocumentFacts>& docs) {
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        Result<std::unique_ptr<BulkLoad>> load = store->StartBulkLoad();
        REQUIRE(load.ok());
        for (const DocumentFacts& doc : docs) REQUIRE((*load)->Add(doc).ok());
        REQUIRE((*load)->Finish().ok());
        RequireClean(*store);
    }
    CHECK(!fs::exists(dir.db() / "bulk-load"));  // the table files were moved in, the scratch folder removed
    return Content(dir.db());
}

}  // namespace

TEST_CASE("a bulk load stores what ingesting the documents one by one stores", "[graph][store][bulk]") {
    const std::vector<DocumentFacts> docs = TangledDocuments();
    const StoredContent expected = IngestInOrder(docs, {0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(BulkLoaded(docs) == expected);
    CHECK(BulkLoaded({docs.rbegin(), docs.rend()}) == expected);
}

TEST_CASE("table files index and filter in partitions, so a query's first read of a file loads one, not all",
          "[graph][store][bulk]") {
    const std::vector<DocumentFacts> docs = TangledDocuments();
    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        SECTION("written by a flush") {
            for (const DocumentFacts& doc : docs) IngestOk(*store, doc);
        }
        SECTION("written by a bulk load") {
            Result<std::unique_ptr<BulkLoad>> load = store->StartBulkLoad();
            REQUIRE(load.ok());
            for (const DocumentFacts& doc : docs) REQUIRE((*load)->Add(doc).ok());
            REQUIRE((*load)->Finish().ok());
        }
    }
    RawDatabase raw(dir.db());
    std::size_t files = 0;
    for (rocksdb::ColumnFamilyHandle* handle : raw.handles) {
        rocksdb::TablePropertiesCollection tables;
        REQUIRE(raw.db->GetPropertiesOfAllTables(handle, &tables).ok());
        for (const auto& [file, properties] : tables) {
            INFO(file);
            CHECK(properties->index_partitions >= 1);  // 0 for a single index block
            ++files;
        }
    }
    CHECK(files >= 8);
}

TEST_CASE("an entity merged twice reads as one, its relations joined in document order", "[graph][store][merge]") {
    // "Acme" and "Acme Corp" both compete with Beta before a document joins
    // them; "ACME Group" then absorbs the pair, and its ids with it.
    const std::vector<DocumentFacts> docs = {
        Facts("m1", "m1.txt", {Org("Acme"), Org("Beta")}, {{"Acme", "competes-with", "Beta"}}),
        Facts("m2", "m2.txt", {Org("Acme Corp"), Org("Beta"), Org("Acme")},
              {{"Beta", "competes-with", "Acme Corp"}, {"Acme", "customer-of", "Beta"}, {"Acme Corp", "customer-of", "Beta"}}),
        Facts("m3", "m3.txt", {Org("Acme Corp", {"Acme"})}, {}),
        Facts("m4", "m4.txt", {Org("ACME Group"), Org("Beta")}, {{"ACME Group", "invests-in", "Beta"}}),
        Facts("m5", "m5.txt", {Org("ACME Group")}, {}),
        Facts("m6", "m6.txt", {Org("ACME Group")}, {}),
        Facts("m7", "m7.txt", {Org("ACME Group")}, {}),
        Facts("m8", "m8.txt", {Org("ACME Group")}, {}),
        Facts("m9", "m9.txt", {Org("ACME Group", {"Acme Corp"})}, {}),
    };
    const StoredContent one_by_one = IngestInOrder(docs, {0, 1, 2, 3, 4, 5, 6, 7, 8});
    REQUIRE(one_by_one.entities.size() == 2);
    REQUIRE(one_by_one.entities[0].name == "ACME Group");
    REQUIRE(one_by_one.relations.size() == 3);
    const Relation& customer = one_by_one.relations[1];
    REQUIRE((customer.subject == "ACME Group" && customer.predicate == "customer-of" && customer.object == "Beta"));
    // m2's two statements, in the order of the document, though they were
    // stored under two ids.
    REQUIRE(customer.evidence.size() == 2);
    CHECK(customer.evidence[0].sentence == "Acme customer-of Beta.");
    CHECK(customer.evidence[1].sentence == "Acme Corp customer-of Beta.");
    REQUIRE(one_by_one.relations[0].evidence.size() == 2);  // competes-with: m1 and m2
    CHECK(IngestInOrder(docs, {8, 7, 6, 5, 4, 3, 2, 1, 0}) == one_by_one);
    CHECK(BulkLoaded(docs) == one_by_one);

    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        for (const DocumentFacts& doc : docs) IngestOk(*store, doc);
    }
    {
        // Both earlier ids are now part of ACME Group's.
        const DatabaseDump dump = Dump(dir.db());
        REQUIRE(dump.at("merged").size() == 2);
        CHECK(SplitAtNul(dump.at("merged").begin()->first).at(0) == dump.at("aliases").at("acme group"));
        CHECK(SplitAtNul(dump.at("merged").rbegin()->first).at(0) == dump.at("aliases").at("acme group"));
    }
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        Result<StoreStats> stats = store->Stats();
        REQUIRE(stats.ok());
        CHECK(stats->entities == 2);
        CHECK(stats->relations == 3);
        // Forgetting the documents that merged splits the entity again.
        REQUIRE(store->Forget("m9.txt").ok());
        REQUIRE(store->Forget("m3.txt").ok());
        RequireClean(*store);
        CHECK(Names(ReadOk(*store)) == std::vector<std::string>{"ACME Group", "Acme", "Acme Corp", "Beta"});
    }
}

namespace {

// The figures of `stats`, counted from a full read of the graph.
StoreStats StatsOfGraph(const Store& store) {
    const GraphModel graph = ReadOk(store);
    Result<std::vector<DocumentInfo>> documents = store.Documents();
    REQUIRE(documents.ok());
    std::map<std::string, std::size_t> by_type, by_predicate;
    StoreStats stats;
    stats.documents = documents->size();
    stats.entities = graph.entities.size();
    stats.relations = graph.relations.size();
    for (const Entity& entity : graph.entities) ++by_type[std::string(EntityTypeName(entity.type))];
    for (const Relation& relation : graph.relations) {
        ++by_predicate[relation.predicate];
        stats.evidence += relation.evidence.size();
    }
    stats.entities_by_type.assign(by_type.begin(), by_type.end());
    stats.relations_by_predicate.assign(by_predicate.begin(), by_predicate.end());
    return stats;
}

void RequireStatsOfGraph(const Store& store) {
    Result<StoreStats> stats = store.Stats();
    REQUIRE(stats.ok());
    const StoreStats expected = StatsOfGraph(store);
    CHECK(stats->documents == expected.documents);
    CHECK(stats->entities == expected.entities);
    CHECK(stats->relations == expected.relations);
    CHECK(stats->evidence == expected.evidence);
    CHECK(stats->entities_by_type == expected.entities_by_type);
    CHECK(stats->relations_by_predicate == expected.relations_by_predicate);
}

}  // namespace

TEST_CASE("stats, kept at write time, equal a full read after every kind of update", "[graph][store][stats]") {
    TempDir dir;
    std::vector<DocumentFacts> docs = TangledDocuments();
    // Merges joining relations: ids merged twice, pairs that become one.
    for (const DocumentFacts& doc : std::vector<DocumentFacts>{
             Facts("m1", "m1.txt", {Org("Acme"), Org("Beta")}, {{"Acme", "competes-with", "Beta"}}),
             Facts("m2", "m2.txt", {Org("Acme Corp"), Org("Beta"), Org("Acme")},
                   {{"Beta", "competes-with", "Acme Corp"}, {"Acme Corp", "customer-of", "Beta"}}),
             Facts("m3", "m3.txt", {Org("Acme Corp", {"Acme"})}, {}),
             Facts("m4", "m4.txt", {Person("Ann Acme"), Org("ACME Group", {"Acme Corp"})},
                   {{"Ann Acme", "works-for", "ACME Group"}})}) {
        docs.push_back(doc);
    }
    std::unique_ptr<Store> store = OpenStore(dir.db());
    for (const DocumentFacts& doc : docs) {
        IngestOk(*store, doc);
        RequireStatsOfGraph(*store);
    }
    SECTION("re-ingest") {
        for (const DocumentFacts& doc : docs) REQUIRE(IngestOk(*store, doc) == IngestOutcome::kUnchanged);
    }
    SECTION("replacement, and a merge of everything undone") {
        REQUIRE(IngestOk(*store, Facts("t6 v2", "t6.txt", {Person("Scale", {"Anthropic"})}, {})) ==
                IngestOutcome::kReplaced);
        RequireStatsOfGraph(*store);
        IngestOk(*store, Facts("bridge", "bridge.txt", {Org("Bridge", {"Scale", "Google", "Acme", "Beta", "Meta"})},
                               {}));
        RequireStatsOfGraph(*store);
        REQUIRE(store->Forget("bridge.txt").ok());
        RequireStatsOfGraph(*store);
        REQUIRE(store->Forget("m3.txt").ok());  // splits Acme from Acme Corp
    }
    SECTION("re-extraction") {
        DocumentFacts again = docs[4];
        again.extractor = "another";
        again.relations.pop_back();
        again.entities.push_back(Person("Jane Doe"));
        REQUIRE(IngestOk(*store, again) == IngestOutcome::kReextracted);
    }
    RequireStatsOfGraph(*store);
    RequireClean(*store);  // compares the counts with every key too
    store.reset();
    RequireStatsOfGraph(*OpenReader(dir.db()));
}

TEST_CASE("a bulk load keeps Ingest's outcomes for repeated contents and sources", "[graph][store][bulk]") {
    const std::vector<DocumentFacts> docs = TangledDocuments();
    const DocumentFacts t1_v2 = Facts("t1 v2", "t1.txt", {Org("Scale"), Org("Anthropic")}, {{"Scale", "competes-with", "Anthropic"}});
    const DocumentFacts t2_elsewhere = Facts("t2", "elsewhere/t2.txt", docs[1].entities, {{"Scale AI", "customer-of", "Nvidia"}});

    std::vector<DocumentFacts> final_set(docs.begin() + 1, docs.end());
    final_set.push_back(t1_v2);
    const StoredContent expected = IngestInOrder(final_set, {0, 1, 2, 3, 4, 5, 6, 7});

    TempDir dir;
    {
        std::unique_ptr<Store> store = OpenStore(dir.db());
        Result<std::unique_ptr<BulkLoad>> load = store->StartBulkLoad();
        REQUIRE(load.ok());
        for (const DocumentFacts& doc : docs) REQUIRE(*(*load)->Add(doc) == IngestOutcome::kAdded);
        CHECK(*(*load)->Add(docs[2]) == IngestOutcome::kUnchanged);
        CHECK(*(*load)->Add(t2_elsewhere) == IngestOutcome::kUnchanged);  // same content, other path
        CHECK(*(*load)->Add(t1_v2) == IngestOutcome::kReplaced);
        CHECK((*load)->Add(Facts("bad", "bad.txt", {Org("A")}, {{"A", "owns", "B"}})).status().IsInvalidArgument());
        REQUIRE((*load)->Finish().ok());
    }
    CHECK(Content(dir.db()) == expected);
}

TEST_CASE("a bulk load stores nothing before Finish and only fills an empty database", "[graph][store][bulk]") {
    const std::vector<DocumentFacts> docs = TangledDocuments();
    TempDir dir;
    std::unique_ptr<Store> store = OpenStore(dir.db());
    {
        Result<std::unique_ptr<BulkLoad>> abandoned = store->StartBulkLoad();
        REQUIRE(abandoned.ok());
        for (const DocumentFacts& doc : docs) REQUIRE((*abandoned)->Add(doc).ok());
        CHECK(store->Documents()->empty());
    }
    CHECK(store->Documents()->empty());

    Result<std::unique_ptr<BulkLoad>> late = store->StartBulkLoad();
    REQUIRE(late.ok());
    REQUIRE((*late)->Add(docs[0]).ok());
    IngestOk(*store, docs[1]);  // a document arrives between the start and the end of the load
    const Status refused = (*late)->Finish();
    CHECK(refused.IsInvalidArgument());
    CHECK(refused.message() == "database " + dir.db().string() +
                                   " already holds documents; a bulk load only fills an empty database");
    CHECK(store->StartBulkLoad().status().IsInvalidArgument());
    CHECK(store->Documents()->size() == 1);
    RequireClean(*store);
}

// --- Store: concurrency between processes ---

TEST_CASE("a writer waits out the shared lock a reader takes for an instant as it opens", "[graph][store][lock]") {
    TempDir dir;
    OpenStore(dir.db());
    // What a reader's check for a running writer holds (database.cpp, WriterActive).
    const int reader = open(dir.db().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(reader >= 0);
    REQUIRE(flock(reader, LOCK_SH | LOCK_NB) == 0);
    std::thread release([reader] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        close(reader);
    });
    Result<std::unique_ptr<Store>> writer = Store::Open(dir.db());
    release.join();
    INFO(writer.status().ToString());
    CHECK(writer.ok());
}

TEST_CASE("a second writer is refused, naming the process that holds the database", "[graph][store][lock]") {
    TempDir dir;
    SECTION("in the same process") {
        std::unique_ptr<Store> writer = OpenStore(dir.db());
        Result<std::unique_ptr<Store>> second = Store::Open(dir.db());
        REQUIRE(second.status().IsBusy());
        CHECK(second.status().message() ==
              "database " + dir.db().string() + " is in use by process " + std::to_string(getpid()));
    }
    SECTION("in another process") {
        int ready[2], done[2];
        REQUIRE(pipe(ready) == 0);
        REQUIRE(pipe(done) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            Result<std::unique_ptr<Store>> store = Store::Open(dir.db());
            char byte = store.ok() ? 'y' : 'n';
            (void)!write(ready[1], &byte, 1);
            (void)!read(done[0], &byte, 1);  // hold the database until the parent has tried
            _exit(0);
        }
        char byte = 0;
        REQUIRE(read(ready[0], &byte, 1) == 1);
        REQUIRE(byte == 'y');
        Result<std::unique_ptr<Store>> second = Store::Open(dir.db());
        CHECK(second.status().IsBusy());
        CHECK(second.status().message() == "database " + dir.db().string() + " is in use by process " + std::to_string(child));
        REQUIRE(write(done[1], &byte, 1) == 1);
        int status = 0;
        waitpid(child, &status, 0);
        for (int fd : {ready[0], ready[1], done[0], done[1]}) close(fd);
        // Released with the process: the next writer gets in.
        OpenStore(dir.db());
    }
    SECTION("until the first writer closes") {
        OpenStore(dir.db());
        OpenStore(dir.db());
    }
}

TEST_CASE("readers open the database while a writer holds it", "[graph][store][lock]") {
    TempDir dir;
    std::unique_ptr<Store> writer = OpenStore(dir.db());
    IngestOk(*writer, ScaleA());
    std::unique_ptr<Store> reader = OpenReader(dir.db());
    std::unique_ptr<Store> second_reader = OpenReader(dir.db());
    CHECK(SameGraph(ReadOk(*reader), ReadOk(*writer)));
    CHECK(SameGraph(ReadOk(*second_reader), ReadOk(*writer)));
    RequireClean(*reader);
    Result<IngestOutcome> refused = reader->Ingest(ScaleB());
    CHECK(refused.status().IsInvalidArgument());
    CHECK(reader->Forget("a.txt").IsInvalidArgument());
}

TEST_CASE("a reader in another process sees whole documents while a writer ingests", "[graph][store][lock]") {
    TempDir dir;
    OpenStore(dir.db());  // create it, so the reader never finds it missing
    constexpr int kDocuments = 100;
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child leaves with _exit, skipping destructors: RocksDB's thread
        // pool did not survive the fork, so a flush at close would wait forever.
        Result<std::unique_ptr<Store>> store = Store::Open(dir.db());
        bool ok = store.ok();
        for (int i = 0; ok && i < kDocuments; ++i) {
            const std::string n = std::to_string(i);
            ok = (*store)->Ingest(Facts("doc " + n, n + ".txt", {Org("Hub"), Org("Company " + n, {"C" + n})},
                                        {{"Company " + n, "customer-of", "Hub"}}))
                     .ok();
        }
        _exit(ok ? 0 : 1);
    }
    int child_status = 0;
    bool child_done = false;
    int reads = 0;
    while (!child_done || reads < 2) {
        child_done = child_done || waitpid(child, &child_status, WNOHANG) == child;
        std::unique_ptr<Store> reader = OpenReader(dir.db());
        GraphModel graph = ReadOk(*reader);
        // Every document brings one entity and one relation, atomically.
        CHECK(graph.relations.size() + 1 == std::max<std::size_t>(graph.entities.size(), 1));
        RequireClean(*reader);
        ++reads;
    }
    REQUIRE(WIFEXITED(child_status));
    REQUIRE(WEXITSTATUS(child_status) == 0);
    CHECK(ReadOk(*OpenReader(dir.db())).relations.size() == kDocuments);
}

// --- Traversal ---

namespace {

// Meta -invests-in-> Scale AI -customer-of-> Nvidia; Google -leaves-> Scale AI;
// OpenAI -competes-with- Scale AI (stored Anthropic-free, subject < object).
GraphModel SmallGraph() {
    GraphModel graph;
    for (const char* name : {"Google", "Meta", "Nvidia", "OpenAI", "Scale AI", "Zoox"}) graph.entities.push_back(Org(name));
    auto relation = [](const char* s, const char* p, const char* o) { return Relation{s, p, o, {}, false}; };
    graph.relations = {relation("Google", "leaves", "Scale AI"), relation("Meta", "invests-in", "Scale AI"),
                       relation("OpenAI", "competes-with", "Scale AI"), relation("Scale AI", "customer-of", "Nvidia")};
    return graph;
}

std::vector<std::pair<std::string, int>> Summary(const std::vector<Neighbor>& neighbors) {
    std::vector<std::pair<std::string, int>> summary;
    for (const Neighbor& n : neighbors) summary.emplace_back(n.entity, n.depth);
    return summary;
}

}  // namespace

TEST_CASE("neighbors by depth then name, with direction and predicate filters", "[graph][traversal]") {
    const GraphModel graph = SmallGraph();
    using Summary_t = std::vector<std::pair<std::string, int>>;

    Result<std::vector<Neighbor>> one = Neighbors(graph, "Meta", 1);
    REQUIRE(one.ok());
    CHECK(Summary(*one) == Summary_t{{"Scale AI", 1}});
    REQUIRE((*one)[0].via.size() == 1);
    CHECK((*one)[0].via[0] == &graph.relations[1]);

    Result<std::vector<Neighbor>> two = Neighbors(graph, "Meta", 2);
    REQUIRE(two.ok());
    CHECK(Summary(*two) == Summary_t{{"Scale AI", 1}, {"Google", 2}, {"Nvidia", 2}, {"OpenAI", 2}});

    TraversalFilter out;
    out.direction = Direction::kOut;
    // OpenAI competes-with Scale AI says as much of Scale AI as of OpenAI:
    // out of Scale AI too.
    CHECK(Summary(*Neighbors(graph, "Meta", 5, out)) == Summary_t{{"Scale AI", 1}, {"Nvidia", 2}, {"OpenAI", 2}});

    TraversalFilter in;
    in.direction = Direction::kIn;
    CHECK(Summary(*Neighbors(graph, "Scale AI", 1, in)) == Summary_t{{"Google", 1}, {"Meta", 1}, {"OpenAI", 1}});

    TraversalFilter invest_only;
    invest_only.predicates = {"invests-in", "customer-of"};
    CHECK(Summary(*Neighbors(graph, "Meta", 3, invest_only)) == Summary_t{{"Scale AI", 1}, {"Nvidia", 2}});

    CHECK(Neighbors(graph, "Zoox", 3)->empty());
    CHECK(Neighbors(graph, "Meta", 0)->empty());
    CHECK(Neighbors(graph, "Meta", -1).status().IsInvalidArgument());
    Result<std::vector<Neighbor>> unknown = Neighbors(graph, "Anthropic", 1);
    REQUIRE(unknown.status().IsNotFound());
    CHECK(unknown.status().message().find("Anthropic") != std::string::npos);
}

TEST_CASE("via lists every relation from the previous layer", "[graph][traversal]") {
    GraphModel graph;
    graph.entities = {Org("A"), Org("B"), Org("C"), Org("D")};
    graph.relations = {Relation{"A", "owns", "B", {}, false}, Relation{"A", "owns", "C", {}, false},
                       Relation{"B", "supplies", "D", {}, false}, Relation{"C", "supplies", "D", {}, false}};
    Result<std::vector<Neighbor>> neighbors = Neighbors(graph, "A", 2);
    REQUIRE(neighbors.ok());
    REQUIRE(neighbors->size() == 3);
    CHECK((*neighbors)[2].entity == "D");
    CHECK((*neighbors)[2].via == std::vector<const Relation*>{&graph.relations[2], &graph.relations[3]});
}

TEST_CASE("shortest path crosses relations both ways and reports unknown names", "[graph][traversal]") {
    const GraphModel graph = SmallGraph();
    Result<std::vector<PathHop>> path = ShortestPath(graph, "Meta", "Google");
    REQUIRE(path.ok());
    REQUIRE(path->size() == 2);
    CHECK((*path)[0].relation == &graph.relations[1]);
    CHECK((*path)[0].forward);
    CHECK((*path)[1].relation == &graph.relations[0]);
    CHECK(!(*path)[1].forward);

    TraversalFilter out;
    out.direction = Direction::kOut;
    Result<std::vector<PathHop>> forward_only = ShortestPath(graph, "Meta", "Nvidia", out);
    REQUIRE(forward_only.ok());
    CHECK(forward_only->size() == 2);
    CHECK(ShortestPath(graph, "Meta", "Google", out).status().IsNotFound());
    CHECK(ShortestPath(graph, "Meta", "Zoox").status().IsNotFound());
    CHECK(ShortestPath(graph, "Meta", "Meta")->empty());
    Result<std::vector<PathHop>> unknown = ShortestPath(graph, "Meta", "Anthropic");
    REQUIRE(unknown.status().IsNotFound());
    CHECK(unknown.status().message().find("Anthropic") != std::string::npos);
}
