// The kgraph program end to end, as a user runs it: real seeds, a real
// database in a temporary folder, the real binary (KGRAPH_BIN).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_harness.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using namespace kgraph::test;

void IngestSeeds(const TempDir& dir) {
    Run run = Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
}

}  // namespace

TEST_CASE("ingest stores the seeds once, ingesting again changes nothing") {
    TempDir dir;
    Run first = Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.find("5 added") != std::string::npos);
    const std::string before = Kgraph(dir, {"relations", "--json"}).out;

    Run again = Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR});
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("0 added, 0 replaced, 5 unchanged") != std::string::npos);
    CHECK(Kgraph(dir, {"relations", "--json"}).out == before);
    CHECK(Kgraph(dir, {"check"}).exit_code == 0);
}

TEST_CASE("stats counts documents, entities per type and relations per type") {
    TempDir dir;
    IngestSeeds(dir);
    Run run = Kgraph(dir, {"stats", "--json"});
    REQUIRE(run.exit_code == 0);
    json stats = json::parse(run.out);
    CHECK(stats["documents"] == 5);
    CHECK(stats["entities_by_type"]["Organization"].get<int>() > 5);
    CHECK(stats["entities_by_type"]["Person"].get<int>() >= 3);
    CHECK(stats["relations_by_predicate"]["invests-in"].get<int>() >= 2);
    CHECK(stats["bytes_on_disk"].get<long>() > 0);
}

TEST_CASE("relations --json carries subject, object, predicate, amount and evidence") {
    TempDir dir;
    IngestSeeds(dir);
    Run run = Kgraph(dir, {"relations", "--json"});
    REQUIRE(run.exit_code == 0);
    json relations = json::parse(run.out);
    REQUIRE(relations.is_array());
    bool found = false;
    for (const json& r : relations) {
        if (r["predicate"] == "invests-in" && r["subject"]["name"] == "Microsoft" && r["object"]["name"] == "OpenAI") {
            found = true;
            CHECK(r["amount"]["value"].get<double>() == Approx(13e9));
            CHECK(r["amount"]["currency"] == "USD");
            REQUIRE(r["evidence"].size() >= 1);
            const json& evidence = r["evidence"][0];
            CHECK(evidence["sentence"].get<std::string>().find("13 billion dollars") != std::string::npos);
            CHECK(evidence["end"].get<long>() > evidence["start"].get<long>());
            CHECK_FALSE(evidence["rule"].get<std::string>().empty());
        }
        CHECK(r["confidence"].get<double>() > 0);
        CHECK(r["confidence"].get<double>() <= 1);
    }
    CHECK(found);
}

