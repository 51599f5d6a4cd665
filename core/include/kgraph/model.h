// The knowledge-graph model shared by every module: documents, entities,
// relations and the evidence behind each relation.
//
// extract/ produces DocumentFacts from a Document; graph/ stores them and
// returns a GraphModel; export/ and cli/ read GraphModel. These are plain
// values with no behaviour beyond the summaries declared at the bottom, so that
// no module has to know how another one works.
//
// Names: an entity is identified by its canonical name; relations refer to
// entities by that name. Predicates are strings ("invests-in", ...) because the
// set of relation types comes from the rules/schema files, not from the code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgraph {

enum class EntityType { kOrganization, kPerson };

// "Organization" / "Person" (schema.org class names, also used in JSON).
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

// What a document says about itself, when its format says it (an HTML page's
// canonical URL, title and publication date; a JSON line's fields). Empty
// strings where it says nothing; a plain text file says nothing.
struct DocumentMetadata {
    std::string url;
    std::string title;
    std::string date;  // as the document gives it, ideally ISO 8601

    bool empty() const { return url.empty() && title.empty() && date.empty(); }
    friend bool operator==(const DocumentMetadata&, const DocumentMetadata&) = default;
};

// A document as ingested: its text is valid UTF-8 (the reader repairs or
// rejects it before it gets here).
struct Document {
    std::string id;      // content hash, see DocumentId()
    std::string source;  // the path or name it was read from, for humans
    std::string text;
    DocumentMetadata metadata;
};

// Stable content hash of a document's text (hex SHA-1). Same bytes, same id,
// whatever the path: this is what makes re-ingesting idempotent.
std::string DocumentId(std::string_view text);

struct Money {
    double value = 0;              // in units of `currency`, scaled (14.3e9)
    std::string currency = "USD";  // ISO 4217
    // How the text hedged the figure: "" (exact), "approximately",
    // "more-than", "less-than", "up-to". Kept so that "in excess of $14
    // billion" and "$14.3 billion" stay distinguishable claims.
    std::string qualifier;
    std::optional<double> upper;   // upper bound when the text gave a range

    friend bool operator==(const Money&, const Money&) = default;
};

// A span of a text in code points, [start, end).
struct CodePointSpan {
    std::size_t start = 0;
    std::size_t end = 0;

    friend bool operator==(const CodePointSpan&, const CodePointSpan&) = default;
};

// The number of code points in valid UTF-8 text.
std::size_t CountCodePoints(std::string_view utf8);

// One sentence that states a relation, and what that sentence claims about
// its attributes. Different documents may claim different amounts for the
// same relation; each claim stays on its own evidence.
struct Evidence {
    std::string doc;      // Document::id
    std::string source;   // Document::source, for display
    std::string sentence; // the sentence text as it appears in the document
    std::size_t start = 0;  // byte offset of the sentence in the document
    std::size_t end = 0;    // one past its last byte
    // The same span in code points (characters as Python's str counts
    // them): what slicing the decoded text takes. Nullopt for evidence
    // stored by a kgraph that did not record them (`ingest --reextract`).
    std::optional<CodePointSpan> chars;
    std::string rule;       // name of the extraction rule that fired
    double confidence = 0;  // 0..1, of this one statement

    std::optional<Money> amount;
    std::optional<double> percent;
    std::optional<std::string> date;  // ISO 8601: "2014", "2025-06", "2025-06-23"
    // "" for an assertion; otherwise "planned", "considered", "reported",
    // "possible" ... : the sentence reports an intention or a rumour.
    std::string modality;

    friend bool operator==(const Evidence&, const Evidence&) = default;
};

// The longest name (or alias) an entity may have, in bytes. A real name is
// a few words; a longer "name" is a line of capitalized words, and one of
// 100 KB made every "did you mean" search take a minute.
inline constexpr std::size_t kMaxNameBytes = 200;

struct Entity {
    std::string name;  // canonical name
    EntityType type = EntityType::kOrganization;
    std::vector<std::string> aliases;  // other surface forms, tickers included

    friend bool operator==(const Entity&, const Entity&) = default;
};

struct Relation {
    std::string subject;    // Entity::name
    std::string predicate;  // "invests-in", "owns-stake", ...
    std::string object;     // Entity::name
    std::vector<Evidence> evidence;  // never empty once stored
    // A customer-of or ceo-of that a `leaves` between the same two entities
    // ended (graph/include/kgraph/store.h says when). Derived by graph/ when
    // it reads the graph, not by extract/.
    bool ended = false;

    friend bool operator==(const Relation&, const Relation&) = default;
};

// What extraction finds in one document. Relations name entities listed in
// `entities` (by Entity::name); aliases found in this document are listed on
// the entity so that the store can merge them with entities of other documents.
struct DocumentFacts {
    std::string doc;     // Document::id
    std::string source;  // Document::source
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    // Extractor::Version() of what found them; "" when unknown (stored by an
    // older kgraph), which counts as out of date.
    std::string extractor;
    DocumentMetadata metadata;  // Document::metadata, stored with the document

    friend bool operator==(const DocumentFacts&, const DocumentFacts&) = default;
};

// The whole graph as read from the store: entities sorted by name, relations
// sorted by (subject, predicate, object), evidence sorted by (doc, start).
struct GraphModel {
    std::vector<Entity> entities;
    std::vector<Relation> relations;
    const Entity* FindEntity(std::string_view name) const;
};

// --- Summaries of a relation's evidence (deterministic, order-independent) ---

// Relations whose direction carries no meaning (competes-with). Stored once
// per pair, with subject < object.
bool IsSymmetricPredicate(std::string_view predicate);

// 1 - prod(1 - c_i): more sentences and documents stating it, more confidence.
double RelationConfidence(const Relation& relation);

// The amount / percent / date that the relation as a whole carries: the
// value the most evidence agrees on; ties go to the most precise (exact
// before hedged), then to the larger value. Nullopt when no evidence has one.
std::optional<Money> RelationAmount(const Relation& relation);
std::optional<double> RelationPercent(const Relation& relation);
std::optional<std::string> RelationDate(const Relation& relation);

// What the evidence disagrees on: an attribute ("amount", "percent" or
// "date", in that order) of which the sentences claim more than one value,
// with its distinct values as displayed (FormatMoney, FormatPercent, the ISO
// date), smallest first: amount {"$14B", "> $14B", "$14.3B"}.
struct Disagreement {
    std::string attribute;
    std::vector<std::string> values;

    friend bool operator==(const Disagreement&, const Disagreement&) = default;
};
std::vector<Disagreement> Disagreements(const Relation& relation);

// True when the evidence disagrees on amount, percent or date: Disagreements()
// is not empty.
bool HasConflictingClaims(const Relation& relation);

// --- Display (shared by cli/ tables and export/ labels) ---

// "$14.3B", "> $14B", "~$200M", "€5M-€7M": compact, for labels and tables.
std::string FormatMoney(const Money& money);
// "49%", "12.5%".
std::string FormatPercent(double percent);

}  // namespace kgraph
