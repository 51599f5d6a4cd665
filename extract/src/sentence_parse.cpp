#include "sentence_parse.h"

#include <algorithm>
#include <cctype>
#include <deque>

namespace kgraph::extract {

bool ParseAnnotator::MayHoldRelation(const SegmentedText& text, const FoldedTokens& folded,
                                     const Sentence& sentence) const {
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
        if (text.tokens[t].kind == Token::Kind::kWord && triggers_.count(folded.Word(t))) return true;
    }
    return false;
}

namespace {

constexpr int kNoName = -1;

// Per token of the document, the index of the name (not a reference such as
// "the company") the name finder put it in, or kNoName.
std::vector<int> NameOfToken(const SegmentedText& text, const MentionsFound& found) {
    std::vector<int> name_of(text.tokens.size(), kNoName);
    for (std::size_t m = 0; m < found.mentions.size(); ++m) {
        const Mention& mention = found.mentions[m];
        if (mention.reference) continue;
        for (std::size_t t = mention.first_token; t < mention.end_token; ++t) name_of[t] = static_cast<int>(m);
    }
    return name_of;
}

bool IsClitic(std::string_view piece) {
    return !piece.empty() && (piece[0] == '\'' || piece.substr(0, 3) == "\xE2\x80\x99");
}

// "Founder", not "CEO" or "iPhone".
bool IsTitleCased(std::string_view word) {
    if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) return false;
    return std::none_of(word.begin() + 1, word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

bool StartsAlphanumeric(std::string_view piece) {
    return !piece.empty() && std::isalnum(static_cast<unsigned char>(piece[0]));
}

// The words of a sentence split into clitics, each tagged with the name it
// belongs to; a possessive "'s" belongs to none.
std::vector<ParsedWord> SplitWords(const SegmentedText& text, const Sentence& sentence,
                                   const std::vector<int>& name_of, std::vector<int>& word_name) {
    std::vector<ParsedWord> words;
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
        const Token& token = text.tokens[t];
        const std::vector<std::string_view> pieces =
            token.kind == Token::Kind::kWord ? nlp::SplitClitics(token.text) : std::vector<std::string_view>{token.text};
        for (const std::string_view piece : pieces) {
            ParsedWord& word = words.emplace_back();
            word.token = t;
            word.begin = token.begin + static_cast<std::size_t>(piece.data() - token.text.data());
            word.end = word.begin + piece.size();
            word.form = piece;
            word_name.push_back(IsClitic(piece) ? kNoName : name_of[t]);
        }
    }
    return words;
}

// The parser sees a name as one proper noun, its last word: "Royal London
// Asset Management (RLAM) is a subsidiary of Royal London" parses as
// "Management (RLAM) is a subsidiary of London". Trained on treebank
// sentences, it otherwise splits long names into subjects, lists and
// compounds of their own (measured on knowledgenet-dev: collapsing only
// names of three words or more, keeping a name's first and last words, or
// its first alone, each lost 0.01-0.04 F1 against this). Title-case words
// outside names are lower-cased ("Founder and Managing Partner of X" is a
// title, not a name).
struct ParserInput {
    std::vector<std::string_view> forms;
    std::deque<std::string> lowered;  // backs the lower-cased forms
    std::vector<bool> proper_nouns;
    std::vector<std::size_t> word_of;  // by parser word: its sentence word
};

// The sentence words a name's parser words stand for: [first, end).
struct NameSpan {
    std::size_t first = 0, end = 0;
};

std::vector<NameSpan> NameSpans(const std::vector<int>& word_name) {
    std::vector<NameSpan> spans;
    for (std::size_t w = 0; w < word_name.size(); ++w) {
        if (word_name[w] == kNoName) continue;
        if (!spans.empty() && spans.back().end == w && word_name[w - 1] == word_name[w]) {
            ++spans.back().end;
        } else {
            spans.push_back({w, w + 1});
        }
    }
    return spans;
}

// The last word of a name that is not punctuation ("Inc" in "Acme, Inc").
std::size_t LastWordOf(const std::vector<ParsedWord>& words, NameSpan span) {
    for (std::size_t w = span.end; w-- > span.first + 1;) {
        if (StartsAlphanumeric(words[w].form)) return w;
    }
    return span.first;
}

ParserInput ParserWords(const std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                        const std::vector<NameSpan>& names) {
    ParserInput input;
    auto add = [&](std::size_t w, std::string_view form, bool proper_noun) {
        input.forms.push_back(form);
        input.proper_nouns.push_back(proper_noun);
        input.word_of.push_back(w);
    };
    std::size_t next_name = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (next_name < names.size() && names[next_name].first == w) {
            const NameSpan span = names[next_name++];
            const std::size_t last = LastWordOf(words, span);
            add(last, words[last].form, true);
            w = span.end - 1;
        } else if (word_name[w] == kNoName && w > 0 && IsTitleCased(words[w].form)) {
            add(w, input.lowered.emplace_back(FoldCase(words[w].form)), false);
        } else {
            add(w, words[w].form, false);
        }
    }
    return input;
}

}  // namespace

