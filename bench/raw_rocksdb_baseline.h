// The baseline for the store benchmark: RocksDB alone writing the volume that
// Store::Ingest writes for the same documents.
//
// One WriteBatch per document, sync off, default RocksDB options as the store
// uses them, and the store's key layout (docs/storage.md): one blind Put per
// source, entity, mention, alias, relation out-edge and in-edge, evidence
// item, and the document record holding the facts. Values are flat
// encodings of the same fields, as the store's binary records are.
// What it leaves out is exactly the store's own work: reading what is
// already stored, resolving entities across documents, merging votes and
// encoding. RocksDB types stay in the .cpp.
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
