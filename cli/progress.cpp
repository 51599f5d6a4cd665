#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace kgraph::cli {

Progress::Progress(std::size_t total)
    : total_(total), enabled_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

void Progress::Advance(const std::string& current) {
    ++done_;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? done_ / seconds : 0;
    const double eta = rate > 0 ? (total_ - done_) / rate : 0;
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    std::fprintf(stderr, "\r\033[K[%.*s%*s] %zu/%zu  %.1f docs/s  ETA %.0fs  %.40s", filled,
                 "##############################", width - filled, "", done_, total_, rate, eta, current.c_str());
    std::fflush(stderr);
}

void Progress::Finish() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace kgraph::cli
