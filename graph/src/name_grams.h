// The index behind "did you mean": for every stored name and alias (the keys
// of `aliases`, folded), one key per trigram of it in `name-grams`,
// `trigram \0 folded name`. A misspelt name shares most of its trigrams with
// the name meant, so the candidates are found by a prefix scan per trigram of
// what was typed, not by comparing every name. Kept in the batch of every
// write, from the alias keys the batch creates or deletes.
// Internal to graph/.
#pragma once

#include <rocksdb/utilities/write_batch_with_index.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "database.h"
#include "derived_writes.h"

namespace kgraph::graph {

// Puts the trigram keys of one folded name. Names over kMaxNameBytes
// (which databases from before that bound may hold) get none.
void PutNameGrams(KeyValueSink& sink, std::string_view folded);

// Puts the trigram keys of the alias keys `batch` creates, deletes those of
// the alias keys it deletes. One point read per alias key in the batch.
Status UpdateNameGrams(const Database& db, rocksdb::WriteBatchWithIndex& batch);

// Replaces the whole index with one made from the alias keys (a database
// from before the index, or after a repair). A scan of `aliases`.
Status RebuildNameGrams(const Database& db);

// A problem for each index key that no alias key calls for, and each one
// missing (at most a few of each, then how many). A scan of `aliases` and
// `name-grams`; nothing to check in a database from before the index.
Status CheckNameGrams(const Database& db, std::vector<std::string>& problems);

// The folded names that share the most trigrams with `folded` (at least
// one), most first, then by name; at most `limit`. Reads at most
// kGramScanLimit keys per trigram of `folded`, so the work is bounded
// whatever the database holds; a trigram that common says little anyway.
// Adds the keys read to `keys_read`. A database from before the index (not
// opened by a writer since) has its names compared one by one instead.
inline constexpr std::size_t kGramScanLimit = 2000;
Result<std::vector<std::string>> NamesSharingGrams(const Database& db, const Reader& reader, std::string_view folded,
                                                   std::size_t limit, std::size_t& keys_read);

}  // namespace kgraph::graph
