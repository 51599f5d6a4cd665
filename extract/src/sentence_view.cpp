#include "sentence_view.h"

namespace kgraph::extract {

SentenceViewBuilder::SentenceViewBuilder(const RuleSet& rules, const QuantityParser& quantities,
                                         const AnnotatedDocument& document)
    : rules_(rules), quantities_(quantities), document_(document),
      first_mention_of_sentence_(document.text.sentences.size() + 1) {
    const std::vector<Mention>& mentions = document.found.mentions;
    std::size_t m = 0;
    for (std::size_t s = 0; s <= document.text.sentences.size(); ++s) {
        while (m < mentions.size() && mentions[m].sentence < s) ++m;
        first_mention_of_sentence_[s] = m;
    }
}

SentenceView SentenceViewBuilder::Build(std::size_t sentence, const std::vector<MentionType>& types) const {
    const SegmentedText& text = document_.text;
    const FoldedTokens& folded = document_.folded;
    const MentionsFound& found = document_.found;
    const ResolvedMentions& resolved = document_.resolved;
    const Sentence& s = text.sentences[sentence];
    SentenceView view;
    view.sentence = sentence;
    view.first_token = s.first_token;
    view.anchors.resize(rules_.anchors().size());
    view.items.reserve(s.end_token - s.first_token);
    view.item_of_token.assign(s.end_token - s.first_token, -1);
    view.quantities = quantities_.Parse(text.tokens, folded, s.first_token, s.end_token);
    std::size_t q = 0;
    std::size_t m = first_mention_of_sentence_[sentence];
    const std::size_t mentions_end = first_mention_of_sentence_[sentence + 1];
    for (std::size_t t = s.first_token; t < s.end_token; ++t) {
        if (found.hidden_tokens[t]) continue;
        SentenceItem& item = view.items.emplace_back();  // every visible token starts one item
        const Token& token = text.tokens[t];
        const std::size_t item_start = t;
        while (m < mentions_end && found.mentions[m].first_token < t) ++m;
        // A quantity on hidden tokens (the date of a dateline) is no item.
        while (q < view.quantities.size() && view.quantities[q].first_token < t) ++q;
        if (q < view.quantities.size() && view.quantities[q].first_token == t) {
            const Quantity& quantity = view.quantities[q];
            item.kind = SentenceItem::Kind::kQuantity;
            item.quantity_kind = quantity.kind;
            item.quantity = static_cast<int>(q++);
            item.begin = token.begin;
            item.end = text.tokens[quantity.end_token - 1].end;
            t = quantity.end_token - 1;
        } else if (m < mentions_end && found.mentions[m].first_token == t &&
                   (found.mentions[m].reference || resolved.entity_of_mention[m] >= 0)) {
            // A name the resolver made no entity of (no key to file it
            // under) is read as its words.
            const Mention& mention = found.mentions[m];
            item.kind = SentenceItem::Kind::kMention;
            item.entity = resolved.entity_of_mention[m];
            item.candidates = resolved.candidates_of_mention[m];
            item.reference = mention.reference;
            item.possessive = mention.possessive;
            item.type = mention.reference ? mention.cue : types[static_cast<std::size_t>(item.entity)];
            item.word = FoldCase(mention.raw);
            item.word_id = rules_.vocabulary().Find(item.word);
            item.begin = token.begin;
            item.end = text.tokens[mention.end_token - 1].end;
            t = mention.end_token - 1;
            ++m;
            ++view.mentions;
        } else {
            item.word = folded.Word(t);
            item.word_id = folded.WordId(t);
            item.number = token.kind == Token::Kind::kNumber;
            item.begin = token.begin;
            item.end = token.end;
        }
        for (std::size_t covered = item_start; covered <= t; ++covered) {
            view.item_of_token[covered - s.first_token] = static_cast<int>(view.items.size() - 1);
        }
        // Only what HasWord() sees can match a pattern's word or lexicon.
        if (item.kind == SentenceItem::Kind::kWord || item.reference) rules_.anchors().Mark(item.word_id, view.anchors);
    }
    return view;
}

}  // namespace kgraph::extract
