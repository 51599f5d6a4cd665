// `kgraph ingest` and `kgraph extract`.
//
// Ingest reads and extracts documents on worker threads and writes them from
// this thread in the order of the file list, so the database sees the same
// sequence of writes whatever the number of threads. Each document is one
// atomic write; Ctrl-C stops after the document being written. With --bulk,
// the documents are collected instead and stored together at the end, in
// one atomic load; Ctrl-C before then stores nothing.
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <csignal>
#include <deque>
#include <fstream>
#include <future>
#include <iostream>
#include <thread>

#include "commands.h"
#include "kgraph/document_formats.h"
#include "kgraph/extract.h"
#include "kgraph/facts_json.h"
#include "kgraph/store.h"
#include "progress.h"

namespace kgraph::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void OnInterrupt(int) { g_interrupted = 1; }

// Restores the previous SIGINT handler when ingest returns.
class InterruptGuard {
public:
    InterruptGuard() { previous_ = std::signal(SIGINT, OnInterrupt); }
    ~InterruptGuard() { std::signal(SIGINT, previous_); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    void (*previous_)(int);
};

// One document extracted, ready to be written.
struct ExtractedDocument {
    bool already_stored = false;  // same content stored by this extractor: not extracted
    DocumentFacts facts;
    ExtractionCounts counts;
};

// One file read and its documents (one, or a .jsonl file's lines) extracted.
struct Extracted {
    std::filesystem::path path;
    Status read_status;   // the file could not be used: skipped with a warning
    Status store_status;  // the database failed: ingest stops
    std::string warning;
    std::vector<ExtractedDocument> documents;
};

// A stored document is extracted again when another extractor (or an
// older kgraph, which recorded none) found its facts, or when asked to.
Extracted ReadAndExtract(const Extractor& extractor, const Store& store, const std::filesystem::path& path,
                         std::uintmax_t max_bytes, bool reextract) {
    Extracted out;
    out.path = path;
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > max_bytes) {
        out.read_status = Status::InvalidArgument(path.string() + ": " + std::to_string(size) +
                                                  " bytes, more than the --max-mb limit of " +
                                                  std::to_string(max_bytes >> 20) + " MB");
        return out;
    }
    Result<std::vector<Document>> documents = ReadDocuments(path, &out.warning);
    if (!documents.ok()) {
        out.read_status = documents.status();
        return out;
    }
    for (const Document& document : *documents) {
        Result<std::optional<std::string>> stored_by = store.ExtractorOf(document.id);
        if (!stored_by.ok()) {
            out.store_status = stored_by.status();
            return out;
        }
        ExtractedDocument& extracted = out.documents.emplace_back();
        extracted.already_stored = *stored_by == extractor.Version() && !reextract;
        if (!extracted.already_stored) extracted.facts = extractor.Extract(document, nullptr, &extracted.counts);
    }
    return out;
}

struct IngestSummary {
    std::size_t added = 0, replaced = 0, reextracted = 0, unchanged = 0, skipped = 0;
    std::size_t relations = 0, rejected_by_schema = 0;
};

void Record(IngestSummary& summary, IngestOutcome outcome, const ExtractionCounts& counts) {
    switch (outcome) {
        case IngestOutcome::kAdded: ++summary.added; break;
        case IngestOutcome::kReplaced: ++summary.replaced; break;
        case IngestOutcome::kUnchanged: ++summary.unchanged; break;
        case IngestOutcome::kReextracted: ++summary.reextracted; break;
    }
    summary.relations += counts.relations;
    summary.rejected_by_schema += counts.rejected_by_schema;
}

// Where each document goes: into the store at once, or into a bulk load
// that stores everything when the last document has been added.
class DocumentWriter {
public:
    static Result<DocumentWriter> Open(Store& store, bool bulk) {
        DocumentWriter writer(store);
        if (!bulk) return writer;
        Result<std::unique_ptr<BulkLoad>> load = store.StartBulkLoad();
        if (!load.ok()) return load.status();
        writer.bulk_ = std::move(*load);
        return writer;
    }

