#include "fact_collector.h"

#include <algorithm>
#include <unordered_set>

namespace kgraph::extract {
namespace {

constexpr std::size_t kPublicationLines = 8;

EntityType FinalType(MentionType type) {
    return type == MentionType::kPerson ? EntityType::kPerson : EntityType::kOrganization;
}

bool Allows(const std::vector<EntityType>& allowed, MentionType type) {
    return type == MentionType::kUnknown ||
           std::find(allowed.begin(), allowed.end(), FinalType(type)) != allowed.end();
}

std::string TypeNames(const std::vector<EntityType>& types) {
    std::string out;
    for (const EntityType t : types) out += (out.empty() ? "" : " or ") + std::string(EntityTypeName(t));
    return out;
}

// Keeps the attributes of `from` that `into` lacks (two rules, one sentence).
void FillMissing(Evidence& into, const Evidence& from) {
    if (!into.amount) into.amount = from.amount;
    if (!into.percent) into.percent = from.percent;
    if (!into.date) into.date = from.date;
}

}  // namespace

FactCollector::FactCollector(const RuleSet& rules, const QuantityParser& quantities, const SegmentedText& text,
                             const FoldedTokens& folded, const MentionsFound& found, const ResolvedMentions& resolved,
                             const DiscourseContext& context, const std::vector<SentenceParse>& parses,
                             const Document& document)
    : rules_(rules), negation_(rules.lexicon("negation")), quantities_(quantities), text_(text), folded_(folded),
      found_(found), resolved_(resolved), context_(context), parses_(parses), document_(document),
      first_mention_of_sentence_(text.sentences.size() + 1) {
    types_.reserve(resolved.entities.size());
    for (const DocumentEntity& e : resolved.entities) types_.push_back(e.type);
    std::size_t m = 0;
    for (std::size_t s = 0; s <= text.sentences.size(); ++s) {
        while (m < found.mentions.size() && found.mentions[m].sentence < s) ++m;
        first_mention_of_sentence_[s] = m;
    }
}

DocumentFacts FactCollector::Run(const std::vector<LineRole>& lines, Explanation* explanation, ExtractionCounts* counts) {
    explanation_ = explanation;
    publication_date_ = PublicationDate();
    for (std::size_t s = 0; s < text_.sentences.size(); ++s) {
        ++counts_.sentences;
        const LineRole& line = lines[text_.sentences[s].line];
        if (line.furniture) {
            if (SentenceExplanation* e = ExplanationOf(s)) e->rejected.push_back("skipped: page furniture (" + line.why + ")");
            continue;
        }
        MatchSentence(s, BuildView(s));
    }
    // "Wang has switched to Meta" needs to know, from the whole document,
    // which organization Wang led before.
    for (Candidate& c : awaiting_affiliation_) {
        const auto [first, last] = affiliations_.equal_range(c.subject);
        for (auto it = first; it != last && c.object == kAwaitingAffiliation; ++it) {
            if (it->second != c.subject && c.problem.empty()) c.object = it->second;
        }
        if (c.object == kAwaitingAffiliation) c.problem = "no organization known for " + EntityLabel(c.subject) + " in this document";
        Judge(c);
    }
    if (counts != nullptr) {
        counts->sentences += counts_.sentences;
        counts->relations += counts_.relations;
        counts->rejected_by_schema += counts_.rejected_by_schema;
    }
    return Assemble();
}

FactCollector::SentenceView FactCollector::BuildView(std::size_t sentence) const {
    const Sentence& s = text_.sentences[sentence];
    SentenceView view;
    view.anchors.resize(rules_.anchors().size());
    view.items.reserve(s.end_token - s.first_token);
    view.item_of_token.assign(s.end_token - s.first_token, -1);
    view.quantities = quantities_.Parse(text_.tokens, folded_, s.first_token, s.end_token);
    std::size_t q = 0;
    std::size_t m = first_mention_of_sentence_[sentence];
    const std::size_t mentions_end = first_mention_of_sentence_[sentence + 1];
    for (std::size_t t = s.first_token; t < s.end_token; ++t) {
        if (found_.hidden_tokens[t]) continue;
        SentenceItem& item = view.items.emplace_back();  // every visible token starts one item
        const Token& token = text_.tokens[t];
        const std::size_t item_start = t;
        while (m < mentions_end && found_.mentions[m].first_token < t) ++m;
        // A quantity on hidden tokens (the date of a dateline) is no item.
        while (q < view.quantities.size() && view.quantities[q].first_token < t) ++q;
        if (q < view.quantities.size() && view.quantities[q].first_token == t) {
            const Quantity& quantity = view.quantities[q];
            item.kind = SentenceItem::Kind::kQuantity;
            item.quantity_kind = quantity.kind;
            item.quantity = static_cast<int>(q++);
            item.begin = token.begin;
            item.end = text_.tokens[quantity.end_token - 1].end;
            t = quantity.end_token - 1;
        } else if (m < mentions_end && found_.mentions[m].first_token == t) {
            const Mention& mention = found_.mentions[m];
            item.kind = SentenceItem::Kind::kMention;
            item.entity = resolved_.entity_of_mention[m];
            item.candidates = resolved_.candidates_of_mention[m];
            item.reference = mention.reference;
            item.possessive = mention.possessive;
            item.type = mention.reference ? mention.cue : types_[static_cast<std::size_t>(item.entity)];
            item.word = FoldCase(mention.raw);
            item.word_id = rules_.vocabulary().Find(item.word);
            item.begin = token.begin;
            item.end = text_.tokens[mention.end_token - 1].end;
            t = mention.end_token - 1;
            ++m;
            ++view.mentions;
        } else {
            item.word = folded_.Word(t);
            item.word_id = folded_.WordId(t);
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

void FactCollector::MatchSentence(std::size_t sentence, const SentenceView& view) {
    if (SentenceExplanation* e = ExplanationOf(sentence)) {
        e->parse = FormatParse(parses_[sentence]);
        for (const SentenceItem& item : view.items) {
            if (!item.IsMention() || item.reference) continue;
            const std::string label = EntityLabel(item.entity) + " (" +
                                      std::string(EntityTypeName(FinalType(types_[static_cast<std::size_t>(item.entity)]))) + ")";
            if (std::find(e->entities.begin(), e->entities.end(), label) == e->entities.end()) e->entities.push_back(label);
        }
    }
    const std::optional<ParseView> parse = ParseViewOf(sentence, view);
    for (const Rule& rule : rules_.rules()) {
        for (const PatternMatch& match : MatchesOf(rule, view, parse)) {
            for (const Emission& emission : rule.emissions) {
                std::string problem;
                const std::vector<int> subjects = RoleEntities(sentence, view, rule, match, emission.subject_role, &problem);
                const std::vector<int> objects = RoleEntities(sentence, view, rule, match, emission.object_role, &problem);
                Candidate base;
                base.rule = &rule;
                base.emission = &emission;
                base.sentence = sentence;
                base.problem = problem;
                base.evidence.rule = rule.name;
                base.evidence.confidence = emission.confidence;
                base.evidence.modality = ModalityOf(rule, view, match);
                AttachAttributes(view, match, base);
                for (std::size_t i = match.begin; i < match.end && base.problem.empty(); ++i) {
                    if (negation_.StartsAt(view.items, i)) base.problem = "negated";
                }
                for (const int subject : subjects) {
                    for (const int object : objects) {
                        Candidate c = base;
                        c.subject = subject;
                        c.object = object;
                        if (object == kAwaitingAffiliation) {
                            awaiting_affiliation_.push_back(std::move(c));
                        } else {
                            Judge(c);
                        }
                    }
                }
            }
        }
    }
}

std::optional<ParseView> FactCollector::ParseViewOf(std::size_t sentence, const SentenceView& view) const {
    const SentenceParse& parse = parses_[sentence];
    if (parse.empty() || view.mentions == 0) return std::nullopt;
    const std::size_t first_token = text_.sentences[sentence].first_token;
    std::vector<int> item_of_word;
    item_of_word.reserve(parse.words.size());
    for (const ParsedWord& word : parse.words) item_of_word.push_back(view.item_of_token[word.token - first_token]);
    return std::make_optional<ParseView>(parse, view.items, std::move(item_of_word));
}

std::vector<PatternMatch> FactCollector::MatchesOf(const Rule& rule, const SentenceView& view,
                                                   const std::optional<ParseView>& parse) const {
    if (rule.syntax) return parse ? rule.syntax->FindAll(*parse, rules_.roles().size()) : std::vector<PatternMatch>{};
    if (!rule.CouldMatch(view.anchors, view.mentions)) return {};
    return rule.pattern.FindAll(view.items, rules_.roles().size());
}

// The entities a role stands for: the names in its span (several for a
// coordination), a resolved reference, or the rule's implicit filler.
std::vector<int> FactCollector::RoleEntities(std::size_t sentence, const SentenceView& view, const Rule& rule,
                                             const PatternMatch& match, int role, std::string* problem) const {
    std::vector<int> in_match, in_roles;
    for (std::size_t i = match.begin; i < match.end; ++i) {
        const SentenceItem& item = view.items[i];
        if (item.IsMention() && !item.reference) in_match.push_back(item.entity);
    }
    for (const RoleSpan& bound : match.roles) {
        for (int i = bound.first; i >= 0 && i < bound.end; ++i) {
            const SentenceItem& item = view.items[static_cast<std::size_t>(i)];
            if (item.IsMention() && !item.reference) in_roles.push_back(item.entity);
        }
    }
    const RoleSpan span = static_cast<std::size_t>(role) < match.roles.size() ? match.roles[static_cast<std::size_t>(role)] : RoleSpan{};
    std::vector<int> entities;
    if (span.bound()) {
        for (int i = span.first; i < span.end; ++i) {
            const SentenceItem& item = view.items[static_cast<std::size_t>(i)];
            if (!item.IsMention()) continue;
            if (!item.reference) {
                entities.push_back(item.entity);
                continue;
            }
            // A reference never stands for a name of the same statement:
            // in "Meta is one of its largest customers", "its" is not Meta.
            const auto antecedent = std::find_if(item.candidates.begin(), item.candidates.end(), [&](int e) {
                return std::find(in_match.begin(), in_match.end(), e) == in_match.end();
            });
            if (antecedent == item.candidates.end()) {
                *problem = "'" + item.word + "' refers to nothing named before";
                entities.push_back(kUnresolved);
            } else {
                entities.push_back(*antecedent);
            }
        }
        return entities;
    }
    for (const auto& [implicit_role, filler] : rule.implicit_roles) {
        if (implicit_role != role) continue;
        int entity = kUnresolved;
        switch (filler) {
            // An implicit argument is anything but the explicit ones; other
            // names in the match ("the largest customer of Scale AI") may be it.
            case ImplicitFiller::kTopic: entity = context_.Topic(text_.sentences[sentence].line, in_roles); break;
            case ImplicitFiller::kSentenceSubject: entity = context_.SentenceSubject(sentence, in_roles); break;
            case ImplicitFiller::kAffiliation: entity = kAwaitingAffiliation; break;
        }
        // An implicit argument is only as good as the guess of what it is:
        // a name of unknown type in context is as likely a place or product.
        if (entity >= 0 && types_[static_cast<std::size_t>(entity)] != MentionType::kOrganization) entity = kUnresolved;
        if (entity == kUnresolved) *problem = "no organization in context for implicit " + rules_.roles().Name(role);
        return {entity};
    }
    *problem = "role '" + rules_.roles().Name(role) + "' is not bound by the pattern";
    return {kUnresolved};
}

// Amount, percent and date: the rule's own slot, else the first one inside
// the match, else (dates) the article's publication date when the schema says so.
void FactCollector::AttachAttributes(const SentenceView& view, const PatternMatch& match, Candidate& c) const {
    auto quantity_for = [&](int role, QuantityKind kind) -> const Quantity* {
        const RoleSpan span = match.roles[static_cast<std::size_t>(role)];
        std::size_t from = match.begin, to = match.end;
        if (span.bound()) {
            from = static_cast<std::size_t>(span.first);
            to = static_cast<std::size_t>(span.end);
        }
        for (std::size_t i = from; i < to; ++i) {
            const SentenceItem& item = view.items[i];
            if (item.kind == SentenceItem::Kind::kQuantity && item.quantity_kind == kind) {
                return &view.quantities[static_cast<std::size_t>(item.quantity)];
            }
        }
        return nullptr;
    };
    const RelationType& type = *c.emission->type;
    if (type.takes_amount) {
        if (const Quantity* q = quantity_for(rules_.amount_role(), QuantityKind::kMoney)) c.evidence.amount = q->money;
    }
    if (type.takes_percent) {
        if (const Quantity* q = quantity_for(rules_.percent_role(), QuantityKind::kPercent)) c.evidence.percent = q->percent;
    }
    if (type.takes_date) {
        if (const Quantity* q = quantity_for(rules_.date_role(), QuantityKind::kDate)) {
            c.evidence.date = q->date;
        } else if (type.dated_by_publication) {
            c.evidence.date = publication_date_;
        }
    }
}

// The first modality (in the rules file's order) whose cue occurs between the
// start of the sentence and the end of the match: "is considering a large
// investment", "has expressed intentions to end".
std::string FactCollector::ModalityOf(const Rule& rule, const SentenceView& view, const PatternMatch& match) const {
    if (!rule.modality.empty()) return rule.modality;
    for (const ModalityCue& cue : rules_.modality_cues()) {
        for (std::size_t i = 0; i < match.end; ++i) {
            if (cue.cues->StartsAt(view.items, i)) return cue.modality;
        }
    }
    return "";
}

void FactCollector::Judge(Candidate& c) {
    if (!c.problem.empty()) return Reject(c, c.problem);
    if (c.subject == c.object) return Reject(c, "same entity on both sides");
    const RelationType& type = *c.emission->type;
    MentionType& subject_type = types_[static_cast<std::size_t>(c.subject)];
    MentionType& object_type = types_[static_cast<std::size_t>(c.object)];
    if (!Allows(type.domain, subject_type) || !Allows(type.range, object_type)) {
        ++counts_.rejected_by_schema;
        const bool subject_wrong = !Allows(type.domain, subject_type);
        const MentionType wrong = subject_wrong ? subject_type : object_type;
        return Reject(c, std::string("schema: ") + type.name + (subject_wrong ? " subject" : " object") + " must be " +
                             TypeNames(subject_wrong ? type.domain : type.range) + ", " +
                             EntityLabel(subject_wrong ? c.subject : c.object) + " is " +
                             std::string(EntityTypeName(FinalType(wrong))));
    }
    // A name of unknown type takes the type its first relation requires.
    if (subject_type == MentionType::kUnknown && type.domain.size() == 1) {
        subject_type = type.domain[0] == EntityType::kPerson ? MentionType::kPerson : MentionType::kOrganization;
    }
    if (object_type == MentionType::kUnknown && type.range.size() == 1) {
        object_type = type.range[0] == EntityType::kPerson ? MentionType::kPerson : MentionType::kOrganization;
    }
    Accept(c);
}

void FactCollector::Accept(const Candidate& c) {
    const RelationType& type = *c.emission->type;
    if (type.affiliates) affiliations_.emplace(c.subject, c.object);
    std::string subject = resolved_.entities[static_cast<std::size_t>(c.subject)].name;
    std::string object = resolved_.entities[static_cast<std::size_t>(c.object)].name;
    if (type.symmetric && object < subject) std::swap(subject, object);

    const Sentence& s = text_.sentences[c.sentence];
    Evidence evidence = c.evidence;
    evidence.doc = document_.id;
    evidence.source = document_.source;
    evidence.sentence = document_.text.substr(s.begin, s.end - s.begin);
    evidence.start = s.begin;
    evidence.end = s.end;

    const auto key = std::make_tuple(subject, type.name, object);
    auto [it, inserted] = relation_index_.emplace(key, relations_.size());
    if (inserted) relations_.push_back({subject, type.name, object, {}, false});
    std::vector<Evidence>& all = relations_[it->second].evidence;
    const auto same_sentence = std::find_if(all.begin(), all.end(), [&](const Evidence& e) { return e.start == s.begin; });
    if (same_sentence == all.end()) {
        all.push_back(std::move(evidence));
        ++counts_.relations;
    } else if (evidence.confidence > same_sentence->confidence) {
        FillMissing(evidence, *same_sentence);
        *same_sentence = std::move(evidence);
    } else {
        FillMissing(*same_sentence, evidence);
    }
    if (SentenceExplanation* e = ExplanationOf(c.sentence)) e->accepted.push_back(Describe(c));
}

void FactCollector::Reject(const Candidate& c, const std::string& why) {
    if (SentenceExplanation* e = ExplanationOf(c.sentence)) e->rejected.push_back(Describe(c) + ": " + why);
}

std::string FactCollector::EntityLabel(int entity) const {
    return entity >= 0 ? resolved_.entities[static_cast<std::size_t>(entity)].name : "?";
}

std::string FactCollector::Describe(const Candidate& c) const {
    std::string out = EntityLabel(c.subject) + " " + c.emission->type->name + " " + EntityLabel(c.object);
    if (!c.evidence.modality.empty()) out += " (" + c.evidence.modality + ")";
    return out + " [rule " + c.rule->name + "]";
}

SentenceExplanation* FactCollector::ExplanationOf(std::size_t sentence) {
    if (explanation_ == nullptr) return nullptr;
    auto [it, inserted] = explanation_of_sentence_.emplace(sentence, explanation_->sentences.size());
    if (inserted) {
        const Sentence& s = text_.sentences[sentence];
        explanation_->sentences.push_back({s.begin, s.end, document_.text.substr(s.begin, s.end - s.begin), {}, {}, {}, {}});
    }
    return &explanation_->sentences[it->second];
}

// "Published on: June 15, 2025" near the top of the page.
std::optional<std::string> FactCollector::PublicationDate() const {
    for (std::size_t l = 0; l < std::min(kPublicationLines, text_.lines.size()); ++l) {
        const Line& line = text_.lines[l];
        const std::string folded = FoldCase(document_.text.substr(line.begin, line.end - line.begin));
        if (folded.find("publi") == std::string::npos && folded.find("posted") == std::string::npos &&
            folded.find("updated") == std::string::npos) {
            continue;
        }
        const std::size_t first = text_.sentences[line.first_sentence].first_token;
        const std::size_t end = text_.sentences[line.end_sentence - 1].end_token;
        for (const Quantity& q : quantities_.Parse(text_.tokens, folded_, first, end)) {
            if (q.kind == QuantityKind::kDate && q.date.size() >= 7) return q.date;
        }
    }
    return std::nullopt;
}

DocumentFacts FactCollector::Assemble() const {
    DocumentFacts facts;
    facts.doc = document_.id;
    facts.source = document_.source;
    std::unordered_set<std::string> related;
    for (const Relation& r : relations_) {
        related.insert(r.subject);
        related.insert(r.object);
    }
    // An entity in no relation is stored only when the text itself says what
    // it is (a first name, a title, a company suffix, camel case): a
    // capitalized word alone ("Publié", "Gemini", a surname seen once) is as
    // likely a product, a heading or a foreign word, and the type it would
    // be stored under is a guess. A product ("the ChatGPT maker") is no party
    // to anything unless a relation says otherwise.
    for (std::size_t e = 0; e < resolved_.entities.size(); ++e) {
        const DocumentEntity& entity = resolved_.entities[e];
        const bool named_by_cue = entity.confident && entity.type != MentionType::kUnknown && !entity.product;
        if (!named_by_cue && !related.count(entity.name)) continue;
        facts.entities.push_back({entity.name, FinalType(types_[e]), entity.aliases});
    }
    facts.relations = relations_;
    return facts;
}

}  // namespace kgraph::extract
