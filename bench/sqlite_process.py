#!/usr/bin/env python3
"""SQLite as a whole process: the `sqlite3` shell, one statement per run, on
an edge table holding a kgraph database's relations (the table
bench_queries.py builds, saved to a file), with the entities
bench_queries.py picks. Prints the median wall time and the mean CPU time
(user + system) of each statement, to set beside kgraph's whole process.

    bench/sqlite_process.py --kgraph build/cli/kgraph --db p10k.db --sqlite a10k.sqlite [--runs 21]

With --alternate KGRAPH (once or more), each run of a statement is followed
by a run of each given kgraph on the same question (`--help` for the start
alone), and their mean CPU time and its ratio to SQLite's are printed beside
it: the same load for both sides of the ratio.

Each kgraph binary is first written back to disk and read again, whole
(settle()): a binary linked seconds before, whose pages are still dirty in
the page cache, took 11% more CPU per `show` than the same bytes after
that, in an alternating run (docs/benchmarks.md, "Start-up of a
position-dependent kgraph"), which made a fresh build look slower than a
copy of an older one.

    bench/sqlite_process.py --kgraph build/cli/kgraph --db p10k.db --sqlite a10k.sqlite \
        --alternate main-kgraph --alternate build/cli/kgraph --runs 31
"""
import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from alternate_queries import timed  # noqa: E402
from bench_queries import pick_entities  # noqa: E402

ADJACENT = "SELECT object AS n FROM edge WHERE subject = {x} UNION SELECT subject FROM edge WHERE object = {x}"
TWO_HOPS = "SELECT object AS n FROM edge WHERE subject IN {x} UNION SELECT subject FROM edge WHERE object IN {x}"


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def statements(entity, pair):
    e = quoted(entity)
    listed = [
        ("start alone (`SELECT 1`)", "SELECT 1;"),
        ("`show`", f"SELECT subject, predicate, object, evidence FROM edge WHERE subject = {e} OR object = {e};"),
        ("`neighbors --depth 1`", ADJACENT.format(x=e) + ";"),
        ("`neighbors --depth 2`, 200 at most",
         f"WITH one AS ({ADJACENT.format(x=e)}) SELECT n FROM one UNION SELECT * FROM ({TWO_HOPS.format(x='one')}) LIMIT 200;"),
    ]
    if pair:
        a, b = quoted(pair[0]), quoted(pair[1])
        listed.append(("`path`, 4 hops (2 hops out from each end, `INTERSECT`)",
                       f"WITH a1 AS ({ADJACENT.format(x=a)}), b1 AS ({ADJACENT.format(x=b)}), "
                       f"a2 AS ({TWO_HOPS.format(x='a1')}), b2 AS ({TWO_HOPS.format(x='b1')}) "
                       "SELECT n FROM a2 INTERSECT SELECT n FROM b2 LIMIT 1;"))
    return listed


def kgraph_args(label, entity, pair):
    """The kgraph command that asks what the statement labelled `label` asks."""
    if label.startswith("start alone"):
        return ["--help"]
    if label == "`show`":
        return ["show", entity]
    if label == "`neighbors --depth 1`":
        return ["neighbors", entity, "--depth", "1"]
    if label.startswith("`neighbors --depth 2`"):
        return ["neighbors", entity, "--depth", "2", "--limit", "200"]
    return ["path", pair[0], pair[1]]


def settle(binaries):
    """Writes each binary back and reads it again, so that every one is in the
    page cache as a program installed earlier is: clean, read whole."""
    os.sync()
    for path in binaries:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            while os.read(fd, 1 << 20):
                pass
        finally:
            os.close(fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kgraph", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--sqlite", required=True)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--alternate", action="append", default=[], help="a kgraph to run after each statement")
    options = parser.parse_args()
    settle(sorted({options.kgraph, *options.alternate}))
    entity, pair = pick_entities(options.kgraph, options.db)
    header = "| statement | wall ms | CPU ms |" + "".join(f" {b} CPU ms | ratio |" for b in options.alternate)
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for label, sql in statements(entity, pair):
        runs, alternated = [], {b: [] for b in options.alternate}
        for _ in range(options.runs):
            runs.append(timed(["sqlite3", options.sqlite, sql]))
            for b in options.alternate:
                alternated[b].append(timed([b, "--db", options.db] + kgraph_args(label, entity, pair)))
        cpu = statistics.mean(c for _, c in runs)
        line = f"| {label} | {statistics.median(w for w, _ in runs):.0f} | {cpu:.2f} |"
        for b in options.alternate:
            mean = statistics.mean(c for _, c in alternated[b])
            line += f" {mean:.2f} | {mean / cpu:.2f} |"
        print(line, flush=True)


if __name__ == "__main__":
    main()
