// The extraction pipeline for one document, as a list of stages:
//   annotate (document_annotator.h): segment (ICU) -> tokens -> lines
//     (furniture, headlines) -> mentions -> references -> tags and parse
//   then per sentence: sentence view (items) -> rule matches -> arguments
//     -> attributes -> judged against the schema -> facts.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "argument_resolver.h"
#include "attributes.h"
#include "data_files.h"
#include "document_annotator.h"
#include "explanation_log.h"
#include "fact_assembler.h"
#include "kgraph/extract.h"
#include "relation_candidate.h"
#include "rule_matcher.h"
#include "rule_set.h"
#include "sentence_view.h"
#include "text_segmenter.h"

namespace kgraph {
namespace {

using namespace extract;
namespace fs = std::filesystem;

constexpr const char* kDefaultWordList = "/usr/share/dict/words";

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> FileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(bytes).str();
}

// The size and a 64-bit FNV-1a of the bytes: the model is 14 MB, and a
// SHA-1 of it added 0.4 s to every start of kgraph. Telling data files
// apart needs no cryptographic strength.
std::string Fingerprint(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    return std::to_string(bytes.size()) + ":" + std::to_string(hash) + ";";
}

// The data files' fingerprints, hashed together.
Result<std::string> DataVersion(const std::vector<fs::path>& files, const std::optional<std::string>& word_list) {
    std::string fingerprints;
    for (const fs::path& file : files) {
        const std::optional<std::string> bytes = FileBytes(file);
        if (!bytes) return Status::IOError("cannot read " + file.string());
        fingerprints += Fingerprint(*bytes);
    }
    fingerprints += word_list ? Fingerprint(*word_list) : "no word list";
    return DocumentId(fingerprints).substr(0, 12);
}

// What a rule match says whatever relation it emits: read once per match
// rather than once per emission (the modality cues are looked for at every
// item before the match's end).
struct MatchReading {
    std::string modality;
    bool negated = false;
};

// The relations one rule match states for one of its emissions: one per
// subject and object entity (coordinations give several), with attributes,
// modality and any problem that will get it rejected.
std::vector<RelationCandidate> CandidatesOf(const SentenceView& view, const RuleMatch& match, const Emission& emission,
                                            const MatchReading& reading, const ArgumentResolver& arguments,
                                            const AttributeFinder& attributes) {
    const Rule& rule = *match.rule;
    RelationCandidate base;
    const std::vector<int> subjects = arguments.RoleEntities(view, rule, match.match, emission.subject_role, &base.problem);
    const std::vector<int> objects = arguments.RoleEntities(view, rule, match.match, emission.object_role, &base.problem);
    base.rule = &rule;
    base.emission = &emission;
    base.sentence = view.sentence;
    base.evidence.rule = rule.name;
    base.evidence.confidence = emission.confidence;
    base.evidence.modality = reading.modality;
    attributes.Attach(*emission.type, view, match.match, base.evidence);
    if (base.problem.empty() && reading.negated) base.problem = "negated";
    if (std::find(objects.begin(), objects.end(), kAwaitingAffiliation) != objects.end()) {
        base.named_in_match = arguments.RoleNames(view, match.match);
    }
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

// Names over kMaxNameBytes are runs of capitalized words, not names: they
// go, and so do the relations that name them.
DocumentFacts WithoutOverlongNames(DocumentFacts facts) {
    auto overlong = [](const std::string& name) { return name.size() > kMaxNameBytes; };
    std::erase_if(facts.relations,
                  [&](const Relation& r) { return overlong(r.subject) || overlong(r.object); });
    std::erase_if(facts.entities, [&](const Entity& e) { return overlong(e.name); });
    for (Entity& entity : facts.entities) std::erase_if(entity.aliases, overlong);
    return facts;
}

class RuleBasedExtractor final : public Extractor {
public:
    RuleBasedExtractor(std::unique_ptr<RuleSet> rules, std::unique_ptr<const nlp::Parser> parser, TextSegmenter segmenter,
                       WordList dictionary, std::string version, std::vector<std::string> warnings)
        : rules_(std::move(rules)), parser_(std::move(parser)),
          annotator_(*rules_, *parser_, std::move(segmenter), std::move(dictionary)), matcher_(*rules_),
          version_(std::move(version)), warnings_(std::move(warnings)) {}

    const std::string& Version() const override { return version_; }
    const std::vector<std::string>& Warnings() const override { return warnings_; }

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
        DocumentFacts out = WithoutOverlongNames(facts.Assemble());
        out.extractor = version_;
        return out;
    }

private:
    // Sentence by sentence, in order: a relation accepted in one sentence
    // types its entities for the patterns of the next.
    void FindRelations(const AnnotatedDocument& document, ExplanationLog& log, FactAssembler& facts) const {
        const SentenceViewBuilder views(*rules_, annotator_.quantities(), document);
        const ArgumentResolver arguments(rules_->roles(), document, facts.types());
        const AttributeFinder attributes(*rules_, PublicationDate(document, annotator_.quantities()));
        std::vector<RelationCandidate> awaiting_affiliation, confirming;
        for (std::size_t s = 0; s < document.text.sentences.size(); ++s) {
            const LineRole& line = document.lines[document.text.sentences[s].line];
            if (line.furniture) {
                log.Skipped(s, line.why);
                continue;
            }
            const SentenceView view = views.Build(s, facts.types());
            log.Annotate(view, facts.types());
            const auto state = [&](const RuleMatch& match, const MatchReading& reading, const Emission& emission) {
                for (RelationCandidate& c : CandidatesOf(view, match, emission, reading, arguments, attributes)) {
                    if (c.rule->confirms) {
                        confirming.push_back(std::move(c));
                    } else if (c.object == kAwaitingAffiliation) {
                        awaiting_affiliation.push_back(std::move(c));
                    } else {
                        facts.Judge(c);
                    }
                }
            };
            for (const RuleMatch& match : matcher_.Match(view, document.parses[s])) {
                const MatchReading reading{attributes.Modality(*match.rule, view, match.match),
                                           attributes.Negated(view, match.match)};
                for (const Emission& emission : match.rule->emissions) state(match, reading, emission);
                // "its former chief executive" was one, and left.
                if (!match.match.former) continue;
                for (const Emission& emission : match.rule->former_emissions) state(match, reading, emission);
            }
        }
        // "Wang has switched to Meta" needs to know, from the whole document,
        // which organization Wang led before.
        for (RelationCandidate& c : awaiting_affiliation) {
            arguments.ResolveAffiliation(c, facts.affiliations());
            facts.Judge(c);
        }
        // "Musk, who completed the $44 billion buyout deal" adds its amount
        // to whatever the document says Musk bought, wherever it says it.
        for (RelationCandidate& c : confirming) facts.Confirm(std::move(c));
    }

    std::unique_ptr<RuleSet> rules_;
    std::unique_ptr<const nlp::Parser> parser_;
    DocumentAnnotator annotator_;
    RuleMatcher matcher_;
    const std::string version_;
    const std::vector<std::string> warnings_;
};

}  // namespace

