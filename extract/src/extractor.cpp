// The extraction pipeline for one document:
//   segment (ICU) -> classify lines (furniture, headlines) -> find mentions
//   -> resolve them to entities -> per sentence: quantities, items, rules
//   -> candidates -> references and implicit arguments -> schema -> facts.
#include <cstdlib>
#include <fstream>

#include "kgraph/extract.h"
#include "mention_finder.h"
#include "mention_resolver.h"
#include "page_furniture.h"
#include "quantity_parser.h"
#include "rule_set.h"
#include "fact_collector.h"
#include "folded_tokens.h"
#include "sentence_parse.h"
#include "text_segmenter.h"

namespace kgraph {
namespace {

using namespace extract;
namespace fs = std::filesystem;

constexpr const char* kDictionaryPath = "/usr/share/dict/words";

// Lower-case entries only: "Turing" in the list is a name, "scale" a word.
WordList LoadDictionary() {
    std::vector<std::string> words;
    std::ifstream in(kDictionaryPath);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] >= 'a' && line[0] <= 'z' && line.find('\'') == std::string::npos) words.push_back(line);
    }
    return WordList(words);
}

fs::path DataDir() {
    if (const char* dir = std::getenv("KGRAPH_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
    return KGRAPH_SOURCE_DATA_DIR;
}

class RuleBasedExtractor final : public Extractor {
public:
    RuleBasedExtractor(std::unique_ptr<RuleSet> rules, std::unique_ptr<const nlp::Parser> parser, TextSegmenter segmenter,
                       WordList dictionary)
        : rules_(std::move(rules)), parser_(std::move(parser)), segmenter_(std::move(segmenter)),
          dictionary_(std::move(dictionary)), parses_(*parser_, rules_->syntax_trigger_forms()),
          furniture_(rules_->lexicon("page_furniture"), dictionary_),
          finder_(NameLexicons{&rules_->lexicon("org_suffix"), &rules_->lexicon("person_title"),
                               &rules_->lexicon("first_name"), &rules_->lexicon("not_a_name"),
                               &rules_->lexicon("function_word"), &rules_->lexicon("stock_exchange"),
                               &rules_->lexicon("org_pronoun"), &rules_->lexicon("person_pronoun"),
                               &rules_->lexicon("reference_head"), &rules_->lexicon("place"),
                               &rules_->lexicon("honorific"), &rules_->lexicon("name_of_head"), &rules_->lexicon("product_maker"),
                               &dictionary_}),
          resolver_(rules_->lexicon("org_suffix")),
          quantities_(HedgeLexicons{{{"more-than", &rules_->lexicon("hedge_more_than")},
                                     {"less-than", &rules_->lexicon("hedge_less_than")},
                                     {"up-to", &rules_->lexicon("hedge_up_to")},
                                     {"approximately", &rules_->lexicon("hedge_approximately")}}}) {}

    DocumentFacts Extract(const Document& document, Explanation* explanation, ExtractionCounts* counts) const override {
        const SegmentedText text = segmenter_.Segment(document.text);
        const FoldedTokens folded(text.tokens, rules_->vocabulary());
        const std::vector<LineRole> lines = furniture_.Classify(document.text, text, folded);
        std::vector<bool> skip(lines.size());
        for (std::size_t l = 0; l < lines.size(); ++l) skip[l] = lines[l].furniture;
        const std::vector<SentenceParse> parses = parses_.Annotate(text, folded, skip);
        const MentionsFound found = finder_.Find(text, folded, skip);
        const ResolvedMentions resolved = resolver_.Resolve(found);
        const DiscourseContext context(text, found, resolved, PageFurniture::HeadingOfLine(lines));
        FactCollector collector(*rules_, quantities_, text, folded, found, resolved, context, parses, document);
        return collector.Run(lines, explanation, counts);
    }

private:
    std::unique_ptr<RuleSet> rules_;
    std::unique_ptr<const nlp::Parser> parser_;
    TextSegmenter segmenter_;
    WordList dictionary_;
    ParseAnnotator parses_;
    PageFurniture furniture_;
    MentionFinder finder_;
    MentionResolver resolver_;
    QuantityParser quantities_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
    const fs::path rules_file = options.rules_file.empty() ? DataDir() / "rules.json" : options.rules_file;
    const fs::path schema_file = options.schema_file.empty() ? DataDir() / "schema.json" : options.schema_file;
    Result<std::unique_ptr<RuleSet>> rules = RuleSet::Load(rules_file, schema_file);
    if (!rules.ok()) return rules.status();
    Result<std::unique_ptr<const nlp::Parser>> parser =
        nlp::Parser::Load(options.parser_model.empty() ? nlp::DefaultModelPath() : options.parser_model);
    if (!parser.ok()) return parser.status();
    Result<TextSegmenter> segmenter = TextSegmenter::Create();
    if (!segmenter.ok()) return segmenter.status();
    return std::unique_ptr<Extractor>(
        new RuleBasedExtractor(std::move(*rules), std::move(*parser), std::move(*segmenter), LoadDictionary()));
}

}  // namespace kgraph
