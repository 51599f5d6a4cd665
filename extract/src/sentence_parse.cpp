#include "sentence_parse.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include "quantity_parser.h"

namespace kgraph::extract {

// A rule's explicit roles take their entities from the mentions (names and
// references) in the sentence, and a relation needs two different ones:
// where the mentions cannot stand for two, only a rule with an implicit role
// can state one.
bool ParseAnnotator::MayHoldRelation(const SegmentedText& text, const FoldedTokens& folded, const Sentence& sentence,
                                     bool two_entities) const {
    const auto holds = [&](const WordSet& triggers) {
        for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
            if (text.tokens[t].kind != Token::Kind::kWord) continue;
            // "majority-owned": the parser reads the last part for the word.
            const std::string_view word = folded.Word(t);
            const std::string_view last_part = word.substr(std::min(word.rfind('-') + 1, word.size()));
            if (triggers.count(word) || (last_part.size() < word.size() && triggers.count(last_part))) return true;
        }
        return false;
    };
    if (holds(two_entities ? triggers_.any : triggers_.one_entity)) return true;
    const auto first = text.tokens.begin() + static_cast<std::ptrdiff_t>(sentence.first_token);
    const auto end = text.tokens.begin() + static_cast<std::ptrdiff_t>(sentence.end_token);
    const bool number = std::any_of(first, end, [](const Token& t) { return t.kind == Token::Kind::kNumber; });
    return number && holds(triggers_.with_number);
}

