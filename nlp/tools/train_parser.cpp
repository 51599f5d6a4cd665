// Trains the tagger, parser and lemmatizer on a UD treebank and writes the
// model file. Same treebank and options -> byte-identical model.
//
//   kgraph_train_parser --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu
//                       --out nlp/data/en_ewt.model [--iterations N] [--tagger-iterations N]
//
// The dev file is only scored (after each parser iteration), never trained on.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kgraph/nlp/conllu.h"
#include "model.h"

namespace kgraph::nlp {
namespace {

constexpr std::uint32_t kSeed = 20240611;
// The parser learns from tags as the tagger predicts them: each fold of the
// training set is tagged by a tagger trained on the other folds.
constexpr int kJackknifeFolds = 5;
// A UPOS/XPOS pair rarer than this in training is tagged by its UPOS alone.
constexpr int kMinJointTagCount = 20;

struct Options {
    std::string train, dev, out;
    int iterations = 10;
    int tagger_iterations = 8;
};

bool ParseOptions(int argc, char** argv, Options* options) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const char* value = argv[i + 1];
        if (flag == "--train") options->train = value;
        else if (flag == "--dev") options->dev = value;
        else if (flag == "--out") options->out = value;
        else if (flag == "--iterations") options->iterations = std::atoi(value);
        else if (flag == "--tagger-iterations") options->tagger_iterations = std::atoi(value);
        else return false;
    }
    return argc % 2 == 1 && !options->train.empty() && !options->dev.empty() && !options->out.empty() &&
           options->iterations > 0 && options->tagger_iterations > 0;
}

std::string JointTag(const ConlluWord& word) { return word.upos + "/" + word.xpos; }

// The tag names in byte order, so the same treebank always numbers them alike.
TagSet BuildTagSet(const std::vector<ConlluSentence>& sentences) {
    std::map<std::string, int> joint_counts;
    std::set<std::string> names;
    for (const ConlluSentence& sentence : sentences) {
        for (const ConlluWord& word : sentence.words) {
            ++joint_counts[JointTag(word)];
            names.insert(word.upos);
        }
    }
    for (const auto& [joint, count] : joint_counts) {
        if (count >= kMinJointTagCount) names.insert(joint);
    }
    TagSet tags;
    for (const std::string& name : names) {
        tags.names.push_back(name);
        tags.upos.push_back(*UposFromName(name.substr(0, name.find('/'))));
    }
    return tags;
}

int TagIndex(const TagSet& tags, const ConlluWord& word) {
    for (const std::string& name : {JointTag(word), word.upos}) {
        for (std::size_t t = 0; t < tags.names.size(); ++t) {
            if (tags.names[t] == name) return static_cast<int>(t);
        }
    }
    return -1;
}

std::vector<std::string_view> Forms(const ConlluSentence& sentence) {
    std::vector<std::string_view> forms;
    for (const ConlluWord& word : sentence.words) forms.push_back(word.form);
    return forms;
}

std::vector<TaggerExample> TaggerExamples(const std::vector<ConlluSentence>& sentences, const TagSet& tags) {
    std::vector<TaggerExample> examples;
    for (const ConlluSentence& sentence : sentences) {
        TaggerExample example{ComputeWordKeys(Forms(sentence)), {}};
        for (const ConlluWord& word : sentence.words) example.tags.push_back(TagIndex(tags, word));
        examples.push_back(std::move(example));
    }
    return examples;
}

std::vector<std::vector<int>> JackknifeTags(const TagSet& tags, const std::vector<TaggerExample>& examples,
                                            int iterations) {
    std::vector<std::vector<int>> predicted(examples.size());
    for (int fold = 0; fold < kJackknifeFolds; ++fold) {
        std::vector<TaggerExample> rest;
        for (std::size_t i = 0; i < examples.size(); ++i) {
            if (static_cast<int>(i % kJackknifeFolds) != fold) rest.push_back(examples[i]);
        }
        const Tagger tagger = TrainTagger(tags, rest, iterations, kSeed + fold);
        for (std::size_t i = fold; i < examples.size(); i += kJackknifeFolds) predicted[i] = tagger.Tag(examples[i].words);
        std::fprintf(stderr, "jackknife fold %d of %d tagged\n", fold + 1, kJackknifeFolds);
    }
    return predicted;
}

