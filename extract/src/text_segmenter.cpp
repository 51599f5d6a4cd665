#include "text_segmenter.h"

#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "kgraph/model.h"
#include "quantity_parser.h"

namespace kgraph::extract {
namespace {

// A "sentence" longer than this (a 1 MB line without punctuation) is cut into
// pieces, so that pattern matching stays linear in the document size.
constexpr std::size_t kMaxSentenceTokens = 300;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool IsBlank(std::string_view s) {
    // ASCII blanks, and the no-break space (U+00A0) that pages use as filler.
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (IsSpace(s[i])) continue;
        if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

// The text as ICU's iterators read it. Valid UTF-8 is handed to them as
// UTF-16, their own encoding: over UTF-8 they convert 32 characters at a
// time through a UText callback (utf8TextAccess, a quarter of the
// segmentation's instructions). Both encodings give the iterators the same
// code points, so the same boundaries; each UTF-16 index is mapped back to
// its byte offset. Text that is not valid UTF-8 is read as UTF-8 by ICU,
// whose replacement of ill-formed bytes the conversion would have to match.
class IcuText {
public:
    explicit IcuText(std::string_view text) {
        UErrorCode status = U_ZERO_ERROR;
        if (ToUtf16(text)) {
            utext_.reset(utext_openUChars(nullptr, units_.data(), static_cast<int64_t>(units_.size()), &status));
        } else {
            byte_of_.clear();
            utext_.reset(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
        }
        if (U_FAILURE(status)) utext_.reset();
    }

    // Null when ICU could not open the text.
    UText* get() const { return utext_.get(); }
    // The byte offset in the UTF-8 text of the iterators' index `index`.
    std::size_t ByteOffset(int32_t index) const {
        const auto i = static_cast<std::size_t>(index);
        return byte_of_.empty() ? i : byte_of_[i];
    }

private:
    // Fills units_ and byte_of_ (one more, the end); false for text that is
    // not valid UTF-8 or too long for ICU's 32-bit indices.
    bool ToUtf16(std::string_view text) {
        if (text.size() >= static_cast<std::size_t>(INT32_MAX)) return false;
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
        const auto length = static_cast<int32_t>(text.size());
        units_.reserve(text.size());
        byte_of_.reserve(text.size() + 1);
        for (int32_t i = 0; i < length;) {
            const int32_t begin = i;
            UChar32 c = bytes[i];
            if (c < 0x80) {
                ++i;  // ASCII, nearly all of it
            } else {
                U8_NEXT(bytes, i, length, c);
                if (c < 0) return false;
            }
            byte_of_.push_back(static_cast<std::uint32_t>(begin));
            if (U_IS_SUPPLEMENTARY(c)) {
                units_.push_back(U16_LEAD(c));
                units_.push_back(U16_TRAIL(c));
                byte_of_.push_back(static_cast<std::uint32_t>(begin));  // a trail unit, never a boundary
            } else {
                units_.push_back(static_cast<UChar>(c));
            }
        }
        byte_of_.push_back(static_cast<std::uint32_t>(length));
        return true;
    }

    std::vector<UChar> units_;
    std::vector<std::uint32_t> byte_of_;  // empty when ICU reads the UTF-8 itself
    std::unique_ptr<UText, UTextCloser> utext_;
};

// The iterators a thread segments with, cloned from a segmenter's
// prototypes on that thread's first document rather than for every
// document: a clone costs allocations and starts with cold caches. Holding
// the prototypes keeps them alive, so that a pointer comparison tells
// whether the clones belong to the segmenter asking.
struct ThreadIterators {
    std::shared_ptr<const icu::BreakIterator> word_prototype, sentence_prototype;
    std::unique_ptr<icu::BreakIterator> words, sentences;
};

ThreadIterators& IteratorsFor(const std::shared_ptr<const icu::BreakIterator>& word_prototype,
                              const std::shared_ptr<const icu::BreakIterator>& sentence_prototype) {
    thread_local ThreadIterators iterators;
    if (iterators.word_prototype != word_prototype || iterators.sentence_prototype != sentence_prototype) {
        iterators.words.reset(word_prototype->clone());
        iterators.sentences.reset(sentence_prototype->clone());
        iterators.word_prototype = word_prototype;
        iterators.sentence_prototype = sentence_prototype;
    }
    return iterators;
}

std::vector<Token> Tokenize(icu::BreakIterator& words, const IcuText& icu_text, std::string_view text) {
    std::vector<Token> tokens;
    UErrorCode status = U_ZERO_ERROR;
    words.setText(icu_text.get(), status);
    if (U_FAILURE(status)) return tokens;
    std::size_t start = icu_text.ByteOffset(words.first());
    for (int32_t next = words.next(); next != icu::BreakIterator::DONE; next = words.next()) {
        const std::size_t end = icu_text.ByteOffset(next);
        const std::string_view piece = text.substr(start, end - start);
        const std::size_t piece_start = start;
        start = end;
        if (IsBlank(piece)) continue;
        const int32_t rule = words.getRuleStatus();
        Token::Kind kind = Token::Kind::kPunct;
        if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
            kind = Token::Kind::kNumber;
        } else if (rule >= UBRK_WORD_LETTER) {
            kind = Token::Kind::kWord;
        }
        tokens.push_back({piece_start, end, kind, piece});
    }
    return tokens;
}

bool StartsUpper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }
bool StartsLower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

// "data-labeling", "co-founder", "28-year-old" are one word to the rules.
// "Meta-owned" stays split so that the name inside it is still found.
std::vector<Token> JoinHyphenCompounds(std::string_view text, std::vector<Token> tokens) {
    std::vector<Token> out;
    out.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token token = tokens[i];
        while (i + 2 < tokens.size() && tokens[i + 1].text == "-" && tokens[i + 1].begin == token.end &&
               tokens[i + 2].begin == tokens[i + 1].end && tokens[i + 2].kind != Token::Kind::kPunct &&
               token.kind != Token::Kind::kPunct && !(StartsUpper(token.text) && StartsLower(tokens[i + 2].text))) {
            token.end = tokens[i + 2].end;
            token.kind = Token::Kind::kWord;
            i += 2;
        }
        token.text = text.substr(token.begin, token.end - token.begin);
        out.push_back(token);
    }
    return out;
}

// "Velmora Inc.'s customers": after an abbreviation's full stop, ICU splits
// the possessive into an apostrophe and an "s"; they are one clitic, "'s",
// as after any other word.
// Joined in place: the rare join shifts the tokens after it down by one.
std::vector<Token> JoinPossessivesAfterStops(std::string_view text, std::vector<Token> tokens) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token token = tokens[i];
        const bool after_stop = i >= 1 && tokens[i - 1].text == "." && tokens[i - 1].end == token.begin;
        if (after_stop && i + 1 < tokens.size() && (token.text == "'" || token.text == "\xE2\x80\x99") &&
            tokens[i + 1].text == "s" && tokens[i + 1].begin == token.end) {
            token.end = tokens[++i].end;
            token.kind = Token::Kind::kWord;
            token.text = text.substr(token.begin, token.end - token.begin);
        }
        tokens[kept++] = token;
    }
    tokens.resize(kept);
    return tokens;
}

