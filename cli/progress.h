// Progress of a long ingest on stderr: shown only when stderr is a terminal,
// so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace kgraph::cli {

class Progress {
public:
    explicit Progress(std::size_t total);
    // One more document done; redraws at most ten times a second.
    void Advance(const std::string& current);
    // Clears the progress line.
    void Finish();

private:
    std::size_t total_;
    std::size_t done_ = 0;
    bool enabled_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace kgraph::cli