    bool bulk() const { return bulk_ != nullptr; }
    Result<IngestOutcome> Write(const DocumentFacts& facts) { return bulk_ ? bulk_->Add(facts) : store_.get().Ingest(facts); }
    Status Finish() { return bulk_ ? bulk_->Finish() : Status::Ok(); }

private:
    explicit DocumentWriter(Store& store) : store_(store) {}
    std::reference_wrapper<Store> store_;
    std::unique_ptr<BulkLoad> bulk_;
};

// Stores one document's facts (unless its content is stored already) and
// counts the outcome.
Status Write(DocumentWriter& writer, const DocumentFacts& facts, const ExtractionCounts& counts, bool already_stored,
             IngestSummary& summary) {
    Result<IngestOutcome> outcome = already_stored ? IngestOutcome::kUnchanged : writer.Write(facts);
    if (!outcome.ok()) return outcome.status();
    Record(summary, *outcome, counts);
    return Status::Ok();
}

Status Interrupted(const DocumentWriter& writer, std::size_t written, const std::string& of) {
    if (writer.bulk()) {
        return Status::Interrupted("stopped after reading " + std::to_string(written) + " of " + of +
                                   " documents, before the bulk load: nothing was stored");
    }
    return Status::Interrupted("stopped after " + std::to_string(written) + " of " + of +
                               " documents; every stored document is complete, run the same command to continue");
}

// Files in folders that kgraph does not read are named, never passed over in silence.
void ReportUnreadFiles(const DocumentWalk& walk) {
    if (walk.unread_files() == 0) return;
    std::cerr << "kgraph: warning: not read: " << walk.unread_files() << " file"
              << (walk.unread_files() == 1 ? "" : "s") << " in no format kgraph reads (.txt, .md, .html, .htm, .jsonl):";
    for (const std::filesystem::path& file : walk.first_unread_files()) std::cerr << " " << file.string();
    if (walk.unread_files() > walk.first_unread_files().size()) std::cerr << " ...";
    std::cerr << "\n";
}

void PrintSummary(const IngestSummary& s, std::size_t total) {
    std::cout << "ingested " << total << " document" << (total == 1 ? "" : "s") << ": " << s.added << " added, "
              << s.replaced << " replaced, " << s.unchanged << " unchanged, " << s.reextracted << " re-extracted, "
              << s.skipped << " skipped; "
              << s.relations << " relation statements extracted, " << s.rejected_by_schema
              << " candidates rejected by the schema\n";
}

// One thread per core by default. More than four per core gains nothing
// (extraction is CPU-bound) and a typo's 100000 would exhaust the machine:
// such a request is capped, with a warning.
unsigned ExtractionThreads(unsigned requested) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    if (requested == 0) return cores;
    const unsigned cap = 4 * cores;
    if (requested <= cap) return requested;
    std::cerr << "kgraph: warning: --threads " << requested << " is more than 4 per core; using " << cap << " ("
              << cores << " cores)\n";
    return cap;
}

// Ingest fails when it stored nothing and had something to store: every
// file was unusable, or the paths hold none.
Status NothingStored(const IngestSummary& s, std::size_t unreadable_folders) {
    if (s.added + s.replaced + s.reextracted + s.unchanged > 0) return Status::Ok();
    if (s.skipped == 0 && unreadable_folders == 0) return Status::NotFound("no .txt file found under the given paths");
    return Status::IOError("nothing stored: " + std::to_string(s.skipped) + " file" + (s.skipped == 1 ? "" : "s") +
                           " skipped, " + std::to_string(unreadable_folders) + " folder" +
                           (unreadable_folders == 1 ? "" : "s") + " unreadable (see the warnings above)");
}

Result<std::unique_ptr<Store>> OpenForWriting(const std::filesystem::path& db, const IngestOptions& ingest) {
    StoreOptions options;
    options.memory_budget = ingest.memory_budget;
    return Store::Open(db, options);
}

// Says on stderr what the extractor lacks, since it changes the results.
Result<std::unique_ptr<Extractor>> MakeExtractor(const std::filesystem::path& rules,
                                                 const std::filesystem::path& schema) {
    ExtractorOptions options;
    options.rules_file = rules;
    options.schema_file = schema;
    Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
    if (extractor.ok()) {
        for (const std::string& warning : (*extractor)->Warnings()) std::cerr << "kgraph: warning: " << warning << "\n";
    }
    return extractor;
}

}  // namespace

