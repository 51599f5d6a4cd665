// The tags-and-parse stage: the words of a sentence as Universal Dependencies
// sees them (clitics split off: "Meta's" is "Meta" + "'s"), each with its
// part of speech, lemma, head and relation, and the token it came from.
//
// Only sentences that can hold a relation are parsed: a sentence of page
// furniture, one that names nobody, or one without a word of a syntax rule's
// trigger keeps an empty parse, and so does a sentence whose mentions cannot
// stand for two different entities (one name, or one name said twice),
// unless the trigger is of a rule with an implicit role: a relation joins
// two entities, and the other rules take both from the sentence's mentions.
// A confirming rule's trigger ("the $44 billion buyout deal") is worth a
// parse only in a sentence that holds a number, the amount it would add.
// Parsing is the extractor's most expensive stage, and most sentences of an
// article state no relation of the seven kinds.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "folded_tokens.h"
#include "kgraph/nlp/parser.h"
#include "lexicon.h"
#include "mention_finder.h"
#include "mention_resolver.h"
#include "text_segmenter.h"

namespace kgraph::extract {

struct ParsedWord {
    std::size_t token = 0;           // index into SegmentedText::tokens
    std::size_t begin = 0, end = 0;  // byte offsets in the document
    std::string_view form;           // into the document text
    nlp::Upos upos = nlp::Upos::kX;
    std::string lemma;
    int head = -1;  // index into the sentence's words; -1 for the root
    std::string deprel;
};

struct SentenceParse {
    std::vector<ParsedWord> words;
    bool empty() const { return words.empty(); }
    // The words whose head is `word`, in word order, as LinkChildren() found them.
    std::span<const int> Children(std::size_t word) const {
        return std::span<const int>(children_).subspan(first_child_[word], first_child_[word + 1] - first_child_[word]);
    }
    // Lists every word's children from the words' heads, which must be final.
    void LinkChildren();

private:
    // All the lists in one array, word after word: a vector per word was
    // most of the allocations of a parsed sentence.
    std::vector<int> children_;
    std::vector<std::size_t> first_child_;  // by word, into children_; one more for the end
};

// Words the parser is told the part of speech of: person titles
// ("executive"), nouns where they end a noun phrase and adjectives before
// another title ("chief executive officer"); the words that say when a
// title is held ("interim", "former"), adjectives before a title; and
// `verbs` ("appoints"), verbs right after a name. `honorifics` ("Mr.",
// "Dr."): abbreviations whose full stop ends no sentence.
struct KnownWords {
    const Lexicon& titles;
    const Lexicon& title_modifiers;
    const WordSet& verbs;
    const Lexicon& honorifics;
    const Lexicon& appointments;  // appoint, name ...: "named X chief executive"
};

// The folded word forms that can start a relation (RuleSet): `any`, in a
// sentence whose mentions stand for two entities; `one_entity`, in one whose
// mentions stand for one; `with_number`, in any sentence that holds a number
// (a confirming rule's, which adds an amount).
struct ParseTriggers {
    const WordSet& any;
    const WordSet& one_entity;
    const WordSet& with_number;
};

class ParseAnnotator {
public:
    // A sentence with none of the `triggers` is not parsed. All must outlive this.
    ParseAnnotator(const nlp::Parser& parser, ParseTriggers triggers, KnownWords known)
        : parser_(parser), triggers_(triggers), known_(known) {}

    // One parse per sentence of `text` (empty where `skip_line` is set for
    // the sentence's line, where `found` has no name in the sentence, or
    // where no trigger occurs that the sentence's mentions, as `resolved`
    // makes them entities, could serve).
    std::vector<SentenceParse> Annotate(const SegmentedText& text, const FoldedTokens& folded,
                                        const std::vector<bool>& skip_line, const MentionsFound& found,
                                        const ResolvedMentions& resolved) const;
    // `name_of`: per token of the document, the index of the name the name
    // finder put it in, or -1. A name is one proper noun for the parser; in
    // the parse its last word heads it and its other words are `flat`.
    SentenceParse Parse(const SegmentedText& text, const Sentence& sentence, const std::vector<int>& name_of) const;

private:
    bool MayHoldRelation(const SegmentedText& text, const FoldedTokens& folded, const Sentence& sentence,
                         bool two_entities) const;

    const nlp::Parser& parser_;
    const ParseTriggers triggers_;
    const KnownWords known_;
};

// "nsubj(invested-2, Meta-1)" lines, one per word, for `kgraph extract --explain --parse`.
std::string FormatParse(const SentenceParse& parse);

}  // namespace kgraph::extract
