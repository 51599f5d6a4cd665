// The view of a sentence that relation patterns match against: words, entity
// mentions (names, pronouns, "the company") and quantities, each one item.
// Collapsing a multi-token name or amount into one item is what lets a
// pattern say "{subj:ORG} invested {amount:MONEY} in {obj:ORG}" without
// caring how long the name or the amount was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kgraph::extract {

// What the text tells about a name before any rule ran. kUnknown names get
// their type from the schema of the first relation that uses them.
enum class MentionType : std::uint8_t { kUnknown, kOrganization, kPerson };

enum class QuantityKind : std::uint8_t { kMoney, kPercent, kDate };

struct SentenceItem {
    enum class Kind : std::uint8_t { kWord, kMention, kQuantity };
    Kind kind = Kind::kWord;
    std::string word;  // lower-cased text (words, and references such as "its")
    int word_id = -1;  // `word` in the rules' Vocabulary; -1 when the rules never mention it
    std::size_t begin = 0, end = 0;  // byte offsets in the document
    bool number = false;             // a word that is a number ("28")

    // Mentions. A name has an entity; a reference ("it", "the firm") has
    // ranked antecedent candidates instead, chosen once the match is known.
    int entity = -1;
    std::vector<int> candidates;
    MentionType type = MentionType::kUnknown;
    bool possessive = false;
    bool reference = false;

    // Quantities: index into the sentence's quantity list.
    QuantityKind quantity_kind = QuantityKind::kMoney;
    int quantity = -1;

    bool IsMention() const { return kind == Kind::kMention; }
    // Literal pattern words match words, and the words of a reference ("its").
    bool HasWord(const std::string& w) const { return (kind == Kind::kWord || reference) && word == w; }
    bool HasWord(int id) const { return (kind == Kind::kWord || reference) && word_id == id; }
};

using SentenceItems = std::vector<SentenceItem>;

}  // namespace kgraph::extract