// `ingest --facts`: documents extracted elsewhere, one JSON line each, are
// merged by this one writer in the order of the files and lines.
Status IngestFacts(const std::filesystem::path& db, const IngestOptions& options) {
    Result<std::unique_ptr<FactsChecker>> checker = FactsChecker::Load(options.rules_file, options.schema_file);
    if (!checker.ok()) return checker.status();
    Result<std::unique_ptr<Store>> store = OpenForWriting(db, options);
    if (!store.ok()) return store.status();
    Result<DocumentWriter> writer = DocumentWriter::Open(**store, options.bulk);
    if (!writer.ok()) return writer.status();
    IngestSummary summary;
    std::size_t written = 0;
    for (const auto& path : options.paths) {
        std::ifstream in(path);
        if (!in) return Status::NotFound("cannot open " + path.string());
        std::string line;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            if (g_interrupted) {
                PrintSummary(summary, written);
                return Interrupted(*writer, written, "the given");
            }
            if (line.empty()) continue;
            Result<DocumentFacts> facts = DocumentFactsFromJson(line);
            Status valid = facts.ok() ? (*checker)->Check(*facts) : facts.status();
            if (!valid.ok()) {
                return Status::InvalidArgument(path.string() + ":" + std::to_string(number) + ": " + valid.message());
            }
            Result<std::optional<std::string>> stored_by = (*store)->ExtractorOf(facts->doc);
            if (!stored_by.ok()) return stored_by.status();
            const bool already_stored = *stored_by == facts->extractor;
            ExtractionCounts counts;
            if (!already_stored) {
                for (const Relation& relation : facts->relations) counts.relations += relation.evidence.size();
            }
            if (Status ok = Write(*writer, *facts, counts, already_stored, summary); !ok.ok()) return ok;
            ++written;
        }
    }
    if (Status finished = writer->Finish(); !finished.ok()) return finished;
    PrintSummary(summary, written);
    return Status::Ok();
}

Status RunIngest(const std::filesystem::path& db, const IngestOptions& options) {
    InterruptGuard guard;  // first: Ctrl-C during start-up must not kill the process mid-open
    if (options.facts) return IngestFacts(db, options);
    // Walking twice, to count and then to read, keeps no file list in memory,
    // and finds a missing path before anything is written.
    Result<std::size_t> total = CountDocuments(options.paths);
    if (!total.ok()) return total.status();
    Result<std::unique_ptr<Extractor>> extractor = MakeExtractor(options.rules_file, options.schema_file);
    if (!extractor.ok()) return extractor.status();
    Result<std::unique_ptr<Store>> store = OpenForWriting(db, options);
    if (!store.ok()) return store.status();
    Result<DocumentWriter> writer = DocumentWriter::Open(**store, options.bulk);
    if (!writer.ok()) return writer.status();

    const unsigned threads = ExtractionThreads(options.threads);
    const std::size_t window = 2 * threads;  // documents in flight: bounds memory
    Progress progress(*total);
    IngestSummary summary;
    DocumentWalk walk(options.paths);
    // Threads that live as long as the ingest, so each keeps its extraction
    // state (ICU iterators) from one document to the next. Declared after the
    // store and the extractor that they use: on any return, the pool drops
    // the documents not started and waits for those being extracted.
    boost::asio::thread_pool workers(threads);
    std::deque<std::future<Extracted>> in_flight;
    std::size_t written = 0;

    while (true) {
        while (in_flight.size() < window && !g_interrupted) {
            Result<std::optional<std::filesystem::path>> file = walk.Next();
            if (!file.ok()) {
                progress.Finish();
                return file.status();
            }
            if (!*file) break;
            std::packaged_task<Extracted()> task([&, path = std::move(**file)] {
                return ReadAndExtract(**extractor, **store, path, options.max_bytes, options.reextract);
            });
            in_flight.push_back(task.get_future());
            boost::asio::post(workers, std::move(task));
        }
        if (g_interrupted) {
            progress.Finish();
            PrintSummary(summary, written);
            return Interrupted(*writer, written, std::to_string(*total));
        }
        if (in_flight.empty()) break;
        Extracted done = in_flight.front().get();
        in_flight.pop_front();
        if (!done.store_status.ok()) {
            progress.Finish();
            return done.store_status;
        }
        if (!done.read_status.ok()) {
            ++written;
            ++summary.skipped;
            progress.Finish();
            std::cerr << "kgraph: warning: skipped " << done.read_status.message() << "\n";
        } else {
            if (!done.warning.empty()) std::cerr << "kgraph: warning: " << done.warning << "\n";
            for (const ExtractedDocument& document : done.documents) {
                if (Status written_ok = Write(*writer, document.facts, document.counts, document.already_stored, summary);
                    !written_ok.ok()) {
                    progress.Finish();
                    return written_ok;
                }
                ++written;
            }
        }
        progress.Advance(done.path.string());
    }
    progress.Finish();
    for (const std::filesystem::path& folder : walk.unreadable()) {
        std::cerr << "kgraph: warning: skipped folder " << folder.string() << ": permission denied\n";
    }
    ReportUnreadFiles(walk);
    if (Status finished = writer->Finish(); !finished.ok()) return finished;
    PrintSummary(summary, written);
    return NothingStored(summary, walk.unreadable().size());
}