TEST_CASE("show finds an entity by any alias in any case, with evidence") {
    TempDir dir;
    IngestSeeds(dir);
    Run run = Kgraph(dir, {"show", "scale ai"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.rfind("Scale AI (Organization)", 0) == 0);
    CHECK(run.out.find("-> invests-in Meta") == std::string::npos);  // Meta invests in Scale AI, not the reverse
    CHECK(run.out.find("<- invests-in Meta") != std::string::npos);
    CHECK(run.out.find("\"") != std::string::npos);  // evidence sentences are quoted
}

TEST_CASE("an unknown name is one line that suggests the closest names") {
    TempDir dir;
    IngestSeeds(dir);
    Run run = Kgraph(dir, {"show", "Scale A1"});
    RequireCleanFailure(run, "did you mean \"Scale AI\"");
    // Misspellings as typed, found through the name index.
    RequireCleanFailure(Kgraph(dir, {"show", "Alexander Wang"}), "did you mean \"Alexandr Wang\"");
    RequireCleanFailure(Kgraph(dir, {"neighbors", "Antrhopic"}), "did you mean \"Anthropic\"");
}

TEST_CASE("neighbors follows relation filters and direction") {
    TempDir dir;
    IngestSeeds(dir);
    Run out = Kgraph(dir, {"neighbors", "Meta", "--depth", "1", "--rel", "invests-in", "--direction", "out", "--json"});
    REQUIRE(out.exit_code == 0);
    json neighbors = json::parse(out.out);
    bool scale = false;
    for (const json& n : neighbors) {
        CHECK(n["depth"] == 1);
        scale = scale || n["entity"] == "Scale AI";
    }
    CHECK(scale);

    Run in = Kgraph(dir, {"neighbors", "Meta", "--rel", "invests-in", "--direction", "in", "--json"});
    REQUIRE(in.exit_code == 0);
    for (const json& n : json::parse(in.out)) CHECK(n["entity"] != "Scale AI");

    Run two = Kgraph(dir, {"neighbors", "Scale AI", "--depth", "2", "--json"});
    REQUIRE(two.exit_code == 0);
    int deeper = 0;
    for (const json& n : json::parse(two.out)) deeper += n["depth"] == 2;
    CHECK(deeper > 0);
}

TEST_CASE("path prints each hop with its relation") {
    TempDir dir;
    IngestSeeds(dir);
    Run run = Kgraph(dir, {"path", "Google", "Meta", "--json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    json hops = json::parse(run.out);
    REQUIRE(hops.size() >= 1);
    // The hops chain from Google to Meta.
    std::string at = "Google";
    for (const json& hop : hops) {
        const bool forward = hop["forward"];
        CHECK((forward ? hop["subject"] : hop["object"]) == at);
        at = forward ? hop["object"] : hop["subject"];
    }
    CHECK(at == "Meta");
}

TEST_CASE("export writes DOT, SVG and JSON-LD files") {
    TempDir dir;
    IngestSeeds(dir);
    for (const std::string format : {"dot", "svg", "jsonld"}) {
        const fs::path file = dir / ("out/graph." + format);
        Run run = Kgraph(dir, {"export", "--format", format, "-o", file.string()});
        INFO(format << ": " << run.err);
        REQUIRE(run.exit_code == 0);
        REQUIRE(fs::exists(file));
        CHECK(fs::file_size(file) > 500);
    }
    CHECK(Slurp(dir / "out/graph.svg").find("<svg") != std::string::npos);
    CHECK(Slurp(dir / "out/graph.dot").find("digraph") != std::string::npos);
}

TEST_CASE("export -o - writes every format to standard output") {
    TempDir dir;
    IngestSeeds(dir);
    const std::map<std::string, std::string> starts = {{"dot", "digraph"},
                                                       {"svg", "<?xml"},
                                                       {"jsonld", "{"},
                                                       {"json", "["},
                                                       {"graphml", "<?xml"}};
    for (const auto& [format, start] : starts) {
        Run run = Kgraph(dir, {"export", "--format", format, "-o", "-"});
        INFO(format << ": " << run.err);
        CHECK(run.exit_code == 0);
        CHECK(run.out.rfind(start, 0) == 0);
        CHECK(run.out.size() > 500);
    }
    CHECK_FALSE(fs::exists(fs::current_path() / "-"));
    // csv is two files: -o names a folder, and stdout cannot be one.
    RequireCleanFailure(Kgraph(dir, {"export", "--format", "csv", "-o", "-"}), "folder");
    Run csv = Kgraph(dir, {"export", "--format", "csv", "-o", (dir / "neo4j").string()});
    INFO(csv.err);
    REQUIRE(csv.exit_code == 0);
    CHECK(Slurp(dir / "neo4j/nodes.csv").rfind("id:ID,name,aliases:string[],:LABEL\n", 0) == 0);
    CHECK(Slurp(dir / "neo4j/relationships.csv").rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
}

TEST_CASE("export draws a part of the graph, and leaves unrelated entities out of pictures") {
    TempDir dir;
    IngestSeeds(dir);
    // Dua Lipa is named in the seeds but takes part in no relation.
    Run picture = Kgraph(dir, {"export", "--format", "dot", "-o", "-"});
    REQUIRE(picture.exit_code == 0);
    CHECK(picture.out.find("\"Dua Lipa\"") == std::string::npos);
    CHECK(picture.out.find("\"Scale AI\"") != std::string::npos);
    Run all = Kgraph(dir, {"export", "--format", "dot", "-o", "-", "--isolated"});
    CHECK(all.out.find("\"Dua Lipa\"") != std::string::npos);
    Run data = Kgraph(dir, {"export", "--format", "graphml", "-o", "-"});
    CHECK(data.out.find("Dua Lipa") != std::string::npos);

    Run part = Kgraph(dir, {"export", "--format", "json", "-o", "-", "--entity", "scale ai", "--rel", "ceo-of"});
    INFO(part.err);
    REQUIRE(part.exit_code == 0);
    json relations = json::parse(part.out);
    CHECK(relations.size() >= 2);
    for (const json& r : relations) {
        CHECK(r["predicate"] == "ceo-of");
        CHECK(r["object"]["name"] == "Scale AI");
    }
    Run top = Kgraph(dir, {"export", "--format", "json", "-o", "-", "--top", "2"});
    for (const json& r : json::parse(top.out)) {
        CHECK(std::set<std::string>{"Meta", "Scale AI"}.count(r["subject"]["name"]) == 1);
        CHECK(std::set<std::string>{"Meta", "Scale AI"}.count(r["object"]["name"]) == 1);
    }

    RequireCleanFailure(Kgraph(dir, {"export", "--format", "svg", "-o", "-", "--entity", "Nobody Inc"}), "Nobody Inc");
    RequireCleanFailure(Kgraph(dir, {"export", "--format", "svg", "-o", "-", "--depth", "2"}), "--entity");
}

TEST_CASE("export refuses a picture too large to lay out, naming the options that draw a part") {
    // One stored document whose facts name 1,501 companies, each competing
    // with a hub: over the limit by one, yet quick to store.
    TempDir dir;
    json facts = {{"doc", std::string(40, 'a')}, {"source", "generated.txt"}, {"entities", json::array()},
                  {"relations", json::array()}};
    for (int i = 0; i <= 1500; ++i) {
        const std::string name = "Company " + std::to_string(10000 + i);
        facts["entities"].push_back({{"name", name}, {"type", "Organization"}, {"aliases", json::array()}});
        if (i == 0) continue;
        json evidence = {{"doc", facts["doc"]}, {"source", "generated.txt"}, {"sentence", "s"}, {"start", i},
                         {"end", i + 1}, {"rule", "r"}, {"confidence", 0.5}, {"modality", ""}};
        facts["relations"].push_back({{"subject", "Company 10000"}, {"predicate", "competes-with"},
                                      {"object", name}, {"evidence", {evidence}}});
    }
    std::ofstream(dir / "facts.jsonl") << facts.dump() << "\n";
    Run ingest = Kgraph(dir, {"ingest", "--facts", (dir / "facts.jsonl").string()});
    INFO(ingest.err);
    REQUIRE(ingest.exit_code == 0);

    Run refused = Kgraph(dir, {"export", "--format", "svg", "-o", (dir / "all.svg").string()});
    RequireCleanFailure(refused, "1501 entities");
    for (const std::string option : {"--entity", "--depth", "--rel", "--min-degree", "--top"}) {
        CHECK(refused.err.find(option) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(dir / "all.svg"));
    Run part = Kgraph(dir, {"export", "--format", "svg", "-o", (dir / "top.svg").string(), "--top", "20"});
    INFO(part.err);
    CHECK(part.exit_code == 0);
    CHECK(fs::exists(dir / "top.svg"));
}

TEST_CASE("bad usage and missing things fail with one clear line") {
    TempDir dir;
    SECTION("unknown command") { RequireCleanFailure(Kgraph(dir, {"frobnicate"}), "frobnicate"); }
    SECTION("no command") { RequireCleanFailure(Kgraph(dir, {}), "no command given"); }
    SECTION("unknown option") { RequireCleanFailure(Kgraph(dir, {"stats", "--bogus"}), "--bogus"); }
    SECTION("missing path") {
        RequireCleanFailure(Kgraph(dir, {"ingest", (dir / "no-such-folder").string()}), "no-such-folder");
    }
    SECTION("query on a missing database") { RequireCleanFailure(Kgraph(dir, {"entities"}), "kgraph ingest"); }
    SECTION("database path is a file") {
        std::ofstream(dir.db()) << "not a database";
        RequireCleanFailure(Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR}), dir.db().string());
    }
}

TEST_CASE("every command has --help") {
    TempDir dir;
    for (const std::string command : {"ingest", "extract", "entities", "relations", "stats", "show", "neighbors",
                                      "path", "conflicts", "documents", "forget", "check", "export"}) {
        Run run = Kgraph(dir, {command, "--help"});
        INFO(command);
        CHECK(run.exit_code == 0);
        CHECK(run.out.find("Usage") != std::string::npos);
        CHECK(run.out.find(command) != std::string::npos);
    }
}

TEST_CASE("forget removes one document's evidence and keeps the database consistent") {
    TempDir dir;
    IngestSeeds(dir);
    const fs::path seed = fs::path(KGRAPH_SEEDS_DIR) / "002_ebd9bb11e48bbdcf.txt";  // the only "13 billion dollars"
    Run forget = Kgraph(dir, {"forget", seed.string()});
    INFO(forget.err);
    REQUIRE(forget.exit_code == 0);
    CHECK(Kgraph(dir, {"relations", "--json"}).out.find("13 billion dollars") == std::string::npos);
    CHECK(json::parse(Kgraph(dir, {"stats", "--json"}).out)["documents"] == 4);
    CHECK(Kgraph(dir, {"check"}).exit_code == 0);
}

TEST_CASE("facts extracted elsewhere (extract --jsonl) merge into the same graph as a direct ingest") {
    TempDir direct, merged;
    IngestSeeds(direct);
    Run extracted = Kgraph(merged, {"extract", "--jsonl", KGRAPH_SEEDS_DIR});
    REQUIRE(extracted.exit_code == 0);
    CHECK(Lines(extracted.out) == 5);
    std::ofstream(merged / "facts.jsonl") << extracted.out;

    Run ingest = Kgraph(merged, {"ingest", "--facts", (merged / "facts.jsonl").string()});
    INFO(ingest.err);
    REQUIRE(ingest.exit_code == 0);
    CHECK(ingest.out.find("5 added") != std::string::npos);
    CHECK(Kgraph(merged, {"relations", "--json"}).out == Kgraph(direct, {"relations", "--json"}).out);

    std::ofstream(merged / "bad.jsonl") << "{\"doc\": 1}\n";
    RequireCleanFailure(Kgraph(merged, {"ingest", "--facts", (merged / "bad.jsonl").string()}), "bad.jsonl:1");
    CHECK(Kgraph(merged, {"check"}).exit_code == 0);
}

TEST_CASE("ingest --bulk fills a new database with the graph a plain ingest builds") {
    TempDir direct, bulk, merged;
    IngestSeeds(direct);
    Run loaded = Kgraph(bulk, {"ingest", "--bulk", KGRAPH_SEEDS_DIR});
    INFO(loaded.err);
    REQUIRE(loaded.exit_code == 0);
    CHECK(loaded.out.find("5 added") != std::string::npos);
    CHECK(Kgraph(bulk, {"check"}).exit_code == 0);
    for (const char* command : {"relations", "entities", "documents"}) {
        CHECK(Kgraph(bulk, {command, "--json"}).out == Kgraph(direct, {command, "--json"}).out);
    }

    // Into a database that holds documents: refused before any work, nothing changes.
    const std::string before = Kgraph(bulk, {"relations", "--json"}).out;
    RequireCleanFailure(Kgraph(bulk, {"ingest", "--bulk", KGRAPH_SEEDS_DIR}), "a bulk load only fills an empty database");
    CHECK(Kgraph(bulk, {"relations", "--json"}).out == before);

    // Facts extracted elsewhere load the same way.
    std::ofstream(merged / "facts.jsonl") << Kgraph(merged, {"extract", "--jsonl", KGRAPH_SEEDS_DIR}).out;
    REQUIRE(Kgraph(merged, {"ingest", "--bulk", "--facts", (merged / "facts.jsonl").string()}).exit_code == 0);
    CHECK(Kgraph(merged, {"relations", "--json"}).out == Kgraph(direct, {"relations", "--json"}).out);
}

namespace {

// RocksDB's own record of the options the writer opened the database with.
std::string RocksOptionsFile(const TempDir& dir) {
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.db())) {
        if (entry.path().filename().string().rfind("OPTIONS-", 0) == 0) {
            std::ifstream in(entry.path());
            return std::string(std::istreambuf_iterator<char>(in), {});
        }
    }
    FAIL("no OPTIONS file in " << dir.db());
    return "";
}

}  // namespace

TEST_CASE("ingest --memory-mb gives RocksDB that budget and stores the same graph") {
    TempDir standard, small;
    IngestSeeds(standard);
    Run run = Kgraph(small, {"ingest", "--memory-mb", "8", KGRAPH_SEEDS_DIR});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(Kgraph(small, {"relations", "--json"}).out == Kgraph(standard, {"relations", "--json"}).out);
    CHECK(Kgraph(small, {"check"}).exit_code == 0);
    // Half the budget for the memtables, two of them per column family.
    CHECK(RocksOptionsFile(small).find("write_buffer_size=2097152\n") != std::string::npos);
    CHECK(RocksOptionsFile(standard).find("write_buffer_size=33554432\n") != std::string::npos);
    RequireCleanFailure(Kgraph(small, {"ingest", "--memory-mb", "4", KGRAPH_SEEDS_DIR}), "--memory-mb");
}

TEST_CASE("KGRAPH_DB chooses the database when --db is not given") {
    TempDir dir;
    const fs::path chosen = dir / "from-env.db";
    setenv("KGRAPH_DB", chosen.c_str(), 1);
    Run ingest = Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR}, /*pass_db=*/false);
    unsetenv("KGRAPH_DB");
    INFO(ingest.err);
    REQUIRE(ingest.exit_code == 0);
    CHECK(fs::is_directory(chosen));
    CHECK_FALSE(fs::exists(dir.db()));
    CHECK(json::parse(Kgraph(dir, {"--db", chosen.string(), "stats", "--json"}, false).out)["documents"] == 5);
}

