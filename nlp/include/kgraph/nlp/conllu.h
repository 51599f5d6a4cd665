// Reading CoNLL-U files (https://universaldependencies.org/format.html), the
// format of the UD treebanks the parser is trained and evaluated on.
//
// Only basic syntactic words are kept: multiword-token lines ("3-4") and empty
// nodes ("8.1") are skipped, and the enhanced DEPS and MISC columns are not
// read. Plain values; no shared state.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/status.h"

namespace kgraph::nlp {

struct ConlluWord {
    std::string form;
    std::string lemma;
    std::string upos;
    std::string xpos;
    int head = 0;        // CoNLL-U numbering: 1-based, 0 for the root
    std::string deprel;  // with subtype, e.g. "nsubj:pass"
};

struct ConlluSentence {
    std::vector<ConlluWord> words;
};

// Parses the text of a CoNLL-U file. InvalidArgument naming the line for a
// word line without 10 columns or with a head that is not a word of its
// sentence.
Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text);

// Reads and parses a CoNLL-U file; NotFound or IOError when it cannot be read.
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::filesystem::path& path);

}  // namespace kgraph::nlp
