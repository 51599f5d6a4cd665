// The kgraph commands. Each takes its parsed options, writes its output to
// stdout, and returns a Status that main() turns into one line on stderr and
// an exit code. Nothing here throws.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kgraph/ranking.h"
#include "kgraph/status.h"
#include "kgraph/store.h"
#include "kgraph/subgraph.h"
#include "kgraph/traversal.h"
#include "reader_budget.h"

namespace kgraph::cli {

struct IngestOptions {
    std::vector<std::filesystem::path> paths;
    std::filesystem::path rules_file;
    std::filesystem::path schema_file;
    unsigned threads = 0;  // extraction threads; 0: one per core
    // Larger files are skipped with a warning: a news article is kilobytes,
    // a file of hundreds of megabytes is a dump that needs splitting first.
    std::uintmax_t max_bytes = 64ull << 20;
    // The paths are JSON-lines files of DocumentFacts (`kgraph extract
    // --jsonl`), already extracted elsewhere: store them as they are.
    bool facts = false;
    // Into an empty database only: keep every document in memory and load
    // them all at the end as table files (Store::StartBulkLoad).
    bool bulk = false;
    // The store's memory budget (StoreOptions::memory_budget).
    std::size_t memory_budget = StoreOptions{}.memory_budget;
    // Extract stored documents again even when this extractor's version
    // found them (the extractor's code changed, not its data files).
    bool reextract = false;
};
Status RunIngest(const std::filesystem::path& db, const IngestOptions& options);

struct ExtractOptions {
    std::vector<std::filesystem::path> paths;
    std::filesystem::path rules_file;
    std::filesystem::path schema_file;
    bool explain = false;
    bool parse = false;  // with explain: each parsed sentence's dependency parse
    bool jsonl = false;  // one DocumentFacts JSON line per document, for `ingest --facts`
};
Status RunExtract(const ExtractOptions& options);

// The database opened for a query: read-only, so that it works while an
// ingest runs. `memory_budget`: ReaderBudget(), from reader_budget.h.
// `reads`: what the command asks of it; a point query names its few parts
// and the open opens only those (StoreReads).
Result<std::unique_ptr<Store>> OpenForReading(const std::filesystem::path& db, std::size_t memory_budget,
                                              StoreReads reads = StoreReads::kEverything);

struct QueryOptions {
    bool json = false;
    // --memory-mb; without it, each command's default for how it reads
    // (ReaderBudget).
    std::optional<std::size_t> memory_budget;
};
Status RunEntities(const std::filesystem::path& db, const QueryOptions& options);
Status RunRelations(const std::filesystem::path& db, const std::vector<std::string>& predicates,
                    const QueryOptions& options);
Status RunStats(const std::filesystem::path& db, const QueryOptions& options);
Status RunShow(const std::filesystem::path& db, const std::string& name, const QueryOptions& options);
// At most `limit` entities (a message on stderr says when there were more).
Status RunNeighbors(const std::filesystem::path& db, const std::string& name, int depth, std::size_t limit,
                    const TraversalFilter& filter, const QueryOptions& options);
// Gives up when the search has reached `max_visited` entities.
Status RunPath(const std::filesystem::path& db, const std::string& from, const std::string& to,
               std::size_t max_visited, const TraversalFilter& filter, const QueryOptions& options);
struct RankOptions {
    RankBy by = RankBy::kPageRank;
    std::size_t top = 20;  // 0: every entity
};
// Entities best first, with their degree and connected component.
Status RunRank(const std::filesystem::path& db, const RankOptions& rank, const QueryOptions& options);
Status RunConflicts(const std::filesystem::path& db, const QueryOptions& options);
Status RunDocuments(const std::filesystem::path& db, const QueryOptions& options);
Status RunForget(const std::filesystem::path& db, const std::string& doc);
Status RunCheck(const std::filesystem::path& db, const QueryOptions& options);
Status RunRepair(const std::filesystem::path& db);

enum class ExportFormat { kDot, kSvg, kJsonLd, kJson, kGraphMl, kCsv };
struct ExportOptions {
    ExportFormat format = ExportFormat::kSvg;
    std::filesystem::path output;  // "-": stdout; for csv, a folder
    // The part of the graph to export. An entity is typed as by the user and
    // resolved like `show` does; entities without a relation are left out of
    // pictures (dot, svg) unless `subgraph.isolated`, and kept in the data
    // formats.
    std::optional<std::string> entity;
    SubgraphOptions subgraph;
};
Status RunExport(const std::filesystem::path& db, const ExportOptions& options, const QueryOptions& query);

}  // namespace kgraph::cli
