#include "kgraph/data_files.h"

#include <system_error>

namespace kgraph {

std::optional<std::filesystem::path> InstalledDataDir() {
    std::error_code error;
    // Linux names the running executable here, whatever the current directory or argv[0].
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return std::nullopt;
    const std::filesystem::path dir = executable.parent_path() / KGRAPH_DATA_DIR_FROM_BIN;
    if (!std::filesystem::is_directory(dir, error)) return std::nullopt;
    return dir.lexically_normal();
}

}  // namespace kgraph
