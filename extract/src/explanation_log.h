// The explanation of `kgraph extract --explain`, written by the relation
// stages as they go: per sentence its parse, its named entities, and every
// candidate relation accepted or rejected with the reason. Costs nothing
// when the caller did not ask for it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document_annotator.h"
#include "kgraph/extract.h"
#include "sentence_view.h"

namespace kgraph::extract {

class ExplanationLog {
public:
    // `out` may be null: then nothing is written. Both must outlive the log.
    ExplanationLog(Explanation* out, const AnnotatedDocument& document) : out_(out), document_(document) {}

    // The explanation of `sentence`, added (in the order sentences are first
    // written about) on first use; null when nobody asked for one.
    SentenceExplanation* Of(std::size_t sentence);
    // A sentence of page furniture, which yields nothing.
    void Skipped(std::size_t sentence, const std::string& why);
    // The parse of the view's sentence and its names with their types so far.
    void Annotate(const SentenceView& view, const std::vector<MentionType>& types);

private:
    Explanation* out_;
    const AnnotatedDocument& document_;
    std::map<std::size_t, std::size_t> index_of_sentence_;
};

}  // namespace kgraph::extract
