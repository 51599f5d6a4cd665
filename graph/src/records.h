// Encoding of the values stored in the column families (JSON: readable with
// `ldb` when debugging, and tolerant of fields added later).
#pragma once

#include <string>
#include <string_view>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph::graph {

std::string EncodeDocument(const DocumentFacts& facts);
// Corruption naming the document when the value is not a readable record.
Result<DocumentFacts> DecodeDocument(std::string_view id, std::string_view value);

// The entity's name is its key, so the record holds type and aliases only.
std::string EncodeEntity(const Entity& entity);
Result<Entity> DecodeEntity(std::string_view name, std::string_view value);

std::string EncodeEvidence(const Evidence& evidence);
Result<Evidence> DecodeEvidence(std::string_view value);

}  // namespace kgraph::graph
