// gen_corpus --articles N --out DIR [--seed S]
//
// Writes N synthetic news articles as DIR/0000/0000000.txt ... (at most 1000
// per folder) and prints how many relation statements they make. Same seed,
// same bytes.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "corpus.h"
#include "measure.h"

namespace {

bool WriteFile(const std::filesystem::path& path, const std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return false;
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    return std::fclose(file) == 0 && written;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes a synthetic news corpus for the kgraph benchmarks"};
    std::size_t articles = 0;
    std::filesystem::path out;
    std::uint64_t seed = 1;
    app.add_option("--articles", articles, "Number of articles")->required()->check(CLI::PositiveNumber);
    app.add_option("--out", out, "Output folder (created)")->required();
    app.add_option("--seed", seed, "Corpus seed")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    kgraph::bench::PhaseTimer timer;
    timer.Start();
    const kgraph::bench::World world = kgraph::bench::MakeWorld(seed);
    std::string text;
    std::size_t bytes = 0, relations = 0;
    for (std::size_t index = 0; index < articles; ++index) {
        const std::filesystem::path path = out / kgraph::bench::ArticlePath(index);
        if (index % 1000 == 0) {
            std::error_code error;
            std::filesystem::create_directories(path.parent_path(), error);
            if (error) {
                std::cerr << "gen_corpus: cannot create " << path.parent_path() << ": " << error.message() << "\n";
                return 1;
            }
        }
        text.clear();
        relations += kgraph::bench::AppendArticle(world, seed, index, text);
        if (!WriteFile(path, text)) {
            std::cerr << "gen_corpus: cannot write " << path << "\n";
            return 1;
        }
        bytes += text.size();
    }
    timer.Stop();
    std::cout << "wrote " << articles << " articles, " << kgraph::bench::Fixed(bytes / 1e6) << " MB, " << relations
              << " relation statements (" << kgraph::bench::Fixed(double(relations) / double(articles))
              << " per article) to " << out.string() << " in " << kgraph::bench::Fixed(timer.Seconds(), 2) << " s\n";
    return 0;
}
