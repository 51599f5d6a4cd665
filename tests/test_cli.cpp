// The kgraph program end to end, as a user runs it: real seeds, a real
// database in a temporary folder, the real binary (KGRAPH_BIN).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "reader_budget.h"

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
        scale = scale || n["entity"]["name"] == "Scale AI";
    }
    CHECK(scale);

    Run in = Kgraph(dir, {"neighbors", "Meta", "--rel", "invests-in", "--direction", "in", "--json"});
    REQUIRE(in.exit_code == 0);
    for (const json& n : json::parse(in.out)) CHECK(n["entity"]["name"] != "Scale AI");

    Run two = Kgraph(dir, {"neighbors", "Scale AI", "--depth", "2", "--json"});
    REQUIRE(two.exit_code == 0);
    int deeper = 0;
    for (const json& n : json::parse(two.out)) deeper += n["depth"] == 2;
    CHECK(deeper > 0);
}

namespace {

// The one entity shape of every --json output: {"name", "type", "aliases"},
// the type known.
void CheckEntityShape(const json& entity) {
    INFO(entity.dump());
    REQUIRE(entity.is_object());
    CHECK(entity["name"].is_string());
    CHECK(std::set<json>{"Organization", "Person"}.count(entity["type"]) == 1);
    REQUIRE(entity["aliases"].is_array());
    for (const json& alias : entity["aliases"]) CHECK(alias.is_string());
}

void CheckRelationEnds(const json& relation) {
    CheckEntityShape(relation["subject"]);
    CheckEntityShape(relation["object"]);
}

}  // namespace

TEST_CASE("every --json output gives entities one shape, {name, type, aliases}") {
    TempDir dir;
    IngestSeeds(dir);
    auto output = [&](std::vector<std::string> args) {
        args.push_back("--json");
        Run run = Kgraph(dir, args);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return json::parse(run.out);
    };
    for (const json& entity : output({"entities"})) CheckEntityShape(entity);
    for (const json& relation : output({"relations"})) CheckRelationEnds(relation);
    for (const json& relation : output({"conflicts"})) CheckRelationEnds(relation);
    const json show = output({"show", "Scale AI"});
    CheckEntityShape(show);
    REQUIRE(show["in"].size() > 3);
    for (const char* side : {"out", "in"}) {
        for (const json& relation : show[side]) CheckRelationEnds(relation);
    }
    const json neighbors = output({"neighbors", "Meta", "--depth", "2"});
    REQUIRE(neighbors.size() > 3);
    for (const json& neighbor : neighbors) {
        CheckEntityShape(neighbor["entity"]);
        REQUIRE(!neighbor["via"].empty());
        for (const json& relation : neighbor["via"]) CheckRelationEnds(relation);
    }
    const json path = output({"path", "Alphabet", "Jason Droege"});
    REQUIRE(path.size() == 3);
    for (const json& hop : path) CheckRelationEnds(hop);
}