namespace {

constexpr int kNoName = -1;

// What a sentence's mentions can give a rule's roles.
struct SentenceMentions {
    bool names_someone = false;  // a name, whether or not it became an entity
    std::vector<int> entities;   // of its names, each once
    int references = 0;          // with an antecedent to stand for
    // A reference may stand for any entity, and so may each of two.
    bool TwoEntities() const { return entities.size() + static_cast<std::size_t>(references) >= 2; }
};

std::vector<SentenceMentions> MentionsBySentence(std::size_t sentences, const MentionsFound& found,
                                                 const ResolvedMentions& resolved) {
    std::vector<SentenceMentions> by_sentence(sentences);
    for (std::size_t m = 0; m < found.mentions.size(); ++m) {
        SentenceMentions& s = by_sentence[found.mentions[m].sentence];
        if (found.mentions[m].reference) {
            s.references += !resolved.candidates_of_mention[m].empty();
            continue;
        }
        s.names_someone = true;
        const int entity = resolved.entity_of_mention[m];
        // A name made no entity is read as its words.
        if (entity >= 0 && std::find(s.entities.begin(), s.entities.end(), entity) == s.entities.end()) {
            s.entities.push_back(entity);
        }
    }
    return by_sentence;
}

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

// "the larger rival of Jersey Mike's, said": a name's "'s" with no noun
// after it, only a comma, a closing bracket, a full stop or the sentence's
// end, is the name's own ending (Jersey Mike's, Culver's), not a possessive
// ("Chevron's $53 billion deal" keeps its possessive).
bool EndsNameWithoutPossessed(const SegmentedText& text, const Sentence& sentence, const std::vector<int>& name_of,
                              std::size_t t) {
    if (name_of[t] < 0) return false;
    if (t + 1 >= sentence.end_token) return true;
    static constexpr std::string_view kClosing[] = {",", ".", ";", ":", ")", "!", "?"};
    const std::string_view next = text.tokens[t + 1].text;
    return std::find(std::begin(kClosing), std::end(kClosing), next) != std::end(kClosing);
}

// The words of a sentence split into clitics, each tagged with the name it
// belongs to; a possessive "'s" belongs to none.
std::vector<ParsedWord> SplitWords(const SegmentedText& text, const Sentence& sentence,
                                   const std::vector<int>& name_of, std::vector<int>& word_name) {
    std::vector<ParsedWord> words;
    words.reserve(sentence.end_token - sentence.first_token + 4);  // a few clitics
    word_name.reserve(words.capacity());
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
        const Token& token = text.tokens[t];
        const bool splits = token.kind == Token::Kind::kWord && !EndsNameWithoutPossessed(text, sentence, name_of, t);
        const std::size_t split = splits ? nlp::CliticSplit(token.text) : token.text.size();
        for (const std::string_view piece : {token.text.substr(0, split), token.text.substr(split)}) {
            if (piece.empty()) continue;
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

// The parser and what it is told about words before it tags them.
struct ParserSetup {
    const nlp::Parser& parser;
    const KnownWords& known;
};

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
    std::deque<std::string> lowered;  // backs the forms not in the text: lower-cased, "Dr."
    std::vector<std::optional<nlp::Upos>> known_upos;  // names' words PROPN, title nouns NOUN
    std::vector<std::size_t> word_of;  // by parser word: its sentence word
    // Sentence words read as part of the word before them ("to" of "prior
    // to"), not parsed: their word, then their head's.
    std::vector<std::pair<std::size_t, std::size_t>> fixed;
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

// "61" for "61bn", "12" for "12pc", "billion" for "bln": news abbreviates
// magnitudes that the treebank spells out ("$61 billion"), and the parser,
// not knowing the token, misreads the phrase around it. Any other word is
// itself.
std::string_view NumberOf(std::string_view word) {
    static constexpr std::string_view kMagnitudes[] = {"bn", "mn", "m", "b", "k", "tn", "trn", "pc"};
    // "$4 bln acquisition": the wire services' abbreviations, spelled out.
    if (word == "bln" || word == "bn") return "billion";
    if (word == "mln" || word == "mn") return "million";
    const std::size_t digits = word.find_first_not_of("0123456789.,");
    if (digits == 0 || digits == std::string_view::npos) return word;
    const std::string_view suffix = word.substr(digits);
    return std::find(std::begin(kMagnitudes), std::end(kMagnitudes), suffix) != std::end(kMagnitudes) ? word.substr(0, digits)
                                                                                                      : word;
}

// "award-winning", "wholly-owned": the treebank the parser learned from
// splits such words at their hyphens ("wholly - owned"), so it reads an
// unseen "award-winning" from its suffix alone, as a verb heading a clause.
// A lower-case compound reaches the parser as its parts; a compound with a
// capital ("T-Mobile", "Coca-Cola") is a name's word and stays whole.
bool IsLowerCompound(std::string_view word) {
    const std::size_t hyphen = word.find('-');
    if (hyphen == std::string_view::npos || hyphen == 0 || word.back() == '-') return false;
    return std::all_of(word.begin(), word.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// "a wholly-owned subsidiary", "a state-owned bank": a compound ending in
// a past participle right before a word in lower case that no preposition
// is, modifies that word; the parser took "owned" for the verb of a clause
// with the subsidiary as its object. (Present participles, "award-winning
// journalist", were tried: one parse better, one worse, on the dev sets.)
bool IsParticipleBeforeNoun(const std::vector<ParsedWord>& words, std::size_t w, std::string_view compound) {
    static constexpr std::string_view kPrepositions[] = {"by", "in", "to", "of", "at", "for", "with", "from", "on",
                                                         "and", "or", "as", "since", "through", "under", "until"};
    if (compound.size() < 4 || compound.substr(compound.size() - 2) != "ed" || w + 1 >= words.size()) return false;
    const std::string_view next = words[w + 1].form;
    return !next.empty() && next[0] >= 'a' && next[0] <= 'z' &&
           std::find(std::begin(kPrepositions), std::end(kPrepositions), next) == std::end(kPrepositions);
}

// "re-appointed", "co-founder", "ex-chairman": the treebank keeps a prefix
// and its word whole but has seen few such words; the parser reads the word
// without its prefix ("appointed", "founder"), which carries its syntax.
std::string_view WithoutPrefix(std::string_view word) {
    static constexpr std::string_view kPrefixes[] = {"re", "co", "non", "pre", "post", "ex", "anti", "multi", "vice",
                                                     "mid", "semi", "sub", "inter", "counter", "mis", "un", "de"};
    const std::size_t hyphen = word.find('-');
    // Asked of every title candidate the parser reads, nearly none hyphenated.
    if (hyphen == std::string_view::npos) return word;
    const std::string_view prefix = word.substr(0, hyphen);
    const bool prefixed = std::find(std::begin(kPrefixes), std::end(kPrefixes), prefix) != std::end(kPrefixes);
    return prefixed && word.find('-', hyphen + 1) == std::string_view::npos ? word.substr(hyphen + 1) : word;
}

// A person title, in the singular or plural, with or without a prefix
// ("co-CEOs").
bool IsTitleWord(const Lexicon& titles, std::string_view folded) {
    const std::string_view word = WithoutPrefix(folded);
    return titles.Contains(word) || (word.size() > 3 && word.back() == 's' && titles.Contains(word.substr(0, word.size() - 1)));
}

// "a former American executive who", "chief executive of X", "executive
// Tim Cook": a title word that ends its noun phrase (before punctuation, a
// function word or a name) is that phrase's noun. The treebank shows
// "executive" only as an adjective ("executive director"), and the parser,
// taking it for one, left such phrases without a head.
bool IsTitleNoun(const std::vector<ParsedWord>& words, std::size_t w, std::string_view folded, const Lexicon& titles) {
    static constexpr std::string_view kPhraseEnders[] = {"who",  "whom",  "whose",  "which", "that", "of",   "at",
                                                         "for",  "with",  "and",    "or",    "in",   "since", "from",
                                                         "until", "to",   "when",   "after", "before", "while", "but"};
    if (!IsTitleWord(titles, folded)) return false;
    if (w + 1 == words.size()) return true;
    const std::string_view next = words[w + 1].form;
    return !std::isalnum(static_cast<unsigned char>(next[0])) || IsTitleCased(next) ||
           std::find(std::begin(kPhraseEnders), std::end(kPhraseEnders), FoldCase(next)) != std::end(kPhraseEnders);
}

// "chief executive officer", "managing partner", "interim co-CEOs": a title
// word, or a word that says when a title is held, before a title word is
// that title's modifier, as the treebank tags "chief" and "executive"
// there. Left to the tagger, "the current chief executive officer of
// Sanofi" had "chief" for its noun, and "interim" was read as a preposition.
bool IsTitleModifier(const std::vector<ParsedWord>& words, std::size_t w, std::string_view folded, const KnownWords& known) {
    return w + 1 < words.size() && (IsTitleWord(known.titles, folded) || known.title_modifiers.Contains(folded)) &&
           IsTitleWord(known.titles, FoldCase(words[w + 1].form));
}

// The part of speech the sentence's words settle for word `w`, if any.
// `after_name`: the word follows a name ("OpenAI appoints ...", a headline
// without articles, where the parser took "appoints" for a plural noun).
std::optional<nlp::Upos> KnownUpos(const std::vector<ParsedWord>& words, std::size_t w, std::string_view folded,
                                   bool after_name, const KnownWords& known) {
    if (IsTitleModifier(words, w, folded, known)) return nlp::Upos::kAdj;
    if (IsTitleNoun(words, w, folded, known.titles)) return nlp::Upos::kNoun;
    if (after_name && !IsTitleCased(words[w].form) && known.verbs.count(folded) > 0) return nlp::Upos::kVerb;
    return std::nullopt;
}

// "Chevron Corp. Chief Executive ...": the full stop of an abbreviation
// that ends a name inside the sentence, which the parser would read as the
// sentence's end. It hangs on the name as punctuation and is not parsed.
bool IsAbbreviationStop(const std::vector<ParsedWord>& words, std::size_t w) {
    return words[w].form == "." && w > 0 && words[w - 1].end == words[w].begin;
}

// The word after a name, past the name's abbreviation stop ("Hugh McColl,
// Jr., the former Chairman", "Velmora Inc.'s customers").
std::size_t AfterName(const std::vector<ParsedWord>& words, NameSpan span) {
    return span.end < words.size() && IsAbbreviationStop(words, span.end) ? span.end + 1 : span.end;
}

// "led by Mr. Leonard Tharpe": the stop of an honorific, which the parser
// would read as the sentence's end, hangs on it and is not parsed either.
bool IsHonorificStop(const std::vector<ParsedWord>& words, std::size_t w, const Lexicon& honorifics) {
    return IsAbbreviationStop(words, w) && honorifics.Contains(FoldCase(words[w - 1].form));
}

// The full stop of "C.E.O.", which the parser would read as the sentence's end.
bool IsAcronymStop(const std::vector<ParsedWord>& words, std::size_t w) {
    return w > 0 && words[w].form == "." && !DottedAcronymForm(words[w - 1].form).empty();
}

// Asked of every word the parser reads: the sizes are compared before any
// word is folded.
bool IsPriorTo(const std::vector<ParsedWord>& words, std::size_t w, std::size_t next) {
    return next == w + 1 && words[w].form.size() == 5 && words[next].form.size() == 2 &&
           FoldCase(words[w].form) == "prior" && FoldCase(words[next].form) == "to";
}

// The parser's words for the sentence words `selection` (in order): a name
// is one proper noun, its last word.
ParserInput ParserWords(const std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                        const std::vector<NameSpan>& names, const std::vector<std::size_t>& selection,
                        const KnownWords& known) {
    ParserInput input;
    input.forms.reserve(selection.size() + 4);  // a few hyphenated words' parts
    input.known_upos.reserve(input.forms.capacity());
    input.word_of.reserve(input.forms.capacity());
    auto add = [&](std::size_t w, std::string_view form, std::optional<nlp::Upos> known) {
        input.forms.push_back(form);
        input.known_upos.push_back(known);
        input.word_of.push_back(w);
    };
    auto name = names.begin();
    for (std::size_t i = 0; i < selection.size(); ++i) {
        const std::size_t w = selection[i];
        while (name != names.end() && name->end <= w) ++name;
        if (name != names.end() && name->first == w) {
            const std::size_t last = LastWordOf(words, *name);
            add(last, words[last].form, nlp::Upos::kPropn);
            while (i + 1 < selection.size() && selection[i + 1] < name->end) ++i;
            if (i + 2 < selection.size() && IsAbbreviationStop(words, selection[i + 1])) ++i;
            continue;
        }
        // "Prior to joining BrightTag, Eric was co-founder": the parser,
        // which has seen the two words rarely, made "Prior" the sentence's
        // root; it reads them as the one word they mean, "before".
        if (i + 1 < selection.size() && IsPriorTo(words, w, selection[i + 1])) {
            add(w, "before", std::nullopt);
            input.fixed.emplace_back(selection[++i], w);
            continue;
        }
        // The treebank writes an honorific with its stop, a proper noun
        // describing the name after it.
        if (i + 2 < selection.size() && IsHonorificStop(words, selection[i + 1], known.honorifics)) {
            add(w, input.lowered.emplace_back(std::string(words[w].form) + "."), nlp::Upos::kPropn);
            ++i;
            continue;
        }
        // "C.E.O." reaches the parser as the "CEO" the treebank spells, its
        // stop inside the sentence kept from it as a name's is.
        if (std::string acronym = word_name[w] == kNoName ? DottedAcronymForm(words[w].form) : std::string();
            !acronym.empty()) {
            add(w, input.lowered.emplace_back(std::move(acronym)), std::nullopt);
            if (i + 2 < selection.size() && IsAcronymStop(words, selection[i + 1])) ++i;
            continue;
        }
        const std::string_view form = word_name[w] == kNoName && w > 0 && IsTitleCased(words[w].form)
                                          ? input.lowered.emplace_back(FoldCase(words[w].form))
                                          : NumberOf(words[w].form);
        if (!IsLowerCompound(form) || WithoutPrefix(form) != form) {
            const std::string_view parsed = IsLowerCompound(form) ? WithoutPrefix(form) : form;
            const bool after_name = w > 0 && word_name[w - 1] != kNoName;
            add(w, parsed, word_name[w] == kNoName ? KnownUpos(words, w, FoldCase(parsed), after_name, known) : std::nullopt);
            continue;
        }
        for (std::size_t begin = 0; begin <= form.size();) {
            const std::size_t hyphen = std::min(form.find('-', begin), form.size());
            if (begin > 0) add(w, "-", std::nullopt);
            if (hyphen > begin) {
                const bool last = hyphen == form.size();
                add(w, form.substr(begin, hyphen - begin),
                    last && IsParticipleBeforeNoun(words, w, form) ? std::optional(nlp::Upos::kAdj) : std::nullopt);
            }
            begin = hyphen + 1;
        }
    }
    return input;
}

// An outermost pair of round brackets in the sentence: the words of
// "(born 13 February 1956 in Casablanca)" or "(RLAM)".
struct Parenthetical {
    std::size_t open = 0, close = 0;  // the brackets' word indices
};

// Brackets inside a name ("Brunner Mond (UK) Limited") are part of it.
std::vector<Parenthetical> Parentheticals(const std::vector<ParsedWord>& words, const std::vector<int>& word_name) {
    std::vector<Parenthetical> found;
    int depth = 0;
    std::size_t open = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (word_name[w] != kNoName) continue;
        if (words[w].form == "(") {
            if (depth++ == 0) open = w;
        } else if (words[w].form == ")" && depth > 0 && --depth == 0) {
            found.push_back({open, w});
        }
    }
    return found;
}

bool IsAncestor(const std::vector<ParsedWord>& words, int ancestor, int word) {
    for (int w = words[static_cast<std::size_t>(word)].head, steps = 0; w >= 0 && steps < static_cast<int>(words.size());
         w = words[static_cast<std::size_t>(w)].head, ++steps) {
        if (w == ancestor) return true;
    }
    return false;
}

bool HasChild(const std::vector<ParsedWord>& words, int head, std::initializer_list<std::string_view> relations) {
    return std::any_of(words.begin(), words.end(), [&](const ParsedWord& child) {
        return child.head == head && std::find(relations.begin(), relations.end(), child.deprel) != relations.end();
    });
}

// The relations the parser gives a noun phrase it hung in the wrong place
// (a name's apposition, a subject renamed by a name): a repair may move a
// phrase from these, never from a place the parse gives it on purpose.
constexpr std::string_view kMisplacedPhrase[] = {"parataxis", "conj", "dep", "list", "appos", "obl", "obl:agent", "nmod"};

bool IsMisplacedPhrase(const ParsedWord& word) {
    return std::find(std::begin(kMisplacedPhrase), std::end(kMisplacedPhrase), word.deprel) != std::end(kMisplacedPhrase);
}

// "CEO", "the grocer", "co-founder and former CEO": a common noun, an
// acronym or the sentence's first word (capitalized as every first word is).
bool CanDescribe(const ParsedWord& word, std::size_t index) {
    const std::string_view form = word.form;
    const bool acronym = std::none_of(form.begin(), form.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    return word.upos == nlp::Upos::kNoun && (index == 0 || acronym || std::islower(static_cast<unsigned char>(form[0])));
}

// The first of the coordinated titles that end with `word`: the one that
// holds their place. Not past a name: in "the founder of Virgin Group and
// former CEO X" the founder is someone else.
int FirstTitle(const std::vector<ParsedWord>& words, const std::vector<int>& word_name, int word) {
    for (int steps = 0; steps < 8; ++steps) {
        const ParsedWord& w = words[static_cast<std::size_t>(word)];
        if (w.deprel != "conj" || w.head < 0 || w.head > word) break;
        for (int between = w.head; between < word; ++between) {
            if (word_name[static_cast<std::size_t>(between)] != kNoName) return word;
        }
        if (words[static_cast<std::size_t>(w.head)].upos != nlp::Upos::kNoun) break;
        word = w.head;
    }
    return word;
}

// A common noun right before a name describes it ("virtualisation specialist
// VMware", "rival company Direct Line", "by venture capital firms Index
// Ventures"): the name takes the noun's place in the sentence, with its
// determiner and preposition, and the noun becomes the name's compound, as
// in "Twitter CEO Parag Agrawal". Trained on few such phrases, the parser
// often leaves the two apart: the noun as the object, the name as a clause
// of its own.
void AttachDescriptors(std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                       const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        if (span.first == 0) continue;
        const std::size_t before = span.first - 1;
        const int name = static_cast<int>(LastWordOf(words, span));
        if (word_name[before] != kNoName || !CanDescribe(words[before], before)) continue;
        // "co-founder and former CEO Sam Altman": the titles' first conjunct
        // holds the phrase's place. Under the name already (or below it:
        // moving the name up would make a cycle), it stays.
        const int noun = FirstTitle(words, word_name, static_cast<int>(before));
        if (IsAncestor(words, name, noun)) continue;
        ParsedWord& descriptor = words[static_cast<std::size_t>(noun)];
        // "Tesla CEO" read as one name: no place of its own to give.
        if (descriptor.deprel == "flat") continue;
        ParsedWord& head = words[static_cast<std::size_t>(name)];
        // "the grocer Kroger has agreed to buy": a name that is the subject
        // of a clause of its own may be just that, unless the noun claims
        // the same place or hangs loose ("Following a surprise ouster,
        // OpenAI co-founder ... Sam Altman joined": an apposition of "ouster").
        const bool same_place = head.head == descriptor.head && head.deprel == descriptor.deprel;
        const bool loose = descriptor.deprel == "appos" || descriptor.deprel == "dep" || descriptor.deprel == "list" ||
                           descriptor.deprel == "parataxis";
        if (head.deprel.rfind("nsubj", 0) == 0 && !same_place && !loose) continue;
        head.head = descriptor.head;
        head.deprel = descriptor.deprel;
        descriptor.head = name;
        descriptor.deprel = "compound";
        // What follows the name modifies the whole phrase, and so do the
        // phrase's determiner and preposition; the noun keeps its own
        // modifiers ("virtualisation", "its" in "its rival Albertsons").
        for (std::size_t w = 0; w < words.size(); ++w) {
            ParsedWord& word = words[w];
            if (word.head != noun) continue;
            if (w >= span.end || word.deprel == "case" || word.deprel == "det" || word.deprel == "mark") word.head = name;
        }
    }
}

// "by former President Theodore Roosevelt": the parser hung the phrase's
// preposition on the title that describes the name; it is the name's.
void LiftCaseMarkers(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        const int name = static_cast<int>(LastWordOf(words, span));
        for (std::size_t w = 0; w < span.first; ++w) {
            ParsedWord& marker = words[w];
            if (marker.deprel != "case" || marker.head < 0) continue;
            const ParsedWord& described = words[static_cast<std::size_t>(marker.head)];
            if (described.head == name && (described.deprel == "nmod:desc" || described.deprel == "compound") &&
                marker.head < static_cast<int>(span.first)) {
                marker.head = name;
            }
        }
    }
}

// Parses the sentence words `selection` and returns the one the parse is
// rooted at, or -1 when there is none.
int ParseWords(const ParserSetup& setup, std::vector<ParsedWord>& words, const std::vector<int>& word_name,
               const std::vector<NameSpan>& names, const std::vector<std::size_t>& selection) {
    const ParserInput input = ParserWords(words, word_name, names, selection, setup.known);
    std::vector<nlp::ParsedWord> analysis = setup.parser.Parse(input.forms, input.known_upos);
    int root = -1;
    for (std::size_t p = 0; p < analysis.size() && p < input.word_of.size(); ++p) {
        const int w = static_cast<int>(input.word_of[p]);
        const int head = analysis[p].head < 0 ? -1 : static_cast<int>(input.word_of[static_cast<std::size_t>(analysis[p].head)]);
        // A hyphenated word's analysis is that of its part hung outside it
        // ("owned" in "wholly - owned"), never its hyphens'.
        const bool hyphen = p > 0 && input.word_of[p - 1] == input.word_of[p] && input.forms[p] == "-";
        if (head == w || hyphen) continue;
        ParsedWord& word = words[static_cast<std::size_t>(w)];
        word.upos = analysis[p].upos;
        word.lemma = std::move(analysis[p].lemma);
        word.head = head;
        word.deprel = std::move(analysis[p].deprel);
        if (head < 0) root = w;
    }
    for (const auto& [word, head] : input.fixed) {
        ParsedWord& part = words[word];
        part.upos = nlp::Upos::kAdp;
        part.lemma = FoldCase(part.form);
        part.head = static_cast<int>(head);
        part.deprel = "fixed";
        words[head].lemma = FoldCase(words[head].form);
    }
    return root;
}

// A fragment's parse may hang on a function word ("also the founder of
// X", "or the Gates Foundation"); its first nominal or verbal dependent
// heads it then, and the function word hangs on that.
int ContentRoot(std::vector<ParsedWord>& words, int root) {
    auto is_content = [&](int w) {
        const nlp::Upos upos = words[static_cast<std::size_t>(w)].upos;
        return upos == nlp::Upos::kNoun || upos == nlp::Upos::kPropn || upos == nlp::Upos::kVerb ||
               upos == nlp::Upos::kNum || upos == nlp::Upos::kAdj;
    };
    if (is_content(root)) return root;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].head != root || !is_content(static_cast<int>(w))) continue;
        const int promoted = static_cast<int>(w);
        for (ParsedWord& word : words) {
            if (word.head == root && &word != &words[w]) word.head = promoted;
        }
        ParsedWord& old_root = words[static_cast<std::size_t>(root)];
        old_root.head = promoted;
        old_root.deprel = old_root.upos == nlp::Upos::kCconj ? "cc" : "advmod";
        return promoted;
    }
    return root;
}

