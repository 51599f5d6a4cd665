// Turning a name typed on the command line into an entity of the graph.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kgraph/status.h"
#include "kgraph/store.h"

namespace kgraph::cli {

// The store again, opened to suggest names (with StoreReads::kNameIndex):
// a point query opens the name index only when a name is not found.
using NameIndexOpener = std::function<Result<std::unique_ptr<Store>>()>;

// The entity one of whose names or aliases is `typed` as the store matches
// names (kgraph/name_folding.h), or else `typed` without a possessive 's.
// Otherwise NotFound with a message that suggests the closest known names
// ("did you mean ..."), from `snapshot`, or from the store `open_names`
// opens when given.
Result<EntityKey> ResolveEntity(const GraphSnapshot& snapshot, const std::string& typed,
                                const NameIndexOpener& open_names = {});

// Up to `limit` entities whose name or alias is closest to `typed` (names
// that contain it or that it contains first, then by edit distance on folded
// names), as their entities' names, among the names most like it
// (GraphSnapshot::NamesLike). Reads the name index, and the entities it
// names.
Result<std::vector<std::string>> ClosestNames(const GraphSnapshot& snapshot, const std::string& typed,
                                              std::size_t limit = 3);

}  // namespace kgraph::cli
