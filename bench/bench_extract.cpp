// bench_extract [--input DIR] [--mb 50]
//
// Single-threaded extraction speed against its floor: ICU sentence and word
// segmentation alone, over the same documents, done the way the extractor
// does it (a word and a sentence BreakIterator over a UTF-8 UText).
// The documents are the seed articles (or the .txt files under --input),
// repeated until they add up to --mb megabytes.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <iostream>
#include <memory>
#include <stdexcept>

#include <CLI/CLI.hpp>

#include "kgraph/extract.h"
#include "measure.h"

namespace {

// Single-thread extraction speed with the dependency parse (issue 12).
constexpr double kTargetMegabytesPerSecond = 1.5;

using kgraph::bench::Fixed;

// Documents read from `root`, at most about `max_bytes` of them.
kgraph::Result<std::vector<kgraph::Document>> LoadDocuments(const std::filesystem::path& root, std::size_t max_bytes) {
    auto paths = kgraph::ListDocuments(root);
    if (!paths.ok()) return paths.status();
    std::vector<kgraph::Document> documents;
    std::size_t bytes = 0;
    for (const auto& path : *paths) {
        if (bytes >= max_bytes) break;
        auto document = kgraph::ReadDocument(path);
        if (!document.ok()) return document.status();
        bytes += document->text.size();
        documents.push_back(std::move(*document));
    }
    if (documents.empty()) return kgraph::Status::NotFound(root.string() + ": no .txt documents");
    return documents;
}

// The run: documents in the order they are processed, cycling through the
// loaded ones until `target_bytes` is reached. Indices, so that the text is
// held once however many times it is processed.
std::vector<std::size_t> CyclingOrder(const std::vector<kgraph::Document>& documents, std::size_t target_bytes) {
    std::vector<std::size_t> order;
    for (std::size_t bytes = 0; bytes < target_bytes;) {
        const std::size_t index = order.size() % documents.size();
        order.push_back(index);
        bytes += documents[index].text.size();
    }
    return order;
}

struct SegmentationCounts {
    std::size_t sentences = 0;
    std::size_t words = 0;  // tokens that are not spaces or punctuation
};

class Segmenter {
public:
    Segmenter() {
        UErrorCode status = U_ZERO_ERROR;
        sentences_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
        words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + u_errorName(status));
    }

    // Walks every word boundary, then every sentence boundary, of one UTF-8
    // UText, as the extractor's TextSegmenter does. The iterators are reused
    // rather than cloned per document: this is the floor, not a copy of the
    // extractor's bookkeeping.
    void Segment(const std::string& text, SegmentationCounts& counts) {
        UErrorCode status = U_ZERO_ERROR;
        UText* utext = utext_openUTF8(&utext_, text.data(), static_cast<int64_t>(text.size()), &status);
        words_->setText(utext, status);
        for (int32_t end = words_->first(); (end = words_->next()) != icu::BreakIterator::DONE;) {
            if (words_->getRuleStatus() != UBRK_WORD_NONE) ++counts.words;
        }
        sentences_->setText(utext, status);
        for (int32_t end = sentences_->first(); (end = sentences_->next()) != icu::BreakIterator::DONE;) ++counts.sentences;
        utext_close(utext);
    }

private:
    std::unique_ptr<icu::BreakIterator> sentences_, words_;
    UText utext_ = UTEXT_INITIALIZER;
};

struct RssCheckpoint {
    double current_mib = 0, peak_mib = 0;
    static RssCheckpoint Now() { return {kgraph::bench::CurrentRssMiB(), kgraph::bench::PeakRssMiB()}; }
};

std::string Verdict(bool met) { return met ? "met" : "NOT met"; }