namespace {

Result<std::unique_ptr<RuleSet>> LoadRules(const ExtractorOptions& options) {
    return RuleSet::Load(DataFile(options.rules_file, "rules.json"), DataFile(options.schema_file, "schema.json"));
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
    const fs::path rules_file = DataFile(options.rules_file, "rules.json");
    const fs::path schema_file = DataFile(options.schema_file, "schema.json");
    Result<std::unique_ptr<RuleSet>> rules = RuleSet::Load(rules_file, schema_file);
    if (!rules.ok()) return rules.status();
    const fs::path model_file = options.parser_model.empty() ? nlp::DefaultModelPath() : options.parser_model;
    Result<std::unique_ptr<const nlp::Parser>> parser = nlp::Parser::Load(model_file);
    if (!parser.ok()) return parser.status();
    Result<TextSegmenter> segmenter = TextSegmenter::Create();
    if (!segmenter.ok()) return segmenter.status();
    const fs::path word_list_file = options.word_list.empty() ? fs::path(kDefaultWordList) : options.word_list;
    const std::optional<std::string> word_list = FileBytes(word_list_file);
    std::vector<std::string> warnings;
    if (!word_list) {
        warnings.push_back("no English word list at " + word_list_file.string() +
                           " (Debian package wamerican): fewer names are told from common words, so the facts "
                           "differ from those of an extractor that has it");
    }
    Result<std::string> version = DataVersion({rules_file, schema_file, model_file}, word_list);
    if (!version.ok()) return version.status();
    return std::unique_ptr<Extractor>(new RuleBasedExtractor(std::move(*rules), std::move(*parser), std::move(*segmenter),
                                                             EnglishWords(word_list.value_or("")), std::move(*version),
                                                             std::move(warnings)));
}

}  // namespace kgraph
