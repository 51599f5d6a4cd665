#!/usr/bin/env python3
"""Two kgraph binaries on the same queries, run for run, alternately.

For each database: process start, `show` of a low-degree entity, `neighbors
--depth 1`, `neighbors --depth 2 --limit 200`, `path` between two entities 4
hops apart (picked as bench_queries.py picks them) and `stats`. Prints, per
binary, the median wall time, the mean CPU time (user + system of the
process) and the peak RSS (/usr/bin/time, one more run). Alternating run for
run puts the two under the same load, which on a shared machine moves more
between minutes than between two runs.

    bench/alternate_queries.py --before main-kgraph --after build/cli/kgraph --db p1k.db --db p100k.db [--runs 21]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_queries import pick_entities  # noqa: E402


def timed(cmd):
    """Wall and CPU milliseconds of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {cmd}")
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def peak_mb(cmd):
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    return int(proc.stderr.strip().splitlines()[-1]) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--db", action="append", required=True)
    parser.add_argument("--runs", type=int, default=21)
    options = parser.parse_args()
    binaries = (options.before, options.after)
    print("| database | query | before wall / CPU ms | after wall / CPU ms | before / after MB |")
    print("|---|---|---|---|---|")
    for db in options.db:
        entity, pair = pick_entities(options.after, db)
        queries = [("process start (`--help`)", ["--help"]), ("`show`", ["--db", db, "show", entity]),
                   ("`neighbors --depth 1`", ["--db", db, "neighbors", entity, "--depth", "1"]),
                   ("`neighbors --depth 2 --limit 200`", ["--db", db, "neighbors", entity, "--depth", "2", "--limit", "200"]),
                   ("`stats`", ["--db", db, "stats"])]
        if pair:
            queries.insert(4, ("`path`, 4 hops", ["--db", db, "path", pair[0], pair[1]]))
        for label, args in queries:
            runs = {binary: [] for binary in binaries}
            for _ in range(options.runs):
                for binary in binaries:
                    runs[binary].append(timed([binary] + args))
            cells = [f"{statistics.median(w for w, _ in runs[b]):.0f} / {statistics.mean(c for _, c in runs[b]):.1f}"
                     for b in binaries]
            memory = " / ".join(f"{peak_mb([b] + args):.0f}" for b in binaries)
            print(f"| {os.path.basename(db)} | {label} | {cells[0]} | {cells[1]} | {memory} |", flush=True)


if __name__ == "__main__":
    main()
