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

// A tie ends when its subject `leaves` its object: a customer-of when the
// customer leaves the supplier, a ceo-of when the person leaves the company
// (a founder-of stays true of a founder who left). The leaving must be
// asserted, not only planned or reported (Evidence::modality), and not be
// followed by a restatement of the tie: a sentence of the same document
// after it ("returned as CEO") keeps the tie current. Sentences of different
// documents have no order we know, so a leaving in any document ends it.
// Both relations are between the same two entities, so any set of relations
// that holds every relation of one of them can be marked; the evidence of
// the relations that EndingRelations() names must be loaded.
void MarkEndedRelations(std::vector<Relation>& relations);

// The indices of the relations whose `ended` depends on their evidence: the
// ties that have a `leaves` between the same ends, and those leaves.
std::vector<std::size_t> EndingRelations(const std::vector<Relation>& relations);

}  // namespace kgraph::graph
