// Time and memory measurements shared by the benchmarks.
//
// MB means 10^6 bytes throughout (MB/s as disks and networks count it);
// memory is reported in MiB because that is how the kernel counts pages.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace kgraph::bench {

// Accumulates wall-clock time over several Start/Stop intervals, so that a
// phase interleaved with others (extract, then store, then baseline, chunk
// after chunk) is timed on its own.
class PhaseTimer {
public:
    void Start() { started_ = Clock::now(); }
    void Stop() { total_ += Clock::now() - started_; }
    double Seconds() const { return std::chrono::duration<double>(total_).count(); }

private:
    using Clock = std::chrono::steady_clock;
    Clock::time_point started_;
    Clock::duration total_{};
};

// Highest resident set size of this process so far (getrusage ru_maxrss).
double PeakRssMiB();
// Resident set size now (/proc/self/statm).
double CurrentRssMiB();

double MegabytesPerSecond(std::size_t bytes, double seconds);

// "12.3" with one decimal, for tables.
std::string Fixed(double value, int decimals = 1);

}  // namespace kgraph::bench
