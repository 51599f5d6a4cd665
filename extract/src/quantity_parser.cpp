#include "quantity_parser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace kgraph::extract {
namespace {

struct Named {
    std::string_view word;
    double value;
};
constexpr std::array<Named, 14> kScales{{{"thousand", 1e3}, {"k", 1e3}, {"million", 1e6}, {"millions", 1e6},
                                         {"m", 1e6}, {"mn", 1e6}, {"mln", 1e6}, {"billion", 1e9},
                                         {"bn", 1e9}, {"bln", 1e9}, {"b", 1e9}, {"trillion", 1e12},
                                         {"tn", 1e12}, {"trln", 1e12}}};

struct Currency {
    std::string_view word;
    std::string_view code;
};
constexpr std::array<Currency, 11> kCurrencySymbols{{{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"},
                                                     {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"},
                                                     {"chf", "CHF"}, {"cad", "CAD"}, {"aud", "AUD"}}};
constexpr std::array<Currency, 9> kCurrencyWords{{{"dollars", "USD"}, {"dollar", "USD"}, {"euros", "EUR"},
                                                  {"euro", "EUR"}, {"pounds", "GBP"}, {"yen", "JPY"},
                                                  {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}}};
constexpr std::array<std::string_view, 12> kMonths{"january", "february", "march", "april", "may", "june",
                                                   "july", "august", "september", "october", "november", "december"};
// A bare "14 billion" is money only when followed by one of these ("invest
// 14 billion in ..."), not in "14 billion users".
constexpr std::array<std::string_view, 9> kAfterBareAmount{"in", "into", "for", "to", "from", ",", ".", "?", ";"};

template <typename Table>
const auto* Lookup(const Table& table, std::string_view word) {
    for (const auto& entry : table) {
        if (entry.word == word) return &entry;
    }
    return static_cast<decltype(&table[0])>(nullptr);
}

bool Contains(const auto& list, std::string_view word) {
    for (const auto& w : list) {
        if (w == word) return true;
    }
    return false;
}

// "14.3", "1,200", "14bn" (suffix "bn"). Nullopt for anything else.
std::optional<double> ParseNumber(std::string_view s, std::string_view* suffix) {
    std::string digits;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '.' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
            digits += c;
        } else if (c == ',' && i + 3 < s.size() + 0 && !digits.empty()) {
            continue;  // thousands separator
        } else {
            break;
        }
    }
    if (digits.empty() || digits == ".") return std::nullopt;
    *suffix = s.substr(i);
    return std::stod(digits);
}

class SentenceQuantities {
public:
    SentenceQuantities(const FoldedTokens& folded, std::size_t first, std::size_t end) : first_(first) {
        words_.reserve(end - first);
        for (std::size_t i = first; i < end; ++i) words_.push_back(folded.Word(i));
    }

    const std::vector<std::string_view>& words() const { return words_; }

    // Money starting exactly at word i: [currency] number [scale] [currency].
    std::optional<Quantity> MoneyAt(std::size_t i) const {
        std::size_t j = i;
        std::string currency;
        if (Word(j) == "us" && Word(j + 1) == "$") {
            currency = "USD";
            j += 2;
        } else if (const auto* symbol = Lookup(kCurrencySymbols, Word(j))) {
            currency = symbol->code;
            ++j;
        }
        const std::optional<std::pair<double, std::size_t>> amount = ScaledNumberAt(j);
        if (!amount) return std::nullopt;
        const bool scaled = amount->second > j + 1 || ScaleOfSuffix(j) > 1;
        j = amount->second;
        if (currency.empty()) {
            if (Word(j) == "us" && Lookup(kCurrencyWords, Word(j + 1))) ++j;
            if (const auto* word = Lookup(kCurrencyWords, Word(j))) {
                currency = word->code;
                ++j;
            } else if (scaled && (j >= words_.size() || Contains(kAfterBareAmount, Word(j)))) {
                currency = "USD";  // documented: a bare scaled amount is taken as US dollars
            } else {
                return std::nullopt;
            }
        }
        Quantity q;
        q.kind = QuantityKind::kMoney;
        q.first_token = first_ + i;
        q.end_token = first_ + j;
        q.money.value = amount->first;
        q.money.currency = currency;
        return q;
    }