// A parenthetical is parsed on its own and hangs on the word before it: a
// parser trained on treebank text reads "Ahmed Naseer (born October 31, 1975
// Maldives) is a Maldivian economist" as if Maldives were the economist.
// Its root is an apposition when nominal ("(RLAM)"), else parataxis.
void ParseAside(const ParserSetup& setup, std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                const std::vector<NameSpan>& names, Parenthetical aside, int anchor) {
    std::vector<std::size_t> inside;
    for (std::size_t w = aside.open + 1; w < aside.close; ++w) inside.push_back(w);
    int root = anchor;
    if (const int parsed = inside.empty() ? -1 : ParseWords(setup, words, word_name, names, inside); parsed >= 0) {
        root = ContentRoot(words, parsed);
        ParsedWord& head = words[static_cast<std::size_t>(root)];
        head.head = anchor;
        head.deprel = anchor < 0 ? "root" : (head.upos == nlp::Upos::kNoun || head.upos == nlp::Upos::kPropn) ? "appos" : "parataxis";
    }
    for (const std::size_t bracket : {aside.open, aside.close}) {
        ParsedWord& word = words[bracket];
        word.upos = nlp::Upos::kPunct;
        word.lemma = std::string(word.form);
        word.head = root;
        word.deprel = root < 0 ? "root" : "punct";
    }
}

