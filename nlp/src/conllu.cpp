#include "kgraph/nlp/conllu.h"

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

namespace kgraph::nlp {
namespace {

// Splits a word line into its 10 tab-separated columns; false if it has another count.
bool SplitColumns(std::string_view line, std::array<std::string_view, 10>* columns) {
    std::size_t column = 0;
    while (column < 10) {
        const std::size_t tab = line.find('\t');
        (*columns)[column++] = line.substr(0, tab);
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return column == 10 && line.find('\t') == std::string_view::npos;
}

bool ParseInt(std::string_view text, int* value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return error == std::errc() && end == text.data() + text.size();
}

Status LineError(std::size_t line_number, std::string_view what) {
    return Status::InvalidArgument("CoNLL-U line " + std::to_string(line_number) + ": " + std::string(what));
}

// Heads are read before the whole sentence is known, so they are checked once it is.
bool HeadsInRange(const ConlluSentence& sentence) {
    const int size = static_cast<int>(sentence.words.size());
    for (const ConlluWord& word : sentence.words) {
        if (word.head < 0 || word.head > size) return false;
    }
    return true;
}

}  // namespace

Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text) {
    std::vector<ConlluSentence> sentences;
    ConlluSentence current;
    std::size_t line_number = 0;
    std::size_t sentence_start = 1;
    auto finish_sentence = [&]() -> Status {
        if (current.words.empty()) return Status::Ok();
        if (!HeadsInRange(current)) return LineError(sentence_start, "a head outside its sentence");
        sentences.push_back(std::move(current));
        current = ConlluSentence();
        return Status::Ok();
    };
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            if (Status status = finish_sentence(); !status.ok()) return status;
            sentence_start = line_number + 1;
            continue;
        }
        if (line.front() == '#') continue;
        std::array<std::string_view, 10> columns;
        if (!SplitColumns(line, &columns)) return LineError(line_number, "a word line needs 10 tab-separated columns");
        // "3-4" is a multiword token and "8.1" an empty node: neither is a basic word.
        if (columns[0].find_first_of("-.") != std::string_view::npos) continue;
        ConlluWord word;
        int id = 0;
        if (!ParseInt(columns[0], &id) || id != static_cast<int>(current.words.size()) + 1) {
            return LineError(line_number, "word ids must count 1, 2, 3, ... within a sentence");
        }
        if (!ParseInt(columns[6], &word.head)) return LineError(line_number, "the head is not a number");
        word.form = columns[1];
        word.lemma = columns[2];
        word.upos = columns[3];
        word.xpos = columns[4];
        word.deprel = columns[7];
        current.words.push_back(std::move(word));
    }
    if (Status status = finish_sentence(); !status.ok()) return status;
    return sentences;
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return Status::NotFound("no CoNLL-U file at " + path.string());
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return Status::IOError("cannot read " + path.string());
    Result<std::vector<ConlluSentence>> sentences = ParseConllu(text.str());
    if (!sentences.ok()) return Status::InvalidArgument(path.string() + ": " + sentences.status().message());
    return sentences;
}

}  // namespace kgraph::nlp