    // "9.9%", "20 percent", "43 per cent", and as the British press writes it, "12pc".
    std::optional<Quantity> PercentAt(std::size_t i) const {
        std::string_view suffix;
        if (!IsNumber(i)) return std::nullopt;
        const std::optional<double> number = ParseNumber(Word(i), &suffix);
        if (!number) return std::nullopt;
        std::size_t j = i + 1;  // the end of the percentage
        if (suffix == "pc") {
            // "12pc": the sign is part of the number's word.
        } else if (!suffix.empty()) {
            return std::nullopt;
        } else if (Word(j) == "%" || Word(j) == "percent" || Word(j) == "pct" || Word(j) == "pc") {
            ++j;
        } else if (Word(j) == "per" && Word(j + 1) == "cent") {
            j += 2;
        } else {
            return std::nullopt;
        }
        Quantity q;
        q.kind = QuantityKind::kPercent;
        q.first_token = first_ + i;
        q.end_token = first_ + j;
        q.percent = *number;
        return q;
    }

    // "June 15, 2025", "23 June 2025", "June 2025", "2014".
    std::optional<Quantity> DateAt(std::size_t i) const {
        char iso[32];
        std::size_t j = i;
        if (const int month = MonthNumber(Word(i)); month > 0) {
            const int day = DayAt(i + 1);
            std::size_t k = i + (day > 0 ? 2 : 1);
            if (day > 0 && Word(k) == ",") ++k;
            const int year = YearAt(k);
            if (year == 0) return std::nullopt;
            day > 0 ? std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day)
                    : std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
            j = k + 1;
        } else if (const int day = DayAt(i); day > 0 && MonthNumber(Word(i + 1)) > 0 && YearAt(i + 2) > 0) {
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", YearAt(i + 2), MonthNumber(Word(i + 1)), day);
            j = i + 3;
        } else if (const int year = YearAt(i); year > 0) {
            std::snprintf(iso, sizeof iso, "%04d", year);
            j = i + 1;
        } else {
            return std::nullopt;
        }
        Quantity q;
        q.kind = QuantityKind::kDate;
        q.first_token = first_ + i;
        q.end_token = first_ + j;
        q.date = iso;
        return q;
    }

    bool IsPerShare(std::size_t i) const { return (Word(i) == "a" || Word(i) == "per") && Word(i + 1) == "share"; }

    // "1.1 billion euros ($1.2 billion)": the writer's own conversion to US
    // dollars, the currency amounts are compared in, replaces the original.
    void PreferDollarConversion(Quantity& q) const {
        const std::size_t after = q.end_token - first_;
        if (q.kind != QuantityKind::kMoney || q.money.currency == "USD" || Word(after) != "(") return;
        const std::optional<Quantity> usd = MoneyAt(after + 1);
        if (!usd || usd->money.currency != "USD" || Word(usd->end_token - first_) != ")") return;
        q.money.value = usd->money.value;
        q.money.currency = "USD";
        q.money.upper.reset();
        q.end_token = usd->end_token + 1;
    }

    bool IsNumber(std::size_t i) const {
        return i < words_.size() && !words_[i].empty() && words_[i][0] >= '0' && words_[i][0] <= '9';
    }

private:
    std::string_view Word(std::size_t i) const { return i < words_.size() ? words_[i] : std::string_view(); }

    double ScaleOfSuffix(std::size_t i) const {
        std::string_view suffix;
        if (!IsNumber(i) || !ParseNumber(Word(i), &suffix)) return 0;
        if (suffix.empty()) return 1;
        const auto* scale = Lookup(kScales, suffix);
        return scale ? scale->value : 0;
    }

    // A number with its scale ("14.3 billion", "14bn"): value and end index.
    std::optional<std::pair<double, std::size_t>> ScaledNumberAt(std::size_t i) const {
        std::string_view suffix;
        if (!IsNumber(i)) return std::nullopt;
        const std::optional<double> number = ParseNumber(Word(i), &suffix);
        const double suffix_scale = ScaleOfSuffix(i);
        if (!number || suffix_scale == 0) return std::nullopt;
        if (suffix_scale > 1) return std::make_pair(*number * suffix_scale, i + 1);
        if (const auto* scale = Lookup(kScales, Word(i + 1)); scale && Word(i + 1).size() > 1) {
            return std::make_pair(*number * scale->value, i + 2);
        }
        return std::make_pair(*number, i + 1);
    }

    int DayAt(std::size_t i) const {
        std::string_view suffix;
        if (!IsNumber(i)) return 0;
        const std::optional<double> n = ParseNumber(Word(i), &suffix);
        const bool ordinal = suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
        return n && ordinal && *n >= 1 && *n <= 31 && *n == std::floor(*n) ? static_cast<int>(*n) : 0;
    }

