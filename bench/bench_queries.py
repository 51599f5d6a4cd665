#!/usr/bin/env python3
"""Queries about one entity, kgraph against SQLite on the same graph.

For each database: `show` of a low-degree entity, `neighbors --depth 1`,
`neighbors --depth 2 --limit 200`, `path` between two entities 4 hops apart,
and `stats`; the median wall time and the median CPU time (user + system) of
--runs runs of the kgraph process (its start and the database's open
included) and the largest peak RSS. The anchor
is the same graph's relations in SQLite (an edge table indexed on subject and
on object, evidence as JSON beside it), queried through its C API (Python's
sqlite3 module) with the same questions: the relations and evidence of the
entity; its neighbours; the neighbours of those, at most 200; a shortest path
by breadth-first search from both ends over the indexed table. SQLite times
are the queries alone, in one process that keeps the database open.

    bench/bench_queries.py --kgraph build/cli/kgraph --db /tmp/kg1k.db --db /tmp/kg10k.db \
        [--baseline-kgraph /path/to/older/kgraph] [--runs 5]

Databases come from `gen_corpus` and `kgraph ingest --bulk` (see bench/README.md).
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import tempfile
import time


def run_kgraph(kgraph, db, args):
    """Wall seconds, peak RSS (MB), CPU seconds (user + system) and output of
    one kgraph run. The CPU time is what a loaded machine leaves comparable:
    the wall time there is mostly waiting for a core. It includes
    /usr/bin/time's own, a fraction of a millisecond; the peak RSS is
    /usr/bin/time's figure, since a child's own counts the memory of the
    Python process it was forked from."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", kgraph, "--db", db] + args, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        errors = err.read().decode().strip()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"kgraph {' '.join(args)} failed: {errors}")
        rss_kb = int(errors.splitlines()[-1])
        return wall, rss_kb / 1024, usage.ru_utime + usage.ru_stime, out.read().decode()


def measure(fn, runs):
    """Median wall seconds, largest peak RSS (MB), median CPU seconds."""
    results = [fn() for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results),
            statistics.median(r[2] for r in results))


def build_sqlite(relations, path):
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE edge(subject TEXT, predicate TEXT, object TEXT, evidence TEXT);
        CREATE INDEX edge_subject ON edge(subject);
        CREATE INDEX edge_object ON edge(object);
    """)
    con.executemany("INSERT INTO edge VALUES (?, ?, ?, ?)",
                    ((r["subject"]["name"], r["predicate"], r["object"]["name"], json.dumps(r["evidence"]))
                     for r in relations))
    con.commit()
    return con


def sqlite_adjacent(con, name):
    rows = con.execute("SELECT object FROM edge WHERE subject = ? UNION SELECT subject FROM edge WHERE object = ?",
                       (name, name))
    return [row[0] for row in rows]


def sqlite_show(con, name):
    return con.execute("SELECT subject, predicate, object, evidence FROM edge WHERE subject = ? OR object = ?",
                       (name, name)).fetchall()


def sqlite_neighbors2(con, name, limit):
    seen = {name}
    layer = sqlite_adjacent(con, name)
    seen.update(layer)
    found = list(layer)
    for entity in layer:
        for other in sqlite_adjacent(con, entity):
            if other not in seen and len(found) < limit:
                seen.add(other)
                found.append(other)
    return found


def sqlite_path(con, a, b):
    sides = [{a: None}, {b: None}]
    frontiers = [[a], [b]]
    while frontiers[0] and frontiers[1]:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        nxt = []
        for entity in frontiers[side]:
            for other in sqlite_adjacent(con, entity):
                if other in sides[side]:
                    continue
                sides[side][other] = entity
                nxt.append(other)
                if other in sides[1 - side]:
                    return other
        frontiers[side] = nxt
    return None


def time_sqlite(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pick_entities(kgraph, db):
    entities = json.loads(run_kgraph(kgraph, db, ["entities", "--json"])[3])
    entities.sort(key=lambda e: e["name"])
    low = [e["name"] for e in entities if e["degree"] == 3]
    pair = None
    for a in low[:40]:
        for b in reversed(low[-40:]):
            hops = json.loads(run_kgraph(kgraph, db, ["path", a, b, "--json"])[3])
            if len(hops) == 4:
                pair = (a, b)
                break
        if pair:
            break
    return low[0], pair


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kgraph", required=True)
    parser.add_argument("--baseline-kgraph", help="an older kgraph to measure on the same databases")
    parser.add_argument("--db", action="append", required=True)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    print("| database | query | entity | kgraph ms | kgraph CPU ms | kgraph MB "
          "| baseline ms | baseline CPU ms | baseline MB | SQLite ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for db in options.db:
        entity, pair = pick_entities(options.kgraph, db)
        relations = json.loads(run_kgraph(options.kgraph, db, ["relations", "--json"])[3])
        with tempfile.TemporaryDirectory() as scratch:
            con = build_sqlite(relations, os.path.join(scratch, "anchor.sqlite"))
            del relations
            queries = [
                ("show", entity, ["show", entity], lambda: sqlite_show(con, entity)),
                ("neighbors --depth 1", entity, ["neighbors", entity, "--depth", "1"],
                 lambda: sqlite_adjacent(con, entity)),
                ("neighbors --depth 2 --limit 200", entity, ["neighbors", entity, "--depth", "2", "--limit", "200"],
                 lambda: sqlite_neighbors2(con, entity, 200)),
                ("stats", "", ["stats"], None),
                ("process start (`--help`)", "", ["--help"], None),
            ]
            if pair:
                queries.append(("path (4 hops)", f"{pair[0]} -> {pair[1]}", ["path", pair[0], pair[1]],
                                lambda: sqlite_path(con, pair[0], pair[1])))
            for label, about, args, anchor in queries:
                ms, mb, cpu = measure(lambda: run_kgraph(options.kgraph, db, args), options.runs)
                base = "| — | — | —"
                if options.baseline_kgraph:
                    baseline_args = [a for a in args if a not in ("--limit", "200")]
                    bms, bmb, bcpu = measure(lambda: run_kgraph(options.baseline_kgraph, db, baseline_args),
                                             options.runs)
                    base = f"| {bms * 1000:.0f} | {bcpu * 1000:.1f} | {bmb:.0f}"
                anchor_ms = f"{time_sqlite(anchor, options.runs) * 1000:.2f}" if anchor else "—"
                print(f"| {os.path.basename(db)} | {label} | {about} | {ms * 1000:.0f} | {cpu * 1000:.1f} | {mb:.0f} "
                      f"{base} | {anchor_ms} |", flush=True)
            con.close()


if __name__ == "__main__":
    main()
