// The baseline for the store benchmark: RocksDB alone writing the volume that
// Store::Ingest writes for the same documents.
//
// One WriteBatch per document, sync off, with one blind Put per entity, alias,
// relation out-edge, relation in-edge and evidence item (plus the document
// record), into column families named like the store's, with keys and values
// of similar sizes. What it leaves out is exactly the store's own work:
// reading what is already stored, resolving aliases across documents,
// merging relations and encoding. RocksDB types stay in the .cpp.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

#include "kgraph/model.h"
#include "kgraph/status.h"

namespace kgraph::bench {

struct BaselineVolume {
    std::size_t batches = 0;
    std::size_t keys = 0;
    std::size_t bytes = 0;  // keys and values
};

class RawRocksDbBaseline {
public:
    // Creates a fresh database at `path` (which must not exist).
    static Result<std::unique_ptr<RawRocksDbBaseline>> Create(const std::filesystem::path& path);
    virtual ~RawRocksDbBaseline() = default;

    virtual Status Write(const DocumentFacts& facts) = 0;
    virtual const BaselineVolume& volume() const = 0;
};

}  // namespace kgraph::bench
