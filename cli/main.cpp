// kgraph: the command line. Parses options with CLI11, runs one command, and
// is the only place where a Status becomes words: one line on stderr and a
// non-zero exit code. Exceptions never escape to the user as a stack trace.
#include <CLI/CLI.hpp>
#include <charconv>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "commands.h"
#include "completion.h"
#include "kgraph/extract.h"

namespace {

using namespace kgraph;
using namespace kgraph::cli;

// Every command, in the order --help lists them.
constexpr std::string_view kCommands[] = {"ingest",    "extract",   "entities", "relations", "stats",  "show",
                                          "neighbors", "path",      "rank",     "conflicts", "documents",
                                          "forget",    "check",     "repair",   "export",    "completion"};

// Exit codes: 0 success, 1 a command failed, 2 bad usage, 130 interrupted.
int ExitCode(const Status& status) {
    if (status.ok()) return 0;
    if (status.IsInterrupted()) return 130;
    if (status.IsInvalidArgument()) return 2;
    return 1;
}

int Report(const Status& status) {
    if (!status.ok()) std::cerr << "kgraph: " << status.message() << "\n";
    return ExitCode(status);
}

std::filesystem::path DefaultDb() {
    const char* env = std::getenv("KGRAPH_DB");
    return env && *env ? env : "kgraph.db";
}

// CLI11's range check names the bounds of the type ("not in range 0 to
// 1.79769e+308"); this one says in words what the option takes.
CLI::Validator WholeNumber(const std::string& option, long long min, long long max, const std::string& unit) {
    return CLI::Validator(
        [=](std::string& value) -> std::string {
            long long number = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
            if (error == std::errc() && end == value.data() + value.size() && number >= min && number <= max) return "";
            return option + " takes a whole number of " + unit + " from " + std::to_string(min) + " to " +
                   std::to_string(max) + ", not \"" + value + "\"";
        },
        "");
}

void AddFilterOptions(CLI::App* command, std::vector<std::string>& predicates, std::string& direction) {
    command->add_option("--rel", predicates, "Only these relation types (comma-separated), e.g. invests-in,customer-of")
        ->delimiter(',');
    command->add_option("--direction", direction, "Follow relations out of, into, or both ways")
        ->check(CLI::IsMember({"out", "in", "both"}))
        ->capture_default_str();
}

// A --rel that names no relation type would select nothing and look like an
// empty graph: it is bad usage instead, with the types there are.
Status CheckRelationTypes(const std::vector<std::string>& predicates) {
    if (predicates.empty()) return Status::Ok();
    Result<std::vector<std::string>> known = RelationTypes();
    if (!known.ok()) return known.status();
    for (const std::string& predicate : predicates) {
        if (std::find(known->begin(), known->end(), predicate) != known->end()) continue;
        std::string names;
        for (const std::string& name : *known) names += (names.empty() ? "" : ", ") + name;
        return Status::InvalidArgument("unknown relation type \"" + predicate + "\" in --rel; the relation types are " + names);
    }
    return Status::Ok();
}

TraversalFilter MakeFilter(const std::vector<std::string>& predicates, const std::string& direction) {
    TraversalFilter filter;
    filter.predicates.insert(predicates.begin(), predicates.end());
    filter.direction = direction == "out" ? Direction::kOut : direction == "in" ? Direction::kIn : Direction::kBoth;
    return filter;
}

// The command the command line names: its first word that is neither an
// option nor the value of the one global option that takes one, --db.
// Empty when there is none.
std::string_view NamedCommand(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db") {
            ++i;
        } else if (!arg.starts_with("-")) {
            return arg;
        }
    }
    return {};
}

