// Scores a parser model on a UD treebank with gold tokenization and the
// model's own tags:
//
//   kgraph_eval_parser --model nlp/data/en_ewt.model --test en_ewt-ud-test.conllu [--output PARSES.conllu]
//
// UPOS and lemma accuracy, UAS and LAS (labels with subtypes), all over every
// word, punctuation included (the CoNLL 2018 shared task convention); lemmas
// compared lower-cased. Speed is tagging, parsing and lemmatizing on one
// thread, load excluded, with the thread's CPU time beside the wall time.
// --output writes the predicted analyses in CoNLL-U, so that two builds can
// be checked to parse byte for byte alike.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>

#include "kgraph/nlp/conllu.h"
#include "kgraph/nlp/parser.h"

namespace {

double ThreadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

std::string Lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    std::string model_path, test_path, output_path;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--model") model_path = argv[i + 1];
        else if (flag == "--test") test_path = argv[i + 1];
        else if (flag == "--output") output_path = argv[i + 1];
    }
    if (model_path.empty() || test_path.empty()) {
        std::fprintf(stderr, "usage: kgraph_eval_parser --model MODEL --test TEST.conllu [--output PARSES.conllu]\n");
        return 2;
    }
    const auto load_start = std::chrono::steady_clock::now();
    auto parser = kgraph::nlp::Parser::Load(model_path);
    const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
    auto test = kgraph::nlp::ReadConlluFile(test_path);
    for (const kgraph::Status& status : {parser.status(), test.status()}) {
        if (!status.ok()) {
            std::fprintf(stderr, "kgraph_eval_parser: %s\n", status.ToString().c_str());
            return 1;
        }
    }

    std::ofstream output;
    if (!output_path.empty()) {
        output.open(output_path);
        if (!output) {
            std::fprintf(stderr, "kgraph_eval_parser: cannot write %s\n", output_path.c_str());
            return 1;
        }
    }
    long words = 0, upos = 0, lemma = 0, attached = 0, labeled = 0;
    double wall = 0, cpu = 0;
    for (const kgraph::nlp::ConlluSentence& sentence : *test) {
        std::vector<std::string_view> forms;
        for (const auto& word : sentence.words) forms.push_back(word.form);
        const auto wall_start = std::chrono::steady_clock::now();
        const double cpu_start = ThreadCpuSeconds();
        const std::vector<kgraph::nlp::ParsedWord> parsed = (*parser)->Parse(forms);
        cpu += ThreadCpuSeconds() - cpu_start;
        wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
        for (std::size_t i = 0; i < parsed.size(); ++i) {
            const auto& gold = sentence.words[i];
            ++words;
            upos += kgraph::nlp::UposName(parsed[i].upos) == gold.upos;
            lemma += parsed[i].lemma == Lower(gold.lemma);
            if (parsed[i].head == gold.head - 1) {
                ++attached;
                labeled += parsed[i].deprel == gold.deprel;
            }
            if (output.is_open()) {
                output << i + 1 << '\t' << gold.form << '\t' << parsed[i].lemma << '\t'
                       << kgraph::nlp::UposName(parsed[i].upos) << "\t_\t_\t" << parsed[i].head + 1 << '\t'
                       << parsed[i].deprel << "\t_\t_\n";
            }
        }
        if (output.is_open()) output << '\n';
    }
    std::printf("%s: %zu sentences, %ld words\n", test_path.c_str(), test->size(), words);
    std::printf("UPOS  %.2f%%\nLemma %.2f%%\nUAS   %.2f%%\nLAS   %.2f%%\n", 100.0 * upos / words,
                100.0 * lemma / words, 100.0 * attached / words, 100.0 * labeled / words);
    std::printf("speed %.0f words/s wall, %.0f words/s thread CPU; model load %.3f s\n", words / wall, words / cpu,
                load_seconds);
    return 0;
}