DependencyTree GoldTree(const ConlluSentence& sentence, const std::vector<std::string>& labels) {
    DependencyTree tree;
    for (const ConlluWord& word : sentence.words) {
        tree.heads.push_back(word.head - 1);
        tree.labels.push_back(static_cast<int>(std::lower_bound(labels.begin(), labels.end(), word.deprel) - labels.begin()));
    }
    return tree;
}

// Scores the tagger and parser on the dev set: UPOS, UAS and LAS over every word.
void ScoreDev(const Tagger& tagger, const TransitionParser& parser, const std::vector<ConlluSentence>& dev,
              int iteration) {
    long words = 0, upos = 0, attached = 0, labeled = 0;
    for (const ConlluSentence& sentence : dev) {
        const std::vector<WordKeys> keys = ComputeWordKeys(Forms(sentence));
        const std::vector<int> tags = tagger.Tag(keys);
        const DependencyTree tree = parser.Parse(keys, tags);
        for (std::size_t i = 0; i < sentence.words.size(); ++i) {
            const ConlluWord& gold = sentence.words[i];
            ++words;
            upos += UposName(tagger.tags().upos[tags[i]]) == gold.upos;
            if (tree.heads[i] == gold.head - 1) {
                ++attached;
                labeled += parser.labels()[tree.labels[i]] == gold.deprel;
            }
        }
    }
    std::fprintf(stderr, "iteration %d dev: UPOS %.2f UAS %.2f LAS %.2f\n", iteration, 100.0 * upos / words,
                 100.0 * attached / words, 100.0 * labeled / words);
}

int Train(const Options& options) {
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<ConlluSentence>> train = ReadConlluFile(options.train);
    Result<std::vector<ConlluSentence>> dev = ReadConlluFile(options.dev);
    for (const Status& status : {train.status(), dev.status()}) {
        if (!status.ok()) {
            std::fprintf(stderr, "kgraph_train_parser: %s\n", status.ToString().c_str());
            return 1;
        }
    }
    const TagSet tags = BuildTagSet(*train);
    std::set<std::string> label_set;
    for (const ConlluSentence& sentence : *train) {
        for (const ConlluWord& word : sentence.words) label_set.insert(word.deprel);
    }
    const std::vector<std::string> labels(label_set.begin(), label_set.end());
    std::fprintf(stderr, "%zu sentences, %zu tags, %zu labels\n", train->size(), tags.names.size(), labels.size());

    const std::vector<TaggerExample> tagger_examples = TaggerExamples(*train, tags);
    const std::vector<std::vector<int>> jackknifed = JackknifeTags(tags, tagger_examples, options.tagger_iterations);
    Model model;
    model.tagger = TrainTagger(tags, tagger_examples, options.tagger_iterations, kSeed);

    std::vector<ParserExample> parser_examples;
    for (std::size_t i = 0; i < train->size(); ++i) {
        parser_examples.push_back({tagger_examples[i].words, jackknifed[i], GoldTree((*train)[i], labels)});
    }
    model.parser = TrainTransitionParser(labels, parser_examples, options.iterations, kSeed,
                                         [&](int iteration, const TransitionParser& parser) {
                                             ScoreDev(model.tagger, parser, *dev, iteration);
                                         });

    std::vector<LemmaExample> lemma_examples;
    for (const ConlluSentence& sentence : *train) {
        for (const ConlluWord& word : sentence.words) {
            lemma_examples.push_back({word.form, *UposFromName(word.upos), word.lemma});
        }
    }
    model.lemmatizer = TrainLemmatizer(lemma_examples);

    const std::string bytes = SerializeModel(model);
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
        std::fprintf(stderr, "kgraph_train_parser: cannot write %s\n", options.out.c_str());
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "wrote %s: %zu bytes in %.0f s\n", options.out.c_str(), bytes.size(), seconds);
    return 0;
}

}  // namespace
}  // namespace kgraph::nlp

int main(int argc, char** argv) {
    kgraph::nlp::Options options;
    if (!kgraph::nlp::ParseOptions(argc, argv, &options)) {
        std::fprintf(stderr,
                     "usage: kgraph_train_parser --train TRAIN.conllu --dev DEV.conllu --out MODEL "
                     "[--iterations N] [--tagger-iterations N]\n");
        return 2;
    }
    return kgraph::nlp::Train(options);
}
