// Whole-graph commands that must not hold the graph: `export --format
// jsonld`, written while the store is read, gives byte for byte what the
// export of the whole in-memory graph gives; `rank` orders entities as the
// graph's shape says.
#include <catch2/catch.hpp>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "kgraph/export.h"
#include "kgraph/ranking.h"
#include "kgraph/store.h"
#include "tangled_corpus.h"

using namespace kgraph;
using namespace kgraph::test;
using nlohmann::json;

namespace {

GraphModel ReadWholeGraph(const TempDir& dir) {
    StoreOptions options;
    options.read_only = true;
    Result<std::unique_ptr<Store>> store = Store::Open(dir.db(), options);
    REQUIRE(store.ok());
    Result<GraphModel> graph = (*store)->ReadGraph();
    REQUIRE(graph.ok());
    return std::move(*graph);
}

// The tangled corpus, with what only some relations have: a majority stake
// and a subsidiary (parent organizations), a founder, an isolated entity.
void StoreTangledCorpus(const TempDir& dir, unsigned seed) {
    Result<std::unique_ptr<Store>> store = Store::Open(dir.db());
    REQUIRE(store.ok());
    std::vector<DocumentFacts> docs = TangledCorpus(seed);
    DocumentFacts extra = Facts("extra.txt",
                                {{"Org 1", EntityType::kOrganization, {}},
                                 {"Org 2", EntityType::kOrganization, {}},
                                 {"Org 7", EntityType::kOrganization, {}},
                                 {"Ada Founder", EntityType::kPerson, {}},
                                 {"Lone Co", EntityType::kOrganization, {}}},
                                {{"Org 1", "owns-stake", "Org 2"},
                                 {"Org 7", "owns-stake", "Org 1"},
                                 {"Ada Founder", "founder-of", "Org 7"}});
    extra.relations[0].evidence[0].percent = 60;
    extra.relations[1].evidence[0].rule = "subsidiary-of";
    docs.push_back(extra);
    for (const DocumentFacts& doc : docs) REQUIRE((*store)->Ingest(doc).ok());
    for (std::size_t d = 0; d < docs.size(); d += 9) REQUIRE((*store)->Forget(docs[d].source).ok());
}

void RequireStreamedExportsAreWholeGraphs(const TempDir& dir) {
    const GraphModel graph = ReadWholeGraph(dir);
    Run graphml = Kgraph(dir, {"export", "--format", "graphml", "-o", "-"});
    REQUIRE(graphml.exit_code == 0);
    CHECK(graphml.out == ToGraphMl(graph));
    const std::string whole = ToJsonLd(graph) + "\n";
    Run streamed = Kgraph(dir, {"export", "--format", "jsonld", "-o", "-"});
    INFO(streamed.err);
    REQUIRE(streamed.exit_code == 0);
    CHECK(streamed.out == whole);
    // To a file as to standard output.
    Run to_file = Kgraph(dir, {"export", "--format", "jsonld", "-o", (dir / "out" / "graph.jsonld").string()});
    REQUIRE(to_file.exit_code == 0);
    CHECK(Slurp(dir / "out" / "graph.jsonld") == whole);
}

}  // namespace

TEST_CASE("export --format jsonld and graphml of the whole seeds graph are the export of the graph in memory") {
    TempDir dir;
    Run ingest = Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR});
    INFO(ingest.err);
    REQUIRE(ingest.exit_code == 0);
    RequireStreamedExportsAreWholeGraphs(dir);
}

TEST_CASE("export --format jsonld and graphml of a generated graph with merged entities are the export of the graph in memory") {
    for (unsigned seed : {1u, 2u}) {
        INFO("seed " << seed);
        TempDir dir;
        StoreTangledCorpus(dir, seed);
        const std::string whole = ToJsonLd(ReadWholeGraph(dir));
        // The corpus reaches every kind of edge an entity node carries.
        for (const char* edge : {"\"subOrganization\"", "\"parentOrganization\"", "\"founder\"", "\"competesWith\""}) {
            CHECK(whole.find(edge) != std::string::npos);
        }
        RequireStreamedExportsAreWholeGraphs(dir);
    }
}