// "beat rivals Brevard Marine, Oakhurst Naval Systems and Selkirk
// Dynamics": a name in apposition to a name, itself coordinated with a
// name by "and" or "or", is the second item of a list: the parser read the
// list's first comma as an apposition's. Its conjuncts join the first name.
void AttachListsReadAsAppositions(std::vector<ParsedWord>& words, const std::vector<int>& word_name) {
    const auto is_name = [&](int w) { return w >= 0 && word_name[static_cast<std::size_t>(w)] != kNoName; };
    for (std::size_t a = 0; a < words.size(); ++a) {
        ParsedWord& second = words[a];
        const int first = second.head;
        if (second.deprel != "appos" || !is_name(static_cast<int>(a)) || !is_name(first) || first > static_cast<int>(a)) continue;
        const auto coordinated = [&](const ParsedWord& w) {
            return w.head == static_cast<int>(a) && w.deprel == "conj" && is_name(static_cast<int>(&w - words.data()));
        };
        if (std::none_of(words.begin(), words.end(), coordinated)) continue;
        second.deprel = "conj";
        for (ParsedWord& word : words) {
            if (coordinated(word)) word.head = first;
        }
    }
}

// "Hearst Television, a wholly owned subsidiary of the Hearst Corporation":
// a noun phrase opened by an article right after a name and its comma
// renames the name. The parser, seeing few appositions this long, often
// hangs it elsewhere (parataxis, a conjunct of the clause); it becomes the
// name's apposition.
void AttachAppositions(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        const std::size_t comma = AfterName(words, span);
        const std::size_t article = comma + 1;
        if (article >= words.size() || words[comma].form != ",") continue;
        // "Anne Wojcicki, one of the founders of 23andMe": a partitive,
        // lifted already, opens the phrase as an article does.
        const std::string_view det = words[article].lemma;
        const bool opens = words[article].deprel == "det" ? det == "a" || det == "an" || det == "the"
                                                          : words[article].deprel == "nummod" && det == "one";
        if (!opens) continue;
        int noun = words[article].head;
        const int name = static_cast<int>(LastWordOf(words, span));
        if (noun <= static_cast<int>(article) || words[static_cast<std::size_t>(noun)].upos != nlp::Upos::kNoun) continue;
        // "a pioneering independent film, TV and music distribution company":
        // the article's noun may modify the phrase's head further on.
        for (int steps = 0; steps < 8; ++steps) {
            const ParsedWord& w = words[static_cast<std::size_t>(noun)];
            if (w.deprel != "compound" || w.head <= noun || words[static_cast<std::size_t>(w.head)].upos != nlp::Upos::kNoun) break;
            noun = w.head;
        }
        ParsedWord& apposition = words[static_cast<std::size_t>(noun)];
        ParsedWord& named = words[static_cast<std::size_t>(name)];
        if (named.head == noun) {
            // "of The Orchard, a pioneering ... distribution company": the
            // parser read one noun phrase, the name a compound of its noun;
            // the name takes the phrase's place.
            named.head = apposition.head;
            named.deprel = apposition.deprel;
        } else if (apposition.head == name || IsAncestor(words, noun, name) ||
                   !IsMisplacedPhrase(apposition)) {
            continue;
        }
        apposition.head = name;
        apposition.deprel = "appos";
        words[comma].head = noun;
        words[comma].deprel = "punct";
    }
}

// "Rockstar Games' parent company, Take-Two Interactive, announced", "Google's
// parent, Alphabet, said": a name between commas after a noun phrase, made
// the subject of the verb while the noun phrase hung elsewhere (a conjunct
// of an opening date, an oblique), renames the noun phrase, which takes the
// subject's place.
void AttachRenamedSubjects(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        if (span.first < 2 || span.end >= words.size() || words[span.first - 1].form != "," || words[span.end].form != ",") continue;
        const int name = static_cast<int>(LastWordOf(words, span));
        const int noun = static_cast<int>(span.first) - 2;
        ParsedWord& subject = words[static_cast<std::size_t>(name)];
        ParsedWord& renamed = words[static_cast<std::size_t>(noun)];
        if (subject.deprel.rfind("nsubj", 0) != 0 || subject.head < 0 || renamed.upos != nlp::Upos::kNoun ||
            !IsMisplacedPhrase(renamed) || IsAncestor(words, noun, subject.head)) {
            continue;
        }
        renamed.head = subject.head;
        renamed.deprel = subject.deprel;
        subject.head = noun;
        subject.deprel = "appos";
    }
}

// A name after a comma that the parser made an apposition.
bool IsAppositionAfterComma(const std::vector<ParsedWord>& words, NameSpan span) {
    const ParsedWord& name = words[LastWordOf(words, span)];
    return span.first >= 2 && words[span.first - 1].form == "," && name.deprel == "appos" && name.head >= 0;
}

// "In his place, David Zinsner, Intel's CFO, and Michelle Johnston
// Holthaus ... have been named interim co-CEOs": after an opening oblique
// and its comma, a name the parser made the oblique's apposition is the
// subject of the oblique's verb, when that verb has none.
void AttachSubjectAfterOpeningOblique(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        if (!IsAppositionAfterComma(words, span)) continue;
        const int name = static_cast<int>(LastWordOf(words, span));
        ParsedWord& subject = words[static_cast<std::size_t>(name)];
        const ParsedWord& oblique = words[static_cast<std::size_t>(subject.head)];
        const int verb = oblique.head;
        if (oblique.deprel != "obl" || verb <= name || words[0].head != subject.head || words[0].deprel != "case" ||
            HasChild(words, verb, {"nsubj", "nsubj:pass", "csubj", "expl"})) {
            continue;
        }
        subject.head = verb;
        subject.deprel = HasChild(words, verb, {"aux:pass"}) ? "nsubj:pass" : "nsubj";
    }
}

// "Prior to joining BrightTag, Eric was co-founder and CTO of FeedBurner":
// after an opening subordinate clause and its comma, a name the parser made
// an apposition of the clause's object is the subject of the predicate it
// hung on that clause, which is the sentence's.
void AttachSubjectAfterOpeningClause(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    static constexpr std::string_view kHungOnClause[] = {"xcomp", "conj", "parataxis", "ccomp"};
    for (const NameSpan span : names) {
        if (!IsAppositionAfterComma(words, span)) continue;
        const int name = static_cast<int>(LastWordOf(words, span));
        ParsedWord& subject = words[static_cast<std::size_t>(name)];
        const int clause = words[static_cast<std::size_t>(subject.head)].head;
        if (clause < 0 || !HasChild(words, clause, {"mark"}) || words[0].head != clause || words[0].deprel != "mark") continue;
        for (std::size_t p = static_cast<std::size_t>(name) + 1; p < words.size(); ++p) {
            ParsedWord& predicate = words[p];
            if (predicate.head != clause ||
                std::find(std::begin(kHungOnClause), std::end(kHungOnClause), predicate.deprel) == std::end(kHungOnClause) ||
                HasChild(words, static_cast<int>(p), {"nsubj", "nsubj:pass"})) {
                continue;
            }
            ParsedWord& opening = words[static_cast<std::size_t>(clause)];
            predicate.head = opening.head;
            predicate.deprel = opening.deprel;
            opening.head = static_cast<int>(p);
            opening.deprel = "advcl";
            subject.head = static_cast<int>(p);
            subject.deprel = "nsubj";
            break;
        }
    }
}

// "the CEO of WTC, Andrew Messick, announced": a name between commas after
// "NOUN of NAME" renames the noun, not the name the parser hung it on; one
// name does not rename another.
void AttachRenamingOfNoun(std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                          const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        if (span.first < 2 || words[span.first - 1].form != ",") continue;
        ParsedWord& renaming = words[LastWordOf(words, span)];
        const int renamed = renaming.head;
        if (renaming.deprel != "appos" || renamed < 0 || word_name[static_cast<std::size_t>(renamed)] == kNoName) continue;
        const ParsedWord& owner = words[static_cast<std::size_t>(renamed)];
        if (owner.deprel != "nmod" || owner.head < 0 || owner.head > renamed ||
            words[static_cast<std::size_t>(owner.head)].upos != nlp::Upos::kNoun) {
            continue;
        }
        renaming.head = owner.head;
    }
}

// "an article about Wikipedia and its founder, Jimmy Wales, in its issue":
// a name between commas right after a person's title renames that title.
// The parser, taking the commas for a list's, had coordinated the name with
// the noun the title is coordinated with.
void AttachNamesAfterTitles(std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                            const std::vector<NameSpan>& names, const Lexicon& titles) {
    for (const NameSpan span : names) {
        if (span.first < 2 || words[span.first - 1].form != "," || span.end >= words.size() || words[span.end].form != ",") {
            continue;
        }
        const int title = static_cast<int>(span.first - 2);
        const ParsedWord& noun = words[static_cast<std::size_t>(title)];
        if (word_name[static_cast<std::size_t>(title)] != kNoName || noun.upos != nlp::Upos::kNoun ||
            !IsTitleWord(titles, FoldCase(noun.form))) {
            continue;
        }
        const int name = static_cast<int>(LastWordOf(words, span));
        ParsedWord& renaming = words[static_cast<std::size_t>(name)];
        if (renaming.deprel != "conj" || renaming.head != noun.head || IsAncestor(words, name, title)) continue;
        renaming.head = title;
        renaming.deprel = "appos";
    }
}

