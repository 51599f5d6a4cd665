// The stages that annotate a whole document before any relation is sought:
// segment -> tokens (folded) -> lines (furniture, headlines) -> mentions ->
// references (entities, antecedents) -> tags and parse -> topic. Their output,
// one AnnotatedDocument, is what the relation stages read.
//
// Thread-safety: a DocumentAnnotator is immutable once built; Annotate() may
// be called from several threads at once.
#pragma once

#include "kgraph/model.h"
#include "kgraph/nlp/parser.h"
#include "folded_tokens.h"
#include "lexicon.h"
#include "mention_finder.h"
#include "mention_resolver.h"
#include "page_furniture.h"
#include "quantity_parser.h"
#include "rule_set.h"
#include "sentence_parse.h"
#include "text_segmenter.h"

namespace kgraph::extract {

class DocumentAnnotator;

// One document and every annotation of it, each written by one stage and read
// by the later ones. It refers to the Document, and its members to each
// other, so it is neither copied nor moved.
struct AnnotatedDocument {
    AnnotatedDocument(const Document& document, const DocumentAnnotator& stages);
    AnnotatedDocument(const AnnotatedDocument&) = delete;
    AnnotatedDocument& operator=(const AnnotatedDocument&) = delete;

    const Document& document;
    const SegmentedText text;
    const FoldedTokens folded;
    const std::vector<LineRole> lines;
    const std::vector<bool> furniture_lines;  // by line: yields neither mention nor parse
    const MentionsFound found;
    const ResolvedMentions resolved;
    const std::vector<SentenceParse> parses;  // by sentence
    const DiscourseContext context;
};

// The lower-case entries of a word list with one word a line, such as
// /usr/share/dict/words; they tell names from common words.
WordList EnglishWords(std::string_view list);

class DocumentAnnotator {
public:
    // `rules` (its lexicons) and `parser` must outlive the annotator.
    // `dictionary` (EnglishWords) may be empty: names are then told from
    // common words by the lexicons alone, which finds fewer of them right.
    DocumentAnnotator(const RuleSet& rules, const nlp::Parser& parser, TextSegmenter segmenter, WordList dictionary);

    const RuleSet& rules() const { return rules_; }
    // Quantities are parsed per sentence by the relation stages, with the
    // hedge lexicons wired here.
    const QuantityParser& quantities() const { return quantities_; }

private:
    friend struct AnnotatedDocument;

    const RuleSet& rules_;
    TextSegmenter segmenter_;
    WordList dictionary_;
    ParseAnnotator parses_;
    PageFurniture furniture_;
    MentionFinder finder_;
    MentionResolver resolver_;
    QuantityParser quantities_;
};

}  // namespace kgraph::extract
