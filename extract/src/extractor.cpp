// The extraction pipeline for one document, as a list of stages:
//   annotate (document_annotator.h): segment (ICU) -> tokens -> lines
//     (furniture, headlines) -> mentions -> tags and parse -> references
//   then per sentence: sentence view (items) -> rule matches -> arguments
//     -> attributes -> judged against the schema -> facts.
#include <cstdlib>

#include "argument_resolver.h"
#include "attributes.h"
#include "document_annotator.h"
#include "explanation_log.h"
#include "fact_assembler.h"
#include "kgraph/extract.h"
#include "relation_candidate.h"
#include "kgraph/data_files.h"
#include "rule_matcher.h"
#include "rule_set.h"
#include "sentence_view.h"
#include "text_segmenter.h"

namespace kgraph {
namespace {

using namespace extract;
namespace fs = std::filesystem;

fs::path DataDir() {
    if (const char* dir = std::getenv("KGRAPH_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
    return InstalledDataDir().value_or(KGRAPH_SOURCE_DATA_DIR);
}

// The relations one rule match states for one of its emissions: one per
// subject and object entity (coordinations give several), with attributes,
// modality and any problem that will get it rejected.
std::vector<RelationCandidate> CandidatesOf(const SentenceView& view, const RuleMatch& match, const Emission& emission,
                                            const ArgumentResolver& arguments, const AttributeFinder& attributes) {
    const Rule& rule = *match.rule;
    RelationCandidate base;
    const std::vector<int> subjects = arguments.RoleEntities(view, rule, match.match, emission.subject_role, &base.problem);
    const std::vector<int> objects = arguments.RoleEntities(view, rule, match.match, emission.object_role, &base.problem);
    base.rule = &rule;
    base.emission = &emission;
    base.sentence = view.sentence;
    base.evidence.rule = rule.name;
    base.evidence.confidence = emission.confidence;
    base.evidence.modality = attributes.Modality(rule, view, match.match);
    attributes.Attach(*emission.type, view, match.match, base.evidence);
    if (base.problem.empty() && attributes.Negated(view, match.match)) base.problem = "negated";
    std::vector<RelationCandidate> out;
    for (const int subject : subjects) {
        for (const int object : objects) {
            RelationCandidate& c = out.emplace_back(base);
            c.subject = subject;
            c.object = object;
        }
    }
    return out;
}

class RuleBasedExtractor final : public Extractor {
public:
    RuleBasedExtractor(std::unique_ptr<RuleSet> rules, std::unique_ptr<const nlp::Parser> parser, TextSegmenter segmenter)
        : rules_(std::move(rules)), parser_(std::move(parser)), annotator_(*rules_, *parser_, std::move(segmenter)),
          matcher_(*rules_) {}

    DocumentFacts Extract(const Document& document, Explanation* explanation, ExtractionCounts* counts) const override {
        const AnnotatedDocument annotated(document, annotator_);
        ExplanationLog log(explanation, annotated);
        FactAssembler facts(annotated, log);
        FindRelations(annotated, log, facts);
        if (counts != nullptr) {
            counts->sentences += annotated.text.sentences.size();
            counts->relations += facts.counts().relations;
            counts->rejected_by_schema += facts.counts().rejected_by_schema;
        }
        return facts.Assemble();
    }

private:
    // Sentence by sentence, in order: a relation accepted in one sentence
    // types its entities for the patterns of the next.
    void FindRelations(const AnnotatedDocument& document, ExplanationLog& log, FactAssembler& facts) const {
        const SentenceViewBuilder views(*rules_, annotator_.quantities(), document);
        const ArgumentResolver arguments(rules_->roles(), document, facts.types());
        const AttributeFinder attributes(*rules_, PublicationDate(document, annotator_.quantities()));
        std::vector<RelationCandidate> awaiting_affiliation;
        for (std::size_t s = 0; s < document.text.sentences.size(); ++s) {
            const LineRole& line = document.lines[document.text.sentences[s].line];
            if (line.furniture) {
                log.Skipped(s, line.why);
                continue;
            }
            const SentenceView view = views.Build(s, facts.types());
            log.Annotate(view, facts.types());
            for (const RuleMatch& match : matcher_.Match(view, document.parses[s])) {
                for (const Emission& emission : match.rule->emissions) {
                    for (RelationCandidate& c : CandidatesOf(view, match, emission, arguments, attributes)) {
                        if (c.object == kAwaitingAffiliation) {
                            awaiting_affiliation.push_back(std::move(c));
                        } else {
                            facts.Judge(c);
                        }
                    }
                }
            }
        }
        // "Wang has switched to Meta" needs to know, from the whole document,
        // which organization Wang led before.
        for (RelationCandidate& c : awaiting_affiliation) {
            arguments.ResolveAffiliation(c, facts.affiliations());
            facts.Judge(c);
        }
    }

    std::unique_ptr<RuleSet> rules_;
    std::unique_ptr<const nlp::Parser> parser_;
    DocumentAnnotator annotator_;
    RuleMatcher matcher_;
};

}  // namespace

namespace {

Result<std::unique_ptr<RuleSet>> LoadRules(const ExtractorOptions& options) {
    const fs::path rules_file = options.rules_file.empty() ? DataDir() / "rules.json" : options.rules_file;
    const fs::path schema_file = options.schema_file.empty() ? DataDir() / "schema.json" : options.schema_file;
    return RuleSet::Load(rules_file, schema_file);
}

}  // namespace

Result<std::vector<std::string>> RelationTypes(const ExtractorOptions& options) {
    Result<std::unique_ptr<RuleSet>> rules = LoadRules(options);
    if (!rules.ok()) return rules.status();
    std::vector<std::string> names;
    for (const auto& [name, type] : (*rules)->schema()) names.push_back(name);
    return names;
}

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
    Result<std::unique_ptr<RuleSet>> rules = LoadRules(options);
    if (!rules.ok()) return rules.status();
    Result<std::unique_ptr<const nlp::Parser>> parser =
        nlp::Parser::Load(options.parser_model.empty() ? nlp::DefaultModelPath() : options.parser_model);
    if (!parser.ok()) return parser.status();
    Result<TextSegmenter> segmenter = TextSegmenter::Create();
    if (!segmenter.ok()) return segmenter.status();
    return std::unique_ptr<Extractor>(new RuleBasedExtractor(std::move(*rules), std::move(*parser), std::move(*segmenter)));
}

}  // namespace kgraph