// "served on the Board of its subsidiary, the Thrift Institutions Community
// Investment Corp.": a name after the comma of a noun with a possessor
// ("its subsidiary", "Halvern's biggest rival") renames that noun; the
// parser, taking the comma for a list's or a clause's, hung the name far
// away.
void AttachNamesRenamingPossessedNouns(std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                                       const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        std::size_t comma = span.first >= 1 ? span.first - 1 : 0;
        if (comma > 0 && FoldCase(words[comma].form) == "the" && words[comma].head == static_cast<int>(LastWordOf(words, span))) {
            --comma;
        }
        if (comma < 1 || words[comma].form != ",") continue;
        const int noun = static_cast<int>(comma - 1);
        const ParsedWord& possessed = words[static_cast<std::size_t>(noun)];
        if (word_name[static_cast<std::size_t>(noun)] != kNoName || possessed.upos != nlp::Upos::kNoun ||
            !HasChild(words, noun, {"nmod:poss"})) {
            continue;
        }
        const int name = static_cast<int>(LastWordOf(words, span));
        ParsedWord& renaming = words[static_cast<std::size_t>(name)];
        if (renaming.head == noun || !IsMisplacedPhrase(renaming) || IsAncestor(words, name, noun)) continue;
        renaming.head = noun;
        renaming.deprel = "appos";
        words[comma].head = name;
        words[comma].deprel = "punct";
    }
}

// "A subsidiary of CABAL Media, AtelierCABAL is an e-commerce platform": a
// sentence that opens with an article's noun phrase and a comma, then a name
// that is the subject of the clause, renames that name: the noun phrase
// becomes the name's apposition.
void AttachFrontedApposition(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    if (words.empty() || words[0].deprel != "det") return;
    const int noun = words[0].head;
    if (noun < 0 || words[static_cast<std::size_t>(noun)].upos != nlp::Upos::kNoun) return;
    std::size_t comma = static_cast<std::size_t>(noun) + 1;
    while (comma < words.size() && words[comma].form != ",") ++comma;
    const ParsedWord& fronted = words[static_cast<std::size_t>(noun)];
    // Either the noun phrase was made the root and the clause right after
    // the comma its parataxis, or ("The brainchild of founder Adrian Ashby,
    // Bristol Volksfest started as a hobby"; "The former President and CEO
    // of Dell Inc., in 2006 Rollins was named ...") a second subject of the
    // clause.
    const auto renamed = [&](NameSpan span) {
        if (span.first <= comma) return false;
        const ParsedWord& subject = words[LastWordOf(words, span)];
        if (subject.deprel.rfind("nsubj", 0) != 0 || subject.head < 0) return false;
        const bool root = span.first == comma + 1 && fronted.head < 0 &&
                          words[static_cast<std::size_t>(subject.head)].head == noun;
        return root || (fronted.head == subject.head && fronted.deprel == subject.deprel);
    };
    const auto name = std::find_if(names.begin(), names.end(), renamed);
    if (name == names.end()) return;
    const int subject = static_cast<int>(LastWordOf(words, *name));
    const int clause = words[static_cast<std::size_t>(subject)].head;
    const bool root = fronted.head < 0;
    if (root) {
        for (std::size_t w = comma + 1; w < words.size(); ++w) {
            if (words[w].head == noun) words[w].head = clause;  // the final full stop
        }
        words[static_cast<std::size_t>(clause)].head = -1;
        words[static_cast<std::size_t>(clause)].deprel = "root";
    }
    words[static_cast<std::size_t>(noun)].head = subject;
    words[static_cast<std::size_t>(noun)].deprel = "appos";
    words[comma].head = noun;
    words[comma].deprel = "punct";
}

// "the publisher of The Washington Post and chief executive officer of
// Washington Post Media": a common noun with its own "of" phrase,
// coordinated with a name that is itself the "of" phrase of a noun, is
// coordinated with that noun. The parser joined it to the nearer name, and
// a title to the nearer common noun of a title's "of" phrase.
void AttachCoordinatedNouns(std::vector<ParsedWord>& words, const std::vector<int>& word_name, const Lexicon& titles) {
    const auto is_title = [&](const ParsedWord& word) { return IsTitleWord(titles, FoldCase(word.form)); };
    for (std::size_t w = 0; w < words.size(); ++w) {
        ParsedWord& noun = words[w];
        if (noun.deprel != "conj" || noun.upos != nlp::Upos::kNoun || noun.head < 0 || word_name[w] != kNoName) continue;
        const ParsedWord& between = words[static_cast<std::size_t>(noun.head)];
        if (between.deprel != "nmod" || between.head < 0 || words[static_cast<std::size_t>(between.head)].upos != nlp::Upos::kNoun) {
            continue;
        }
        const bool after_name =
            word_name[static_cast<std::size_t>(noun.head)] != kNoName && HasChild(words, static_cast<int>(w), {"nmod"});
        // "the Chairman of the Board and Chief Executive Officer": a title
        // after the "of" phrase of a title is that title's conjunct.
        const bool after_title_phrase = word_name[static_cast<std::size_t>(noun.head)] == kNoName && is_title(noun) &&
                                        !is_title(between) && is_title(words[static_cast<std::size_t>(between.head)]);
        if (after_name || after_title_phrase) noun.head = between.head;
    }
}

// The clause `verb` takes the place of `word`, the word it was hung on:
// `word`'s head and relation, and `word`'s dependents after the verb.
void PutClauseInPlaceOf(std::vector<ParsedWord>& words, int verb, int word) {
    ParsedWord& clause = words[static_cast<std::size_t>(verb)];
    const ParsedWord& replaced = words[static_cast<std::size_t>(word)];
    clause.head = replaced.head;
    clause.deprel = replaced.head < 0 ? "root" : replaced.deprel;
    for (std::size_t w = static_cast<std::size_t>(verb) + 1; w < words.size(); ++w) {
        if (words[w].head == word) words[w].head = verb;
    }
}

// Whether `verb` was read as a relative clause on `head` ("Kyle Vogt
// [who] resigns", "the executive [that] Marlow said").
bool IsRelativeOn(const std::vector<ParsedWord>& words, int verb, int head) {
    const ParsedWord& clause = words[static_cast<std::size_t>(verb)];
    return clause.head == head && clause.deprel == "acl:relcl";
}

// The last word of a title phrase starting at `first` ("its new chief
// executive officer": "officer"), or nothing when no title starts there.
std::optional<std::size_t> TitleAfter(const std::vector<ParsedWord>& words, std::size_t first, const KnownWords& known) {
    std::size_t w = first;
    const auto lowered = [&](std::size_t i) { return FoldCase(words[i].form); };
    while (w < words.size() && (words[w].upos == nlp::Upos::kDet || lowered(w) == "its" || lowered(w) == "their" ||
                                known.title_modifiers.Contains(lowered(w)))) {
        ++w;
    }
    if (w >= words.size() || !IsTitleWord(known.titles, lowered(w))) return std::nullopt;
    while (w + 1 < words.size() && IsTitleWord(known.titles, lowered(w + 1))) ++w;
    return w;
}

// "Quorvia named Maria Delgado its new chief executive": a verb of
// appointing with a name and then a title takes the name as its object and
// the title as its open complement, as the treebank writes "named him CEO";
// the parser had made the name the complement and hung the title anywhere.
void AttachAppointedTitles(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names, const KnownWords& known) {
    const auto appoints = [&](int w) {
        return w >= 0 && words[static_cast<std::size_t>(w)].upos == nlp::Upos::kVerb &&
               known.appointments.Contains(words[static_cast<std::size_t>(w)].lemma);
    };
    const auto complement = [](const ParsedWord& word) { return word.deprel == "xcomp" || word.deprel == "obj"; };
    for (const NameSpan span : names) {
        const int name = static_cast<int>(LastWordOf(words, span));
        ParsedWord& person = words[static_cast<std::size_t>(name)];
        const std::optional<std::size_t> title = TitleAfter(words, span.end, known);
        if (!title || person.head < 0) continue;
        // The name the complement, or hung on the title that is ("appointed
        // Maria Delgado CEO" read as one noun phrase).
        const ParsedWord& on_title = words[*title];
        const int verb = complement(person) && appoints(person.head) ? person.head
                         : person.head == static_cast<int>(*title) && complement(on_title) && appoints(on_title.head)
                             ? on_title.head
                             : -1;
        if (verb < 0) continue;
        person.head = verb;
        for (std::size_t w = span.end; w < *title; ++w) {
            words[w].head = static_cast<int>(*title);
            words[w].deprel = words[w].upos == nlp::Upos::kDet ? "det" : words[w].upos == nlp::Upos::kPron ? "nmod:poss" : "amod";
        }
        words[*title].head = verb;
        words[*title].deprel = "xcomp";
        person.deprel = "obj";
    }
}

// "Quorvia named Maria Delgado chief executive on Tuesday": a sentence whose
// root is a name, with a participle right after it that takes an object and
// no agent, is no noun phrase; the participle is the name's verb.
bool IsActiveParticipleOnRoot(const std::vector<ParsedWord>& words, int verb, int name) {
    const ParsedWord& clause = words[static_cast<std::size_t>(verb)];
    return clause.head == name && clause.deprel == "acl" && words[static_cast<std::size_t>(name)].head < 0 &&
           HasChild(words, verb, {"obj", "xcomp", "ccomp"}) && !HasChild(words, verb, {"obl:agent"});
}

