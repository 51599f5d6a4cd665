// Export of a GraphModel: DOT, SVG (laid out and rendered by Graphviz),
// JSON-LD, the plain relations JSON that `kgraph relations --json` prints and
// the scorer reads, GraphML, and CSV for `neo4j-admin database import`.
//
// Reads the graph model only; knows nothing of RocksDB. Output is
// deterministic: the same graph gives byte-identical text.
//
// Thread-safety: Graphviz keeps global state, so ToSvg/WriteSvg must not run
// concurrently with each other; the text formats are pure.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

// DOT text. Every ID and attribute value is quoted. Nodes carry the entity's
// `type`; edges carry `predicate`, `amount` and `currency`, `percent`,
// `date`, `confidence`, `ended` and `modality` (the relation's summaries,
// left out when it has none) as data, then the styling: entity type as shape
// and fill (Organization box, Person ellipse), relation type as colour, the
// claims in the label, the evidence sentences as tooltip, ended relations
// dashed, symmetric ones without arrowhead. No layout engine or layout
// attribute is set: `dot`, `neato` and `sfdp` each read it as they would. A
// relation may name an entity the model does not list: it gets a plain node.
std::string ToDot(const GraphModel& graph);

// Beyond this many nodes Graphviz takes minutes to lay a graph out: the 1,500
// best-connected entities of 1,000 generated articles (11,100 relations) take
// 27 s of CPU, 143 s on a busy 2-core machine; 1,000 of them (9,600
// relations) 15 s of CPU (docs/cli.md). ToSvg refuses a larger graph at once;
// draw a part of it (SelectSubgraph in kgraph/subgraph.h).
inline constexpr std::size_t kMaxPictureNodes = 1500;

// The DOT above laid out with neato, straight edges and a legend (entity
// types, relation colours, dashed = ended), rendered as SVG. Edge labels are
// placed where they cover no node; tooltips show the evidence. InvalidArgument
// for more than kMaxPictureNodes nodes, IOError if Graphviz fails; nothing is
// printed.
Result<std::string> ToSvg(const GraphModel& graph);

// ToSvg written to `path`. NotFound when the directory of `path` does not
// exist, IOError when it cannot be written.
Status WriteSvg(const GraphModel& graph, const std::filesystem::path& path);

// JSON-LD document: @context mapping entity types to schema.org and relation
// types to the kgraph vocabulary (docs/vocabulary.md); every relation also as
// a node of its own with amount, percent, date, confidence and its evidence,
// each evidence prov:wasDerivedFrom its document. A document gets its source
// and, from `documents` (by Document::id), the url, title and date it gave
// about itself. Pretty-printed, no final newline.
std::string ToJsonLd(const GraphModel& graph, const std::map<std::string, DocumentMetadata>& documents = {});

// ToJsonLd a piece at a time, for a graph too large to hold in memory: it
// writes to `out` as the pieces come and keeps none of them. Given the pieces
// of a graph in this order, it writes byte for byte what ToJsonLd writes for
// that graph (ToJsonLd is this writer fed from the model):
//   1. the constructor: every predicate of the relations to come;
//   2. AddEntity: every entity, in name order, with every relation it is an
//      end of, in the order of the model's relations (of these, only
//      owns-stake relations need their evidence: a majority stake or a
//      subsidiary rule makes a parent organization);
//   3. AddRelation: every relation, in the model's order, with its evidence;
//   4. AddDocument: every document the evidence cites, by id, with the
//      sources its evidence gives and what it says about itself;
//   5. Finish().
class JsonLdWriter {
public:
    JsonLdWriter(std::ostream& out, const std::set<std::string>& predicates);
    void AddEntity(const Entity& entity, const std::vector<const Relation*>& relations);
    // An entity a relation names but the model does not list.
    void AddEntity(const std::string& name, const std::vector<const Relation*>& relations);
    void AddRelation(const Relation& relation);
    // `metadata`: the url, title and date the document gave about itself.
    void AddDocument(const std::string& doc, const std::set<std::string>& sources, const DocumentMetadata& metadata);
    void Finish();

private:
    // One element of "@graph", printed as it sits there.
    void AddNode(const std::string& printed);

    std::ostream& out_;
    std::size_t nodes_ = 0;
};

// One JSON array, an item per relation, every field always present:
// subject and object ({name, type, aliases}; type null for an entity the
// model does not list), predicate, amount ({value, currency, qualifier,
// upper} or null), percent, date, confidence, ended, modality (of the most
// confident evidence), conflicting (the evidence disagrees, see
// HasConflictingClaims) and evidence ([{doc, source, sentence, start, end,
// char_start, char_end, rule, confidence, amount, percent, date, modality}]):
// each sentence with its own claims, its span in bytes (start, end) and in
// code points (char_start, char_end; null when not recorded). Pretty-printed,
// no final newline.
std::string ToRelationsJson(const GraphModel& graph);

// GraphML (Gephi, Cytoscape, NetworkX read_graphml): a node per entity, its
// id the entity's name, with `name`, `type` and `aliases` ("; "-joined); an
// edge per relation with the typed data of ToDot's edges (amount, percent
// and confidence as double, ended as boolean, evidence as the number of
// sentences), `symmetric` for relations without direction, and `sentence`
// and `source`, the most confident evidence. Text that XML cannot carry
// (control characters, invalid UTF-8) becomes U+FFFD.
std::string ToGraphMl(const GraphModel& graph);

// ToGraphMl a piece at a time (as JsonLdWriter, above): given the model's
// entities in its order, then the names relations give but the model does
// not list (sorted), then its relations in its order, it writes what
// ToGraphMl writes for that model, keeping none of them.
class GraphMlWriter {
public:
    explicit GraphMlWriter(std::ostream& out);
    void AddEntity(const Entity& entity);
    void AddUnlistedEntity(std::string_view name);
    void AddRelation(const Relation& relation);
    void Finish();

private:
    std::ostream& out_;
    std::size_t edges_ = 0;
};

// The two files of `neo4j-admin database import`, RFC 4180 quoted, with its
// typed headers. nodes.csv: `id:ID` (the name), `name`, `aliases:string[]`
// (";"-separated), `:LABEL` ("Entity;Organization", "Entity;Person", or
// "Entity" for an entity only a relation names). relationships.csv:
// `:START_ID`, `:END_ID`, `:TYPE` (INVESTS_IN for invests-in) and the columns
// of ToGraphMl's edges, empty when the relation has no value.
std::string ToCsvNodes(const GraphModel& graph);
std::string ToCsvRelationships(const GraphModel& graph);

}  // namespace kgraph
