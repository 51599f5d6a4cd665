// Amounts of money, percentages and dates in a sentence, with the hedges
// ("in excess of", "roughly") that qualify them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kgraph/model.h"
#include "folded_tokens.h"
#include "lexicon.h"
#include "sentence_items.h"
#include "text_segmenter.h"

namespace kgraph::extract {

struct Quantity {
    QuantityKind kind = QuantityKind::kMoney;
    std::size_t first_token = 0, end_token = 0;  // absolute token indices
    Money money;
    double percent = 0;
    std::string date;  // ISO 8601: "2014", "2025-06", "2025-06-15"
};

// Hedge phrases by the Money::qualifier they stand for.
struct HedgeLexicons {
    std::vector<std::pair<std::string, const Lexicon*>> by_qualifier;
};

// 1 to 12 for a folded month name or abbreviation ("march", "sept"); 0 otherwise.
int MonthNumber(std::string_view folded_word);

class QuantityParser {
public:
    explicit QuantityParser(HedgeLexicons hedges);

    // The quantities among tokens [first, end), left to right, not overlapping.
    std::vector<Quantity> Parse(const std::vector<Token>& tokens, const FoldedTokens& folded, std::size_t first,
                                std::size_t end) const;

private:
    HedgeLexicons hedges_;
    // How far a quantity's first word may be from its number: a hedge
    // phrase, then a currency in two words ("US $").
    std::size_t reach_ = 2;
};

}  // namespace kgraph::extract
