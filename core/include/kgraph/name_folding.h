// When two names are the same name. One definition for every module: the
// store merges entities by it and keys its name index with it, and the
// command line finds what a user typed with it, so that a name the graph
// holds is found by any spelling the graph would merge with it.
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <string_view>

namespace kgraph {

// The matching key of a name or alias: lower case, Latin-1 diacritics removed
// ("Société" -> "societe"), apostrophes and full stops dropped ("Macy's" ->
// "macys", "S.A." -> "sa"), other punctuation and white space collapsed to one
// space. Two surface forms denote the same entity when their keys are equal.
// A name made only of punctuation keeps its own bytes as key. The keys are
// stored (docs/storage.md): changing them changes the schema version.
std::string FoldName(std::string_view name);

}  // namespace kgraph
