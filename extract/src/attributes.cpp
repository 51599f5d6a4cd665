#include "attributes.h"

#include <algorithm>

namespace kgraph::extract {
namespace {

// How many lines from the top a page's date line may be.
constexpr std::size_t kPublicationLines = 8;

// How far after a match a level it reaches may stand ("raised its stake in
// Subaru from 16.8% to 20%").
constexpr std::size_t kLevelReach = 6;

const Quantity* QuantityAt(const SentenceView& view, std::size_t i, QuantityKind kind) {
    const SentenceItem& item = view.items[i];
    if (item.kind != SentenceItem::Kind::kQuantity || item.quantity_kind != kind) return nullptr;
    return &view.quantities[static_cast<std::size_t>(item.quantity)];
}

// The first quantity of `kind` in `role`'s span, else (role unbound) in the
// match, else a percentage the match's statement goes "to" right after it:
// the parser hangs "to 20%" anywhere, and the last level is the stake held.
const Quantity* QuantityFor(const SentenceView& view, const PatternMatch& match, int role, QuantityKind kind) {
    const RoleSpan span = match.roles[static_cast<std::size_t>(role)];
    std::size_t from = match.begin, to = match.end;
    if (span.bound()) {
        from = static_cast<std::size_t>(span.first);
        to = static_cast<std::size_t>(span.end);
    }
    for (std::size_t i = from; i < to; ++i) {
        if (const Quantity* q = QuantityAt(view, i, kind)) return q;
    }
    if (span.bound() || kind != QuantityKind::kPercent) return nullptr;
    const Quantity* level = nullptr;
    for (std::size_t i = match.end; i < std::min(view.items.size(), match.end + kLevelReach); ++i) {
        if (view.items[i].IsMention()) break;
        if (const Quantity* q = QuantityAt(view, i, kind); q != nullptr && i > 0 && view.items[i - 1].HasWord("to")) level = q;
    }
    return level;
}

}  // namespace

std::optional<std::string> PublicationDate(const AnnotatedDocument& document, const QuantityParser& quantities) {
    const SegmentedText& text = document.text;
    for (std::size_t l = 0; l < std::min(kPublicationLines, text.lines.size()); ++l) {
        const Line& line = text.lines[l];
        const std::string folded = FoldCase(document.document.text.substr(line.begin, line.end - line.begin));
        if (folded.find("publi") == std::string::npos && folded.find("posted") == std::string::npos &&
            folded.find("updated") == std::string::npos) {
            continue;
        }
        const std::size_t first = text.sentences[line.first_sentence].first_token;
        const std::size_t end = text.sentences[line.end_sentence - 1].end_token;
        for (const Quantity& q : quantities.Parse(text.tokens, document.folded, first, end)) {
            if (q.kind == QuantityKind::kDate && q.date.size() >= 7) return q.date;
        }
    }
    return std::nullopt;
}

void AttributeFinder::Attach(const RelationType& type, const SentenceView& view, const PatternMatch& match,
                             Evidence& evidence) const {
    if (type.takes_amount) {
        if (const Quantity* q = QuantityFor(view, match, rules_.amount_role(), QuantityKind::kMoney)) evidence.amount = q->money;
    }
    if (type.takes_percent) {
        if (const Quantity* q = QuantityFor(view, match, rules_.percent_role(), QuantityKind::kPercent)) evidence.percent = q->percent;
    }
    if (type.takes_date) {
        if (const Quantity* q = QuantityFor(view, match, rules_.date_role(), QuantityKind::kDate)) {
            evidence.date = q->date;
        } else if (type.dated_by_publication) {
            evidence.date = publication_date_;
        }
    }
}

std::string AttributeFinder::Modality(const Rule& rule, const SentenceView& view, const PatternMatch& match) const {
    if (!rule.modality.empty()) return rule.modality;
    for (const ModalityCue& cue : rules_.modality_cues()) {
        for (std::size_t i = 0; i < match.end; ++i) {
            if (cue.cues->StartsAt(view.items, i)) return cue.modality;
        }
    }
    return "";
}

bool AttributeFinder::Negated(const SentenceView& view, const PatternMatch& match) const {
    if (match.negated) return true;
    for (std::size_t i = match.begin; i < match.end; ++i) {
        if (negation_.StartsAt(view.items, i)) return true;
    }
    return false;
}

}  // namespace kgraph::extract
