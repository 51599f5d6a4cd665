#!/usr/bin/env python3
"""Whether two kgraph binaries print the same bytes on a database.

`entities`, `relations`, `stats`, and for nine entities (the three of
highest degree, three in the middle, the last three) `show`, `neighbors`
(depths 1 to 3, with a limit, a direction, JSON) and `path` between them
(three filters, JSON), an unknown name, and every export format of the whole
graph and of one entity's part. Prints each command whose output, error or
exit code differs; exits 1 if any does.

    bench/compare_outputs.py main-kgraph build/cli/kgraph seeds.db
"""
import filecmp
import json
import os
import subprocess
import sys
import tempfile


def run(kgraph, db, args):
    proc = subprocess.run([kgraph, "--db", db] + args, capture_output=True)
    return proc.returncode, proc.stdout, proc.stderr


def commands(names):
    pick = names[:3] + names[len(names) // 2:len(names) // 2 + 3] + names[-3:]
    listed = [["entities"], ["entities", "--json"], ["relations"], ["relations", "--json"], ["stats"]]
    for name in pick:
        listed += [["show", name], ["show", name, "--json"], ["neighbors", name], ["neighbors", name, "--depth", "2"],
                   ["neighbors", name, "--depth", "2", "--limit", "50", "--json"],
                   ["neighbors", name, "--depth", "3", "--direction", "out"]]
    for a in pick:
        for b in pick[::2]:
            listed += [["path", a, b], ["path", a, b, "--json"], ["path", a, b, "--direction", "out"],
                       ["path", a, b, "--rel", "customer-of,competes-with"]]
    listed.append(["path", "no such entity", names[0]])
    for fmt in ["dot", "svg", "jsonld", "json", "graphml"]:
        listed += [["export", "--format", fmt, "-o", "-"],
                   ["export", "--format", fmt, "-o", "-", "--entity", pick[0], "--depth", "1"]]
    return listed


def main():
    before, after, db = sys.argv[1:4]
    entities = json.loads(run(before, db, ["entities", "--json"])[1])
    entities.sort(key=lambda e: (-e["degree"], e["name"]))
    listed = commands([e["name"] for e in entities])
    differ = 0
    for args in listed:
        if run(before, db, args) != run(after, db, args):
            differ += 1
            print("differs:", args)
    with tempfile.TemporaryDirectory() as scratch:
        for kgraph, folder in ((before, "before"), (after, "after")):
            run(kgraph, db, ["export", "--format", "csv", "-o", os.path.join(scratch, folder)])
        for name in ("nodes.csv", "relationships.csv"):
            if not filecmp.cmp(os.path.join(scratch, "before", name), os.path.join(scratch, "after", name), shallow=False):
                differ += 1
                print("differs: export --format csv", name)
    print(f"{len(listed) + 1} commands, {differ} differ on {db}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
