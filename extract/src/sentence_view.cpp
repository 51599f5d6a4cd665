#include "sentence_view.h"

#include <algorithm>

namespace kgraph::extract {
namespace {

// The name that is the subject of the nearest clause above the pronoun at
// `token` that can bind it: "Take-Two Interactive, the parent of Rockstar
// Games, announced that it had acquired ...": "it" is Take-Two. A subject or
// object pronoun is never its own clause's subject ("Apple said Google told
// it"), a possessive may be ("Google cut its prices"). The item of that
// name, or -1.
int ClauseSubjectItem(const SentenceParse& parse, const SentenceView& view, std::size_t token) {
    constexpr int kMaxClimb = 8;
    const auto word_of = std::find_if(parse.words.begin(), parse.words.end(), [&](const ParsedWord& w) { return w.token == token; });
    if (word_of == parse.words.end()) return -1;
    const int pronoun = static_cast<int>(word_of - parse.words.begin());
    int clause = word_of->head;
    if (clause >= 0 && word_of->deprel != "nmod:poss") clause = parse.words[static_cast<std::size_t>(clause)].head;
    const auto name_item = [&](int word) {
        const int item = view.item_of_token[parse.words[static_cast<std::size_t>(word)].token - view.first_token];
        const bool name = item >= 0 && view.items[static_cast<std::size_t>(item)].IsMention() &&
                          !view.items[static_cast<std::size_t>(item)].reference;
        return name ? item : -1;
    };
    for (int steps = 0; clause >= 0 && steps < kMaxClimb; ++steps) {
        for (const int child : parse.Children(static_cast<std::size_t>(clause))) {
            const ParsedWord& w = parse.words[static_cast<std::size_t>(child)];
            if (child == pronoun || (w.deprel != "nsubj" && w.deprel != "nsubj:pass")) continue;
            if (const int item = name_item(child); item >= 0) return item;
            // "Rockstar Games' parent company, Take-Two Interactive, announced
            // that it ...": a subject noun stands for the name renaming it.
            for (const int renaming : parse.Children(static_cast<std::size_t>(child))) {
                if (parse.words[static_cast<std::size_t>(renaming)].deprel != "appos") continue;
                if (const int item = name_item(renaming); item >= 0) return item;
            }
        }
        clause = parse.words[static_cast<std::size_t>(clause)].head;
    }
    return -1;
}

// A pronoun's candidates with the subject of the clause that binds it first,
// when it is one of them.
void PreferClauseSubjects(const SentenceParse& parse, SentenceView& view) {
    int previous = -1;
    for (std::size_t t = 0; t < view.item_of_token.size(); ++t) {
        const int i = view.item_of_token[t];
        if (i < 0 || i == previous) continue;
        previous = i;
        SentenceItem& item = view.items[static_cast<std::size_t>(i)];
        if (!item.reference || item.word.size() > 3 || item.candidates.size() < 2) continue;
        const int subject = ClauseSubjectItem(parse, view, view.first_token + t);
        if (subject < 0) continue;
        const auto it = std::find(item.candidates.begin(), item.candidates.end(), view.items[static_cast<std::size_t>(subject)].entity);
        if (it != item.candidates.end()) std::rotate(item.candidates.begin(), it, it + 1);
    }
}

}  // namespace

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
    if (!document_.parses[sentence].empty()) PreferClauseSubjects(document_.parses[sentence], view);
    return view;
}

}  // namespace kgraph::extract
