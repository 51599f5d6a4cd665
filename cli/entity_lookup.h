// Turning a name typed on the command line into an entity of the graph.
#pragma once

#include <string>
#include <vector>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph::cli {

// The entity whose name or alias equals `typed`, ignoring case, punctuation
// and a possessive 's. Otherwise NotFound with a message that suggests the
// closest known names ("did you mean ...").
Result<const Entity*> ResolveEntity(const GraphModel& graph, const std::string& typed);

// Up to `limit` names or aliases closest to `typed` (edit distance on folded
// text, substring matches first), each reported as its entity's name.
std::vector<std::string> ClosestNames(const GraphModel& graph, const std::string& typed, std::size_t limit = 3);

}  // namespace kgraph::cli
