#include "sentence_parse.h"

namespace kgraph::extract {

bool ParseAnnotator::MayHoldRelation(const SegmentedText& text, const FoldedTokens& folded,
                                     const Sentence& sentence) const {
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
        if (text.tokens[t].kind == Token::Kind::kWord && triggers_.count(folded.Word(t))) return true;
    }
    return false;
}

namespace {

bool StartsUpper(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

// Tokens inside a name (not a reference such as "the company").
std::vector<bool> TokensInNames(const SegmentedText& text, const MentionsFound& found) {
    std::vector<bool> in_name(text.tokens.size());
    for (const Mention& mention : found.mentions) {
        if (mention.reference) continue;
        for (std::size_t t = mention.first_token; t < mention.end_token; ++t) in_name[t] = true;
    }
    return in_name;
}

}  // namespace

SentenceParse ParseAnnotator::Parse(const SegmentedText& text, const Sentence& sentence,
                                    const std::vector<bool>& in_name) const {
    SentenceParse parse;
    std::vector<std::string_view> forms;
    // Capitalized words of names only: "of" in "Bank of America" stays a preposition.
    std::vector<bool> proper_nouns;
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
        const Token& token = text.tokens[t];
        const std::vector<std::string_view> pieces =
            token.kind == Token::Kind::kWord ? nlp::SplitClitics(token.text) : std::vector<std::string_view>{token.text};
        for (const std::string_view piece : pieces) {
            ParsedWord& word = parse.words.emplace_back();
            word.token = t;
            word.begin = token.begin + static_cast<std::size_t>(piece.data() - token.text.data());
            word.end = word.begin + piece.size();
            word.form = piece;
            forms.push_back(piece);
            proper_nouns.push_back(in_name[t] && StartsUpper(piece));
        }
    }
    std::vector<nlp::ParsedWord> analysis = parser_.Parse(forms, proper_nouns);
    parse.children.resize(parse.words.size());
    for (std::size_t w = 0; w < analysis.size() && w < parse.words.size(); ++w) {
        ParsedWord& word = parse.words[w];
        word.upos = analysis[w].upos;
        word.lemma = std::move(analysis[w].lemma);
        word.head = analysis[w].head;
        word.deprel = std::move(analysis[w].deprel);
        if (word.head >= 0) parse.children[static_cast<std::size_t>(word.head)].push_back(static_cast<int>(w));
    }
    return parse;
}

std::vector<SentenceParse> ParseAnnotator::Annotate(const SegmentedText& text, const FoldedTokens& folded,
                                                    const std::vector<bool>& skip_line, const MentionsFound& found) const {
    std::vector<SentenceParse> parses(text.sentences.size());
    const std::vector<bool> in_name = TokensInNames(text, found);
    std::vector<bool> names_someone(text.sentences.size());
    for (const Mention& mention : found.mentions) {
        if (!mention.reference) names_someone[mention.sentence] = true;
    }
    for (std::size_t s = 0; s < text.sentences.size(); ++s) {
        const Sentence& sentence = text.sentences[s];
        if (skip_line[sentence.line] || !names_someone[s] || !MayHoldRelation(text, folded, sentence)) continue;
        parses[s] = Parse(text, sentence, in_name);
    }
    return parses;
}

std::string FormatParse(const SentenceParse& parse) {
    std::string out;
    for (std::size_t w = 0; w < parse.words.size(); ++w) {
        const ParsedWord& word = parse.words[w];
        const std::string head = word.head < 0 ? "ROOT-0"
                                               : std::string(parse.words[static_cast<std::size_t>(word.head)].form) + "-" +
                                                     std::to_string(word.head + 1);
        out += word.deprel + "(" + head + ", " + std::string(word.form) + "-" + std::to_string(w + 1) + ") " +
               std::string(nlp::UposName(word.upos)) + " " + word.lemma + "\n";
    }
    return out;
}

}  // namespace kgraph::extract