// "Cruise chief executive Kyle Vogt resigns after ...": a headline without
// articles, where the parser read the verb after a name as a relative
// clause on it. A relative clause with neither a subject nor a relative
// pronoun has its own subject elsewhere ("the firm Kroger bought"); one that
// starts right after a name and has none is that name's predicate.
void PromoteSubjectlessRelatives(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    static constexpr std::string_view kSubjects[] = {"nsubj", "nsubj:pass", "expl", "csubj"};
    for (const NameSpan span : names) {
        if (span.end >= words.size()) continue;
        const int name = static_cast<int>(LastWordOf(words, span));
        const int verb = static_cast<int>(span.end);
        if (!(IsRelativeOn(words, verb, name) || IsActiveParticipleOnRoot(words, verb, name)) ||
            words[span.end].upos != nlp::Upos::kVerb) {
            continue;
        }
        const bool has_subject = std::any_of(words.begin(), words.end(), [&](const ParsedWord& child) {
            return child.head == verb &&
                   (std::find(std::begin(kSubjects), std::end(kSubjects), child.deprel) != std::end(kSubjects) ||
                    child.upos == nlp::Upos::kPron);
        });
        if (has_subject) continue;
        PutClauseInPlaceOf(words, verb, name);
        words[static_cast<std::size_t>(name)].head = verb;
        words[static_cast<std::size_t>(name)].deprel = "nsubj";
    }
}

// "'s", "’s", or the bare apostrophe of "Rockstar Games' parent company".
bool IsPossessiveClitic(std::string_view word) {
    return IsClitic(word) && (word == "'" || word == "\xE2\x80\x99" || FoldCase(word).back() == 's');
}

// "leaving Twitter's approximately 7,500 employees fretting": a name with
// its possessive clitic owns the noun phrase after it; the parser at times
// made the name a second object of the verb, or (after a bare apostrophe)
// the phrase's compound. The name becomes the possessor of that phrase's
// head: the first word after the clitic whose head lies outside the
// phrase's modifiers.
void AttachPossessors(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        const std::size_t clitic = AfterName(words, span);
        if (clitic + 1 >= words.size() || !IsPossessiveClitic(words[clitic].form)) continue;
        const int name = static_cast<int>(LastWordOf(words, span));
        // A possessor the parser hung on a verb ("Halvern Systems' subsidiary
        // Brixton Analytics makes ...") owns nothing yet.
        const ParsedWord& named = words[static_cast<std::size_t>(name)];
        if (named.deprel == "nmod:poss" &&
            (named.head < 0 || words[static_cast<std::size_t>(named.head)].upos != nlp::Upos::kVerb)) {
            continue;
        }
        int owned = static_cast<int>(clitic + 1);
        for (int steps = 0; steps < 6; ++steps) {
            const ParsedWord& w = words[static_cast<std::size_t>(owned)];
            const bool modifier = w.deprel == "amod" || w.deprel == "compound" || w.deprel == "nummod" ||
                                  w.deprel == "advmod" || w.deprel == "det";
            if (!modifier || w.head <= owned) break;
            owned = w.head;
        }
        const ParsedWord& head = words[static_cast<std::size_t>(owned)];
        const ParsedWord& possessor = words[static_cast<std::size_t>(name)];
        const bool sibling = head.head == possessor.head && !IsAncestor(words, name, owned);
        const bool compound = possessor.head == owned && possessor.deprel == "compound";  // "Rockstar Games' parent company"
        if ((head.upos != nlp::Upos::kNoun && head.upos != nlp::Upos::kPropn) || !(sibling || compound)) continue;
        words[static_cast<std::size_t>(name)].head = owned;
        words[static_cast<std::size_t>(name)].deprel = "nmod:poss";
    }
}

// "the former boss of German healthcare company Fresenius": an apposition
// takes no preposition, so a name the parser made an apposition with its
// own "of" is the noun's modifier.
void AttachPrepositionalAppositions(std::vector<ParsedWord>& words) {
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].deprel == "appos" && HasChild(words, static_cast<int>(w), {"case"})) words[w].deprel = "nmod";
    }
}

// The plural noun of a partitive "one of the founders of X", "one of X's
// biggest customers": a common noun hung on `number` that is not the word
// it names (a plural), or -1.
int PartitiveNoun(const std::vector<ParsedWord>& words, std::size_t number) {
    if (number + 1 >= words.size() || FoldCase(words[number + 1].form) != "of") return -1;
    for (std::size_t c = number + 2; c < words.size(); ++c) {
        const ParsedWord& noun = words[c];
        if (noun.head == static_cast<int>(number) && noun.deprel == "nmod" && noun.upos == nlp::Upos::kNoun &&
            noun.lemma != FoldCase(noun.form)) {
            return static_cast<int>(c);
        }
    }
    return -1;
}

// "Henrik Dahl, one of the founders of X, ...", "Y is one of X's biggest
// customers": a member of a group is described as the group is. The plural
// noun takes the number's place in the sentence, with the number's other
// dependents (the subject and copula of "is one of"), and the number
// counts it. The parser had hung the noun on the number, so no rule
// reached the founders or the customers from the name.
void LiftPartitives(std::vector<ParsedWord>& words) {
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].upos != nlp::Upos::kNum) continue;
        const int noun = PartitiveNoun(words, w);
        if (noun < 0) continue;
        for (ParsedWord& dependent : words) {
            if (dependent.head == static_cast<int>(w) && &dependent != &words[static_cast<std::size_t>(noun)]) {
                dependent.head = noun;
            }
        }
        words[static_cast<std::size_t>(noun)].head = words[w].head;
        words[static_cast<std::size_t>(noun)].deprel = words[w].deprel;
        words[w].head = noun;
        words[w].deprel = "nummod";
        // The partitive's "of" is the number's: the noun, in the number's
        // place, has no preposition of its own ("Henrik Dahl, one of the
        // founders" stays an apposition).
        if (words[w + 1].head == noun && words[w + 1].deprel == "case") words[w + 1].head = static_cast<int>(w);
    }
}

// "Kestrel Energy completes $4 bln acquisition of Ostara Motors": an amount
// right before a noun is that noun's modifier, as in "a $4 billion
// acquisition"; without the article, the parser made the amount the verb's
// object and the noun its apposition.
void AttachAmountsBeforeNouns(std::vector<ParsedWord>& words) {
    for (std::size_t w = 0; w + 2 < words.size(); ++w) {
        if (words[w].form != "$" || words[w].upos != nlp::Upos::kSym) continue;
        std::size_t noun = w + 1;
        while (noun < words.size() && words[noun].upos == nlp::Upos::kNum) ++noun;
        if (noun == w + 1 || noun >= words.size() || words[noun].upos != nlp::Upos::kNoun ||
            words[noun].head != static_cast<int>(w) || words[noun].deprel != "appos") {
            continue;
        }
        words[noun].head = words[w].head;
        words[noun].deprel = words[w].deprel;
        words[w].head = static_cast<int>(noun);
        words[w].deprel = "compound";
    }
}

// "competes with Archer Aviation, which is backed by Stellantis and United
// Airlines, and with Germany's Lilium": a conjunct with a preposition of its
// own, unlike the phrase it was coordinated with, is coordinated with the
// nearest phrase above that has that preposition; the parser had made
// Lilium a backer of Archer rather than Joby's rival.
void AttachConjunctsByPreposition(std::vector<ParsedWord>& words) {
    std::vector<std::string_view> preposition(words.size());  // of each word's own "case" dependent
    for (const ParsedWord& word : words) {
        if (word.deprel == "case" && word.head >= 0) preposition[static_cast<std::size_t>(word.head)] = word.lemma;
    }
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].deprel != "conj" || words[w].head < 0) continue;
        const std::string_view own = preposition[w];
        const auto head = static_cast<std::size_t>(words[w].head);
        if (own.empty() || preposition[head].empty() || own == preposition[head]) continue;
        int above = words[head].head;
        for (int steps = 0; above >= 0 && steps < 6; ++steps, above = words[static_cast<std::size_t>(above)].head) {
            if (preposition[static_cast<std::size_t>(above)] == own) {
                words[w].head = above;
                break;
            }
        }
    }
}

// "is stepping aside as Ostara Motors' chief executive": a verb's particle
// or adverb takes no oblique; the parser hung "as ..." on "aside", out of
// the verb's reach.
void AttachObliquesOfParticles(std::vector<ParsedWord>& words) {
    for (ParsedWord& word : words) {
        if (word.deprel != "obl" || word.head < 0) continue;
        const ParsedWord& particle = words[static_cast<std::size_t>(word.head)];
        if ((particle.upos != nlp::Upos::kAdv && particle.upos != nlp::Upos::kAdp) ||
            (particle.deprel != "advmod" && particle.deprel != "compound:prt") || particle.head < 0 ||
            words[static_cast<std::size_t>(particle.head)].upos != nlp::Upos::kVerb) {
            continue;
        }
        word.head = particle.head;
    }
}

