// Part-of-speech tagging, lemmatization and labeled dependency parsing of
// English sentences, in the Universal Dependencies (UD) scheme as annotated in
// the UD English Web Treebank (EWT).
//
// Input is one sentence already split into words the way EWT splits them
// (punctuation apart, clitics apart: see SplitClitics). Output is, for every
// word, its universal part of speech, a lower-cased lemma, the index of its
// syntactic head and the UD relation to it. The model is a greedy averaged
// perceptron tagger and a greedy arc-hybrid transition parser, both read from
// one binary model file (docs/parser.md says how it was trained).
//
// Thread-safety: a loaded Parser is immutable; any number of threads may call
// Parse on the same Parser at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/status.h"

namespace kgraph::nlp {

// The 17 universal part-of-speech tags of UD v2, in their alphabetical order.
enum class Upos : std::uint8_t {
    kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb, kX
};
inline constexpr int kNumUpos = 17;

// The UD name of a tag: "ADJ", "ADP", ... "X".
std::string_view UposName(Upos);
// The tag of a UD name ("NOUN" -> kNoun); nullopt for anything else.
std::optional<Upos> UposFromName(std::string_view name);

struct ParsedWord {
    Upos upos;
    std::string lemma;   // lower-cased lemma ("invest", "be", "company")
    int head;            // index of the head word in the sentence, -1 for the root
    std::string deprel;  // full UD label with subtype: "nsubj", "nsubj:pass", "nmod:poss", "obl", "acl:relcl", ...
};

class Model;  // the tagger, parser and lemmatizer tables; defined in nlp/src/model.h

class Parser {
public:
    // Loads the model file. NotFound if it does not exist, IOError if it
    // cannot be read, Corruption if it is not a complete model of this version.
    static Result<std::unique_ptr<const Parser>> Load(const std::filesystem::path& model_file);

    // Tags, lemmatizes and parses one sentence of UD-tokenized words. Exactly
    // one word has head -1 (none for an empty sentence); the heads form a
    // tree. Deterministic; thread-safe (const, no shared mutable state).
    //
    // `known_upos`, when given (one entry per word), holds the part of
    // speech the caller already knows a word to have: the word is tagged
    // with it whatever it looks like, the rest of the sentence as the model
    // sees it. A tagger trained on web text takes an unseen name for what it
    // resembles ("Pied Piper": a past tense and a noun, "Capital One": an
    // adjective and a number), and the treebank never shows some nouns as
    // nouns ("executive" is only an adjective there, as in "executive
    // director"); the parse of the whole sentence goes wrong with them.
    std::vector<ParsedWord> Parse(const std::vector<std::string_view>& words,
                                  const std::vector<std::optional<Upos>>& known_upos = {}) const;

    ~Parser();

private:
    explicit Parser(std::unique_ptr<const Model> model);
    std::unique_ptr<const Model> model_;
};

// The file named by the environment variable KGRAPH_NLP_MODEL when it is
// set, else en_ewt.model in the installed data folder (kgraph/data_files.h)
// of an installed kgraph, else the model committed with the source
// (nlp/data/en_ewt.model).
std::filesystem::path DefaultModelPath();

// Splits one whitespace-free token the way UD English-EWT tokenizes: clitics
// off ("Meta's" -> "Meta" "'s", "don't" -> "do" "n't", "companies'" ->
// "companies" "'", also with the typographic apostrophe U+2019), "cannot" ->
// "can" "not". Returns the pieces as views into `token`; a token without a
// clitic comes back whole. Punctuation attached to the token is not split off.
std::vector<std::string_view> SplitClitics(std::string_view token);
// Where SplitClitics cuts `token`: the size of its first piece, or
// token.size() when it comes back whole. Allocates nothing, for callers that
// split every token of a text.
std::size_t CliticSplit(std::string_view token);

}  // namespace kgraph::nlp
