// The sentence-view stage: a sentence's tokens, mentions and quantities
// collapsed into the items that relation patterns match (see
// sentence_items.h), with the map from tokens to items that the parse needs
// and the rules' anchor words the sentence contains.
#pragma once

#include <vector>

#include "document_annotator.h"
#include "quantity_parser.h"
#include "rule_set.h"
#include "sentence_items.h"

namespace kgraph::extract {

struct SentenceView {
    std::size_t sentence = 0;     // index into SegmentedText::sentences
    std::size_t first_token = 0;  // the sentence's, index into SegmentedText::tokens
    SentenceItems items;
    std::vector<Quantity> quantities;  // SentenceItem::quantity indexes these
    SentenceAnchors anchors;           // of the rules, found among the words
    std::size_t mentions = 0;
    std::vector<int> item_of_token;  // from `first_token` on; -1: hidden
};

class SentenceViewBuilder {
public:
    // All three must outlive the builder.
    SentenceViewBuilder(const RuleSet& rules, const QuantityParser& quantities, const AnnotatedDocument& document);

    // `types`: the type of every entity as known so far; a name's item
    // carries it, so that "{subj:ORG}" matches a name an earlier relation typed.
    SentenceView Build(std::size_t sentence, const std::vector<MentionType>& types) const;

private:
    const RuleSet& rules_;
    const QuantityParser& quantities_;
    const AnnotatedDocument& document_;
    std::vector<std::size_t> first_mention_of_sentence_;  // one more than sentences
};

}  // namespace kgraph::extract
