// bench_ingest [--articles 10000] [--seed 1] [--dir DIR] [--chunk 1000] [--bulk]
//
// Store::Ingest against raw RocksDB writing the same volume, in one run;
// with --bulk, also a bulk load (Store::StartBulkLoad) of the same documents
// into a third database, which holds every document until the end.
// Articles are generated in memory (the same text gen_corpus writes for the
// seed), extracted single-threaded, and each chunk of DocumentFacts is then
// written to a fresh kgraph store and to the raw baseline, each timed on its
// own. Working chunk by chunk keeps memory independent of the corpus size;
// interleaving the two writers lets both see the same machine conditions.
#include <algorithm>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "corpus.h"
#include "kgraph/extract.h"
#include "kgraph/store.h"
#include "measure.h"
#include "raw_rocksdb_baseline.h"

namespace {

using kgraph::bench::Fixed;
using kgraph::bench::PhaseTimer;

std::uintmax_t DirectoryBytes(const std::filesystem::path& root) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) bytes += entry.file_size();
    }
    return bytes;
}

std::vector<kgraph::Document> GenerateChunk(const kgraph::bench::World& world, std::uint64_t seed, std::size_t first,
                                            std::size_t count) {
    std::vector<kgraph::Document> documents(count);
    for (std::size_t i = 0; i < count; ++i) {
        kgraph::Document& document = documents[i];
        kgraph::bench::AppendArticle(world, seed, first + i, document.text);
        document.id = kgraph::DocumentId(document.text);
        document.source = kgraph::bench::ArticlePath(first + i);
    }
    return documents;
}

struct Totals {
    std::size_t documents = 0, bytes = 0, entities = 0, relations = 0, statements = 0;
    std::size_t added = 0, unchanged = 0;
};

void Count(const kgraph::DocumentFacts& facts, Totals& totals) {
    totals.entities += facts.entities.size();
    totals.relations += facts.relations.size();
    for (const kgraph::Relation& relation : facts.relations) totals.statements += relation.evidence.size();
}

double PerSecond(std::size_t count, double seconds) { return seconds > 0 ? static_cast<double>(count) / seconds : 0; }

struct Writers {
    std::unique_ptr<kgraph::Store> store;
    std::unique_ptr<kgraph::bench::RawRocksDbBaseline> raw;
    std::unique_ptr<kgraph::Store> bulk_store;  // with --bulk only
    std::unique_ptr<kgraph::BulkLoad> bulk;
};

kgraph::Result<Writers> OpenFreshWriters(const std::filesystem::path& dir, bool with_bulk) {
    std::error_code error;
    for (const char* name : {"store.db", "raw.db", "bulk.db"}) std::filesystem::remove_all(dir / name, error);
    std::filesystem::create_directories(dir, error);
    Writers writers;
    auto store = kgraph::Store::Open(dir / "store.db");
    if (!store.ok()) return store.status();
    writers.store = std::move(*store);
    auto raw = kgraph::bench::RawRocksDbBaseline::Create(dir / "raw.db");
    if (!raw.ok()) return raw.status();
    writers.raw = std::move(*raw);
    if (!with_bulk) return writers;
    auto bulk_store = kgraph::Store::Open(dir / "bulk.db");
    if (!bulk_store.ok()) return bulk_store.status();
    writers.bulk_store = std::move(*bulk_store);
    auto bulk = writers.bulk_store->StartBulkLoad();
    if (!bulk.ok()) return bulk.status();
    writers.bulk = std::move(*bulk);
    return writers;
}

