// Names of organizations and people from capitalization, context and
// lexicons, plus the references ("it", "the data-labeling firm") that stand
// for them and the stock tickers that are aliases rather than names.
//
// Capitalization alone lies at the start of a sentence and in title-case
// headlines ("Strategic Investment by Meta"), so a capitalized common word
// (Debian's word list) in those positions is only a name when the document
// also uses it as a name elsewhere. Hence two passes: the first collects the
// names seen where capitalization is reliable, the second finds every mention.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "folded_tokens.h"
#include "lexicon.h"
#include "sentence_items.h"
#include "text_segmenter.h"

namespace kgraph::extract {

struct NameLexicons {
    const Lexicon* org_suffix = nullptr;      // Inc, Ltd, AI, Platforms ...: continue a name, never start one
    const Lexicon* person_title = nullptr;    // CEO, founder ...: a neighbouring name is a person
    const Lexicon* first_name = nullptr;      // common first names: a one-word name among them is a person
    const Lexicon* given_name = nullptr;      // rarer ones: they open a person's name of two words or more
    const Lexicon* not_a_name = nullptr;      // months, days, common acronyms
    const Lexicon* function_word = nullptr;   // The, This, In ...
    const Lexicon* stock_exchange = nullptr;  // NASDAQ, NYSE ...
    const Lexicon* org_pronoun = nullptr;     // it, its
    const Lexicon* person_pronoun = nullptr;  // he, his, she, her
    const Lexicon* reference_head = nullptr;  // company, firm, startup ... in "the data-labeling firm"
    const Lexicon* place = nullptr;           // countries, nationalities, cities: a name only inside a longer one
    const Lexicon* honorific = nullptr;       // Mr, Dr ...: the one name after it is a person
    const Lexicon* name_of_head = nullptr;    // Bank, University ...: "Bank of America" is one name
    const Lexicon* product_maker = nullptr;   // maker ...: "the ChatGPT maker" names a product
    const Lexicon* legal_form = nullptr;      // Inc, LLC, Ltd ...: "Budget Carrier, LLC" is one name
    const Lexicon* name_particle = nullptr;   // van, de, bin ...: "Armin van Buuren" is one name
    const Lexicon* generation = nullptr;      // Jr, Sr, III ...: "Hugh McColl, Jr." is one name
    const Lexicon* located_word = nullptr;    // based, headquartered ...: the name after it and "in" is a place
    const Lexicon* title_modifier = nullptr;  // former, founding ...: no name's word before a title
    const Lexicon* title_time = nullptr;      // former, interim ...: never a name's first word
    const Lexicon* part_word = nullptr;       // subsidiary, division, called ...: MentionsFound::part_sentences
    const WordList* dictionary = nullptr;  // lower-case English words; may be empty
};

struct Mention {
    std::size_t first_token = 0, end_token = 0;
    std::size_t sentence = 0;
    std::string surface;  // as written, without the possessive ending: "Meta", "Scale AI"
    std::string raw;      // as written: "Metas", "Meta’s"
    bool possessive = false;
    MentionType cue = MentionType::kUnknown;  // what the context says it is
    bool reference = false;                   // pronoun or definite description
    bool confident = false;                   // not only common words ("Artificial Intelligence")
    bool sentence_initial = false;            // first word of its sentence: "The startup, which ..."
    bool product = false;                     // "the ChatGPT maker": a product, whatever else it looks like
    bool bracketed = false;                   // right after "(": an alias the writer gives, "(RLAM)"
    // The word of the reference-head lexicon that says what the mention is:
    // a description's head ("the new company"), or for a name the head of
    // an indefinite apposition after it ("TKO, a company that ..."); -1 for
    // none. A description prefers a name described by the same word.
    int kind_word = -1;
};

struct Ticker {
    std::size_t mention = 0;  // index of the mention it is an alias of
    std::string alias;        // "NASDAQ: GOOGL"
};

struct MentionsFound {
    std::vector<Mention> mentions;  // in text order
    std::vector<Ticker> tickers;
    // Not seen by patterns: "(NASDAQ: GOOGL)", a dateline ("SANTA CLARA,
    // Calif., Sept 18 (Reuters) -"), a name that only modifies the next one
    // ("Alphabet's Waymo", "Amazon-owned Zoox", "the Santa Clara-based firm").
    std::vector<bool> hidden_tokens;
    // By sentence: it holds a `part_word` ("subsidiary", "division",
    // "called"), saying that one firm is part of, or named within, another.
    std::vector<bool> part_sentences;
};

class MentionFinder {
public:
    explicit MentionFinder(NameLexicons lexicons) : lex_(lexicons) {}

    // `skip_line[i]` marks page furniture lines, which yield no mention.
    MentionsFound Find(const SegmentedText& text, const FoldedTokens& folded, const std::vector<bool>& skip_line) const;

private:
    class Pass;
    NameLexicons lex_;
};

// Lower-cased, possessive-free, punctuation folded to single spaces: the key
// under which surface forms of one name meet ("Scale Ai" == "SCALE AI").
std::string NameKey(std::string_view surface);

}  // namespace kgraph::extract