TEST_CASE("neighbors --direction out and in follow a symmetric relation both ways") {
    TempDir dir;
    IngestSeeds(dir);
    // Stored as "Scale AI competes-with Turing": Turing is its object, and yet
    // Turing competes with Scale AI as much as Scale AI with Turing.
    for (const std::string direction : {"out", "in"}) {
        INFO(direction);
        for (const auto& [from, to] : {std::pair{"Turing", "Scale AI"}, std::pair{"Scale AI", "Turing"}}) {
            Run run = Kgraph(dir, {"neighbors", from, "--rel", "competes-with", "--direction", direction, "--json"});
            REQUIRE(run.exit_code == 0);
            std::set<std::string> names;
            for (const json& n : json::parse(run.out)) names.insert(n["entity"]["name"]);
            CHECK(names.count(to) == 1);
        }
    }
    CHECK(Kgraph(dir, {"path", "Turing", "Scale AI", "--rel", "competes-with", "--direction", "out"}).exit_code == 0);
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
        CHECK((forward ? hop["subject"] : hop["object"])["name"] == at);
        at = (forward ? hop["object"] : hop["subject"])["name"];
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

// Every command that reads the store, with the arguments it needs on the seeds.
const std::vector<std::vector<std::string>> kReadCommands = {
    {"entities"},
    {"relations", "--json"},
    {"stats"},
    {"show", "Scale AI"},
    {"neighbors", "Scale AI"},
    {"path", "Scale AI", "Meta"},
    {"rank"},
    {"conflicts"},
    {"documents"},
    {"check"},
    {"export", "--format", "json", "-o", "-"},
};

TEST_CASE("every command that reads the store takes --memory-mb") {
    TempDir dir;
    IngestSeeds(dir);
    for (std::vector<std::string> args : kReadCommands) {
        const std::vector<std::string> plain = args;
        args.insert(args.end(), {"--memory-mb", "8"});
        Run run = Kgraph(dir, args);
        INFO(args[0] << ": " << run.err);
        CHECK(run.exit_code == 0);
        // The budget changes what stays in memory, not the answer.
        if (args[0] != "check") CHECK(run.out == Kgraph(dir, plain).out);
    }
}

TEST_CASE("a reader's --memory-mb is the block cache it opens the store with") {
    TempDir dir;
    IngestSeeds(dir);
    auto cache_bytes = [&](const std::vector<std::string>& args) {
        Run run = Kgraph(dir, args);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return json::parse(run.out)["block_cache_bytes"].get<long long>();
    };
    CHECK(cache_bytes({"stats", "--json"}) == 32ll << 20);  // the readers' default, not ingest's 128
    CHECK(cache_bytes({"stats", "--json", "--memory-mb", "8"}) == 8ll << 20);
    CHECK(cache_bytes({"stats", "--memory-mb", "200", "--json"}) == 200ll << 20);
    // CLI11's other spelling.
    CHECK(cache_bytes({"stats", "--json", "--memory-mb=64"}) == 64ll << 20);
}

TEST_CASE("a command that scans the whole store gets a smaller cache than a point query") {
    using kgraph::cli::ReadShape;
    using kgraph::cli::ReaderBudget;
    STATIC_REQUIRE(ReaderBudget(std::nullopt, ReadShape::kPoint) == std::size_t{32} << 20);
    STATIC_REQUIRE(ReaderBudget(std::nullopt, ReadShape::kScan) == std::size_t{16} << 20);
    // --memory-mb wins either way.
    STATIC_REQUIRE(ReaderBudget(std::size_t{64} << 20, ReadShape::kScan) == std::size_t{64} << 20);
    STATIC_REQUIRE(ReaderBudget(std::size_t{8} << 20, ReadShape::kPoint) == std::size_t{8} << 20);
    // Each command's help shows the default it opens the store with.
    const std::map<std::string, std::string> defaults = {
        {"entities", "16"}, {"relations", "16"}, {"documents", "16"}, {"export", "16"}, {"rank", "16"},
        {"conflicts", "16"}, {"check", "16"},    {"stats", "32"},     {"show", "32"},   {"neighbors", "32"},
        {"path", "32"}};
    TempDir dir;
    for (const auto& [command, mb] : defaults) {
        Run run = Kgraph(dir, {command, "--help"});
        INFO(command << ": " << run.out);
        CHECK(run.out.find("--memory-mb UINT=" + mb + " ") != std::string::npos);
    }
}

TEST_CASE("a listing's output does not depend on the cache it reads through") {
    TempDir dir;
    IngestSeeds(dir);
    for (const std::vector<std::string>& plain : kReadCommands) {
        std::vector<std::string> pointed = plain;
        pointed.insert(pointed.end(), {"--memory-mb", "32"});
        INFO(plain[0]);
        CHECK(Kgraph(dir, plain).out == Kgraph(dir, pointed).out);
    }
}

TEST_CASE("a read command's --memory-mb takes a whole number of at least 8") {
    TempDir dir;
    IngestSeeds(dir);
    for (const std::vector<std::string>& command : kReadCommands) {
        for (const std::string bad : {"0", "7", "-5", "many", "12.5", ""}) {
            std::vector<std::string> args = command;
            args.insert(args.end(), {"--memory-mb", bad});
            INFO(command[0] << " --memory-mb \"" << bad << "\"");
            Run run = Kgraph(dir, args);
            RequireCleanFailure(run, "--memory-mb");
            CHECK(run.exit_code == 2);
        }
    }
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

TEST_CASE("a CEO who left is a former CEO everywhere, and show lists current relations first") {
    TempDir dir;
    IngestSeeds(dir);
    // Seed 004: "Scale Ai founder and CEO Alexandr Wang", then "Jason Droege
    // ... takes over the CEO position after Wang has switched to Meta."
    auto ceos = [](const json& relations) {
        std::map<std::string, bool> ended;
        for (const json& r : relations) {
            if (r["predicate"] == "ceo-of" && r["object"]["name"] == "Scale AI") ended[r["subject"]["name"]] = r["ended"];
        }
        return ended;
    };
    const std::map<std::string, bool> expected = {{"Alexandr Wang", true}, {"Jason Droege", false}};
    CHECK(ceos(json::parse(Kgraph(dir, {"relations", "--json"}).out)) == expected);
    CHECK(ceos(json::parse(Kgraph(dir, {"export", "--format", "json", "-o", "-"}).out)) == expected);
    const json show = json::parse(Kgraph(dir, {"show", "Scale AI", "--json"}).out);
    CHECK(ceos(show["in"]) == expected);
    // Still a founder: leaving ends being CEO, not having founded it.
    for (const json& r : show["in"]) {
        if (r["predicate"] == "founder-of") CHECK(r["ended"] == false);
    }

    const std::string text = Kgraph(dir, {"show", "Scale AI"}).out;
    const auto current = text.find("<- ceo-of Jason Droege");
    const auto former = text.find("<- ceo-of Alexandr Wang  [ended]");
    REQUIRE(current != std::string::npos);
    REQUIRE(former != std::string::npos);
    CHECK(current < former);
    // Every current relation of a side before its first ended one.
    for (const char* side : {"in", "out"}) {
        bool seen_ended = false;
        for (const json& r : show[side]) {
            if (seen_ended) CHECK(r["ended"] == true);
            seen_ended = seen_ended || r["ended"] == true;
        }
    }
}

TEST_CASE("character offsets slice the document as Python does, byte offsets do not") {
    TempDir dir;
    IngestSeeds(dir);
    const fs::path relations = dir / "relations.json", jsonld = dir / "graph.jsonld";
    std::ofstream(relations) << Kgraph(dir, {"relations", "--json"}).out;
    REQUIRE(Kgraph(dir, {"export", "--format", "jsonld", "-o", jsonld.string()}).exit_code == 0);
    const Run check = Shell("/usr/bin/python3 '" + (fs::path(KGRAPH_TESTS_DIR) / "offsets_check.py").string() + "' '" +
                            relations.string() + "' '" + jsonld.string() + "'");
    INFO(check.out);
    REQUIRE(check.exit_code == 0);
    const json by_format = json::parse(check.out);
    REQUIRE(by_format.size() == 2);
    for (const auto& [format, counts] : by_format.items()) {
        INFO(format);
        CHECK(counts["evidence"].get<int>() > 50);
        CHECK(counts["sliced"] == counts["evidence"]);
        // The seeds' curly quotes and accents put byte and character offsets apart.
        CHECK(counts["bytes_fail"].get<int>() > counts["evidence"].get<int>() / 2);
    }
}

TEST_CASE("conflicts says what the sources disagree on, not only which sentences") {
    TempDir dir;
    IngestSeeds(dir);
    // "in excess of $14 billion", "14 billion", "$ 14.3 billion"; dated by two publications.
    const std::string headline = "Meta invests-in Scale AI: amount $14B vs > $14B vs $14.3B; date 2025-06-15 vs 2025-06-23\n";
    CHECK(Kgraph(dir, {"conflicts"}).out.find(headline) != std::string::npos);
    bool found = false;
    for (const json& r : json::parse(Kgraph(dir, {"conflicts", "--json"}).out)) {
        CHECK_FALSE(r["disagreements"].empty());
        if (r["subject"]["name"] != "Meta" || r["object"]["name"] != "Scale AI") continue;
        found = true;
        CHECK(r["disagreements"] == json{{"amount", {"$14B", "> $14B", "$14.3B"}}, {"date", {"2025-06-15", "2025-06-23"}}});
    }
    CHECK(found);
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