// "Velmora will own 51% of the new company and Ardent shareholders will own
// 49% of it": a coordinated verb without a subject, right after a noun the
// parser made a conjunct of the first clause's words, has that noun as its
// subject (and the noun's "and" joins the two clauses); otherwise the
// second verb would take the first one's subject.
void AttachSubjectsOfCoordinatedClauses(std::vector<ParsedWord>& words) {
    for (std::size_t v = 1; v < words.size(); ++v) {
        const ParsedWord& verb = words[v];
        if (verb.upos != nlp::Upos::kVerb || verb.deprel != "conj" ||
            HasChild(words, static_cast<int>(v), {"nsubj", "nsubj:pass", "expl", "csubj"})) {
            continue;
        }
        std::size_t before = v - 1;
        while (before > 0 && words[before].head == static_cast<int>(v) &&
               (words[before].deprel == "aux" || words[before].deprel == "aux:pass" || words[before].deprel == "advmod")) {
            --before;
        }
        ParsedWord& noun = words[before];
        const bool nominal = noun.upos == nlp::Upos::kNoun || noun.upos == nlp::Upos::kPropn || noun.upos == nlp::Upos::kPron;
        if (!nominal || noun.deprel != "conj" || noun.head < 0 || noun.head >= static_cast<int>(before) ||
            !HasChild(words, static_cast<int>(before), {"cc"})) {
            continue;
        }
        noun.head = static_cast<int>(v);
        noun.deprel = HasChild(words, static_cast<int>(v), {"aux:pass"}) ? "nsubj:pass" : "nsubj";
        for (ParsedWord& word : words) {
            if (word.head == static_cast<int>(before) && word.deprel == "cc") word.head = static_cast<int>(v);
        }
    }
}

// "founded by award-winning journalist Dana Whitcombe in 1999", "with
// long-serving executive Laurent Freixe": a hyphenated participle after a
// preposition, before the noun phrase the preposition governs, describes
// that phrase's noun. The parser read it as a verb with the phrase for its
// object, and the preposition for its marker, so the phrase was no longer
// the agent or oblique of the verb above.
void AttachHyphenatedParticiples(std::vector<ParsedWord>& words) {
    const auto ends_with = [](std::string_view w, std::string_view end) {
        return w.size() > end.size() && w.substr(w.size() - end.size()) == end;
    };
    for (std::size_t p = 0; p + 1 < words.size(); ++p) {
        ParsedWord& participle = words[p];
        if (participle.upos != nlp::Upos::kVerb || participle.head < 0 || participle.form.find('-') == std::string_view::npos ||
            !(ends_with(participle.form, "ing") || ends_with(participle.form, "ed"))) {
            continue;
        }
        int marker = -1, object = -1;
        for (std::size_t c = 0; c < words.size(); ++c) {
            if (words[c].head != static_cast<int>(p)) continue;
            if (c < p && (words[c].deprel == "case" || words[c].deprel == "mark") && words[c].upos == nlp::Upos::kAdp) {
                marker = static_cast<int>(c);
            }
            if (c > p && words[c].deprel == "obj" && object < 0) object = static_cast<int>(c);
        }
        if (marker < 0 || object < 0) continue;
        const int head = participle.head;
        const bool agent = FoldCase(words[static_cast<std::size_t>(marker)].form) == "by" &&
                           HasChild(words, head, {"aux:pass"});
        ParsedWord& noun = words[static_cast<std::size_t>(object)];
        noun.head = head;
        noun.deprel = words[static_cast<std::size_t>(head)].upos == nlp::Upos::kVerb ? (agent ? "obl:agent" : "obl") : "nmod";
        for (std::size_t c = 0; c < words.size(); ++c) {
            if (words[c].head != static_cast<int>(p) || static_cast<int>(c) == object) continue;
            words[c].head = static_cast<int>(c) == marker || c < p ? object : head;
            if (static_cast<int>(c) == marker) words[c].deprel = "case";
        }
        participle.head = object;
        participle.deprel = "amod";
        participle.upos = nlp::Upos::kAdj;
        participle.lemma = FoldCase(participle.form);
    }
}

// "She had left Bergtun Forlag, the publisher she co-founded": a name the
// parser hung on a verb without an object as an open complement is that
// verb's object, unless the verb names or appoints ("renamed it Quorvex",
// "named him chief executive"), whose complement says what the object
// becomes.
void AttachNamesReadAsComplements(std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                                  const Lexicon& appointments) {
    static constexpr std::string_view kNamingVerbs[] = {"name", "rename", "call", "dub", "brand", "title", "make",
                                                        "elect", "consider", "label", "term"};
    for (std::size_t w = 0; w < words.size(); ++w) {
        ParsedWord& complement = words[w];
        if (complement.deprel != "xcomp" || complement.upos != nlp::Upos::kPropn || word_name[w] == kNoName ||
            complement.head < 0) {
            continue;
        }
        const ParsedWord& verb = words[static_cast<std::size_t>(complement.head)];
        if (verb.upos != nlp::Upos::kVerb || HasChild(words, complement.head, {"obj"}) || appointments.Contains(verb.lemma) ||
            std::find(std::begin(kNamingVerbs), std::end(kNamingVerbs), verb.lemma) != std::end(kNamingVerbs)) {
            continue;
        }
        complement.deprel = "obj";
    }
}

// "have been named by analysts as rivals to Brightholm", "was chosen by
// the board as chief executive", "has joined Hedemora Kraft as chief
// executive": an "as" phrase after a passive verb's agent or after a
// verb's object that is a name says what the verb makes its subject, not
// what the agent or the name is; the parser hung it on them.
void AttachPredicativesAfterAgents(std::vector<ParsedWord>& words, const std::vector<int>& word_name) {
    for (std::size_t w = 0; w < words.size(); ++w) {
        ParsedWord& phrase = words[w];
        if (phrase.deprel != "nmod" || phrase.head < 0) continue;
        const ParsedWord& agent = words[static_cast<std::size_t>(phrase.head)];
        const bool named_object = agent.deprel == "obj" && word_name[static_cast<std::size_t>(phrase.head)] != kNoName;
        if ((agent.deprel != "obl:agent" && !named_object) || agent.head < 0 ||
            !std::any_of(words.begin(), words.end(), [&](const ParsedWord& c) {
                return c.head == static_cast<int>(w) && c.deprel == "case" && FoldCase(c.form) == "as";
            })) {
            continue;
        }
        phrase.head = agent.head;
        phrase.deprel = "obl";
    }
}

// "Chief Executive Officer of Grand Challenges Canada and Director at the
// Sandra Rotman Centre": when a noun has a prepositional modifier before
// its conjunct and another after it, the second belongs to the conjunct;
// the parser hung both on the first noun, which then had two places of
// work. (In "CEO and owner of Venturi" the one modifier is shared.)
void AttachModifiersAfterConjunct(std::vector<ParsedWord>& words) {
    std::vector<bool> has_case(words.size());
    for (const ParsedWord& word : words) {
        if (word.deprel == "case" && word.head >= 0) has_case[static_cast<std::size_t>(word.head)] = true;
    }
    const auto is_modifier = [&](std::size_t w) { return words[w].deprel == "nmod" && words[w].head >= 0 && has_case[w]; };
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (!is_modifier(w)) continue;
        const int head = words[w].head;
        int conjunct = -1;
        bool modified_before = false;
        for (int c = head + 1; c < static_cast<int>(w); ++c) {
            const ParsedWord& word = words[static_cast<std::size_t>(c)];
            if (word.head != head) continue;
            if (word.deprel == "conj" && (word.upos == nlp::Upos::kNoun || word.upos == nlp::Upos::kPropn)) {
                conjunct = modified_before ? c : conjunct;
            } else if (conjunct < 0 && is_modifier(static_cast<std::size_t>(c))) {
                modified_before = true;
            }
        }
        if (conjunct >= 0) words[w].head = conjunct;
    }
}

// "Jim resigned from C&W, embraced the China challenge and simultaneously
// founded Realty Advisory Group": a verb the parser coordinated with the
// object of a verb is coordinated with that verb, and a name the parser
// then hung on it as an open complement is its object.
void AttachCoordinatedVerbs(std::vector<ParsedWord>& words) {
    for (std::size_t v = 0; v < words.size(); ++v) {
        ParsedWord& verb = words[v];
        if (verb.upos != nlp::Upos::kVerb || verb.deprel != "conj" || verb.head < 0) continue;
        const ParsedWord& noun = words[static_cast<std::size_t>(verb.head)];
        if ((noun.upos != nlp::Upos::kNoun && noun.upos != nlp::Upos::kPropn) || noun.deprel != "obj" || noun.head < 0) continue;
        verb.head = noun.head;
        if (HasChild(words, static_cast<int>(v), {"obj"})) continue;
        for (ParsedWord& complement : words) {
            if (complement.head == static_cast<int>(v) && complement.deprel == "xcomp" && complement.upos == nlp::Upos::kPropn) {
                complement.deprel = "obj";
            }
        }
    }
}

