// JSON-LD: the graph as RDF, in the vocabulary that docs/vocabulary.md
// describes. Each relation appears twice: as a direct edge between entities,
// so that simple SPARQL works, and as a kg:Relation node that carries its
// summaries and its evidence, so that nothing in the graph is lost.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kgraph/export.h"
#include "decimal.h"
#include "relation_modality.h"

namespace kgraph {
namespace {

// Insertion-ordered, so that @context and @id come first and the output reads
// in a fixed, sensible order.
using Json = nlohmann::ordered_json;

// --- IRIs ------------------------------------------------------------------

// RFC 3986: everything but unreserved characters as %XX of its UTF-8 bytes,
// so that any name gives a valid IRI and ':' can separate components.
std::string PercentEncode(std::string_view text) {
    std::string encoded;
    for (unsigned char c : text) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            encoded += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            encoded += hex;
        }
    }
    return encoded;
}

std::string EntityIri(std::string_view name) { return "urn:kgraph:entity:" + PercentEncode(name); }

std::string DocumentIri(std::string_view doc) { return "urn:kgraph:doc:" + PercentEncode(doc); }

std::string RelationIri(const Relation& r) {
    return "urn:kgraph:relation:" + PercentEncode(r.subject) + ":" + PercentEncode(r.predicate) + ":" +
           PercentEncode(r.object);
}

// The statement, not only the sentence: the document, the span, the rule, and
// the relation it supports, so that one sentence stating two relations gives
// two evidence nodes, and loading the same export twice gives one.
std::string EvidenceIri(const Relation& r, const Evidence& e) {
    return "urn:kgraph:evidence:" + PercentEncode(e.doc) + ":" + std::to_string(e.start) + "-" +
           std::to_string(e.end) + ":" + PercentEncode(e.rule) + ":" + PercentEncode(r.subject) + ":" +
           PercentEncode(r.predicate) + ":" + PercentEncode(r.object);
}

// "invests-in" -> "investsIn": the term, and the local name in kg:, of a
// relation type. Any run of characters other than ASCII letters and digits
// separates words.
std::string PredicateTerm(std::string_view predicate) {
    std::string term;
    bool new_word = false;
    for (char c : predicate) {
        bool alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alphanumeric) {
            new_word = !term.empty();
            continue;
        }
        term += new_word && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        new_word = false;
    }
    return term;
}

// --- Literals --------------------------------------------------------------

// ISO 8601 dates of the three precisions extraction produces, typed so that
// SPARQL can compare them; anything else stays a plain string.
Json DateLiteral(const std::string& date) {
    auto digits_at = [&date](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i) {
            if (date[i] < '0' || date[i] > '9') return false;
        }
        return true;
    };
    const char* type = nullptr;
    if (date.size() == 4 && digits_at(0, 4)) type = "xsd:gYear";
    if (date.size() == 7 && digits_at(0, 4) && date[4] == '-' && digits_at(5, 2)) type = "xsd:gYearMonth";
    if (date.size() == 10 && digits_at(0, 4) && date[4] == '-' && digits_at(5, 2) && date[7] == '-' &&
        digits_at(8, 2)) {
        type = "xsd:date";
    }
    if (!type) return date;
    return {{"@value", date}, {"@type", type}};
}

// amount, currency, amountQualifier, amountUpper, percent, date: the claims
// of one evidence sentence, or the summary of a relation. An exact amount has
// no amountQualifier.
void AddClaims(Json& node, const std::optional<Money>& amount, const std::optional<double>& percent,
               const std::optional<std::string>& date) {
    if (amount) {
        node["amount"] = DecimalText(amount->value);
        node["currency"] = amount->currency;
        if (!amount->qualifier.empty()) node["amountQualifier"] = amount->qualifier;
        if (amount->upper) node["amountUpper"] = DecimalText(*amount->upper);
    }
    if (percent) node["percent"] = DecimalText(*percent);
    if (date) node["date"] = DateLiteral(*date);
}

