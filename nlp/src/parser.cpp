#include "kgraph/nlp/parser.h"

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "kgraph/data_files.h"
#include "model.h"
#include "word_keys.h"

namespace kgraph::nlp {
namespace {

constexpr std::array<std::string_view, kNumUpos> kUposNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

}  // namespace

std::string_view UposName(Upos upos) { return kUposNames[static_cast<std::size_t>(upos)]; }

std::optional<Upos> UposFromName(std::string_view name) {
    for (std::size_t i = 0; i < kUposNames.size(); ++i) {
        if (kUposNames[i] == name) return static_cast<Upos>(i);
    }
    return std::nullopt;
}

std::filesystem::path DefaultModelPath() {
    if (const char* path = std::getenv("KGRAPH_NLP_MODEL"); path != nullptr && *path != '\0') return path;
    if (std::optional<std::filesystem::path> installed = InstalledDataDir()) return *installed / "en_ewt.model";
    return KGRAPH_NLP_MODEL_FILE;
}

Parser::Parser(std::unique_ptr<const Model> model) : model_(std::move(model)) {}
Parser::~Parser() = default;

Result<std::unique_ptr<const Parser>> Parser::Load(const std::filesystem::path& model_file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(model_file, error)) {
        return Status::NotFound("no parser model at " + model_file.string());
    }
    std::ifstream in(model_file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) return Status::IOError("cannot read the parser model " + model_file.string());
    Result<Model> model = DeserializeModel(bytes.str(), model_file.string());
    if (!model.ok()) return model.status();
    return std::unique_ptr<const Parser>(new Parser(std::make_unique<const Model>(std::move(model).value())));
}

std::vector<ParsedWord> Parser::Parse(const std::vector<std::string_view>& words,
                                      const std::vector<std::optional<Upos>>& known_upos) const {
    const std::vector<WordKeys> keys = ComputeWordKeys(words);
    const std::vector<int> tags = model_->tagger.Tag(keys, known_upos);
    const DependencyTree tree = model_->parser.Parse(keys, tags);
    std::vector<ParsedWord> parsed;
    parsed.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Upos upos = model_->tagger.tags().upos[tags[i]];
        parsed.push_back(ParsedWord{upos, model_->lemmatizer.Lemma(words[i], upos), tree.heads[i],
                                    model_->parser.labels()[tree.labels[i]]});
    }
    return parsed;
}

}  // namespace kgraph::nlp