// "Chevron Corp. Chief Executive Officer Mike Wirth reiterated ...": a name
// right before the title that describes another name is that title's
// compound, as in "Twitter CEO Parag Agrawal"; the parser had made both
// names subjects of the verb.
void AttachNameBeforeTitle(std::vector<ParsedWord>& words, const std::vector<int>& word_name,
                           const std::vector<NameSpan>& names) {
    const auto is_modifier = [&](int w) {
        const std::string& relation = words[static_cast<std::size_t>(w)].deprel;
        return relation == "amod" || relation == "compound";
    };
    for (const NameSpan span : names) {
        std::size_t next = span.end;
        if (next < words.size() && IsAbbreviationStop(words, next)) ++next;
        if (next >= words.size() || word_name[next] != kNoName) continue;
        int title = static_cast<int>(next);
        while (is_modifier(title)) {
            const int head = words[static_cast<std::size_t>(title)].head;
            if (head <= title || word_name[static_cast<std::size_t>(head)] != kNoName) break;
            title = head;
        }
        const ParsedWord& described = words[static_cast<std::size_t>(title)];
        if (described.upos != nlp::Upos::kNoun || described.head <= title ||
            (described.deprel != "nmod:desc" && described.deprel != "compound") ||
            word_name[static_cast<std::size_t>(described.head)] == kNoName) {
            continue;
        }
        const std::size_t last = LastWordOf(words, span);
        if (IsAncestor(words, static_cast<int>(last), title)) continue;  // no cycle
        words[last].head = title;
        words[last].deprel = "compound";
    }
}

// "Chief executive Quentin Marlow said ...", "Since Chief Executive Lisa Su
// took over AMD, ...": the parser read the clause of the name after a title
// as a relative clause on the title ("the executive [that] Marlow said
// ..."), which leaves the sentence or the subordinate clause without its
// verb. The clause takes the title's place, and the title describes its
// subject.
void PromoteClauseOfRootNoun(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names) {
    for (const NameSpan span : names) {
        if (span.first == 0) continue;
        const int noun = static_cast<int>(span.first - 1);
        const int name = static_cast<int>(LastWordOf(words, span));
        const ParsedWord& subject = words[static_cast<std::size_t>(name)];
        const ParsedWord& described = words[static_cast<std::size_t>(noun)];
        if (described.upos != nlp::Upos::kNoun || subject.deprel != "nsubj" || subject.head < 0 ||
            !IsRelativeOn(words, subject.head, noun)) {
            continue;
        }
        PutClauseInPlaceOf(words, subject.head, noun);
        words[static_cast<std::size_t>(noun)].head = name;
        words[static_cast<std::size_t>(noun)].deprel = "compound";
    }
}

void HangStop(ParsedWord& stop, int head) {
    stop.upos = nlp::Upos::kPunct;
    stop.lemma = ".";
    stop.head = head;
    stop.deprel = "punct";
}

// The full stop of an abbreviation ending a name inside the sentence
// ("Chevron Corp. Chief ...") or of an honorific ("Mr. Tharpe"), kept from
// the parser, hangs on the name or the honorific.
void HangAbbreviationStops(std::vector<ParsedWord>& words, const std::vector<NameSpan>& names, const Lexicon& honorifics) {
    for (const NameSpan span : names) {
        if (span.end >= words.size() || !words[span.end].deprel.empty() || !IsAbbreviationStop(words, span.end)) continue;
        HangStop(words[span.end], static_cast<int>(LastWordOf(words, span)));
    }
    for (std::size_t w = 1; w < words.size(); ++w) {
        if (words[w].deprel.empty() && (IsHonorificStop(words, w, honorifics) || IsAcronymStop(words, w))) {
            HangStop(words[w], static_cast<int>(w - 1));
        }
    }
}

// "Nov. 18 Early investor Khosla Ventures says ...": the date opening an
// entry of a timeline (text_segmenter.cpp), which the parser took for the
// subject. Its words ("Nov", ".", "18") are kept from the parser: the count
// of them, or 0.
std::size_t OpeningDateWords(const std::vector<ParsedWord>& words, const std::vector<int>& word_name) {
    if (words.size() < 5 || word_name[0] != kNoName || words[1].form != "." ||
        words[2].form.find_first_not_of("0123456789") != std::string_view::npos || words[2].form.size() > 2 ||
        MonthNumber(FoldCase(words[0].form)) == 0) {
        return 0;
    }
    return 3;
}

// The kept date modifies the clause: the month hangs on the root, its stop
// and day on the month.
void HangOpeningDate(std::vector<ParsedWord>& words, std::size_t dated, int root) {
    if (dated == 0 || root < 0) return;
    const auto hang = [&](std::size_t w, int head, const char* relation, nlp::Upos upos) {
        words[w].head = head;
        words[w].deprel = relation;
        words[w].upos = upos;
        words[w].lemma = FoldCase(words[w].form);
    };
    hang(0, root, "obl:unmarked", nlp::Upos::kPropn);
    hang(1, 0, "punct", nlp::Upos::kPunct);
    hang(2, 0, "nummod", nlp::Upos::kNum);
}

}  // namespace

SentenceParse ParseAnnotator::Parse(const SegmentedText& text, const Sentence& sentence,
                                    const std::vector<int>& name_of) const {
    SentenceParse parse;
    std::vector<int> word_name;
    parse.words = SplitWords(text, sentence, name_of, word_name);
    const std::vector<NameSpan> names = NameSpans(word_name);
    const std::vector<Parenthetical> asides = Parentheticals(parse.words, word_name);
    const std::size_t dated = OpeningDateWords(parse.words, word_name);
    std::vector<std::size_t> outside;
    outside.reserve(parse.words.size());
    auto aside = asides.begin();
    for (std::size_t w = dated; w < parse.words.size(); ++w) {
        if (aside != asides.end() && w == aside->open) {
            w = (aside++)->close;
        } else {
            outside.push_back(w);
        }
    }
    const ParserSetup setup{parser_, known_};
    const int main_root = ParseWords(setup, parse.words, word_name, names, outside);
    HangOpeningDate(parse.words, dated, main_root);
    for (const Parenthetical p : asides) {
        ParseAside(setup, parse.words, word_name, names, p, p.open > 0 ? static_cast<int>(p.open - 1) : main_root);
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
    HangAbbreviationStops(parse.words, names, known_.honorifics);
    AttachDescriptors(parse.words, word_name, names);
    LiftCaseMarkers(parse.words, names);
    LiftPartitives(parse.words);
    AttachNamesReadAsComplements(parse.words, word_name, known_.appointments);
    AttachHyphenatedParticiples(parse.words);
    AttachAppositions(parse.words, names);
    AttachListsReadAsAppositions(parse.words, word_name);
    AttachRenamingOfNoun(parse.words, word_name, names);
    AttachNamesAfterTitles(parse.words, word_name, names, known_.titles);
    AttachNamesRenamingPossessedNouns(parse.words, word_name, names);
    AttachRenamedSubjects(parse.words, names);
    AttachSubjectAfterOpeningClause(parse.words, names);
    AttachSubjectAfterOpeningOblique(parse.words, names);
    AttachFrontedApposition(parse.words, names);
    AttachCoordinatedNouns(parse.words, word_name, known_.titles);
    AttachPossessors(parse.words, names);
    AttachCoordinatedVerbs(parse.words);
    AttachSubjectsOfCoordinatedClauses(parse.words);
    AttachPrepositionalAppositions(parse.words);
    AttachModifiersAfterConjunct(parse.words);
    AttachObliquesOfParticles(parse.words);
    AttachPredicativesAfterAgents(parse.words, word_name);
    AttachConjunctsByPreposition(parse.words);
    AttachAmountsBeforeNouns(parse.words);
    PromoteSubjectlessRelatives(parse.words, names);
    AttachAppointedTitles(parse.words, names, known_);
    PromoteClauseOfRootNoun(parse.words, names);
    AttachNameBeforeTitle(parse.words, word_name, names);
    parse.LinkChildren();
    return parse;
}

void SentenceParse::LinkChildren() {
    // Counted by head, then each list's start, then filled in word order.
    first_child_.assign(words.size() + 1, 0);
    for (const ParsedWord& word : words) {
        if (word.head >= 0) ++first_child_[static_cast<std::size_t>(word.head) + 1];
    }
    for (std::size_t w = 1; w < first_child_.size(); ++w) first_child_[w] += first_child_[w - 1];
    children_.resize(first_child_.back());
    std::vector<std::size_t> filled(first_child_.begin(), first_child_.end() - 1);
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].head >= 0) children_[filled[static_cast<std::size_t>(words[w].head)]++] = static_cast<int>(w);
    }
}

std::vector<SentenceParse> ParseAnnotator::Annotate(const SegmentedText& text, const FoldedTokens& folded,
                                                    const std::vector<bool>& skip_line, const MentionsFound& found,
                                                    const ResolvedMentions& resolved) const {
    std::vector<SentenceParse> parses(text.sentences.size());
    const std::vector<int> name_of = NameOfToken(text, found);
    const std::vector<SentenceMentions> mentions = MentionsBySentence(text.sentences.size(), found, resolved);
    for (std::size_t s = 0; s < text.sentences.size(); ++s) {
        const Sentence& sentence = text.sentences[s];
        if (skip_line[sentence.line] || !mentions[s].names_someone ||
            !MayHoldRelation(text, folded, sentence, mentions[s].TwoEntities())) {
            continue;
        }
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