TEST_CASE("conflicts lists relations whose sources disagree, with each source's claim") {
    TempDir dir;
    IngestSeeds(dir);
    Run run = Kgraph(dir, {"conflicts", "--json"});
    REQUIRE(run.exit_code == 0);
    bool investment = false;
    for (const json& r : json::parse(run.out)) {
        CHECK(r["conflicting"] == true);
        if (r["subject"]["name"] == "Meta" && r["predicate"] == "invests-in" && r["object"]["name"] == "Scale AI") {
            investment = true;
            std::set<double> claimed;
            for (const json& e : r["evidence"]) {
                if (!e["amount"].is_null()) claimed.insert(e["amount"]["value"].get<double>());
            }
            CHECK(claimed.count(14e9) == 1);    // "in excess of $14 billion"
            CHECK(claimed.count(14.3e9) == 1);  // "$ 14.3 billion"
        }
    }
    CHECK(investment);
    Run text = Kgraph(dir, {"conflicts"});
    CHECK(text.out.find("> $14B") != std::string::npos);
    CHECK(text.out.find("$14.3B") != std::string::npos);
}

TEST_CASE("extract --explain --parse shows each parsed sentence's dependencies above the rules that fired") {
    TempDir dir;
    const fs::path article = dir.path() / "article.txt";
    std::ofstream(article) << "Kroger has agreed to buy its rival Albertsons.\n";
    const Run explained = Kgraph(dir, {"extract", "--explain", "--parse", article.string()});
    INFO(explained.err);
    REQUIRE(explained.exit_code == 0);
    CHECK(explained.out.find("root(ROOT-0, agreed-3) VERB agree") != std::string::npos);
    CHECK(explained.out.find("xcomp(agreed-3, buy-5) VERB buy") != std::string::npos);
    CHECK(explained.out.find("Kroger owns-stake Albertsons [rule syntax-acquire-verb]") != std::string::npos);
    // Without --parse the rules are explained but the parse is not printed.
    const Run plain = Kgraph(dir, {"extract", "--explain", article.string()});
    CHECK(plain.out.find("root(ROOT-0") == std::string::npos);
    CHECK(plain.out.find("[rule syntax-acquire-verb]") != std::string::npos);
    // --parse only means something with --explain.
    CHECK(Kgraph(dir, {"extract", "--parse", article.string()}).exit_code != 0);
}

TEST_CASE("neighbors --limit and path --max-visited bound the answer and say so") {
    TempDir dir;
    IngestSeeds(dir);
    Run all = Kgraph(dir, {"neighbors", "Scale AI", "--depth", "2", "--json"});
    REQUIRE(all.exit_code == 0);
    REQUIRE(json::parse(all.out).size() > 3);
    CHECK(all.err.empty());
    Run cut = Kgraph(dir, {"neighbors", "Scale AI", "--depth", "2", "--limit", "3", "--json"});
    REQUIRE(cut.exit_code == 0);
    CHECK(json::parse(cut.out).size() == 3);
    CHECK(cut.err.find("showing the first 3 entities") != std::string::npos);

    // Three hops apart: each end alone has more than two neighbours.
    REQUIRE(Kgraph(dir, {"path", "Alphabet", "Jason Droege"}).out.find("3 hops") != std::string::npos);
    Run path = Kgraph(dir, {"path", "Alphabet", "Jason Droege", "--max-visited", "2"});
    RequireCleanFailure(path, "found before the search reached 2 entities");
}
