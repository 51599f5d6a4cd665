#include "mention_finder.h"

#include "quantity_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace kgraph::extract {

std::string NameKey(std::string_view surface) {
    // Built in place over the folded text: the key is never longer, since
    // each space it adds stands for at least one character it dropped.
    std::string key = FoldCase(surface);
    std::size_t size = 0;
    bool space = false;
    for (const char byte : key) {
        const unsigned char c = static_cast<unsigned char>(byte);
        const bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (word_char) {
            if (space && size > 0) key[size++] = ' ';
            key[size++] = static_cast<char>(c);
            space = false;
        } else {
            space = true;
        }
    }
    key.resize(size);
    return key;
}

namespace {

UChar32 FirstCodePoint(std::string_view s) {
    int32_t i = 0;
    UChar32 c = -1;
    if (!s.empty()) U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    return c;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool IsCapitalized(std::string_view s) {
    // ICU's answer for the ASCII letters, without decoding a code point.
    if (!s.empty() && static_cast<unsigned char>(s[0]) < 0x80) return IsAsciiUpper(s[0]);
    return u_isupper(FirstCodePoint(s));
}

// "xAI", "eBay", "iPhone": lower-case first letter, capitals inside.
bool IsInnerCapitalized(std::string_view s) {
    // Brand prefixes are one or two letters; "classéMeta" is two words glued.
    // Most words have no capital there, which settles it before asking ICU.
    const std::string_view prefix = s.substr(0, 3);
    if (std::none_of(prefix.begin(), prefix.end(), IsAsciiUpper)) return false;
    return u_islower(FirstCodePoint(s));
}

// "OpenAI", "DeepMind", "WhatsApp": capitals after a lower-case letter.
bool IsCamelCase(std::string_view s) {
    // "McMillen", "MacLeod": a surname, not a brand.
    const std::size_t from = s.substr(0, 2) == "Mc" ? 2 : s.substr(0, 3) == "Mac" ? 3 : 1;
    for (std::size_t i = from; i + 1 < s.size(); ++i) {
        if (s[i] >= 'a' && s[i] <= 'z' && s[i + 1] >= 'A' && s[i + 1] <= 'Z') return true;
    }
    return false;
}

// "23andMe": a name may open with digits, then letters in camel case ("3M",
// "5G" have too few letters to tell a name from a unit).
bool IsNumberedCamelCase(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > 0 && s.size() - i >= 3 && IsCamelCase(s.substr(i - 1));
}

bool EndsWithLetterS(std::string_view s) { return s.size() > 2 && (s.back() == 's' || s.back() == 'S'); }

bool IsQuote(std::string_view s) { return s == "\"" || s == "\xE2\x80\x9C" || s == "'" || s == "\xE2\x80\x98"; }

bool IsDash(std::string_view s) { return s == "-" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93"; }

bool IsAllCaps(std::string_view s) {
    return s.size() >= 3 && std::all_of(s.begin(), s.end(), [](char c) { return c < 'a' || c > 'z'; });
}

// A dateline ends within this many tokens of its paragraph's start.
constexpr std::size_t kMaxDatelineTokens = 24;
// "Amazon-owned Zoox", "a Santa Clara-based company": NAME-word modifies what follows.
constexpr std::array<std::string_view, 8> kModifierParticiples{"owned", "backed", "based", "led", "funded",
                                                                "controlled", "listed", "headquartered"};

}  // namespace

// One document's worth of state: the tokens, which of them could be part of
// a name, and the names known from the first pass.
class MentionFinder::Pass {
public:
    Pass(const NameLexicons& lex, const SegmentedText& text, const FoldedTokens& folded,
         const std::vector<bool>& skip_line)
        : lex_(lex), text_(text), folded_(folded), skip_line_(skip_line), title_case_line_(text.lines.size()),
          name_like_(text.tokens.size()) {
        for (std::size_t l = 0; l < text.lines.size(); ++l) title_case_line_[l] = IsTitleCase(text.lines[l]);
        // Asked several times per token by both passes: answered once here.
        for (std::size_t i = 0; i < text.tokens.size(); ++i) name_like_[i] = LooksLikeName(i);
    }

    MentionsFound Run() {
        found_.hidden_tokens.assign(text_.tokens.size(), false);
        found_.part_sentences.assign(text_.sentences.size(), false);
        for (std::size_t s = 0; s < text_.sentences.size(); ++s) {
            const Sentence& sentence = text_.sentences[s];
            for (std::size_t i = sentence.first_token; i < sentence.end_token && !found_.part_sentences[s]; ++i) {
                found_.part_sentences[s] = lex_.part_word->Contains(StemId(i));
            }
        }
        for (const Line& line : text_.lines) HideDateline(line);
        for (std::size_t s = 0; s < text_.sentences.size(); ++s) {
            if (skip_line_[text_.sentences[s].line]) continue;
            HideModifierNames(s);
            HidePostNominals(s);
        }
        // Pass 1: names where capitalization is reliable.
        for (std::size_t s = 0; s < text_.sentences.size(); ++s) {
            if (skip_line_[text_.sentences[s].line]) continue;
            ForEachRun(s, [&](std::size_t first, std::size_t end) { SplitRun(s, first, end, /*use_known=*/false); });
        }
        for (const Mention& m : found_.mentions) {
            known_.insert(NameKey(m.raw));
            known_.insert(NameKey(m.surface));  // "GM" once "GM's chair" was seen
            // "Meta" is known once "Meta Platforms" is: the rest is a company suffix.
            std::size_t end = m.end_token;
            while (end - m.first_token > 1 && IsSuffix(end - 1)) --end;
            if (end != m.end_token) known_.insert(NameKey(Surface(m.first_token, end)));
        }
        found_.mentions.clear();

        // Pass 2: every mention, names the document uses elsewhere included.
        for (std::size_t s = 0; s < text_.sentences.size(); ++s) {
            if (skip_line_[text_.sentences[s].line]) continue;
            FindReferencesAndRuns(s);
        }
        ShareSurnames();
        return std::move(found_);
    }

    // "Alan and Joey Shamah", "Bill and Melinda Gates": a first name alone,
    // "and", then a person's full name: the two share the surname.
    void ShareSurnames() {
        std::vector<Mention>& mentions = found_.mentions;
        for (std::size_t m = 0; m + 1 < mentions.size(); ++m) {
            Mention& alone = mentions[m];
            const Mention& full = mentions[m + 1];
            if (alone.reference || full.reference || alone.sentence != full.sentence ||
                alone.end_token - alone.first_token != 1 || full.first_token != alone.end_token + 1 ||
                Folded(alone.end_token) != "and" || full.end_token - full.first_token < 2 ||
                !OpensPersonsName(alone.first_token) || full.cue != MentionType::kPerson) {
                continue;
            }
            alone.surface += " " + std::string(Tok(full.end_token - 1).text);
            alone.cue = MentionType::kPerson;
        }
    }

private:
    const Token& Tok(std::size_t i) const { return text_.tokens[i]; }
    std::string_view Folded(std::size_t i) const { return folded_.Stem(i); }
    // A first name, common or rare: the word opens a person's name.
    bool OpensPersonsName(std::size_t i) const {
        return lex_.first_name->Contains(StemId(i)) || lex_.given_name->Contains(StemId(i));
    }
    int StemId(std::size_t i) const { return folded_.StemId(i); }
    bool InDictionary(std::string_view folded) const {
        return lex_.dictionary != nullptr && lex_.dictionary->count(folded) > 0;
    }

    // Words of four letters or more capitalized, all but one in eight: a
    // headline. A sentence dense with names still has its common nouns and
    // verbs in lower case ("X was a subsidiary of Y located in Z"), or at
    // least a short verb: title case lowers only articles, prepositions and
    // conjunctions, so "Peter Singer is CEO of Grand Challenges Canada."
    // is running text.
    bool IsTitleCase(const Line& line) const {
        std::size_t capitalized = 0, words = 0;
        const std::size_t first = text_.sentences[line.first_sentence].first_token;
        const std::size_t end = text_.sentences[line.end_sentence - 1].end_token;
        for (std::size_t i = first; i < end; ++i) {
            if (Tok(i).kind != Token::Kind::kWord) continue;
            if (Tok(i).text.size() < 4) {
                if (IsShortWordOfRunningText(i)) return false;
                continue;
            }
            ++words;
            capitalized += IsCapitalized(Tok(i).text);
        }
        return words >= 2 && capitalized * 8 >= words * 7;
    }

    // "is", "was", "has" in lower case: a word that title case would capitalize.
    bool IsShortWordOfRunningText(std::size_t i) const {
        const std::string_view text = Tok(i).text;
        return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
               !lex_.function_word->Contains(StemId(i)) && !lex_.name_particle->Contains(StemId(i));
    }

    bool IsSuffix(std::size_t i) const { return lex_.org_suffix->Contains(StemId(i)); }
    // A company word that can end a name: "Brands" in "Forma Brands", not
    // "brands" in "Additional brands".
    bool IsNameSuffix(std::size_t i) const { return IsSuffix(i) && (IsCapitalized(Tok(i).text) || Tok(i).kind != Token::Kind::kWord); }

    bool IsNameLike(std::size_t i) const { return name_like_[i]; }

    bool LooksLikeName(std::size_t i) const {
        const Token& t = Tok(i);
        if (t.kind != Token::Kind::kWord || !(IsCapitalized(t.text) || IsInnerCapitalized(t.text) || IsNumberedCamelCase(t.text))) {
            return false;
        }
        const int stem = StemId(i);
        return !lex_.not_a_name->Contains(stem) && !lex_.person_title->Contains(stem) &&
               !lex_.function_word->Contains(stem) && !lex_.stock_exchange->Contains(stem) &&
               !lex_.org_suffix->Contains(stem) && !ModifiesTitle(i) && !InRoundDesignation(i);
    }

    // "a $20 million Series B round": a funding round's designation, no name.
    bool InRoundDesignation(std::size_t i) const {
        const auto series_then_letter = [&](std::size_t s) {
            return s + 1 < text_.tokens.size() && folded_.Word(s) == "series" && IsInitial(Tok(s + 1).text);
        };
        return series_then_letter(i) || (i > 0 && series_then_letter(i - 1));
    }

    // "Founding Director Robert B. Darnell", "Interim President": a title's
    // modifier, capitalized with it.
    bool ModifiesTitle(std::size_t i) const {
        return i + 1 < text_.tokens.size() && lex_.title_modifier->Contains(StemId(i)) &&
               lex_.person_title->Contains(StemId(i + 1));
    }

    // Capitalization says nothing at the start of a sentence, after a colon or
    // an opening quote, after a date ("Nov. 18 Early investor X says ..."
    // opens an entry of a timeline), and in a headline.
    bool IsWeak(std::size_t sentence, std::size_t i) const {
        const Sentence& s = text_.sentences[sentence];
        // "Adolfo E. Gutierrez" in a line dense with capitals: an initial
        // before its stop and a name's word is no common word "e".
        if (i > s.first_token && IsMiddleInitial(i, s.end_token)) return false;
        const bool uninformative_position =
            i == s.first_token || title_case_line_[s.line] ||
            std::string_view(":\"(\xE2\x80\x9C\xE2\x80\x94\xE2\x80\x93-").find(Tok(i - 1).text) != std::string_view::npos ||
            FollowsDayOfMonth(s, i);
        return uninformative_position && (InDictionary(Folded(i)) || lex_.located_word->Contains(StemId(i)));
    }

    // "Nov. 18", "March 3": a month, an optional full stop, a number.
    bool FollowsDayOfMonth(const Sentence& s, std::size_t i) const {
        if (i < s.first_token + 2 || Tok(i - 1).kind != Token::Kind::kNumber) return false;
        std::size_t month = i - 2;
        if (Tok(month).text == "." && month > s.first_token) --month;
        return MonthNumber(Folded(month)) > 0;
    }

    bool EndsPossessive(std::size_t i) const { return folded_.Possessive(i); }

    // 'Christopher "CJ" Fraleigh', 'Miodrag "Miki" Savicevic': a first name,
    // a nickname of one or two words in quotes, a family name. Returns the
    // end of the family name's word, or 0.
    std::size_t QuotedNicknameEnd(std::size_t first, std::size_t end, std::size_t sentence_end) const {
        if (end != first + 1 || !IsQuote(Tok(end).text)) return 0;
        std::size_t close = end + 1;
        while (close < sentence_end && close < end + 4 && IsNameLike(close)) ++close;
        if (close == end + 1 || close == end + 4 || close + 1 >= sentence_end) return 0;
        const std::string_view quote = Tok(close).text;
        if (!(IsQuote(quote) || quote == "\xE2\x80\x9D" || quote == "\xE2\x80\x99") || !IsNameLike(close + 1)) return 0;
        return close + 2;
    }

    // Maximal runs of tokens that could belong to a name; a possessive ends one.
    template <typename F>
    void ForEachRun(std::size_t sentence, F&& on_run) const {
        const Sentence& s = text_.sentences[sentence];
        std::size_t i = s.first_token;
        while (i < s.end_token) {
            if (!(IsNameLike(i) || HeadsOfName(i, s.end_token) || OpensNameInCapitals(sentence, i)) ||
                found_.hidden_tokens[i]) {
                ++i;
                continue;
            }
            std::size_t end = i + 1;
            while (!EndsPossessive(end - 1) && end < s.end_token && !found_.hidden_tokens[end]) {
                if (IsNameLike(end) || IsNameSuffix(end) || IsNumberInName(end) || IsMiddleInitial(end, s.end_token)) {
                    ++end;
                } else if (end + 1 < s.end_token && JoinsName(end) &&
                           (IsNameLike(end + 1) || (Tok(end).text == "&" && IsNameSuffix(end + 1)))) {
                    end += 2;  // "Rebecca Kraus & Associates LLC", "Goldman Sachs & Co"
                } else if (end + 2 < s.end_token && IsNameLike(end + 2) && JoinsName(end) &&
                           (folded_.Word(end + 1) == "the" || IsParticle(end + 1))) {
                    end += 3;  // "Bank of the West", "University of the Arts", "Ludwig Mies van der Rohe"
                } else if (end + 1 < s.end_token && IsHyphenatedSyllable(end)) {
                    end += 2;  // "Seo-yeon Park", "Lim Sung-ho"
                } else if (const std::size_t after = QuotedNicknameEnd(i, end, s.end_token); after > 0) {
                    end = after;  // 'Christopher "CJ" Fraleigh'
                } else {
                    break;
                }
            }
            for (std::size_t piece = i, k = i; k < end; ++k) {
                if (k + 1 == end || PlaceBeforePersonsName(k, end) || PersonAfterTitlesFirm(sentence, i, k + 1, end)) {
                    on_run(piece, k + 1);
                    piece = k + 1;
                }
            }
            i = end;
        }
    }

    // "Seo-yeon", "Sung-ho", "Dae-jung": romanized given names join their
    // syllables with a hyphen, the second in lower case. A hyphen between
    // a short name word and a short lower-case syllable, with no spaces,
    // continues the name; "Musk-led", "Meta-owned" do not.
    bool IsHyphenatedSyllable(std::size_t hyphen) const {
        const Token& before = Tok(hyphen - 1);
        const Token& dash = Tok(hyphen);
        const Token& after = Tok(hyphen + 1);
        const auto short_word = [](std::string_view w) { return w.size() >= 2 && w.size() <= 4; };
        return dash.text == "-" && before.end == dash.begin && dash.end == after.begin &&
               after.kind == Token::Kind::kWord && short_word(before.text) && short_word(after.text) &&
               std::all_of(after.text.begin(), after.text.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
               std::find(kModifierParticiples.begin(), kModifierParticiples.end(), after.text) == kModifierParticiples.end();
    }

    // "former CEO at PJ Smoothies Andrew King": after a title and "of" or
    // "at", a run holding a common first name and a word after it, past the
    // run's first word, is the firm and then the person.
    bool PersonAfterTitlesFirm(std::size_t sentence, std::size_t run, std::size_t k, std::size_t run_end) const {
        const std::size_t sentence_first = text_.sentences[sentence].first_token;
        if (k <= run || k + 1 >= run_end || run < sentence_first + 2 || !lex_.first_name->Contains(StemId(k)) ||
            OpensPersonsName(k - 1) || IsInitial(Tok(k - 1).text) || Tok(k - 1).kind != Token::Kind::kWord) {
            return false;
        }
        const std::string_view preposition = folded_.Word(run - 1);
        return (preposition == "of" || preposition == "at") && lex_.person_title->Contains(StemId(run - 2));
    }

    // "Former Governor of Kansas Bill Graves": a place, then a common first
    // name and another name's word, is where the person is from, not the
    // first word of one name.
    bool PlaceBeforePersonsName(std::size_t k, std::size_t run_end) const {
        return k + 2 < run_end && IsPlace(k, k + 1) && !OpensPersonsName(k) && lex_.first_name->Contains(StemId(k + 1)) &&
               !IsSuffix(k + 2);
    }

    // "Procter & Gamble", "AT&T"; "Bank of America", "University of Texas",
    // "Institute for Cognitive Studies". "&" in "Procter & Gamble", "of" in
    // "Bank of America", "for" in "Institute for ...", the full stop
    // of a middle initial in "John F. Lundgren", a particle in "Armin van Buuren".
    bool JoinsName(std::size_t i) const {
        return Tok(i).text == "&" || IsParticle(i) ||
               ((folded_.Word(i) == "of" || folded_.Word(i) == "for") && lex_.name_of_head->Contains(StemId(i - 1))) ||
               (Tok(i).text == "." && IsInitial(Tok(i - 1).text));
    }

    // "Armin van Buuren", "Abdul Kadir bin Abdul Muhsin": a particle in lower
    // case between a name's words.
    bool IsParticle(std::size_t i) const {
        return Tok(i).kind == Token::Kind::kWord && !IsCapitalized(Tok(i).text) && lex_.name_particle->Contains(StemId(i));
    }

    // "Capital One", "Formula One", "Republic First": a capitalized "one"
    // or "first" after a name's word is part of the name, not the function
    // word that opens "One of the ..." or "First, ...".
    bool IsNumberInName(std::size_t i) const {
        const std::string_view word = folded_.Word(i);
        return (word == "one" || word == "first") && IsCapitalized(Tok(i).text);
    }

    // "Bank" of "Bank of America", "Bank of the West", "Capital" of
    // "Capital One": a company word (never a name's first word otherwise),
    // capitalized, then "of" and a name, or a number in a name.
    bool HeadsOfName(std::size_t i, std::size_t sentence_end) const {
        if (!IsSuffix(i) || !IsCapitalized(Tok(i).text) || i + 1 >= sentence_end) return false;
        if (IsNumberInName(i + 1)) return true;
        if (i + 2 >= sentence_end || folded_.Word(i + 1) != "of" || !JoinsName(i + 1)) return false;
        const std::size_t next = folded_.Word(i + 2) == "the" ? i + 3 : i + 2;
        return next < sentence_end && IsNameLike(next);
    }

    // A function word in capitals before a name's word ("AS Beauty", "IT
    // Services") or joined by "&" ("AT&T") opens that name: running text
    // writes the function word in lower case.
    bool OpensNameInCapitals(std::size_t sentence, std::size_t i) const {
        const Sentence& s = text_.sentences[sentence];
        const bool capitals_before_name = Tok(i).text.size() >= 2 && IsInCapitals(Tok(i).text) &&
                                          lex_.function_word->Contains(StemId(i)) && !title_case_line_[s.line] &&
                                          i + 1 < s.end_token && IsNameLike(i + 1);
        return capitals_before_name || OpensAmpersandName(i, s.end_token);
    }

    static bool IsInCapitals(std::string_view word) {
        return !word.empty() && std::all_of(word.begin(), word.end(), IsAsciiUpper);
    }

    // "AT&T", "S&P": capitals, "&" and a capital written together are one
    // name, though "AT" alone is the preposition.
    bool OpensAmpersandName(std::size_t i, std::size_t sentence_end) const {
        return i + 2 < sentence_end && IsInCapitals(Tok(i).text) && Tok(i + 1).text == "&" &&
               Tok(i + 1).begin == Tok(i).end && Tok(i + 2).begin == Tok(i + 1).end && IsCapitalized(Tok(i + 2).text);
    }

    // "A." in "Charles A. Agemian": an initial, though "A" is also the article.
    bool IsMiddleInitial(std::size_t i, std::size_t sentence_end) const {
        return IsInitial(Tok(i).text) && i + 2 < sentence_end && Tok(i + 1).text == "." && IsNameLike(i + 2);
    }

    static bool IsInitial(std::string_view word) { return word.size() == 1 && IsAsciiUpper(word[0]); }

    std::string_view Surface(std::size_t first, std::size_t end) const {
        return std::string_view(text_.tokens.front().text.data() - text_.tokens.front().begin + Tok(first).begin,
                                Tok(end - 1).end - Tok(first).begin);
    }

    // Known as written, or as a possessive without apostrophe ("Scale AIS").
    bool Known(std::size_t first, std::size_t end) const {
        const std::string_view surface = Surface(first, end);
        return known_.count(NameKey(surface)) > 0 ||
               (EndsWithLetterS(surface) && known_.count(NameKey(surface.substr(0, surface.size() - 1))) > 0);
    }

    void SplitRun(std::size_t sentence, std::size_t first, std::size_t end, bool use_known) {
        std::size_t i = first;
        while (i < end) {
            // Left over after a common word ("Leading AI laboratories"), but
            // not the head of "Bank of America".
            if (IsSuffix(i) && !HeadsOfName(i, end)) {
                ++i;
                continue;
            }
            std::size_t j = i;
            if (use_known) {
                for (std::size_t k = end; k > i && j == i; --k) {
                    if (Known(i, k)) j = k;
                }
            }
            const bool weak = IsWeak(sentence, i);
            if (j == i && !weak) {
                j = i + 1;
            } else if (j == i && i + 1 < end &&
                       ((IsNameSuffix(i + 1) && !OpensWithParticiple(sentence, i)) || OpensPersonsName(i) ||
                        IsNumberInName(i + 1))) {
                // "Meta Platforms acquired ...", "Martin Viessmann is ...",
                // "Capital One founder ...": a suffix or a number after it, or
                // being a first name, vouches for a weak first word; not for
                // a participle opening the sentence
                // ("Leading AI laboratories recognize ...")
                j = i + 2;
            } else if (j == i && end == i + 1 && (StartsClauseAsPerson(sentence, i) || IsDefinedAsOrganization(sentence, i))) {
                j = i + 1;
            } else if (j == i && end - i >= 3 && i == text_.sentences[sentence].first_token &&
                       !title_case_line_[text_.sentences[sentence].line]) {
                j = end;  // "Delta Air Lines invested ...": three capitalized words in running text are a name
            }
            if (j == i) {
                ++i;
                continue;
            }
            while (j < end && !Known(j, end) && (!IsWeak(sentence, j) || IsSuffix(j)) && !EndsPersonsPossessive(i, j)) ++j;
            AddName(sentence, i, j, use_known);
            i = j;
        }
    }

    // "Beams is a Japanese clothing brand": a common word opening a sentence
    // that defines it as a kind of organization is that organization's name
    // (a common noun would have its article).
    bool IsDefinedAsOrganization(std::size_t sentence, std::size_t i) const {
        const std::size_t end = text_.sentences[sentence].end_token;
        if (i + 3 >= end || (Folded(i + 1) != "is" && Folded(i + 1) != "was") ||
            (Folded(i + 2) != "a" && Folded(i + 2) != "an")) {
            return false;
        }
        for (std::size_t k = i + 3; k < std::min(end, i + 9) && Tok(k).kind != Token::Kind::kPunct; ++k) {
            if (lex_.reference_head->Contains(StemId(k)) || lex_.name_of_head->Contains(StemId(k))) return true;
        }
        return false;
    }

    // "Matt established Low Cost Vans ...": a common first name alone,
    // then a lower-case word that is no function word ("Will the deal ..."
    // asks a question), is the person the clause is about.
    bool StartsClauseAsPerson(std::size_t sentence, std::size_t i) const {
        const std::size_t next = i + 1;
        return lex_.first_name->Contains(StemId(i)) && next < text_.sentences[sentence].end_token &&
               Tok(next).kind == Token::Kind::kWord && !IsCapitalized(Tok(next).text) &&
               !lex_.function_word->Contains(StemId(next));
    }

    // "Leading AI laboratories recognize ...": a present participle of an
    // English verb ("lead", "emerge", "rise") opening a sentence describes
    // what follows; inside a headline it is a name's word ("American Refining Group").
    bool OpensWithParticiple(std::size_t sentence, std::size_t i) const {
        if (i != text_.sentences[sentence].first_token) return false;
        const std::string_view word = Folded(i);
        if (word.size() < 6 || word.substr(word.size() - 3) != "ing") return false;
        const std::string verb(word.substr(0, word.size() - 3));
        return InDictionary(verb) || InDictionary(verb + "e");
    }

    // "Elon Musks Xai" (a translation that lost the apostrophe): in a name
    // opened by a first name, a word that is an English word plus s ("musk")
    // before another capitalized word, not a company suffix nor an
    // institution's head word ("Bill & Melinda Gates Foundation"), is the
    // person's possessive, and the name ends there.
    bool EndsPersonsPossessive(std::size_t first, std::size_t j) const {
        if (j < first + 2 || !OpensPersonsName(first) || EndsPossessive(j - 1) ||
            (j < text_.tokens.size() && (IsSuffix(j) || lex_.name_of_head->Contains(StemId(j))))) {
            return false;
        }
        const std::string_view word = Folded(j - 1);
        return word.size() > 3 && word.back() == 's' && InDictionary(word.substr(0, word.size() - 1));
    }

    // "Chief Strategy Officer", "Chief Operating Officer": common words
    // between two title words are part of the title, not a name.
    bool InsideTitle(std::size_t sentence, std::size_t first, std::size_t end) const {
        const Sentence& s = text_.sentences[sentence];
        if (first == s.first_token || end >= s.end_token || !lex_.person_title->Contains(StemId(first - 1)) ||
            !lex_.person_title->Contains(StemId(end))) {
            return false;
        }
        for (std::size_t i = first; i < end; ++i) {
            if (!InDictionary(Folded(i))) return false;
        }
        return true;
    }

    // "Japan", "Danish", "San Francisco": a place on its own is never a party
    // to a relation (inside a longer name it is: "Palo Alto Networks").
    bool IsPlace(std::size_t first, std::size_t end) const {
        return lex_.place->IsEntry(end - first, StemId(first), [&](std::size_t k) { return Folded(first + k); });
    }

    // "Seattle, Washington", "in Essen, Germany", "based in Brisbane,
    // Queensland": a name before a comma and a known place, or after "based
    // in" and the like (and the region after such a place), is where
    // something is.
    bool IsPlaceByContext(std::size_t sentence, std::size_t first, std::size_t end) const {
        const Sentence& s = text_.sentences[sentence];
        if (IsLocatedAt(s, first)) return true;
        if (first >= s.first_token + 2 && Tok(first - 1).text == ",") {
            std::size_t place = first - 1;
            while (place > s.first_token && IsNameLike(place - 1) && first - place < 5) --place;
            if (place < first - 1 && IsLocatedAt(s, place)) return true;
        }
        if (end + 1 >= s.end_token || Tok(end).text != ",") return false;
        for (std::size_t place_end = end + 2; place_end <= s.end_token && place_end <= end + 4; ++place_end) {
            if (IsPlace(end + 1, place_end) && !EndsPossessive(place_end - 1) &&
                (place_end == s.end_token || !IsNameLike(place_end))) {
                return true;
            }
        }
        return false;
    }

    // "Grandson of Kim Chul-Ho", "Master of the Royal Canadian Mint": one
    // capitalized common word before "of" and a name is a role, written
    // as a title; a name of one word the document uses elsewhere stays one.
    bool IsRoleBeforeName(std::size_t sentence, std::size_t first, std::size_t end) const {
        const std::size_t sentence_end = text_.sentences[sentence].end_token;
        if (end != first + 1 || end + 1 >= sentence_end || folded_.Word(end) != "of" || !InDictionary(Folded(first)) ||
            Known(first, end)) {
            return false;
        }
        const std::size_t name = folded_.Word(end + 1) == "the" ? end + 2 : end + 1;
        return name < sentence_end && IsNameLike(name);
    }

    // "a Fortune 1000 Company": a company word alone names no company.
    bool IsGenericHead(std::size_t first, std::size_t end) const {
        return end == first + 1 && lex_.reference_head->Contains(StemId(first));
    }

    // "based in X", "headquartered in X": token `i` opens the place.
    bool IsLocatedAt(const Sentence& s, std::size_t i) const {
        return i >= s.first_token + 2 && folded_.Word(i - 1) == "in" && lex_.located_word->Contains(StemId(i - 2));
    }

    // "SANTA CLARA, California, Sept 18 (Reuters) -", "NEW YORK —",
    // "(Reuters) -": where and when a wire story was filed, up to a dash at
    // the start of a paragraph. Only capitalized words, numbers and
    // punctuation come before the dash (lower case inside parentheses or
    // slashes, and "and", allowed), and something marks it as a dateline: a
    // parenthesis, a slash or a word in capitals.
    void HideDateline(const Line& line) {
        const std::size_t first = text_.sentences[line.first_sentence].first_token;
        const std::size_t end = text_.sentences[line.end_sentence - 1].end_token;
        bool inside = false, marked = false;
        for (std::size_t i = first; i < std::min(end, first + kMaxDatelineTokens); ++i) {
            const std::string_view t = Tok(i).text;
            // A dash inside brackets is a range ("(1909 – 1996)"), not the
            // dateline's end.
            if (IsDash(t) && i > first && marked && !inside) {
                std::size_t after = i;
                while (after < end && IsDash(Tok(after).text)) ++after;
                std::fill(found_.hidden_tokens.begin() + static_cast<long>(first),
                          found_.hidden_tokens.begin() + static_cast<long>(after), true);
                return;
            }
            if (t == "(" || t == "/") {
                inside = t == "(" || !inside;
                marked = true;
            } else if (t == ")") {
                inside = false;
            } else if (Tok(i).kind == Token::Kind::kWord && !inside && !IsCapitalized(t) && t != "and") {
                return;
            }
            marked = marked || IsAllCaps(t);
        }
    }

    // "Peter Alexander Singer, OC, MD, MPH, FRSC, is ...", "Kim Dunn, MD,
    // PhD - Founder": letters after a person's name and a comma, one by one
    // between commas and not the start of a longer name, are honours and
    // degrees, not organizations.
    void HidePostNominals(std::size_t sentence) {
        const Sentence& s = text_.sentences[sentence];
        for (std::size_t i = s.first_token + 2; i < s.end_token; ++i) {
            if (Tok(i - 1).text != "," || !IsPostNominal(i, s.end_token) || !AfterPersonsName(s, i - 1)) continue;
            while (i < s.end_token && IsPostNominal(i, s.end_token)) {
                Hide(i, i + 1);
                if (i + 2 >= s.end_token || Tok(i + 1).text != ",") break;
                i += 2;
            }
        }
    }

    // Two to six letters, two capitals or more, the first one capital ("MD",
    // "FRSC", "PhD"), no title ("CEO"), and punctuation after it: a word
    // after it makes it a name ("Louis Loucheur, VINCI has become ...").
    bool IsPostNominal(std::size_t i, std::size_t sentence_end) const {
        if ((i + 1 < sentence_end && Tok(i + 1).kind != Token::Kind::kPunct) || lex_.person_title->Contains(StemId(i))) {
            return false;
        }
        const std::string_view t = Tok(i).text;
        const auto capitals = std::count_if(t.begin(), t.end(), IsAsciiUpper);
        return t.size() >= 2 && t.size() <= 6 && IsAsciiUpper(t.front()) && capitals >= 2 &&
               std::all_of(t.begin(), t.end(), [](char c) { return IsAsciiUpper(c) || (c >= 'a' && c <= 'z'); });
    }

    // Two capitalized words or more before `comma`, the first a first name.
    bool AfterPersonsName(const Sentence& s, std::size_t comma) const {
        std::size_t first = comma;
        while (first > s.first_token && IsNameLike(first - 1)) --first;
        return comma - first >= 2 && OpensPersonsName(first);
    }

    void Hide(std::size_t first, std::size_t end) {
        std::fill(found_.hidden_tokens.begin() + static_cast<long>(first),
                  found_.hidden_tokens.begin() + static_cast<long>(end), true);
    }

    // A name that only says whose, or where, the next thing is: "Alphabet's
    // Waymo" (the relation is Waymo's), "Amazon-owned Zoox", "a Santa
    // Clara-based company". Hidden, so that patterns and descriptions see
    // the thing itself.
    void HideModifierNames(std::size_t sentence) {
        const Sentence& s = text_.sentences[sentence];
        for (std::size_t i = s.first_token; i + 1 < s.end_token; ++i) {
            const bool possessive_of_name = EndsPossessive(i) && IsNameLike(i + 1) && !IsWeak(sentence, i + 1);
            const bool participle = i + 2 < s.end_token && Tok(i + 1).text == "-" &&
                                    std::find(kModifierParticiples.begin(), kModifierParticiples.end(),
                                              folded_.Word(i + 2)) != kModifierParticiples.end();
            if (!(possessive_of_name || participle) || !(IsNameLike(i) || IsSuffix(i))) continue;
            std::size_t first = i;
            while (first > s.first_token && (IsNameLike(first - 1) || IsSuffix(first - 1)) && !EndsPossessive(first - 1)) {
                --first;
            }
            Hide(first, participle ? i + 3 : i + 1);
        }
    }

    // The tokens [first, end) of `sentence` as a mention, its surface
    // without a possessive 's.
    Mention MentionAt(std::size_t sentence, std::size_t first, std::size_t end) const {
        Mention m;
        m.first_token = first;
        m.end_token = end;
        m.sentence = sentence;
        m.bracketed = first > 0 && Tok(first - 1).text == "(";
        m.raw = std::string(Surface(first, end));
        m.surface = std::string(StripApostropheS(m.raw, &m.possessive));
        return m;
    }

    // "Budget Carrier, LLC", "Guangzhou Automobile Group Co., Ltd", "Hugh
    // McColl, Jr.": a capitalized legal form or generation after a comma
    // ends the name before it. Returns where the name ends once they are
    // taken in.
    std::size_t WithLegalForms(std::size_t sentence, std::size_t end) const {
        const std::size_t sentence_end = text_.sentences[sentence].end_token;
        for (;;) {
            std::size_t comma = end;
            if (comma < sentence_end && Tok(comma).text == "." && IsSuffix(end - 1)) ++comma;  // "Co., Ltd"
            const std::size_t form = comma + 1;
            if (form >= sentence_end || Tok(comma).text != "," || !IsCapitalized(Tok(form).text) ||
                !(lex_.legal_form->Contains(StemId(form)) || lex_.generation->Contains(StemId(form)))) {
                return end;
            }
            end = form + 1;
        }
    }

    // The first pass (`use_known` false) keeps only where a name is and how
    // it is written, for known_; what it is comes from the second pass.
    void AddName(std::size_t sentence, std::size_t first, std::size_t end, bool use_known) {
        // A run split before or after its "&" or "of" leaves the joiner at
        // an edge of a piece ("Legal &"): it joins nothing there.
        // "Former Arvedo Bank chief executive Lukas Brenner": a title's
        // modifier opening the run says when, not whose, the title is.
        while (first < end && ((!IsNameLike(first) && !IsSuffix(first) && !OpensNameInCapitals(sentence, first)) ||
                               (first + 1 < end && lex_.title_time->Contains(StemId(first))))) {
            ++first;
        }
        while (end > first && !IsNameLike(end - 1) && !IsSuffix(end - 1) && !IsNumberInName(end - 1) &&
               !(end >= first + 3 && IsHyphenatedSyllable(end - 2))) {
            --end;
        }
        if (first == end || IsPlace(first, end) || IsPlaceByContext(sentence, first, end) ||
            InsideTitle(sentence, first, end) || IsGenericHead(first, end) || IsRoleBeforeName(sentence, first, end)) {
            return;
        }
        end = WithLegalForms(sentence, end);
        Mention m = MentionAt(sentence, first, end);
        if (EndsPersonsPossessive(first, end) && end < text_.sentences[sentence].end_token && IsNameLike(end)) {
            m.surface.pop_back();
            m.possessive = true;
        }
        if (use_known) Describe(m);
        m.kind_word = IndefiniteAppositionHead(sentence, end);
        found_.mentions.push_back(std::move(m));
    }

    // "TKO, a company that will combine ...", "Velmora, an Oslo-based
    // startup,": the reference head of an indefinite noun phrase right after
    // a name's comma, which says what the name is; -1 for none.
    int IndefiniteAppositionHead(std::size_t sentence, std::size_t end) const {
        const std::size_t sentence_end = text_.sentences[sentence].end_token;
        if (end + 2 >= sentence_end || Tok(end).text != ",") return -1;
        const std::string_view article = folded_.Word(end + 1);
        if (article != "a" && article != "an") return -1;
        for (std::size_t j = end + 2; j < std::min(sentence_end, end + 8); ++j) {
            const std::string_view word = Tok(j).text;
            if (word == "," || word == ";" || word == "(" || word == ")") return -1;
            if (lex_.reference_head->Contains(StemId(j))) return StemId(j);
        }
        return -1;
    }

    void Describe(Mention& m) const {
        // "Metas", "Scale AIS": a possessive without apostrophe, recognized
        // when the document knows the name without the final s.
        if (!m.possessive && EndsWithLetterS(m.surface) && known_.count(NameKey(m.surface.substr(0, m.surface.size() - 1)))) {
            m.surface.pop_back();
            m.possessive = true;
        }
        m.cue = TypeCue(m.sentence, m.first_token, m.end_token);
        // "the ChatGPT maker", "the maker of KitKat chocolate bars".
        const std::size_t sentence_first = text_.sentences[m.sentence].first_token;
        m.product = (m.end_token < text_.sentences[m.sentence].end_token &&
                     lex_.product_maker->Contains(StemId(m.end_token))) ||
                    (m.first_token >= sentence_first + 2 && Folded(m.first_token - 1) == "of" &&
                     lex_.product_maker->Contains(StemId(m.first_token - 2)));
        for (std::size_t i = m.first_token; i < m.end_token && !m.confident; ++i) {
            m.confident = !InDictionary(Folded(i));
        }
    }

    // A conjunction, or a subject pronoun: "Before joining Apple, he was CEO
    // of ..." puts a clause, not an apposition, after the comma.
    bool StartsClause(std::size_t i) const {
        static constexpr std::string_view kStarters[] = {"and", "or", "but", "which", "whose", "while", "he", "she",
                                                         "it", "they", "we", "i", "you"};
        return std::find(std::begin(kStarters), std::end(kStarters), Folded(i)) != std::end(kStarters);
    }

    // "QP's chairman", "the chief executive officer of the Capital Market
    // Development Authority": what has a chairman or a chief executive is
    // an organization.
    bool HasTitle(std::size_t sentence, std::size_t first, std::size_t end) const {
        const Sentence& s = text_.sentences[sentence];
        if (end < s.end_token && EndsPossessive(end - 1) && lex_.person_title->Contains(StemId(end))) return true;
        std::size_t before = first;
        if (before > s.first_token && Folded(before - 1) == "the") --before;
        return before >= s.first_token + 2 && (Folded(before - 1) == "of" || Folded(before - 1) == "at") &&
               lex_.person_title->Contains(StemId(before - 2));
    }

    // "Labelbox CEO Manu Sharma", "Wikipedia and its founder, Jimmy Wales": a
    // person's title right before the name or before its comma.
    bool TitleBefore(std::size_t sentence, std::size_t first) const {
        const std::size_t sentence_first = text_.sentences[sentence].first_token;
        if (first <= sentence_first) return false;
        const std::size_t title = first > sentence_first + 1 && Tok(first - 1).text == "," ? first - 2 : first - 1;
        return lex_.person_title->Contains(StemId(title));
    }

    // "52," after a name and its comma: a grown person's age, as news gives it.
    bool IsAgeBetweenCommas(std::size_t i, std::size_t sentence_end) const {
        if (i + 1 >= sentence_end || Tok(i).kind != Token::Kind::kNumber || Tok(i + 1).text != ",") return false;
        const std::string_view digits = Tok(i).text;
        return digits.size() == 2 && digits[0] >= '1' && std::isdigit(static_cast<unsigned char>(digits[1]));
    }

    MentionType TypeCue(std::size_t sentence, std::size_t first, std::size_t end) const {
        const std::size_t sentence_end = text_.sentences[sentence].end_token;
        const std::size_t sentence_first = text_.sentences[sentence].first_token;
        // "Early investor Khosla Ventures": a company suffix outweighs a title before it.
        if (IsSuffix(end - 1)) return MentionType::kOrganization;
        // "Stanley Black & Decker", "Bill & Melinda Gates Foundation": people
        // joined by "&" make a firm's name.
        for (std::size_t i = first; i < end; ++i) {
            if (Tok(i).text == "&") return MentionType::kOrganization;
        }
        // 'Miodrag "Miki" Savicevic': a nickname in quotes is a person's.
        if (end - first >= 4 && QuotedNicknameEnd(first, first + 1, end) == end) return MentionType::kPerson;
        // "Philip Morris USA", "Ford Europe": no person's name ends in a place
        // (one a title describes may: "its founder, Jimmy Wales").
        if (end - first >= 2 && lex_.place->Contains(StemId(end - 1)) && !TitleBefore(sentence, first)) {
            return MentionType::kOrganization;
        }
        // A rarer first name ("Chelsea", "Santa") also opens places and
        // firms: it makes a person only of a name that ends in no English
        // word ("Chelsea Physic Garden", "Santa Fe County" are none).
        if (end - first >= 2 && (lex_.first_name->Contains(StemId(first)) ||
                                 (lex_.given_name->Contains(StemId(first)) && !InDictionary(Folded(end - 1))))) {
            return MentionType::kPerson;
        }
        if (HasTitle(sentence, first, end)) return MentionType::kOrganization;
        if (end - first >= 2 && TitleBefore(sentence, first)) return MentionType::kPerson;
        std::size_t before = first;
        if (before > sentence_first && Tok(before - 1).text == ".") --before;
        if (before > sentence_first && lex_.honorific->Contains(StemId(before - 1))) return MentionType::kPerson;  // "Mr. Reyna"
        if (end + 2 < sentence_end && Tok(end).text == "(" && Tok(end + 1).kind == Token::Kind::kNumber &&
            Tok(end + 2).text == ")") {
            return MentionType::kPerson;  // "Alexandr Wang (28)"
        }
        // "Henrik Dahl, who ...", "Henrik Dahl, 52, ..."; but "publisher of
        // National Review, who had also founded ...": the "who" of a name in
        // an "of" phrase is that phrase's head's.
        if (end - first >= 2 && end + 1 < sentence_end && Tok(end).text == "," &&
            (Folded(end + 1) == "who" || IsAgeBetweenCommas(end + 1, sentence_end)) &&
            !(first > sentence_first && Folded(first - 1) == "of")) {
            return MentionType::kPerson;
        }
        if (end < sentence_end && Tok(end).text == ",") {
            // "Alexandr Wang, the prodigious 28-year-old founder of ...", but
            // not "X is part of Microsoft, and its CEO is stepping down".
            for (std::size_t i = end + 1; i < std::min(sentence_end, end + 8) && Tok(i).text != "," && !StartsClause(i); ++i) {
                if (lex_.person_title->Contains(StemId(i))) return MentionType::kPerson;
                if (IsNameLike(i) && !EndsPossessive(i)) break;  // "JoeBen Bevirt, Joby's founder" goes on
            }
        }
        for (std::size_t i = first; i < end; ++i) {
            if (IsCamelCase(Tok(i).text) || IsInnerCapitalized(Tok(i).text)) return MentionType::kOrganization;
        }
        // "Michael co-founded ...": biographies name a person by the first
        // name alone once they have been introduced.
        if (end - first == 1 && lex_.first_name->Contains(StemId(first))) return MentionType::kPerson;
        return MentionType::kUnknown;
    }

    // "(NASDAQ: GOOGL)" after a name: an alias of that name, hidden from rules.
    void FindTickers(std::size_t sentence) {
        const Sentence& s = text_.sentences[sentence];
        for (std::size_t i = s.first_token; i + 2 < s.end_token; ++i) {
            if (!lex_.stock_exchange->Contains(StemId(i)) || Tok(i + 1).text != ":" ||
                Tok(i + 2).kind == Token::Kind::kPunct) {
                continue;
            }
            std::size_t first = i, end = i + 3;
            if (first > s.first_token && Tok(first - 1).text == "(" && end < s.end_token && Tok(end).text == ")") {
                --first;
                ++end;
            }
            Hide(first, end);
            pending_tickers_.push_back({first, std::string(Tok(i).text) + ": " + std::string(Tok(i + 2).text)});
        }
    }

    void AttachTickers(std::size_t sentence_first_mention) {
        for (const auto& [token, alias] : pending_tickers_) {
            for (std::size_t m = found_.mentions.size(); m > sentence_first_mention; --m) {
                const Mention& mention = found_.mentions[m - 1];
                if (!mention.reference && mention.end_token <= token) {
                    found_.tickers.push_back({m - 1, alias});
                    break;
                }
            }
        }
        pending_tickers_.clear();
    }

    // "the data-labeling firm", "the company's": a definite description of an
    // organization, unless it is relational ("the company of") or introduces
    // a name ("the startup Scale").
    std::size_t DefiniteDescriptionEnd(std::size_t i, std::size_t sentence_end) const {
        const std::string_view det = folded_.Word(i);
        if (det != "the" && det != "this") return 0;
        for (std::size_t j = i + 1; j < std::min(sentence_end, i + 7); ++j) {
            const Token& t = Tok(j);
            // "the Santa Clara-based company", "the Chinese battery maker"
            if (found_.hidden_tokens[j] || IsPlace(j, j + 1)) continue;
            if (t.kind != Token::Kind::kWord) return 0;
            // "the Company": press releases capitalize the reference itself.
            if (IsCapitalized(t.text) && !(j == i + 1 && lex_.reference_head->Contains(StemId(j)))) return 0;
            if (!lex_.reference_head->Contains(StemId(j))) continue;
            // "the startup Scale", "the investment company "AYA Capital""
            const bool names = j + 1 < sentence_end && (IsNameLike(j + 1) || (j + 2 < sentence_end && IsQuote(Tok(j + 1).text) &&
                                                                              IsNameLike(j + 2)));
            if (names || (j + 1 < sentence_end && folded_.Word(j + 1) == "of")) return 0;
            return j + 1;
        }
        return 0;
    }

    void AddReference(std::size_t sentence, std::size_t first, std::size_t end, MentionType type) {
        Mention m = MentionAt(sentence, first, end);
        const std::string folded = FoldCase(m.raw);
        m.possessive = m.possessive || folded == "its" || folded == "his" || folded == "her";
        m.cue = type;
        m.reference = true;
        m.sentence_initial = first == text_.sentences[sentence].first_token;
        if (end > first + 1 && lex_.reference_head->Contains(StemId(end - 1))) m.kind_word = StemId(end - 1);
        found_.mentions.push_back(std::move(m));
    }

    void FindReferencesAndRuns(std::size_t sentence) {
        const Sentence& s = text_.sentences[sentence];
        const std::size_t first_mention = found_.mentions.size();
        FindTickers(sentence);
        std::vector<std::pair<std::size_t, std::size_t>> runs;
        ForEachRun(sentence, [&](std::size_t first, std::size_t end) { runs.emplace_back(first, end); });
        std::size_t next_run = 0;
        for (std::size_t i = s.first_token; i < s.end_token;) {
            while (next_run < runs.size() && runs[next_run].first < i) ++next_run;  // inside a description
            if (next_run < runs.size() && runs[next_run].first == i) {
                SplitRun(sentence, runs[next_run].first, runs[next_run].second, /*use_known=*/true);
                i = runs[next_run++].second;
                continue;
            }
            const int word = folded_.WordId(i);
            if (found_.hidden_tokens[i]) {
                // a dateline or a modifying name: no reference either
            } else if (lex_.org_pronoun->Contains(word)) {
                AddReference(sentence, i, i + 1, MentionType::kOrganization);
            } else if (lex_.person_pronoun->Contains(word)) {
                AddReference(sentence, i, i + 1, MentionType::kPerson);
            } else if (const std::size_t end = DefiniteDescriptionEnd(i, s.end_token); end > 0) {
                AddReference(sentence, i, end, MentionType::kOrganization);
                i = end;
                continue;
            }
            ++i;
        }
        AttachTickers(first_mention);
    }

    const NameLexicons& lex_;
    const SegmentedText& text_;
    const FoldedTokens& folded_;
    const std::vector<bool>& skip_line_;
    std::vector<bool> title_case_line_;
    std::vector<bool> name_like_;  // IsNameLike() of every token
    std::unordered_set<std::string> known_;
    MentionsFound found_;
    std::vector<std::pair<std::size_t, std::string>> pending_tickers_;
};

MentionsFound MentionFinder::Find(const SegmentedText& text, const FoldedTokens& folded,
                                  const std::vector<bool>& skip_line) const {
    return Pass(lex_, text, folded, skip_line).Run();
}

}  // namespace kgraph::extract
