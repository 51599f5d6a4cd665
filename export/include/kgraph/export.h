// Export of a GraphModel: DOT (built with Graphviz cgraph), SVG (laid out and
// rendered by Graphviz gvc), JSON-LD and the plain relations JSON that
// `kgraph relations --json` prints and the scorer reads.
//
// Reads the graph model only; knows nothing of RocksDB. Output is
// deterministic: the same graph gives byte-identical text.
//
// Thread-safety: Graphviz keeps global state, so ToDot/WriteSvg must not run
// concurrently with each other; the JSON functions are pure.
#pragma once

#include <filesystem>
#include <string>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

// Entity type as node shape (Organization box, Person ellipse), relation type
// as edge label and colour; amount, percent, date and modality in the edge
// label; ended relations dashed, symmetric ones without arrowhead. A relation
// may name an entity the model does not list: it gets a plain node.
// Fails (IOError) only if Graphviz itself fails.
Result<std::string> ToDot(const GraphModel& graph);

// Lays the graph out with Graphviz (dot) and writes SVG to `path`. NotFound
// when the directory of `path` does not exist, IOError when it cannot be
// written; nothing is printed.
Status WriteSvg(const GraphModel& graph, const std::filesystem::path& path);

// JSON-LD document: @context mapping entity types to schema.org and relation
// types to the kgraph vocabulary (docs/vocabulary.md); every relation also as
// a node of its own with amount, percent, date, confidence and its evidence,
// each evidence prov:wasDerivedFrom its document. Pretty-printed, no final
// newline.
std::string ToJsonLd(const GraphModel& graph);

// One JSON array, an item per relation, every field always present:
// subject and object ({name, type, aliases}; type null for an entity the
// model does not list), predicate, amount ({value, currency, qualifier,
// upper} or null), percent, date, confidence, ended, modality (of the most
// confident evidence), conflicting (the evidence disagrees, see
// HasConflictingClaims) and evidence ([{doc, source, sentence, start, end,
// rule, confidence, amount, percent, date, modality}]): each sentence with
// its own claims. Pretty-printed, no final newline.
std::string ToRelationsJson(const GraphModel& graph);

}  // namespace kgraph
