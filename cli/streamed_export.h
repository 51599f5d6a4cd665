// Exports of the whole graph written while a snapshot is read, so that their
// memory does not grow with the database: each holds the entities' names
// and one entity's relations at a time, never all relations or evidence.
// Each writes byte for byte what its export.h function writes for
// Store::ReadGraph().
#pragma once

#include <ostream>

#include "kgraph/status.h"
#include "kgraph/store.h"

namespace kgraph::cli {

// ToJsonLd(store.ReadGraph()), without a final newline. `snapshot` is one of
// `store`'s.
Status StreamJsonLd(const Store& store, const GraphSnapshot& snapshot, std::ostream& out);

// ToGraphMl(ReadGraph()) of `snapshot`'s store.
Status StreamGraphMl(const GraphSnapshot& snapshot, std::ostream& out);

}  // namespace kgraph::cli
