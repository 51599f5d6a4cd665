// Where the rules and schema files are found when the user names none.
#pragma once

#include <cstdlib>
#include <filesystem>

#include "kgraph/data_files.h"

namespace kgraph::extract {

// `given`, or else the installed file of that name: in KGRAPH_DATA_DIR, else
// in the installed data folder beside the executable (kgraph/data_files.h),
// else in the source tree's extract/data.
inline std::filesystem::path DataFile(const std::filesystem::path& given, const char* installed) {
    if (!given.empty()) return given;
    if (const char* dir = std::getenv("KGRAPH_DATA_DIR"); dir != nullptr && *dir != '\0') {
        return std::filesystem::path(dir) / installed;
    }
    return InstalledDataDir().value_or(std::filesystem::path(KGRAPH_SOURCE_DATA_DIR)) / installed;
}

}  // namespace kgraph::extract
