// What the store promises when things go wrong, checked through the real
// binary: SIGKILL in the middle of an ingest, Ctrl-C, a reader and a second
// writer during an ingest, and bad input of every kind.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "cli_harness.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace kgraph::test;
using Clock = std::chrono::steady_clock;

namespace {

// `copies` distinct documents: every seed article with a numbered last line,
// so each has its own content hash but real sentences to extract.
fs::path MakeCorpus(const TempDir& dir, int copies) {
    const fs::path corpus = dir / "corpus";
    std::vector<std::string> seeds;
    for (const auto& entry : fs::directory_iterator(KGRAPH_SEEDS_DIR)) seeds.push_back(Slurp(entry.path()));
    std::sort(seeds.begin(), seeds.end());
    for (int i = 0; i < copies; ++i) {
        const fs::path folder = corpus / std::to_string(i / 100);
        fs::create_directories(folder);
        std::ofstream(folder / ("article-" + std::to_string(i) + ".txt"))
            << seeds[i % seeds.size()] << "\n\nArticle number " << i << ".\n";
    }
    return corpus;
}

// Document id -> relation statements it contributed.
std::map<std::string, long> StoredDocuments(const TempDir& dir) {
    Run run = Kgraph(dir, {"documents", "--json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::map<std::string, long> documents;
    for (const json& doc : json::parse(run.out)) documents[doc["id"]] = doc["relations"];
    return documents;
}

void RequireConsistent(const TempDir& dir) {
    Run check = Kgraph(dir, {"check"});
    INFO(check.out << check.err);
    REQUIRE(check.exit_code == 0);
}

bool StillRunning(pid_t pid) {
    int status = 0;
    return waitpid(pid, &status, WNOHANG) == 0;
}

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Waits until a background ingest has stored a few documents, so that what
// follows happens in the middle of its work, however loaded the machine is.
void WaitUntilStoring(const TempDir& dir, pid_t ingest) {
    const auto start = Clock::now();
    while (StillRunning(ingest) && SecondsSince(start) < 60) {
        Run run = Kgraph(dir, {"stats", "--json"});
        if (run.exit_code == 0 && json::parse(run.out)["documents"].get<int>() >= 10) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

}  // namespace

TEST_CASE("SIGKILL at 20 random moments leaves every document wholly present or wholly absent") {
    TempDir reference_dir, dir;
    const fs::path corpus = MakeCorpus(dir, 400);

    const auto start = Clock::now();
    REQUIRE(Kgraph(reference_dir, {"ingest", corpus.string()}).exit_code == 0);
    const double full_run = SecondsSince(start);
    const std::map<std::string, long> reference = StoredDocuments(reference_dir);
    REQUIRE(reference.size() == 400);

    std::mt19937 random(20261124);
    std::uniform_real_distribution<double> moment(0.0, full_run);
    int killed_midway = 0;
    for (int attempt = 0; attempt < 20; ++attempt) {
        const pid_t ingest = StartKgraph(dir, {"ingest", corpus.string()});
        std::this_thread::sleep_for(std::chrono::duration<double>(moment(random)));
        killed_midway += StillRunning(ingest);
        kill(ingest, SIGKILL);
        WaitFor(ingest);

        RequireConsistent(dir);
        for (const auto& [id, relations] : StoredDocuments(dir)) {
            INFO("document " << id);
            REQUIRE(reference.count(id) == 1);
            CHECK(relations == reference.at(id));
        }
    }
    CHECK(killed_midway > 0);

    // A re-run completes the corpus, and the result is the uninterrupted one.
    REQUIRE(Kgraph(dir, {"ingest", corpus.string()}).exit_code == 0);
    CHECK(StoredDocuments(dir) == reference);
    CHECK(Kgraph(dir, {"relations", "--json"}).out == Kgraph(reference_dir, {"relations", "--json"}).out);
}

TEST_CASE("SIGKILL during a bulk ingest leaves the database empty or complete, never in between") {
    TempDir reference_dir, dir;
    const fs::path corpus = MakeCorpus(dir, 400);
    const auto start = Clock::now();
    REQUIRE(Kgraph(reference_dir, {"ingest", "--bulk", corpus.string()}).exit_code == 0);
    const double full_run = SecondsSince(start);
    const std::map<std::string, long> reference = StoredDocuments(reference_dir);
    REQUIRE(reference.size() == 400);

    // Half the kills at a random moment, half while the table files are
    // written and loaded (from when their scratch folder appears).
    std::mt19937 random(20261125);
    std::uniform_real_distribution<double> moment(0.0, full_run), after_scratch(0.0, 0.05);
    int killed_midway = 0, killed_loading = 0;
    for (int attempt = 0; attempt < 10; ++attempt) {
        TempDir victim;
        const pid_t ingest = StartKgraph(victim, {"ingest", "--bulk", corpus.string()});
        if (attempt % 2 == 0) {
            std::this_thread::sleep_for(std::chrono::duration<double>(moment(random)));
        } else {
            while (StillRunning(ingest) && !fs::exists(victim.db() / "bulk-load")) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            killed_loading += StillRunning(ingest);
            std::this_thread::sleep_for(std::chrono::duration<double>(after_scratch(random)));
        }
        killed_midway += StillRunning(ingest);
        kill(ingest, SIGKILL);
        WaitFor(ingest);
        // Killed before the database was created (or while it was): no database.
        const Run check = Kgraph(victim, {"check"});
        const bool no_database = check.err.find("no database at") != std::string::npos;
        INFO(check.out << check.err);
        REQUIRE((check.exit_code == 0 || no_database));
        const std::map<std::string, long> stored = no_database ? std::map<std::string, long>() : StoredDocuments(victim);
        INFO("attempt " << attempt << ": " << stored.size() << " documents stored");
        CHECK((stored.empty() || stored == reference));
        // The next load starts over, whatever the killed one left behind.
        if (stored.empty()) REQUIRE(Kgraph(victim, {"ingest", "--bulk", corpus.string()}).exit_code == 0);
        CHECK(StoredDocuments(victim) == reference);
    }
    CHECK(killed_midway > 0);
    CHECK(killed_loading > 0);
}

TEST_CASE("Ctrl-C during a bulk ingest stores nothing and says so") {
    TempDir dir;
    const fs::path corpus = MakeCorpus(dir, 2000);
    const pid_t ingest = StartKgraph(dir, {"ingest", "--bulk", corpus.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(StillRunning(ingest));
    kill(ingest, SIGINT);
    CHECK(WaitFor(ingest) == 130);
    const std::string err = Slurp(dir / "bg.err");
    INFO(err);
    CHECK(err.find("before the bulk load: nothing was stored") != std::string::npos);
    CHECK(StoredDocuments(dir).empty());
    RequireConsistent(dir);
}

TEST_CASE("Ctrl-C stops after the current document and says how far it got") {
    TempDir dir;
    const fs::path corpus = MakeCorpus(dir, 2000);
    const pid_t ingest = StartKgraph(dir, {"ingest", corpus.string()});
    WaitUntilStoring(dir, ingest);
    REQUIRE(StillRunning(ingest));
    kill(ingest, SIGINT);
    CHECK(WaitFor(ingest) == 130);

    const std::string err = Slurp(dir / "bg.err");
    INFO(err);
    REQUIRE(err.find("stopped after ") != std::string::npos);
    const long stored = std::stol(err.substr(err.find("stopped after ") + 14));
    CHECK(stored > 0);
    CHECK(stored < 2000);
    CHECK(static_cast<long>(StoredDocuments(dir).size()) == stored);
    RequireConsistent(dir);
}

TEST_CASE("queries work during an ingest, a second writer is told who holds the database") {
    TempDir dir;
    const fs::path corpus = MakeCorpus(dir, 2000);
    const pid_t ingest = StartKgraph(dir, {"ingest", corpus.string()});
    WaitUntilStoring(dir, ingest);
    REQUIRE(StillRunning(ingest));

    Run reader = Kgraph(dir, {"stats", "--json"});
    INFO(reader.err);
    CHECK(reader.exit_code == 0);
    Run writer = Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR});
    RequireCleanFailure(writer, "in use by process " + std::to_string(ingest));

    REQUIRE(StillRunning(ingest));  // both ran while the ingest was going on
    kill(ingest, SIGINT);
    WaitFor(ingest);
    RequireConsistent(dir);
}

TEST_CASE("bad files are skipped or repaired with a warning, the rest is stored") {
    TempDir dir;
    const fs::path input = dir / "input";
    fs::create_directories(input);
    fs::copy(fs::path(KGRAPH_SEEDS_DIR) / "002_ebd9bb11e48bbdcf.txt", input / "good.txt");
    std::ofstream(input / "binary.txt", std::ios::binary) << std::string("PK\x03\x04\0\0\x14\0", 8);
    std::ofstream(input / "latin1.txt", std::ios::binary) << "Acme Inc invested $5 million in Caf\xe9 Labs.\n";
    std::ofstream(input / "empty.txt");
    {
        std::ofstream huge(input / "huge.txt");
        huge.seekp((200ll << 20) - 1);
        huge << 'x';  // 200 MB, sparse
    }

    Run run = Kgraph(dir, {"ingest", input.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("binary.txt") != std::string::npos);
    CHECK(run.err.find("latin1.txt") != std::string::npos);
    CHECK(run.err.find("35") != std::string::npos);  // the offset of the invalid byte
    CHECK(run.err.find("huge.txt") != std::string::npos);
    CHECK(run.err.find("--max-mb") != std::string::npos);
    const std::size_t stored = StoredDocuments(dir).size();
    CHECK(stored >= 2);  // good.txt and the repaired latin1.txt; empty.txt may count
    CHECK(stored <= 3);
    RequireConsistent(dir);
}

TEST_CASE("very long lines, deep folders and symlink loops are handled") {
    TempDir dir;
    const fs::path input = dir / "input";
    fs::path deep = input;
    for (int level = 0; level < 100; ++level) deep /= "d";
    fs::create_directories(deep);
    std::ofstream(deep / "bottom.txt") << "Acme Inc invested $5 million in Zenith Labs.\n";
    fs::create_directory_symlink(input, input / "d" / "loop");
    {
        std::ofstream long_line(input / "long.txt");
        for (int i = 0; i < 20000; ++i) long_line << "Acme Inc invested $5 million in Zenith Labs and ";  // ~1 MB, no newline
    }

    const auto start = Clock::now();
    Run run = Kgraph(dir, {"ingest", input.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(SecondsSince(start) < 60);
    CHECK(StoredDocuments(dir).size() == 2);  // each file once, despite the loop
    RequireConsistent(dir);
}

TEST_CASE("a corrupt database is reported in one line and left as it was") {
    TempDir dir;
    REQUIRE(Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR}).exit_code == 0);
    fs::path current = dir.db() / "CURRENT";
    REQUIRE(fs::exists(current));
    std::ofstream(current, std::ios::trunc) << "MANIFEST-999999\n";  // points at a manifest that is not there

    RequireCleanFailure(Kgraph(dir, {"stats"}), dir.db().string());
    RequireCleanFailure(Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR}), dir.db().string());
    CHECK(Slurp(current) == "MANIFEST-999999\n");
}

TEST_CASE("a database that is not writable is refused in one line") {
    if (geteuid() == 0) {
        WARN("running as root: file permissions do not stop root, so this case cannot be exercised");
        return;
    }
    TempDir dir;
    REQUIRE(Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR}).exit_code == 0);
    fs::permissions(dir.db(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    RequireCleanFailure(Kgraph(dir, {"ingest", KGRAPH_SEEDS_DIR}), dir.db().string());
    CHECK(Kgraph(dir, {"stats"}).exit_code == 0);  // still readable
}
