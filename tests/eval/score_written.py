#!/usr/bin/env python3
"""Scores kgraph on the written sentence sets (tests/eval/sets/written/*.tsv).

Each line is a sentence (or a short text), a tab, and the facts a careful
reader writes down from it, "subject|predicate|object" separated by ';'
(empty: none). The names are made up: the sets test constructions of English,
not companies. competes-with is compared in either direction, names without a
final full stop. Prints the misses and wrong facts of each set and tp/fp/fn.

Usage: score_written.py KGRAPH_BINARY [SET.tsv ...]"""
import glob
import json
import os
import subprocess
import sys
import tempfile


def norm(fact):
    s, p, o = (x.rstrip(".") for x in fact)
    return (min(s, o), p, max(s, o)) if p == "competes-with" else (s, p, o)


def score(kgraph, path):
    rows = [(line.rstrip("\n").split("\t") + [""])[:2] for line in open(path) if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        for i, (text, _) in enumerate(rows):
            with open(os.path.join(folder, f"s{i:03d}.txt"), "w") as f:
                f.write(text + "\n")
        out = subprocess.run([kgraph, "extract", "--jsonl", folder], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        doc = json.loads(line)
        i = int(os.path.basename(doc["source"])[1:4])
        found[i] = {norm((r["subject"], r["predicate"], r["object"])) for r in doc["relations"]}
    tp = fp = fn = 0
    for i, (text, expected) in enumerate(rows):
        want = {norm(tuple(x.split("|"))) for x in expected.split(";") if x}
        got = found.get(i, set())
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        if want != got:
            print(f"  {text}\n    missed {sorted(want - got)}\n    wrong  {sorted(got - want)}")
    return tp, fp, fn


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    sets = argv[2:] or sorted(glob.glob(os.path.join(os.path.dirname(__file__), "sets", "written", "*.tsv")))
    totals = [0, 0, 0]
    for path in sets:
        print(os.path.basename(path))
        counts = score(argv[1], path)
        print(f"  tp {counts[0]} fp {counts[1]} fn {counts[2]}")
        totals = [a + b for a, b in zip(totals, counts)]
    print(f"all: tp {totals[0]} fp {totals[1]} fn {totals[2]}")


if __name__ == "__main__":
    main(sys.argv)