SentenceParse ParseAnnotator::Parse(const SegmentedText& text, const Sentence& sentence,
                                    const std::vector<int>& name_of) const {
    SentenceParse parse;
    std::vector<int> word_name;
    parse.words = SplitWords(text, sentence, name_of, word_name);
    const std::vector<NameSpan> names = NameSpans(word_name);
    const ParserInput input = ParserWords(parse.words, word_name, names);
    std::vector<nlp::ParsedWord> analysis = parser_.Parse(input.forms, input.proper_nouns);
    for (std::size_t p = 0; p < analysis.size() && p < input.word_of.size(); ++p) {
        ParsedWord& word = parse.words[input.word_of[p]];
        word.upos = analysis[p].upos;
        word.lemma = std::move(analysis[p].lemma);
        word.head = analysis[p].head < 0 ? -1 : static_cast<int>(input.word_of[static_cast<std::size_t>(analysis[p].head)]);
        word.deprel = std::move(analysis[p].deprel);
    }
    // The other words of a name hang on its last word.
    for (const NameSpan span : names) {
        const std::size_t head = LastWordOf(parse.words, span);
        for (std::size_t w = span.first; w < span.end; ++w) {
            ParsedWord& word = parse.words[w];
            if (!word.deprel.empty()) continue;
            word.upos = StartsAlphanumeric(word.form) ? nlp::Upos::kPropn : nlp::Upos::kPunct;
            word.lemma = FoldCase(word.form);
            word.head = static_cast<int>(head);
            word.deprel = "flat";
        }
    }
    parse.children.resize(parse.words.size());
    for (std::size_t w = 0; w < parse.words.size(); ++w) {
        const int head = parse.words[w].head;
        if (head >= 0) parse.children[static_cast<std::size_t>(head)].push_back(static_cast<int>(w));
    }
    return parse;
}

std::vector<SentenceParse> ParseAnnotator::Annotate(const SegmentedText& text, const FoldedTokens& folded,
                                                    const std::vector<bool>& skip_line, const MentionsFound& found) const {
    std::vector<SentenceParse> parses(text.sentences.size());
    const std::vector<int> name_of = NameOfToken(text, found);
    std::vector<bool> names_someone(text.sentences.size());
    for (const Mention& mention : found.mentions) {
        if (!mention.reference) names_someone[mention.sentence] = true;
    }
    for (std::size_t s = 0; s < text.sentences.size(); ++s) {
        const Sentence& sentence = text.sentences[s];
        if (skip_line[sentence.line] || !names_someone[s] || !MayHoldRelation(text, folded, sentence)) continue;
        parses[s] = Parse(text, sentence, name_of);
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