// "Series B", "Class A", "Plan B": a word a capital letter designates.
bool IsDesignation(std::string_view word) {
    static constexpr std::string_view kWords[] = {"series", "class", "type",  "phase",   "round", "tier",
                                                  "plan",   "part",  "stage", "section", "grade", "category",
                                                  "model",  "level", "item",  "schedule", "form", "vitamin"};
    const std::string folded = FoldCase(word);
    return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

// "John F. Lundgren", "Adolfo E. Gutierrez": a capital letter and a full
// stop, then a capitalized word on the same line, is a middle initial, not
// the end of a sentence (ICU's suppressions know "Mr." but not initials);
// after a word it designates ("a $32 million Series B. Zarvane Ventures
// led the round") the letter ends the sentence.
bool EndsWithInitial(std::string_view text, std::size_t end) {
    std::size_t last = end;
    while (last > 0 && IsSpace(text[last - 1])) --last;
    if (last < 2 || text[last - 1] != '.' || !std::isupper(static_cast<unsigned char>(text[last - 2]))) return false;
    if (last >= 3 && std::isalnum(static_cast<unsigned char>(text[last - 3]))) return false;  // "Inc.", "U.S."
    std::size_t word_end = last - 2;
    while (word_end > 0 && IsSpace(text[word_end - 1])) --word_end;
    std::size_t word_begin = word_end;
    while (word_begin > 0 && std::isalpha(static_cast<unsigned char>(text[word_begin - 1]))) --word_begin;
    if (IsDesignation(text.substr(word_begin, word_end - word_begin))) return false;
    std::size_t next = end;
    while (next < text.size() && IsSpace(text[next])) ++next;
    return next < text.size() && std::isupper(static_cast<unsigned char>(text[next])) &&
           text.substr(last, next - last).find_first_of("\n\r") == std::string_view::npos;
}

// Words after which a date belongs to the sentence ("on Nov. 18", "said
// that by Nov. 18"), not to the next entry of a timeline.
bool TakesDate(std::string_view word) {
    static constexpr std::string_view kWords[] = {"on", "since", "by", "until", "till", "from", "before", "after",
                                                  "to", "through", "of", "in", "at", "during", "between", "and",
                                                  "or", "as", "than", ",", "(", "-", "\xE2\x80\x93", "\xE2\x80\x94"};
    const std::string folded = FoldCase(word);
    return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

// "... named Mira Murati as interim CEO Nov. 18 Altman's firing was ...": a
// timeline flattened onto one line, each entry opening with its date and no
// full stop before it. A sentence is cut before "Mon. DD" followed by a
// capitalized word, unless the word before the date takes it.
bool OpensTimelineEntry(const std::vector<Token>& tokens, std::size_t k, std::size_t first, std::size_t end) {
    if (k <= first || k + 3 >= end || tokens[k + 1].text != "." || tokens[k + 2].kind != Token::Kind::kNumber ||
        tokens[k + 2].text.size() > 2 || !StartsUpper(tokens[k + 3].text)) {
        return false;
    }
    return MonthNumber(FoldCase(tokens[k].text)) > 0 && !TakesDate(tokens[k - 1].text);
}

// Counted once along the text: the sentences come in order and do not overlap.
void AddCodePointOffsets(std::string_view text, std::vector<Sentence>& sentences) {
    std::size_t bytes = 0, code_points = 0;
    auto count_to = [&](std::size_t offset) {
        code_points += CountCodePoints(text.substr(bytes, offset - bytes));
        bytes = offset;
        return code_points;
    };
    for (Sentence& sentence : sentences) {
        sentence.char_begin = count_to(sentence.begin);
        sentence.char_end = count_to(sentence.end);
    }
}

}  // namespace

Result<TextSegmenter> TextSegmenter::Create() {
    UErrorCode status = U_ZERO_ERROR;
    std::shared_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
    if (U_FAILURE(status)) return Status::InvalidArgument(std::string("ICU sentence segmentation unavailable: ") + u_errorName(status));
    std::shared_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) return Status::InvalidArgument(std::string("ICU word segmentation unavailable: ") + u_errorName(status));
    TextSegmenter segmenter;
    segmenter.sentence_prototype_ = std::move(sentences);
    segmenter.word_prototype_ = std::move(words);
    return segmenter;
}

