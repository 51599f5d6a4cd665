// The conventions a command-line program is expected to follow: --version,
// shell completion, a man page, and an install that works where it lands.
#include <catch2/catch.hpp>
#include <fstream>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace fs = std::filesystem;
using namespace kgraph::test;

namespace {

const std::string kCommands[] = {"ingest", "extract",   "entities",  "relations", "stats", "show",   "neighbors",
                                 "path",   "conflicts", "documents", "forget",    "check", "export", "completion"};

std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

const std::string kSeed = std::string(KGRAPH_SEEDS_DIR) + "/000_91070f45c6f3423f.txt";

}  // namespace

TEST_CASE("kgraph --version prints the version and exits 0") {
    TempDir dir;
    Run run = Kgraph(dir, {"--version"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(run.out == "kgraph " KGRAPH_VERSION "\n");
}

TEST_CASE("completion bash completes commands and each command's options, zsh describes every command") {
    TempDir dir;
    Run bash = Kgraph(dir, {"completion", "bash"});
    REQUIRE(bash.exit_code == 0);
    std::ofstream(dir / "kgraph.bash") << bash.out;
    auto complete = [&](const std::string& words, int current) {
        return Shell("bash -c 'source " + (dir / "kgraph.bash").string() + "; COMP_WORDS=(" + words +
                     "); COMP_CWORD=" + std::to_string(current) + "; _kgraph; echo \"${COMPREPLY[*]}\"'")
            .out;
    };
    CHECK(complete("kgraph ne", 1) == "neighbors\n");
    CHECK(complete("kgraph --db x.db ingest --b", 4) == "--bulk\n");
    CHECK(complete("kgraph neighbors Meta --di", 3) == "--direction\n");
    CHECK(complete("kgraph export --format", 2) == "--format\n");

    Run zsh = Kgraph(dir, {"completion", "zsh"});
    REQUIRE(zsh.exit_code == 0);
    CHECK(zsh.out.rfind("#compdef kgraph\n", 0) == 0);
    for (const std::string& command : kCommands) CHECK(zsh.out.find("'" + command + ":") != std::string::npos);
    CHECK(zsh.out.find("'--max-mb[") != std::string::npos);

    RequireCleanFailure(Kgraph(dir, {"completion", "fish"}), "fish");
}

TEST_CASE("the man page is written from the help text at build time") {
    const std::string page = Slurp(fs::path(KGRAPH_BUILD_DIR) / "cli" / "kgraph.1");
    REQUIRE_FALSE(page.empty());
    CHECK(page.rfind(".TH KGRAPH 1", 0) == 0);
    for (const std::string& command : kCommands) CHECK(page.find("\n.SS " + command + "\n") != std::string::npos);
    CHECK(page.find("\\-\\-memory\\-mb") != std::string::npos);
    CHECK(page.find("Files or folders; \\- reads standard input") != std::string::npos);
    const Run rendered = Shell("man -l " + Quoted(fs::path(KGRAPH_BUILD_DIR) / "cli" / "kgraph.1") + " | cat");
    if (rendered.exit_code == 0) CHECK(rendered.out.find("--direction") != std::string::npos);
}

TEST_CASE("cmake --install gives a kgraph that finds its installed data files from any directory") {
    TempDir dir;
    const fs::path prefix = dir / "prefix";
    Run install = Shell(std::string(KGRAPH_CMAKE) + " --install " + Quoted(KGRAPH_BUILD_DIR) + " --prefix " + Quoted(prefix));
    INFO(install.out);
    REQUIRE(install.exit_code == 0);
    for (const char* file : {"bin/kgraph", "share/kgraph/rules.json", "share/kgraph/schema.json",
                             "share/kgraph/en_ewt.model", "share/man/man1/kgraph.1",
                             "share/bash-completion/completions/kgraph", "share/zsh/vendor-completions/_kgraph",
                             "lib/kgraph/libkgraph_graphviz.so"}) {
        CHECK(fs::is_regular_file(prefix / file));
    }

    const std::string installed = "cd / && env -u KGRAPH_DATA_DIR -u KGRAPH_NLP_MODEL " + Quoted(prefix / "bin" / "kgraph");
    Run extracted = Shell(installed + " extract " + Quoted(kSeed));
    INFO(extracted.out);
    REQUIRE(extracted.exit_code == 0);
    CHECK(extracted.out == Kgraph(dir, {"extract", kSeed}).out);
    CHECK(extracted.out.find("Meta Platforms  invests-in  Scale AI") != std::string::npos);

    // Pictures, through the installed Graphviz plugin.
    const std::string with_db = installed + " --db " + Quoted(dir / "installed.db");
    REQUIRE(Shell(with_db + " ingest " + Quoted(kSeed)).exit_code == 0);
    Run svg = Shell(with_db + " export --format svg -o -");
    CHECK(svg.exit_code == 0);
    CHECK(svg.out.find("<svg") != std::string::npos);

    // It reads the installed files, not the source tree it was built from.
    fs::remove(prefix / "share" / "kgraph" / "en_ewt.model");
    Run without_model = Shell(installed + " extract " + Quoted(kSeed));
    CHECK(without_model.exit_code == 1);
    CHECK(without_model.out.find((prefix / "share" / "kgraph" / "en_ewt.model").string()) != std::string::npos);
}

TEST_CASE("kgraph starts without Graphviz's libraries: only an SVG export loads them, through its plugin") {
    Run needed = Shell("readelf -d " + Quoted(std::getenv("KGRAPH_BIN")));
    INFO(needed.out);
    REQUIRE(needed.exit_code == 0);
    REQUIRE(needed.out.find("(NEEDED)") != std::string::npos);
    for (const char* library : {"libgvc", "libcgraph", "libcdt", "libpathplan"}) {
        CHECK(needed.out.find(library) == std::string::npos);
    }
}

TEST_CASE("an unknown relation type in --rel is bad usage that names the known types") {
    TempDir dir;
    REQUIRE(Kgraph(dir, {"ingest", kSeed}).exit_code == 0);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"relations", "--rel", "invests-in,invest"},
                                                 std::vector<std::string>{"neighbors", "Scale AI", "--rel", "invest"},
                                                 std::vector<std::string>{"path", "Meta", "Scale AI", "--rel", "invest"}}) {
        Run run = Kgraph(dir, args);
        RequireCleanFailure(run, "unknown relation type \"invest\"");
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("ceo-of, competes-with, customer-of, founder-of, invests-in, leaves, owns-stake") !=
              std::string::npos);
    }
    Run known = Kgraph(dir, {"relations", "--rel", "invests-in"});
    CHECK(known.exit_code == 0);
    CHECK(known.out.find("invests-in") != std::string::npos);
}

TEST_CASE("extract's header counts the relations it lists") {
    TempDir dir;
    // Two sentences state one relation: one relation listed, from two statements.
    std::ofstream(dir / "twice.txt") << "Salesforce competes with Oracle in the database market.\n\n"
                                        "Salesforce also competes with Oracle in cloud software.\n";
    Run run = Kgraph(dir, {"extract", (dir / "twice.txt").string()});
    REQUIRE(run.exit_code == 0);
    INFO(run.out);
    CHECK(Lines(run.out) == 2);
    CHECK(run.out.find("1 relations from 2 statements") != std::string::npos);

    Run seed = Kgraph(dir, {"extract", kSeed});
    REQUIRE(seed.exit_code == 0);
    const std::size_t listed = Lines(seed.out) - 1;
    CHECK(seed.out.find("(36 sentences, " + std::to_string(listed) + " relations from ") != std::string::npos);
}
