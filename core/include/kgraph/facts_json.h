// The model's values as JSON text, one line each.
//
// A DocumentFacts line is the unit of work between extraction and storage:
// `kgraph extract --jsonl` writes one per document and `kgraph ingest --facts`
// reads them back, so extraction can run on any number of machines and one
// writer merge the results (docs/scaling.md). Decoding never throws: malformed text is an
// InvalidArgument saying what is wrong.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph {

// One line (no newline inside), with every field of the facts.
std::string DocumentFactsToJson(const DocumentFacts& facts);
Result<DocumentFacts> DocumentFactsFromJson(std::string_view text);

}  // namespace kgraph