SegmentedText TextSegmenter::Segment(std::string_view text) const {
    SegmentedText out;
    ThreadIterators& iterators = IteratorsFor(word_prototype_, sentence_prototype_);
    const IcuText icu_text(text);
    if (icu_text.get() == nullptr || !iterators.words || !iterators.sentences) return out;
    out.tokens = JoinPossessivesAfterStops(text, JoinHyphenCompounds(text, Tokenize(*iterators.words, icu_text, text)));

    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* const sentences = iterators.sentences.get();
    sentences->setText(icu_text.get(), status);
    if (U_FAILURE(status)) return out;

    std::size_t next_token = 0;
    std::size_t previous_end = 0;
    auto add_sentence = [&](std::size_t begin, std::size_t end) {
        while (begin < end && IsSpace(text[begin])) ++begin;
        while (end > begin && IsSpace(text[end - 1])) --end;
        while (next_token < out.tokens.size() && out.tokens[next_token].begin < begin) ++next_token;
        std::size_t first = next_token;
        while (next_token < out.tokens.size() && out.tokens[next_token].end <= end) ++next_token;
        if (first == next_token) return;
        // Lines: a sentence starting after a line break (LF, or CR as old
        // Mac files end lines) opens a new line. Only the gap since the last
        // sentence is searched: a search to the end of the text made a
        // line of many sentences cost its length squared.
        const std::string_view gap = text.substr(previous_end, begin - previous_end);
        if (out.lines.empty() || gap.find_first_of("\n\r") != std::string_view::npos) {
            out.lines.push_back({begin, end, out.sentences.size(), out.sentences.size()});
        }
        previous_end = end;
        for (std::size_t piece = first; piece < next_token;) {
            std::size_t piece_end = std::min(next_token, piece + kMaxSentenceTokens);
            for (std::size_t k = piece + 1; k < piece_end; ++k) {
                if (OpensTimelineEntry(out.tokens, k, first, next_token)) {
                    piece_end = k;
                    break;
                }
            }
            out.sentences.push_back({out.tokens[piece].begin, out.tokens[piece_end - 1].end, piece, piece_end,
                                     out.lines.size() - 1});
            piece = piece_end;
        }
        out.lines.back().end = end;
        out.lines.back().end_sentence = out.sentences.size();
    };
    std::size_t start = icu_text.ByteOffset(sentences->first());
    for (int32_t next = sentences->next(); next != icu::BreakIterator::DONE; next = sentences->next()) {
        const std::size_t end = icu_text.ByteOffset(next);
        if (EndsWithInitial(text, end)) continue;
        add_sentence(start, end);
        start = end;
    }
    if (start < text.size()) add_sentence(start, text.size());
    AddCodePointOffsets(text, out.sentences);
    return out;
}

