// The extractor's version: what its facts depend on besides the text, so
// that facts found with other data files are recognized and extracted again.
#include <catch2/catch.hpp>

#include "kgraph/extract.h"
#include "test_documents.h"

using namespace kgraph;

namespace {

std::unique_ptr<Extractor> Make(const std::filesystem::path& word_list) {
    ExtractorOptions options;
    options.word_list = word_list;
    Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
    REQUIRE(extractor.ok());
    return std::move(*extractor);
}

}  // namespace

TEST_CASE("a missing word list is a stated warning and another extractor version") {
    const std::unique_ptr<Extractor> equipped = Make("/usr/share/dict/words");
    const std::unique_ptr<Extractor> without = Make("/nonexistent/words");
    CHECK(equipped->Warnings().empty());
    REQUIRE(without->Warnings().size() == 1);
    CHECK(without->Warnings()[0].find("/nonexistent/words") != std::string::npos);
    CHECK(equipped->Version().size() == 12);
    CHECK(without->Version() != equipped->Version());
    CHECK(Make("/usr/share/dict/words")->Version() == equipped->Version());

    const DocumentFacts facts = equipped->Extract(test::Doc("Acme Inc invested $5 million in Zenith Labs."));
    CHECK(facts.extractor == equipped->Version());
}
