// Runs the rules over a document's sentences and turns their matches into
// DocumentFacts: references and implicit arguments resolved, the schema
// checked, attributes and modality attached, evidence merged per relation.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kgraph/extract.h"
#include "mention_resolver.h"
#include "page_furniture.h"
#include "quantity_parser.h"
#include "rule_set.h"
#include "sentence_parse.h"

namespace kgraph::extract {

class FactCollector {
public:
    FactCollector(const RuleSet& rules, const QuantityParser& quantities, const SegmentedText& text,
                  const FoldedTokens& folded, const MentionsFound& found, const ResolvedMentions& resolved,
                  const DiscourseContext& context, const std::vector<SentenceParse>& parses, const Document& document);

    DocumentFacts Run(const std::vector<LineRole>& lines, Explanation* explanation, ExtractionCounts* counts);

private:
    static constexpr int kUnresolved = -1;
    static constexpr int kAwaitingAffiliation = -2;

    struct SentenceView {
        SentenceItems items;
        std::vector<Quantity> quantities;
        SentenceAnchors anchors;  // of the rules, found among the words
        std::size_t mentions = 0;
        std::vector<int> item_of_token;  // from the sentence's first token; -1: hidden
    };
    // One relation a rule match states, before it is judged.
    struct Candidate {
        const Rule* rule = nullptr;
        const Emission* emission = nullptr;
        std::size_t sentence = 0;
        int subject = kUnresolved, object = kUnresolved;
        Evidence evidence;  // attributes, modality, rule and confidence
        std::string problem;  // why it cannot be a relation, when it cannot
    };

    SentenceView BuildView(std::size_t sentence) const;
    void MatchSentence(std::size_t sentence, const SentenceView& view);
    std::vector<PatternMatch> MatchesOf(const Rule& rule, const SentenceView& view,
                                        const std::optional<ParseView>& parse) const;
    std::optional<ParseView> ParseViewOf(std::size_t sentence, const SentenceView& view) const;
    std::vector<int> RoleEntities(std::size_t sentence, const SentenceView& view, const Rule& rule,
                                  const PatternMatch& match, int role, std::string* problem) const;
    void AttachAttributes(const SentenceView& view, const PatternMatch& match, Candidate& c) const;
    std::string ModalityOf(const Rule& rule, const SentenceView& view, const PatternMatch& match) const;
    void Judge(Candidate& c);
    void Accept(const Candidate& c);
    void Reject(const Candidate& c, const std::string& why);
    std::string Describe(const Candidate& c) const;
    std::string EntityLabel(int entity) const;
    SentenceExplanation* ExplanationOf(std::size_t sentence);
    std::optional<std::string> PublicationDate() const;
    DocumentFacts Assemble() const;

    const RuleSet& rules_;
    const Lexicon& negation_;
    const QuantityParser& quantities_;
    const SegmentedText& text_;
    const FoldedTokens& folded_;
    const MentionsFound& found_;
    const ResolvedMentions& resolved_;
    const DiscourseContext& context_;
    const std::vector<SentenceParse>& parses_;
    const Document& document_;

    std::vector<MentionType> types_;  // entity types, refined as relations are accepted
    std::vector<std::size_t> first_mention_of_sentence_;
    std::optional<std::string> publication_date_;
    std::vector<Candidate> awaiting_affiliation_;
    std::multimap<int, int> affiliations_;  // person -> organization
    std::vector<Relation> relations_;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> relation_index_;

    Explanation* explanation_ = nullptr;
    std::map<std::size_t, std::size_t> explanation_of_sentence_;
    ExtractionCounts counts_;
};

}  // namespace kgraph::extract