SegmentedText JoinAfterAbbreviations(SegmentedText text, const Lexicon& abbreviations, const Lexicon& continuations,
                                     const Lexicon& honorifics) {
    const auto word = [&](std::size_t token) { return FoldCase(text.tokens[token].text); };
    const auto runs_on = [&](const Sentence& sentence, const Sentence& next) {
        if (next.line != sentence.line || sentence.end_token - sentence.first_token < 2 ||
            next.end_token - sentence.first_token > kMaxSentenceTokens || text.tokens[sentence.end_token - 1].text != ".") {
            return false;
        }
        const std::string abbreviation = word(sentence.end_token - 2);
        return honorifics.Contains(abbreviation) ||
               (abbreviations.Contains(abbreviation) &&
                (continuations.Contains(word(next.first_token)) || text.tokens[next.first_token].text == "("));
    };
    std::vector<Sentence> joined;
    for (const Sentence& sentence : text.sentences) {
        if (!joined.empty() && runs_on(joined.back(), sentence)) {
            joined.back().end = sentence.end;
            joined.back().end_token = sentence.end_token;
            joined.back().char_end = sentence.char_end;
        } else {
            joined.push_back(sentence);
        }
    }
    if (joined.size() == text.sentences.size()) return text;
    for (Line& line : text.lines) line.first_sentence = line.end_sentence = 0;
    for (std::size_t s = joined.size(); s-- > 0;) text.lines[joined[s].line].first_sentence = s;
    for (std::size_t s = 0; s < joined.size(); ++s) text.lines[joined[s].line].end_sentence = s + 1;
    text.sentences = std::move(joined);
    return text;
}

}  // namespace kgraph::extract