namespace {

// Each line of `text` after `prefix`, so that a multi-line part of an
// explanation lines up with the one-line parts.
void PrintIndented(const std::string& text, const std::string& prefix) {
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::cout << prefix << std::string_view(text).substr(start, end - start) << "\n";
        start = end + 1;
    }
}

void PrintExtraction(const Extractor& extractor, const Document& document, const ExtractOptions& options) {
    Explanation explanation;
    ExtractionCounts counts;
    DocumentFacts facts = extractor.Extract(document, options.explain ? &explanation : nullptr, &counts);
    if (options.jsonl) {
        std::cout << DocumentFactsToJson(facts) << "\n";
        return;
    }
    // The relations listed below, and the statements of them (one relation may be stated several times).
    std::cout << "== " << document.source << "  (" << counts.sentences << " sentences, " << facts.relations.size()
              << " relations from " << counts.relations << " statements, " << counts.rejected_by_schema
              << " rejected by the schema)\n";
    for (const SentenceExplanation& sentence : explanation.sentences) {
        std::cout << "\n[" << sentence.start << "-" << sentence.end << "] " << sentence.text << "\n";
        if (options.parse) PrintIndented(sentence.parse, "  parse     ");
        for (const auto& entity : sentence.entities) std::cout << "  entity    " << entity << "\n";
        for (const auto& relation : sentence.accepted) std::cout << "  relation  " << relation << "\n";
        for (const auto& rejected : sentence.rejected) std::cout << "  rejected  " << rejected << "\n";
    }
    if (!options.explain) {
        for (const Relation& relation : facts.relations) {
            std::cout << relation.subject << "  " << relation.predicate << "  " << relation.object << "\n";
        }
    }
}

}  // namespace

Status RunExtract(const ExtractOptions& options) {
    // A missing path is reported before any output, as ingest does.
    if (Result<std::size_t> total = CountDocuments(options.paths); !total.ok()) return total.status();
    Result<std::unique_ptr<Extractor>> extractor = MakeExtractor(options.rules_file, options.schema_file);
    if (!extractor.ok()) return extractor.status();

    DocumentWalk walk(options.paths);
    while (true) {
        Result<std::optional<std::filesystem::path>> file = walk.Next();
        if (!file.ok()) return file.status();
        if (!*file) break;
        std::string warning;
        Result<std::vector<Document>> documents = ReadDocuments(**file, &warning);
        if (!documents.ok()) {
            std::cerr << "kgraph: warning: skipped " << documents.status().message() << "\n";  // as ingest does
            continue;
        }
        if (!warning.empty()) std::cerr << "kgraph: warning: " << warning << "\n";
        for (const Document& document : *documents) PrintExtraction(**extractor, document, options);
    }
    ReportUnreadFiles(walk);
    return Status::Ok();
}

}  // namespace kgraph::cli
