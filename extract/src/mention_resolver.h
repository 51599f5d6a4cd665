// Which mentions of a document name the same entity, what that entity is
// called, and what a reference ("it", "the firm") or an implicit argument
// most likely stands for.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "lexicon.h"
#include "mention_finder.h"
#include "text_segmenter.h"

namespace kgraph::extract {

struct DocumentEntity {
    std::string name;  // the fullest form, as the document writes it most often
    std::vector<std::string> aliases;
    MentionType type = MentionType::kUnknown;
    bool confident = false;
    bool product = false;  // some mention says it is made by someone ("the ChatGPT maker")
    std::size_t mentions = 0;
};

struct ResolvedMentions {
    std::vector<DocumentEntity> entities;
    std::vector<int> entity_of_mention;               // -1 for references
    std::vector<std::vector<int>> candidates_of_mention;  // references: antecedents, best first
};

class MentionResolver {
public:
    explicit MentionResolver(const Lexicon& org_suffix) : org_suffix_(org_suffix) {}

    // Groups names by case- and punctuation-folded form, then joins short
    // forms to the full name they abbreviate: "Scale" and "SCALE" to "Scale
    // AI" (the rest is company suffixes), "Wang" to "Alexandr Wang" (a
    // surname). Then ranks the antecedents of every reference.
    ResolvedMentions Resolve(const MentionsFound& found) const;

private:
    std::vector<int> ClusterNames(const MentionsFound& found, std::vector<DocumentEntity>& entities) const;
    const Lexicon& org_suffix_;
};

// The discourse around a sentence: which organization a paragraph or the
// document is about, for arguments a sentence leaves implicit.
class DiscourseContext {
public:
    // `heading_of_line[l]`: index of the headline above line l, or -1.
    DiscourseContext(const SegmentedText& text, const MentionsFound& found, const ResolvedMentions& resolved,
                     std::vector<int> heading_of_line);

    // The organization the paragraph of `line` is about: mentions in the
    // paragraph and its headline weigh more than elsewhere in the document.
    // -1 when there is none outside `excluded`.
    int Topic(std::size_t line, const std::vector<int>& excluded) const;
    // The topic of the sentence's paragraph among the organizations the
    // sentence does not name: "Kestrel Energy led the round, with
    // participation from Brantel Group" names neither the round's company
    // nor the topic, which would be one of the two investors.
    int TopicElsewhere(std::size_t sentence, std::vector<int> excluded) const;
    // The first organization named in the sentence (not a product: "the maker
    // of KitKat bars"), else the topic.
    int SentenceSubject(std::size_t sentence, const std::vector<int>& excluded) const;

private:
    const ResolvedMentions& resolved_;
    std::vector<std::vector<int>> entities_of_sentence_;                 // names, in order
    std::vector<std::vector<std::pair<int, std::size_t>>> names_of_line_;  // entity, mentions in the line
    std::vector<std::size_t> line_of_sentence_;
    std::vector<std::size_t> document_count_;  // mentions per entity
    std::vector<int> heading_of_line_;
};

}  // namespace kgraph::extract
