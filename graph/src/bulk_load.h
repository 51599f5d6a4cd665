// Filling an empty store with many documents at once (Store::StartBulkLoad).
#pragma once

#include <vector>

#include "database.h"
#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph::graph {

// Computes every column family of a store that holds exactly `documents`,
// writes each as one sorted table file, and adds them all to `db` with one
// IngestExternalFiles call, which RocksDB applies atomically across column
// families: after a crash the database holds all of them or none. The graph
// is the one Ingest() of the same documents, in any order, stores.
//
// `documents` must be valid (Store::Ingest's checks), with distinct ids and
// sources and evidence naming their document; `db` must hold no document.
// The table files are written in a scratch folder inside the database
// folder, so that RocksDB can move them in rather than copy.
Status LoadInBulk(const Database& db, const std::vector<DocumentFacts>& documents);

}  // namespace kgraph::graph
