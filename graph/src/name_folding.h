// How entity names are compared across documents.
#pragma once

#include <string>
#include <string_view>

namespace kgraph::graph {

// The matching key of a name or alias: lower case, Latin-1 diacritics removed
// ("Société" -> "societe"), apostrophes and full stops dropped ("Macy's" ->
// "macys", "S.A." -> "sa"), other punctuation and white space collapsed to one
// space. Two surface forms denote the same entity when their keys are equal.
// A name made only of punctuation keeps its own bytes as key.
std::string FoldName(std::string_view name);

}  // namespace kgraph::graph
