#include "explanation_log.h"

#include <algorithm>

#include "relation_candidate.h"

namespace kgraph::extract {

SentenceExplanation* ExplanationLog::Of(std::size_t sentence) {
    if (out_ == nullptr) return nullptr;
    auto [it, inserted] = index_of_sentence_.emplace(sentence, out_->sentences.size());
    if (inserted) {
        const Sentence& s = document_.text.sentences[sentence];
        out_->sentences.push_back({s.begin, s.end, document_.document.text.substr(s.begin, s.end - s.begin), {}, {}, {}, {}});
    }
    return &out_->sentences[it->second];
}

void ExplanationLog::Skipped(std::size_t sentence, const std::string& why) {
    if (SentenceExplanation* e = Of(sentence)) e->rejected.push_back("skipped: page furniture (" + why + ")");
}

void ExplanationLog::Annotate(const SentenceView& view, const std::vector<MentionType>& types) {
    SentenceExplanation* e = Of(view.sentence);
    if (e == nullptr) return;
    e->parse = FormatParse(document_.parses[view.sentence]);
    for (const SentenceItem& item : view.items) {
        if (!item.IsMention() || item.reference) continue;
        const std::string label = EntityLabel(document_.resolved, item.entity) + " (" +
                                  std::string(EntityTypeName(FinalType(types[static_cast<std::size_t>(item.entity)]))) + ")";
        if (std::find(e->entities.begin(), e->entities.end(), label) == e->entities.end()) e->entities.push_back(label);
    }
}

}  // namespace kgraph::extract
