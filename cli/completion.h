// Shell completion scripts (`kgraph completion bash|zsh`), written from the
// command line's own definition, so that every command and option completes
// without a second list to keep in step.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace kgraph::cli {

// The script for `shell`, "bash" or "zsh", to be sourced (bash) or put on
// $fpath as _kgraph (zsh).
std::string CompletionScript(const CLI::App& app, std::string_view shell);

}  // namespace kgraph::cli
