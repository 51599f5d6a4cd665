// Time and memory measurements shared by the benchmarks.
//
// MB means 10^6 bytes throughout (MB/s as disks and networks count it);
// memory is reported in MiB because that is how the kernel counts pages.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace kgraph::bench {

// Accumulates wall-clock time, and the CPU time of the calling thread, over
// several Start/Stop intervals, so that a phase interleaved with others
// (extract, then store, then baseline, chunk after chunk) is timed on its
// own. CPU time is what a single-threaded phase costs even when other
// processes compete for the cores; wall time also counts the waiting.
class PhaseTimer {
public:
    void Start();
    void Stop();
    double Seconds() const { return std::chrono::duration<double>(wall_).count(); }
    double CpuSeconds() const { return cpu_seconds_; }

private:
    using Clock = std::chrono::steady_clock;
    Clock::time_point wall_started_;
    Clock::duration wall_{};
    double cpu_started_ = 0, cpu_seconds_ = 0;
};

// Highest resident set size of this process so far (getrusage ru_maxrss).
double PeakRssMiB();
// Resident set size now (/proc/self/statm).
double CurrentRssMiB();

double MegabytesPerSecond(std::size_t bytes, double seconds);

// "12.3" with one decimal, for tables.
std::string Fixed(double value, int decimals = 1);

}  // namespace kgraph::bench
