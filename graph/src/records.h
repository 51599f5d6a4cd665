// Encoding of the values stored in the column families, in the compact
// binary format of record_codec.h. Decoding checks the whole record: a
// truncated or malformed value is a Corruption naming what it belonged to.
#pragma once

#include <string>
#include <string_view>

#include "entity_resolution.h"
#include "kgraph/model.h"
#include "kgraph/status.h"
#include "kgraph/store.h"

namespace kgraph::graph {

std::string EncodeDocument(const DocumentFacts& facts);
// Corruption naming the document when the value is not a readable record.
Result<DocumentFacts> DecodeDocument(std::string_view id, std::string_view value);
// What Store::Documents() tells of a stored document.
Result<DocumentInfo> DecodeDocumentInfo(std::string_view id, std::string_view value);

// An entity record, stored under the entity's id, holds its votes; name,
// type and aliases follow from them (EntityVotes::Elect).
std::string EncodeEntityVotes(const EntityVotes& votes);
Result<EntityVotes> DecodeEntityVotes(std::string_view id, std::string_view value);
// The entity a record stores; Corruption when no name has a vote.
Result<Entity> DecodeEntity(std::string_view id, std::string_view value);

std::string EncodeEvidence(const Evidence& evidence);
Result<Evidence> DecodeEvidence(std::string_view value);

}  // namespace kgraph::graph
