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

// Entity type as node shape, relation type as edge label and colour, amounts
// and percentages in the edge label.
Result<std::string> ToDot(const GraphModel& graph);

// Lays the graph out with Graphviz (dot) and writes SVG to `path`.
Status WriteSvg(const GraphModel& graph, const std::filesystem::path& path);

// JSON-LD document: @context mapping entity types to schema.org and relation
// types to the kgraph vocabulary (docs/vocabulary.md); every relation also as
// a node of its own with amount, percent, date, confidence and its evidence,
// each evidence prov:wasDerivedFrom its document. Pretty-printed.
std::string ToJsonLd(const GraphModel& graph);

// One JSON array, an item per relation: subject, object ({name, type,
// aliases}), predicate, amount ({value, currency, qualifier} or null),
// percent, date, confidence, modality, ended, claims and evidence
// ([{doc, source, sentence, start, end, rule, ...}]).
std::string ToRelationsJson(const GraphModel& graph);

}  // namespace kgraph