TEST_CASE("documents --json lists, a document at a time, what Store::Documents() gives, in its order") {
    TempDir dir;
    StoreTangledCorpus(dir, 2);  // forgotten documents leave gaps in both orders
    StoreOptions options;
    options.read_only = true;
    Result<std::unique_ptr<Store>> store = Store::Open(dir.db(), options);
    REQUIRE(store.ok());
    Result<std::vector<DocumentInfo>> documents = (*store)->Documents();
    REQUIRE(documents.ok());
    Run run = Kgraph(dir, {"documents", "--json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const json listed = json::parse(run.out);
    REQUIRE(listed.size() == documents->size());
    for (std::size_t d = 0; d < documents->size(); ++d) {
        CHECK(listed[d]["id"] == (*documents)[d].id);
        CHECK(listed[d]["source"] == (*documents)[d].source);
        CHECK(listed[d]["relations"] == (*documents)[d].relations);
    }
}

TEST_CASE("exports of an empty database are empty graphs") {
    TempDir dir;
    REQUIRE(Store::Open(dir.db()).ok());
    RequireStreamedExportsAreWholeGraphs(dir);
}

TEST_CASE("rank reads the outline ReadGraph() gives and orders by PageRank, degree and component") {
    TempDir dir;
    StoreTangledCorpus(dir, 1);
    const GraphModel graph = ReadWholeGraph(dir);
    StoreOptions options;
    options.read_only = true;
    Result<std::unique_ptr<Store>> store = Store::Open(dir.db(), options);
    REQUIRE(store.ok());
    Result<std::unique_ptr<GraphSnapshot>> snapshot = (*store)->Snapshot();
    REQUIRE(snapshot.ok());
    Result<GraphOutline> read = ReadOutline(**snapshot);
    REQUIRE(read.ok());
    const GraphOutline expected = OutlineOf(graph);
    CHECK(read->entities == expected.entities);
    REQUIRE(read->relations.size() == expected.relations.size());
    for (std::size_t r = 0; r < expected.relations.size(); ++r) {
        CHECK(read->relations[r].subject == expected.relations[r].subject);
        CHECK(read->relations[r].object == expected.relations[r].object);
    }
}

TEST_CASE("PageRank ranks by ties to important entities, degree counts ends, components are numbered by size") {
    // A chain a -> b -> c, a star hub <- s1..s3, a symmetric pair p <-> q, and z alone.
    GraphModel graph;
    for (const char* name : {"a", "b", "c", "hub", "p", "q", "s1", "s2", "s3", "z"}) {
        graph.entities.push_back({name, EntityType::kOrganization, {}});
    }
    graph.relations = {{"a", "invests-in", "b", {}, false},   {"b", "invests-in", "c", {}, false},
                       {"p", "competes-with", "q", {}, false}, {"s1", "customer-of", "hub", {}, false},
                       {"s2", "customer-of", "hub", {}, false}, {"s3", "customer-of", "hub", {}, false}};
    const GraphOutline outline = OutlineOf(graph);
    auto names = [&](const std::vector<EntityRank>& ranks) {
        std::vector<std::string> ordered;
        for (const EntityRank& rank : ranks) ordered.push_back(outline.entities[rank.entity].name);
        return ordered;
    };
    const std::vector<EntityRank> by_degree = RankEntities(outline, RankBy::kDegree);
    CHECK(names(by_degree) == std::vector<std::string>{"hub", "b", "a", "c", "p", "q", "s1", "s2", "s3", "z"});
    CHECK(by_degree[0].score == 3);

    const std::vector<EntityRank> by_rank = RankEntities(outline, RankBy::kPageRank);
    const std::vector<std::string> ranked = names(by_rank);
    auto position = [&](const std::string& name) { return std::find(ranked.begin(), ranked.end(), name) - ranked.begin(); };
    CHECK(ranked[0] == "hub");
    CHECK(ranked[1] == "b");
    CHECK(ranked.back() == "z");
    // a and s1 have one relation each, but a's is to b, which has fewer
    // others to share its rank with than the hub has.
    CHECK(position("a") < position("s1"));
    CHECK(by_rank[position("a")].score == Approx(by_rank[position("c")].score));
    CHECK(by_rank[position("p")].score == Approx(by_rank[position("q")].score));

    // Components: the star (4), the chain (3), the pair (2), z (1).
    for (const EntityRank& rank : by_rank) {
        const std::string& name = outline.entities[rank.entity].name;
        const std::size_t expected = name == "z" ? 4 : name == "p" || name == "q" ? 3 : name.size() <= 1 ? 2 : 1;
        INFO(name);
        CHECK(rank.component == expected);
    }
}

TEST_CASE("rank on the seeds: Scale AI first, Meta next by degree, a separate component for Labelbox") {
    TempDir dir;
    Run ingest = Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR});
    REQUIRE(ingest.exit_code == 0);
    Run by_degree = Kgraph(dir, {"rank", "--by", "degree", "--top", "0", "--json"});
    INFO(by_degree.err);
    REQUIRE(by_degree.exit_code == 0);
    const json degree = json::parse(by_degree.out);
    REQUIRE(degree.size() >= 20);
    CHECK(degree[0]["name"] == "Scale AI");
    CHECK(degree[1]["name"] == "Meta");
    CHECK(degree[0]["score"].get<double>() == degree[0]["degree"].get<double>());
    json::const_reference last = degree.back();
    CHECK(last["degree"] == 0);  // entities named in passing come last
    std::map<std::string, std::size_t> component;
    for (const json& entity : degree) component[entity["name"]] = entity["component"];
    CHECK(component.at("Scale AI") == 1);
    CHECK(component.at("Meta") == 1);
    CHECK(component.at("Labelbox") == component.at("Manu Sharma"));
    CHECK(component.at("Labelbox") != 1);
    CHECK(component.at("Dua Lipa") != component.at("Labelbox"));

    Run by_rank = Kgraph(dir, {"rank", "--top", "3"});
    REQUIRE(by_rank.exit_code == 0);
    CHECK(Lines(by_rank.out) == 5);  // header, 3 entities, the components line
    CHECK(by_rank.out.find("Scale AI") < by_rank.out.find("\n", by_rank.out.find("\n") + 1));
    CHECK(by_rank.out.find("connected components") != std::string::npos);
}