// A modality is only stated when there is one: no kg:modality means asserted.
void AddModality(Json& node, std::string_view modality) {
    if (!modality.empty()) node["modality"] = modality;
}

// --- Nodes -------------------------------------------------------------------

// The terms of every document, whatever its predicates.
const Json& FixedContext() {
    auto iri_valued = [](const char* iri) { return Json{{"@id", iri}, {"@type", "@id"}}; };
    auto decimal = [](const char* iri) { return Json{{"@id", iri}, {"@type", "xsd:decimal"}}; };
    static const Json context = {
        {"kg", "https://kgraph.dev/ns#"},
        {"schema", "https://schema.org/"},
        {"prov", "http://www.w3.org/ns/prov#"},
        {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
        {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
        {"xsd", "http://www.w3.org/2001/XMLSchema#"},
        {"Organization", "schema:Organization"},
        {"Person", "schema:Person"},
        {"Relation", "kg:Relation"},
        {"Evidence", "kg:Evidence"},
        {"Document", "kg:Document"},
        {"name", "schema:name"},
        {"alternateName", "schema:alternateName"},
        {"label", "rdfs:label"},
        {"subject", iri_valued("kg:subject")},
        {"predicate", iri_valued("kg:predicate")},
        {"object", iri_valued("kg:object")},
        {"amount", decimal("kg:amount")},
        {"amountUpper", decimal("kg:amountUpper")},
        {"currency", "kg:currency"},
        {"amountQualifier", "kg:amountQualifier"},
        {"percent", decimal("kg:percent")},
        {"date", "kg:date"},
        {"confidence", decimal("kg:confidence")},
        {"ended", "kg:ended"},
        {"modality", "kg:modality"},
        {"evidence", iri_valued("kg:evidence")},
        {"sentence", "kg:sentence"},
        {"start", "kg:start"},
        {"end", "kg:end"},
        {"charStart", "kg:charStart"},
        {"charEnd", "kg:charEnd"},
        {"rule", "kg:rule"},
        {"source", "kg:source"},
        {"url", {{"@id", "schema:url"}, {"@type", "xsd:anyURI"}}},
        {"headline", "schema:headline"},
        {"datePublished", "schema:datePublished"},
        {"wasDerivedFrom", iri_valued("prov:wasDerivedFrom")},
        {"founder", iri_valued("schema:founder")},
        {"parentOrganization", iri_valued("schema:parentOrganization")},
        {"subOrganization", iri_valued("schema:subOrganization")},
    };
    return context;
}

// The JSON key of a predicate's edges: its camel-cased term, or, when that
// term is empty or one the fixed context defines (a rules file may call a
// relation "name" or "rule"), the compact IRI "kg:<term>", which JSON-LD
// takes as a key of its own, so an edge never overwrites a node's property.
std::string PredicateKey(std::string_view predicate) {
    std::string term = PredicateTerm(predicate);
    if (term.empty() || FixedContext().contains(term)) return "kg:" + term;
    return term;
}

Json Context(const std::set<std::string>& predicates) {
    Json context = FixedContext();
    for (const std::string& predicate : predicates) {
        context[PredicateKey(predicate)] = {{"@id", "kg:" + PredicateTerm(predicate)}, {"@type", "@id"}};
    }
    return context;
}

// The relation type itself, labelled with the predicate as kgraph spells it,
// which the camel-cased IRI cannot give back.
Json RelationTypeNode(const std::string& predicate) {
    return {{"@id", "kg:" + PredicateTerm(predicate)}, {"@type", "rdf:Property"}, {"label", predicate}};
}

Json EntityNode(const Entity& entity) {
    Json node = {{"@id", EntityIri(entity.name)},
                 {"@type", EntityTypeName(entity.type)},
                 {"name", entity.name}};
    if (!entity.aliases.empty()) node["alternateName"] = entity.aliases;
    return node;
}

// An entity a relation names but the model does not list: all we know is
// its name.
Json UnlistedEntityNode(const std::string& name) { return {{"@id", EntityIri(name)}, {"name", name}}; }

void AddDirectEdge(Json& from, const std::string& predicate, const std::string& to) {
    from[PredicateKey(predicate)].push_back(EntityIri(to));
}

// A stake is a parent's when it is a majority, or when a rule read it as a
// subsidiary ("its subsidiary X", "X, a unit of Y").
bool IsParentStake(const Relation& relation) {
    if (relation.predicate != "owns-stake") return false;
    if (auto percent = RelationPercent(relation)) return *percent > 50;
    return std::any_of(relation.evidence.begin(), relation.evidence.end(),
                       [](const Evidence& e) { return e.rule.find("subsidiary") != std::string::npos; });
}

// The edges `relation` puts on the node of the entity `name`, one of its
// ends: kgraph's own edge from the subject (and from the object too for a
// symmetric predicate, stored once per pair but true both ways), then the
// schema.org property that says the same, for tools that know schema.org but
// not kgraph: a founder (stated on the organization), a parent and its
// sub-organization. In this order, so that a node's keys come in the order
// its relations do.
void AddEdges(Json& node, const std::string& name, const Relation& relation) {
    const bool subject = relation.subject == name;
    const bool object = relation.object == name;
    if (subject) AddDirectEdge(node, relation.predicate, relation.object);
    if (object && IsSymmetricPredicate(relation.predicate)) AddDirectEdge(node, relation.predicate, relation.subject);
    if (object && relation.predicate == "founder-of") node["founder"].push_back(EntityIri(relation.subject));
    if (IsParentStake(relation)) {
        if (subject) node["subOrganization"].push_back(EntityIri(relation.object));
        if (object) node["parentOrganization"].push_back(EntityIri(relation.subject));
    }
}

Json EvidenceNode(const Relation& relation, const Evidence& evidence) {
    Json node = {{"@id", EvidenceIri(relation, evidence)},
                 {"@type", "Evidence"},
                 {"wasDerivedFrom", DocumentIri(evidence.doc)},
                 {"sentence", evidence.sentence},
                 {"start", evidence.start},
                 {"end", evidence.end}};
    if (evidence.chars) {
        node["charStart"] = evidence.chars->start;
        node["charEnd"] = evidence.chars->end;
    }
    node["rule"] = evidence.rule;
    node["confidence"] = DecimalText(evidence.confidence);
    AddClaims(node, evidence.amount, evidence.percent, evidence.date);
    AddModality(node, evidence.modality);
    return node;
}

Json RelationNode(const Relation& relation) {
    Json node = {{"@id", RelationIri(relation)},
                 {"@type", "Relation"},
                 {"subject", EntityIri(relation.subject)},
                 {"predicate", "kg:" + PredicateTerm(relation.predicate)},
                 {"object", EntityIri(relation.object)}};
    AddClaims(node, RelationAmount(relation), RelationPercent(relation), RelationDate(relation));
    node["confidence"] = DecimalText(RelationConfidence(relation));
    node["ended"] = relation.ended;
    AddModality(node, RelationModality(relation));
    Json& evidence = node["evidence"] = Json::array();
    for (const Evidence& e : relation.evidence) evidence.push_back(EvidenceNode(relation, e));
    return node;
}

// A document once, however many evidence items cite it. The same text read
// from two paths has one id and keeps both sources. What the document says
// of itself (a page's canonical URL, title, publication date) in schema.org
// terms, as news sites publish it.
Json DocumentNode(const std::string& doc, const std::set<std::string>& sources, const DocumentMetadata& metadata) {
    Json node = {{"@id", DocumentIri(doc)}, {"@type", "Document"}};
    if (sources.size() == 1) node["source"] = *sources.begin();
    else node["source"] = sources;
    if (!metadata.url.empty()) node["url"] = metadata.url;
    if (!metadata.title.empty()) node["headline"] = metadata.title;
    if (!metadata.date.empty()) node["datePublished"] = DateLiteral(metadata.date);
    return node;
}

// `node` as dump(2) prints it `depth` levels down in a larger document: every
// line after the first indented by two spaces a level. JSON text holds no raw
// newline but these, so the result is what printing the whole would give.
std::string DumpAt(const Json& node, int depth) {
    // Names and sentences come from article text; a stray invalid byte must
    // not make the export throw.
    const std::string text = node.dump(2, ' ', false, Json::error_handler_t::replace);
    const std::string indent(2 * depth, ' ');
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

}  // namespace

JsonLdWriter::JsonLdWriter(std::ostream& out, const std::set<std::string>& predicates) : out_(out) {
    out_ << "{\n  \"@context\": " << DumpAt(Context(predicates), 1) << ",\n  \"@graph\": ";
    for (const std::string& predicate : predicates) AddNode(DumpAt(RelationTypeNode(predicate), 2));
}

void JsonLdWriter::AddEntity(const Entity& entity, const std::vector<const Relation*>& relations) {
    Json node = EntityNode(entity);
    for (const Relation* relation : relations) AddEdges(node, entity.name, *relation);
    AddNode(DumpAt(node, 2));
}

void JsonLdWriter::AddEntity(const std::string& name, const std::vector<const Relation*>& relations) {
    Json node = UnlistedEntityNode(name);
    for (const Relation* relation : relations) AddEdges(node, name, *relation);
    AddNode(DumpAt(node, 2));
}

void JsonLdWriter::AddRelation(const Relation& relation) { AddNode(DumpAt(RelationNode(relation), 2)); }

void JsonLdWriter::AddDocument(const std::string& doc, const std::set<std::string>& sources,
                               const DocumentMetadata& metadata) {
    AddNode(DumpAt(DocumentNode(doc, sources, metadata), 2));
}

void JsonLdWriter::Finish() { out_ << (nodes_ == 0 ? "[]" : "\n  ]") << "\n}"; }

void JsonLdWriter::AddNode(const std::string& printed) {
    out_ << (nodes_++ == 0 ? "[\n    " : ",\n    ") << printed;
}

std::string ToJsonLd(const GraphModel& graph, const std::map<std::string, DocumentMetadata>& metadata) {
    std::set<std::string> predicates;
    std::map<std::string, std::set<std::string>> documents;  // id -> sources
    // By name, so entities come out sorted whatever the model's order, each
    // with the relations it is an end of; an entity only a relation names is
    // listed too.
    struct Listed {
        const Entity* entity = nullptr;
        std::vector<const Relation*> relations;
    };
    std::map<std::string, Listed> entities;
    for (const Entity& entity : graph.entities) entities.try_emplace(entity.name, Listed{&entity, {}});
    for (const Relation& relation : graph.relations) {
        predicates.insert(relation.predicate);
        for (const Evidence& e : relation.evidence) documents[e.doc].insert(e.source);
        entities[relation.subject].relations.push_back(&relation);
        if (relation.object != relation.subject) entities[relation.object].relations.push_back(&relation);
    }

    std::ostringstream out;
    JsonLdWriter writer(out, predicates);
    for (const auto& [name, listed] : entities) {
        if (listed.entity) writer.AddEntity(*listed.entity, listed.relations);
        else writer.AddEntity(name, listed.relations);
    }
    for (const Relation& relation : graph.relations) writer.AddRelation(relation);
    for (const auto& [doc, sources] : documents) {
        const auto about = metadata.find(doc);
        writer.AddDocument(doc, sources, about == metadata.end() ? DocumentMetadata{} : about->second);
    }
    writer.Finish();
    return std::move(out).str();
}

}  // namespace kgraph