int Run(int argc, char** argv) {
    // Every command is known to the parser by its name and description (for
    // --help and for its error about an unknown word), but only the named
    // command's options are built: CLI11 builds an option from several
    // strings, functions and validators, and the options of all commands
    // were 1 M instructions, an eighth of a whole `show` (docs/benchmarks.md,
    // "Point queries open what they read"). Without a known command (--help,
    // a misspelt one) and for `completion`, which writes every option, all are.
    const std::string_view named = NamedCommand(argc, argv);
    const bool all = named.empty() || named == "completion" ||
                     std::find(std::begin(kCommands), std::end(kCommands), named) == std::end(kCommands);
    auto builds = [&](std::string_view command) { return all || command == named; };
    // Nor are the other commands declared to the parser, unless a word of
    // the command line is one of their names: declaring a command makes a
    // CLI11 App of it (its own --help flag and settings), 0.3 M instructions
    // for the fifteen. A word that names another command (a value, a second
    // command) declares them all, so that the parser treats it as before.
    const bool declares_all = all || std::count_if(argv + 1, argv + argc, [](const char* arg) {
        return std::find(std::begin(kCommands), std::end(kCommands), arg) != std::end(kCommands);
    }) > 1;

    CLI::App app{"kgraph: build a knowledge graph from news articles, query it and draw it"};
    std::optional<CLI::App> undeclared;  // takes the set-up of the commands not declared
    auto declare = [&](std::string_view command, std::string description) {
        if (declares_all || command == named) return app.add_subcommand(std::string(command), std::move(description));
        if (!undeclared) undeclared.emplace();
        return &*undeclared;
    };
    // At most one command; "none" is reported after parsing, so that an
    // unknown word is named as such rather than as a missing command.
    app.require_subcommand(0, 1);
    app.fallthrough();  // global options such as --db may follow the command
    std::filesystem::path db = DefaultDb();
    app.add_option("--db", db, "RocksDB database folder (default ./kgraph.db, or $KGRAPH_DB)");
    app.set_version_flag("--version", "kgraph " KGRAPH_VERSION);

    Status status;
    QueryOptions query;
    auto add_json = [&](CLI::App* command) { command->add_flag("--json", query.json, "Print JSON for programs"); };
    // Every command that reads the store takes the reader's budget; the
    // option's callback runs before the command's. Without the option, the
    // command's default depends on how it reads (ReadShape), which the help
    // shows.
    auto add_memory = [&](CLI::App* command, ReadShape shape) {
        command
            ->add_option_function<std::size_t>(
                "--memory-mb", [&](const std::size_t& mb) { query.memory_budget = mb << 20; },
                "Memory for the database's block cache, in megabytes")
            ->default_str(std::to_string(ReaderBudget(std::nullopt, shape) >> 20))
            ->check(WholeNumber("--memory-mb", 8, 1 << 20, "megabytes"));
    };

    IngestOptions ingest;
    std::uintmax_t max_mb = ingest.max_bytes >> 20;
    std::size_t memory_mb = ingest.memory_budget >> 20;
    CLI::App* ingest_cmd = declare(
        "ingest", "Extract and store every .txt, .md, .html, .htm and .jsonl file under the given paths");
    if (builds("ingest")) {
        ingest_cmd->add_option("paths", ingest.paths, "Files or folders; - reads standard input")->required();
        ingest_cmd->add_option("--rules", ingest.rules_file, "Relation patterns file (default: the installed rules)");
        ingest_cmd->add_option("--schema", ingest.schema_file, "Relation schema file (default: the installed schema)");
        ingest_cmd->add_option("--threads", ingest.threads, "Extraction threads (default: one per core, at most 4 per core)")
            ->check(WholeNumber("--threads", 0, 1 << 20, "threads (0: one per core)"));
        ingest_cmd->add_flag("--facts", ingest.facts,
                             "The paths are JSON-lines files written by `kgraph extract --jsonl`: store them as they are");
        ingest_cmd->add_flag("--reextract", ingest.reextract,
                             "Extract stored documents again even if this extractor version found their facts");
        ingest_cmd->add_flag("--bulk", ingest.bulk,
                             "Fill a new database faster: load everything at the end as sorted table files "
                             "(all documents are held in memory until then)");
        ingest_cmd->add_option("--max-mb", max_mb, "Skip files larger than this many megabytes")
            ->capture_default_str()
            ->check(WholeNumber("--max-mb", 1, 1 << 20, "megabytes"));
        ingest_cmd->add_option("--memory-mb", memory_mb, "Memory for the database's cache and write buffers, in megabytes")
            ->capture_default_str()
            ->check(WholeNumber("--memory-mb", 8, 1 << 20, "megabytes"));
    }
    ingest_cmd->callback([&] {
        ingest.max_bytes = max_mb << 20;
        ingest.memory_budget = memory_mb << 20;
        status = RunIngest(db, ingest);
    });

    ExtractOptions extract;
    CLI::App* extract_cmd = declare("extract", "Show what extraction finds in files, without storing it");
    if (builds("extract")) {
        extract_cmd->add_option("paths", extract.paths, "Files or folders; - reads standard input")->required();
        extract_cmd->add_option("--rules", extract.rules_file, "Relation patterns file");
        extract_cmd->add_option("--schema", extract.schema_file, "Relation schema file");
        CLI::Option* explain_flag =
            extract_cmd->add_flag("--explain", extract.explain, "Sentence by sentence: entities, rules fired, candidates rejected");
        extract_cmd->add_flag("--parse", extract.parse, "With --explain: the dependency parse of each parsed sentence")
            ->needs(explain_flag);
        explain_flag->excludes(extract_cmd->add_flag("--jsonl", extract.jsonl,
                                             "One JSON line of facts per document, for `kgraph ingest --facts`"));
    }
    extract_cmd->callback([&] { status = RunExtract(extract); });

    CLI::App* entities_cmd = declare("entities", "List entities: name, type, aliases, degree");
    if (builds("entities")) {
        add_memory(entities_cmd, ReadShape::kScan);
        add_json(entities_cmd);
    }
    entities_cmd->callback([&] { status = RunEntities(db, query); });

    std::vector<std::string> predicates;
    CLI::App* relations_cmd = declare("relations", "List relations with attributes and confidence");
    if (builds("relations")) {
        add_memory(relations_cmd, ReadShape::kScan);
        add_json(relations_cmd);
        relations_cmd->add_option("--rel", predicates, "Only these relation types (comma-separated)")->delimiter(',');
    }
    relations_cmd->callback([&] {
        status = CheckRelationTypes(predicates);
        if (status.ok()) status = RunRelations(db, predicates, query);
    });

    CLI::App* stats_cmd = declare("stats", "Counts per entity type and relation type, documents, size");
    if (builds("stats")) {
        add_memory(stats_cmd, ReadShape::kPoint);
        add_json(stats_cmd);
    }
    stats_cmd->callback([&] { status = RunStats(db, query); });

    std::string name;
    CLI::App* show_cmd = declare("show", "An entity, its aliases and its relations with evidence");
    if (builds("show")) {
        add_memory(show_cmd, ReadShape::kPoint);
        show_cmd->add_option("name", name, "Entity name or alias (any case)")->required();
        add_json(show_cmd);
    }
    show_cmd->callback([&] { status = RunShow(db, name, query); });

    int depth = 1;
    std::string direction = "both";
    std::size_t limit = 300;
    CLI::App* neighbors_cmd = declare("neighbors", "Entities within k hops of an entity");
    if (builds("neighbors")) {
        add_memory(neighbors_cmd, ReadShape::kPoint);
        neighbors_cmd->add_option("name", name, "Entity name or alias")->required();
        neighbors_cmd->add_option("--depth", depth, "Hops (k)")
            ->capture_default_str()
            ->check(WholeNumber("--depth", 1, 1000, "hops"));
        AddFilterOptions(neighbors_cmd, predicates, direction);
        add_json(neighbors_cmd);
        neighbors_cmd->add_option("--limit", limit, "At most this many entities (a hub has thousands)")
            ->capture_default_str()
            ->check(CLI::PositiveNumber);
    }
    neighbors_cmd->callback([&] {
        status = CheckRelationTypes(predicates);
        if (status.ok()) status = RunNeighbors(db, name, depth, limit, MakeFilter(predicates, direction), query);
    });

    std::string from, to;
    std::size_t max_visited = 100000;
    CLI::App* path_cmd = declare("path", "A shortest path between two entities, hop by hop");
    if (builds("path")) {
        add_memory(path_cmd, ReadShape::kPoint);
        path_cmd->add_option("from", from, "Start entity")->required();
        path_cmd->add_option("to", to, "End entity")->required();
        AddFilterOptions(path_cmd, predicates, direction);
        add_json(path_cmd);
        path_cmd->add_option("--max-visited", max_visited, "Give up after reaching this many entities")
            ->capture_default_str()
            ->check(CLI::PositiveNumber);
    }
    path_cmd->callback([&] {
        status = CheckRelationTypes(predicates);
        if (status.ok()) status = RunPath(db, from, to, max_visited, MakeFilter(predicates, direction), query);
    });

    std::string rank_by = "pagerank";
    RankOptions rank;
    CLI::App* rank_cmd =
        declare("rank", "Entities by PageRank or by degree, with their connected component");
    if (builds("rank")) {
        add_memory(rank_cmd, ReadShape::kScan);
        rank_cmd->add_option("--by", rank_by, "pagerank or degree")
            ->capture_default_str()
            ->check(CLI::IsMember({"pagerank", "degree"}));
        rank_cmd->add_option("--top", rank.top, "Only the first N (0: all)")->capture_default_str();
        add_json(rank_cmd);
    }
    rank_cmd->callback([&] {
        rank.by = rank_by == "degree" ? RankBy::kDegree : RankBy::kPageRank;
        status = RunRank(db, rank, query);
    });

    CLI::App* conflicts_cmd = declare("conflicts", "Relations whose sources disagree on amount, percent or date");
    if (builds("conflicts")) {
        add_memory(conflicts_cmd, ReadShape::kScan);
        add_json(conflicts_cmd);
    }
    conflicts_cmd->callback([&] { status = RunConflicts(db, query); });

    CLI::App* documents_cmd = declare("documents", "List the stored documents");
    if (builds("documents")) {
        add_memory(documents_cmd, ReadShape::kScan);
        add_json(documents_cmd);
    }
    documents_cmd->callback([&] { status = RunDocuments(db, query); });

    std::string doc;
    CLI::App* forget_cmd = declare("forget", "Remove one document's evidence (by path, id or id prefix)");
    if (builds("forget")) {
        forget_cmd->add_option("doc", doc, "Document path, id or id prefix")->required();
    }
    forget_cmd->callback([&] { status = RunForget(db, doc); });

    CLI::App* check_cmd = declare("check", "Verify the database's invariants");
    if (builds("check")) {
        add_memory(check_cmd, ReadShape::kScan);
    }
    check_cmd->callback([&] { status = RunCheck(db, query); });

    CLI::App* repair_cmd =
        declare("repair", "Rebuild a damaged database from the files left (copies the folder aside first)");
    repair_cmd->callback([&] { status = RunRepair(db); });

    std::string format;
    ExportOptions export_options;
    CLI::App* export_cmd =
        declare("export", "Write the graph, or a part of it, as DOT, SVG, JSON-LD, JSON, GraphML or CSV");
    if (builds("export")) {
        add_memory(export_cmd, ReadShape::kScan);
        export_cmd->add_option("--format", format, "dot, svg, jsonld, json, graphml or csv")
            ->required()
            ->check(CLI::IsMember({"dot", "svg", "jsonld", "json", "graphml", "csv"}));
        export_cmd->add_option("-o,--output", export_options.output,
                               "Output file, - for standard output; for csv a folder (nodes.csv, relationships.csv)")
            ->required();
        CLI::Option* entity_option = export_cmd->add_option(
            "--entity", export_options.entity, "Only this entity (name or alias) and its neighbourhood");
        export_cmd->add_option("--depth", export_options.subgraph.depth, "With --entity: hops from it")
            ->capture_default_str()
            ->check(CLI::NonNegativeNumber)
            ->needs(entity_option);
        export_cmd->add_option("--rel", export_options.subgraph.predicates,
                               "Only these relation types (comma-separated)")
            ->delimiter(',');
        export_cmd->add_option("--min-degree", export_options.subgraph.min_degree,
                               "Only entities with at least this many relations");
        export_cmd->add_option("--top", export_options.subgraph.top, "Only the N entities with the most relations");
        export_cmd->add_flag("--isolated", export_options.subgraph.isolated,
                             "Draw entities without relations too (dot and svg leave them out; the data formats keep them)");
    }
    export_cmd->callback([&] {
        export_options.format = format == "dot"       ? ExportFormat::kDot
                                : format == "svg"     ? ExportFormat::kSvg
                                : format == "jsonld"  ? ExportFormat::kJsonLd
                                : format == "json"    ? ExportFormat::kJson
                                : format == "graphml" ? ExportFormat::kGraphMl
                                                      : ExportFormat::kCsv;
        status = RunExport(db, export_options, query);
    });

    std::string shell;
    CLI::App* completion_cmd = declare("completion", "Print a shell completion script: bash or zsh");
    if (builds("completion")) {
        completion_cmd->add_option("shell", shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
    }
    completion_cmd->callback([&] { std::cout << CompletionScript(app, shell); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::ParseError& error) {
        std::cerr << "kgraph: " << error.what() << " (see kgraph --help)\n";
        return 2;
    }
    if (app.get_subcommands().empty()) {
        std::cerr << "kgraph: no command given (see kgraph --help)\n";
        return 2;
    }
    return Report(status);
}

// RocksDB takes memtable memory in blocks of megabytes and frees them at
// every flush. glibc raises its mmap threshold to the largest block freed,
// after which such blocks come from the heap, where fragments of them stay
// resident: an ingest's RSS crept up with the corpus although its heap did
// not (docs/benchmarks.md, "Memory of a long ingest"). A fixed threshold
// keeps large blocks in their own mappings, returned to the system on free.
void KeepLargeBlocksMapped() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLeakChecked = true;
#elif defined(__has_feature)
constexpr bool kLeakChecked = __has_feature(address_sanitizer);
#else
constexpr bool kLeakChecked = false;
#endif

// Ends the process once a command has run. Everything a command opens is
// closed when Run returns (the store, its files, its threads), but the
// read-only store of `show`, `neighbors` and `path`, which is left to the
// process's end (query.cpp, LeftOpenUntilExit); what is left are the
// libraries' static tables, RocksDB's option tables above all, whose
// destructors took a quarter of a million instructions, 4% of a `show`
// (docs/benchmarks.md, "Point queries open what they read"): the process
// leaves them to the system. A sanitizer build ends normally, so that
// LeakSanitizer still runs.
[[noreturn]] void EndProcess(int code) {
    std::cout.flush();
    std::fflush(nullptr);
    if (kLeakChecked) std::exit(code);
    std::_Exit(code);
}

}  // namespace

int main(int argc, char** argv) {
    KeepLargeBlocksMapped();
    int code = 1;
    try {
        code = Run(argc, argv);
    } catch (const std::exception& error) {
        // A library threw where it promised not to: still one line, no trace.
        std::cerr << "kgraph: internal error: " << error.what() << "\n";
    }
    EndProcess(code);
}
