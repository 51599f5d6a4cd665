// Store::Check(): the invariants the store keeps, verified one by one.
#pragma once

#include "database.h"
#include "kgraph/store.h"

namespace kgraph::graph {

// One line per violated invariant (see the list in check.cpp); an error
// Status only when the database cannot be read at all.
Result<CheckReport> CheckInvariants(const Reader& reader);

}  // namespace kgraph::graph
