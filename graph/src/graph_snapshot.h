// The GraphSnapshot of the RocksDB store (store.h), and what reading part
// of the graph shares with reading all of it. Internal to graph/.
#pragma once

#include <memory>
#include <vector>

#include "database.h"
#include "kgraph/model.h"
#include "kgraph/store.h"

namespace kgraph::graph {

// With `pin`, a RocksDB snapshot keeps the state of now while the writer
// goes on; a read-only store needs none, it sees the state of its open.
std::unique_ptr<GraphSnapshot> NewGraphSnapshot(const Database& db, bool pin);

// A customer-of ended when the customer also `leaves` the supplier; both
// relations are between the same two entities, so any set of relations that
// holds every relation of one of them can be marked.
void MarkEndedRelations(std::vector<Relation>& relations);

}  // namespace kgraph::graph