    int YearAt(std::size_t i) const {
        if (!IsNumber(i) || Word(i).size() != 4) return 0;
        std::string_view suffix;
        const std::optional<double> n = ParseNumber(Word(i), &suffix);
        if (!n || !suffix.empty() || *n < 1900 || *n > 2100) return 0;
        if (Word(i + 1) == "%" || Word(i + 1) == "percent" || Lookup(kScales, Word(i + 1))) return 0;
        return static_cast<int>(*n);
    }

    std::size_t first_;
    std::vector<std::string_view> words_;
};

}  // namespace

int MonthNumber(std::string_view word) {
    // Every month name and abbreviation is three lower-case letters or more.
    if (word.size() < 3 || word[0] < 'a' || word[0] > 'z') return 0;
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (word[0] != kMonths[i][0]) continue;  // cheaper than either comparison, and implied by both
        if (word == kMonths[i] || (word.size() >= 3 && word.size() <= 4 && kMonths[i].substr(0, word.size()) == word && i != 4)) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

QuantityParser::QuantityParser(HedgeLexicons hedges) : hedges_(std::move(hedges)) {
    std::size_t longest_hedge = 0;
    for (const auto& [qualifier, lexicon] : hedges_.by_qualifier) {
        longest_hedge = std::max(longest_hedge, lexicon->LongestEntry());
    }
    reach_ += longest_hedge;
}

std::vector<Quantity> QuantityParser::Parse(const std::vector<Token>& tokens, const FoldedTokens& folded,
                                            std::size_t first, std::size_t end) const {
    // Every quantity has a number (IsNumber(): a word starting with a digit),
    // which most sentences lack; they are answered without folding a word.
    const auto starts_with_digit = [](const Token& t) { return !t.text.empty() && t.text[0] >= '0' && t.text[0] <= '9'; };
    const auto begin = tokens.begin() + static_cast<std::ptrdiff_t>(first);
    if (std::none_of(begin, begin + static_cast<std::ptrdiff_t>(end - first), starts_with_digit)) return {};
    SentenceQuantities sentence(folded, first, end);
    std::vector<Quantity> found;
    const std::size_t n = end - first;
    std::size_t next_number = 0;
    for (std::size_t i = 0; i < n;) {
        // Every form has its number within reach_ words of its start ("in
        // excess of US$ 14"): the words farther from the next number are skipped.
        next_number = std::max(next_number, i);
        while (next_number < n && !sentence.IsNumber(next_number)) ++next_number;
        if (next_number == n) break;
        if (next_number - i > reach_) {
            i = next_number - reach_;
            continue;
        }
        std::optional<Quantity> q;
        // A hedge phrase, then money or a percentage: "in excess of $14 billion".
        for (const auto& hedge : hedges_.by_qualifier) {  // not a structured binding: clang 14 can't capture one
            hedge.second->AnyEnd(sentence.words(), i, [&](std::size_t after) {
                q = sentence.MoneyAt(after);
                if (q) q->money.qualifier = hedge.first;
                if (!q) q = sentence.PercentAt(after);
                return q.has_value();
            });
            if (q) {
                q->first_token = first + i;
                break;
            }
        }
        if (!q) q = sentence.MoneyAt(i);
        if (!q) q = sentence.PercentAt(i);
        if (!q) q = sentence.DateAt(i);
        if (!q) {
            ++i;
            continue;
        }
        // "$23.28 a share", "$157 per share": a price, not the size of a deal.
        if (q->kind == QuantityKind::kMoney && sentence.IsPerShare(q->end_token - first)) {
            i = q->end_token - first;
            continue;
        }
        // A range: "$5 million to $7 million", "$5m-$7m".
        const std::size_t after = q->end_token - first;
        if (q->kind == QuantityKind::kMoney && after < n &&
            (sentence.words()[after] == "to" || sentence.words()[after] == "-" || sentence.words()[after] == "–")) {
            if (const std::optional<Quantity> upper = sentence.MoneyAt(after + 1)) {
                q->money.upper = upper->money.value;
                q->end_token = upper->end_token;
            }
        }
        sentence.PreferDollarConversion(*q);
        i = q->end_token - first;
        found.push_back(std::move(*q));
    }
    return found;
}

}  // namespace kgraph::extract