void PrintPhase(std::string_view name, const kgraph::bench::PhaseTimer& timer, std::size_t bytes) {
    std::cout << name << ": " << Fixed(timer.CpuSeconds(), 2) << " s CPU, "
              << Fixed(kgraph::bench::MegabytesPerSecond(bytes, timer.CpuSeconds())) << " MB/s; "
              << Fixed(timer.Seconds(), 2) << " s wall, "
              << Fixed(kgraph::bench::MegabytesPerSecond(bytes, timer.Seconds())) << " MB/s\n";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Extraction speed against ICU segmentation alone, single thread"};
    std::filesystem::path input = KGRAPH_SEEDS_DIR;
    double megabytes = 50;
    app.add_option("--input", input, "Folder of .txt documents to repeat")->capture_default_str();
    app.add_option("--mb", megabytes, "Megabytes of text to process")->capture_default_str()->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);
    const auto target_bytes = static_cast<std::size_t>(megabytes * 1e6);

    auto documents = LoadDocuments(input, target_bytes);
    if (!documents.ok()) {
        std::cerr << "bench_extract: " << documents.status().ToString() << "\n";
        return 1;
    }
    auto extractor = kgraph::Extractor::Create({});
    if (!extractor.ok()) {
        std::cerr << "bench_extract: " << extractor.status().ToString() << "\n";
        return 1;
    }
    const std::vector<std::size_t> order = CyclingOrder(*documents, target_bytes);
    std::size_t bytes = 0;
    for (std::size_t index : order) bytes += (*documents)[index].text.size();
    std::cout << "input: " << documents->size() << " documents from " << input.string() << ", cycled to "
              << order.size() << " documents, " << Fixed(bytes / 1e6) << " MB\n";

    Segmenter segmenter;
    SegmentationCounts segmentation;
    kgraph::bench::PhaseTimer segment_timer;
    segment_timer.Start();
    for (std::size_t index : order) segmenter.Segment((*documents)[index].text, segmentation);
    segment_timer.Stop();

    kgraph::ExtractionCounts extraction;
    RssCheckpoint at_tenth;
    kgraph::bench::PhaseTimer extract_timer;
    extract_timer.Start();
    for (std::size_t i = 0; i < order.size(); ++i) {
        kgraph::ExtractionCounts counts;
        const kgraph::DocumentFacts facts = (*extractor)->Extract((*documents)[order[i]], nullptr, &counts);
        extraction.sentences += counts.sentences;
        extraction.relations += facts.relations.size();
        if (i + 1 == order.size() / 10) at_tenth = RssCheckpoint::Now();
    }
    extract_timer.Stop();
    const RssCheckpoint at_end = RssCheckpoint::Now();

    // Verdicts use CPU time: what one core does, whatever else the machine runs.
    const double extract_mbs = kgraph::bench::MegabytesPerSecond(bytes, extract_timer.CpuSeconds());
    const double ratio = extract_timer.CpuSeconds() / segment_timer.CpuSeconds();
    PrintPhase("segmentation (ICU sentence+word)", segment_timer, bytes);
    std::cout << "  " << segmentation.sentences << " sentences, " << segmentation.words << " words\n";
    PrintPhase("extraction (Extractor::Extract)", extract_timer, bytes);
    std::cout << "  " << extraction.sentences << " sentences, " << extraction.relations << " relations\n"
              << "extract / segmentation: " << Fixed(ratio, 2) << "x CPU time, "
              << Fixed(extract_timer.Seconds() / segment_timer.Seconds(), 2) << "x wall time\n"
              << "extraction speed target >= " << Fixed(kTargetMegabytesPerSecond, 1)
              << " MB/s (CPU time): " << Verdict(extract_mbs >= kTargetMegabytesPerSecond) << "\n"
              << "RSS after 10% of documents: " << Fixed(at_tenth.current_mib) << " MiB (peak "
              << Fixed(at_tenth.peak_mib) << "); after 100%: " << Fixed(at_end.current_mib) << " MiB (peak "
              << Fixed(at_end.peak_mib) << ")\n";
    return 0;
}
