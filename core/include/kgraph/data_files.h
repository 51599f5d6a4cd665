// Where kgraph's data files (relation rules and schema, the parser model) are
// when no path is given for them and no environment variable names one.
//
// `cmake --install` puts the program in <prefix>/bin and the data files in
// <prefix>/share/kgraph; an installed kgraph finds them there, relative to
// its own executable, wherever it was installed to. A kgraph that was not
// installed (the build tree) finds none and uses the source tree's files.
//
// Thread-safety: safe to call from any thread.
#pragma once

#include <filesystem>
#include <optional>

namespace kgraph {

// The installed data folder beside the running executable, or nullopt when
// there is none.
std::optional<std::filesystem::path> InstalledDataDir();

}  // namespace kgraph