int Fail(const kgraph::Status& status) {
    std::cerr << "bench_ingest: " << status.ToString() << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Store::Ingest against raw RocksDB writing the same volume"};
    std::size_t articles = 10000, chunk = 1000;
    std::uint64_t seed = 1;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "kgraph-bench-ingest";
    app.add_option("--articles", articles, "Generated articles")->capture_default_str()->check(CLI::PositiveNumber);
    app.add_option("--seed", seed, "Corpus seed (as gen_corpus --seed)")->capture_default_str();
    app.add_option("--dir", dir, "Where the two databases are created (replaced)")->capture_default_str();
    app.add_option("--chunk", chunk, "Documents extracted before each write phase")->capture_default_str()->check(CLI::PositiveNumber);
    bool with_bulk = false;
    app.add_flag("--bulk", with_bulk, "Also bulk-load the documents into a third database (memory then grows)");
    CLI11_PARSE(app, argc, argv);

    auto extractor = kgraph::Extractor::Create({});
    if (!extractor.ok()) return Fail(extractor.status());
    auto writers = OpenFreshWriters(dir, with_bulk);
    if (!writers.ok()) return Fail(writers.status());
    const kgraph::bench::World world = kgraph::bench::MakeWorld(seed);

    Totals totals;
    PhaseTimer extract_timer, store_timer, raw_timer, bulk_timer;
    double peak_at_tenth = 0;
    for (std::size_t first = 0; first < articles; first += chunk) {
        const std::vector<kgraph::Document> documents = GenerateChunk(world, seed, first, std::min(chunk, articles - first));
        std::vector<kgraph::DocumentFacts> facts;
        facts.reserve(documents.size());
        extract_timer.Start();
        for (const kgraph::Document& document : documents) facts.push_back((*extractor)->Extract(document));
        extract_timer.Stop();

        store_timer.Start();
        for (const kgraph::DocumentFacts& document_facts : facts) {
            auto outcome = writers->store->Ingest(document_facts);
            if (!outcome.ok()) return Fail(outcome.status());
            if (*outcome == kgraph::IngestOutcome::kUnchanged) {
                ++totals.unchanged;
            } else {
                ++totals.added;
            }
        }
        store_timer.Stop();

        raw_timer.Start();
        for (const kgraph::DocumentFacts& document_facts : facts) {
            if (kgraph::Status status = writers->raw->Write(document_facts); !status.ok()) return Fail(status);
        }
        raw_timer.Stop();

        if (writers->bulk) {
            bulk_timer.Start();
            for (const kgraph::DocumentFacts& document_facts : facts) {
                if (auto added = writers->bulk->Add(document_facts); !added.ok()) return Fail(added.status());
            }
            bulk_timer.Stop();
        }

        for (std::size_t i = 0; i < documents.size(); ++i) {
            totals.bytes += documents[i].text.size();
            Count(facts[i], totals);
        }
        totals.documents += documents.size();
        if (peak_at_tenth == 0 && totals.documents >= articles / 10) peak_at_tenth = kgraph::bench::PeakRssMiB();
    }
    const double peak_at_end = kgraph::bench::PeakRssMiB();
    auto stats = writers->store->Stats();
    if (!stats.ok()) return Fail(stats.status());
    std::ostringstream bulk_line;
    if (writers->bulk) {
        bulk_timer.Start();
        if (kgraph::Status finished = writers->bulk->Finish(); !finished.ok()) return Fail(finished);
        bulk_timer.Stop();
        auto bulk_stats = writers->bulk_store->Stats();
        if (!bulk_stats.ok()) return Fail(bulk_stats.status());
        if (bulk_stats->entities != stats->entities || bulk_stats->relations != stats->relations ||
            bulk_stats->evidence != stats->evidence) {
            return Fail(kgraph::Status::Corruption("the bulk load stored another graph than Store::Ingest"));
        }
        const double bulk_s = bulk_timer.Seconds();
        bulk_line << "bulk   Store::StartBulkLoad: " << Fixed(bulk_s, 2) << " s, "
                  << Fixed(PerSecond(totals.documents, bulk_s)) << " documents/s, "
                  << Fixed(PerSecond(totals.statements, bulk_s)) << " relation statements/s; speed-up over "
                  << "Store::Ingest: " << Fixed(store_timer.Seconds() / bulk_s, 2) << "x, bulk / raw: "
                  << Fixed(bulk_s / raw_timer.Seconds(), 2) << "x; peak RSS with the bulk's documents held: "
                  << Fixed(kgraph::bench::PeakRssMiB()) << " MiB\n";
        writers->bulk.reset();
        writers->bulk_store.reset();
    }
    const kgraph::bench::BaselineVolume volume = writers->raw->volume();
    writers->store.reset();  // closed, so that the sizes on disk are final
    writers->raw.reset();

    const double store_s = store_timer.Seconds(), raw_s = raw_timer.Seconds();
    std::cout << "corpus: " << totals.documents << " generated articles (seed " << seed << "), "
              << Fixed(totals.bytes / 1e6) << " MB; extracted " << totals.entities << " entity mentions, "
              << totals.relations << " relations, " << totals.statements << " relation statements\n"
              << "extraction (1 thread, not part of the ratio): " << Fixed(extract_timer.CpuSeconds(), 2)
              << " s CPU, " << Fixed(kgraph::bench::MegabytesPerSecond(totals.bytes, extract_timer.CpuSeconds()))
              << " MB/s; " << Fixed(extract_timer.Seconds(), 2) << " s wall\n"
              << "store  Store::Ingest:  " << Fixed(store_s, 2) << " s, " << Fixed(PerSecond(totals.documents, store_s))
              << " documents/s, " << Fixed(PerSecond(totals.statements, store_s)) << " relation statements/s ("
              << totals.added << " added, " << totals.unchanged << " unchanged)\n"
              << "raw    RocksDB batches: " << Fixed(raw_s, 2) << " s, " << Fixed(PerSecond(volume.batches, raw_s))
              << " documents/s, " << Fixed(PerSecond(totals.statements, raw_s)) << " relation statements/s ("
              << volume.keys << " keys, " << Fixed(volume.bytes / 1e6) << " MB in " << volume.batches << " batches)\n"
              << "store / raw: " << Fixed(store_s / raw_s, 2) << "x wall time (target <= 2x: "
              << (store_s <= 2 * raw_s ? "met" : "NOT met") << "), "
              << Fixed(store_timer.CpuSeconds() / raw_timer.CpuSeconds(), 2)
              << "x CPU time of the writing thread (" << Fixed(store_timer.CpuSeconds(), 2) << " s / "
              << Fixed(raw_timer.CpuSeconds(), 2) << " s)\n"
              << "graph: " << stats->entities << " entities, " << stats->relations << " relations, " << stats->evidence
              << " evidence items; on disk: store " << Fixed(DirectoryBytes(dir / "store.db") / 1e6) << " MB, raw "
              << Fixed(DirectoryBytes(dir / "raw.db") / 1e6) << " MB\n"
              << "peak RSS after 10% of articles: " << Fixed(peak_at_tenth) << " MiB; after 100%: " << Fixed(peak_at_end)
              << " MiB\n"
              << bulk_line.str();
    return 0;
}
