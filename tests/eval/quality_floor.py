#!/usr/bin/env python3
"""Fails when extraction quality falls below what the README states.

Usage: quality_floor.py KGRAPH_BINARY README.md

Runs the same evaluation as `./run eval` (report.py) and reads the per-set rows
of the table in README.md's "Extraction quality" section. Exits 1 when any set's
F1 is more than TOLERANCE below the README's figure, or when the README's table
lacks a set; exits 0 otherwise. A figure well above the README's passes too, but
is printed, so the README can be brought up to date.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # noqa: E402

TOLERANCE = 0.02


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    with open(argv[2], encoding="utf-8") as readme:
        stated = report.parse_table(readme.read())
    missing = [name for name in report.SET_NAMES if name not in stated]
    if missing:
        sys.exit(f"README.md's quality table has no row for: {', '.join(missing)}")

    measured = report.evaluate(argv[1])
    print(report.table(measured))
    print()
    failed = False
    for name in report.SET_NAMES:
        f1, floor = measured[name]["f1"], stated[name]["F1"]
        verdict = "ok"
        if f1 < floor - TOLERANCE:
            verdict, failed = "BELOW the floor", True
        elif f1 > floor + TOLERANCE:
            verdict = "ok, above the README's figure: update it"
        print(f"{name}: F1 {f1:.3f}, README {floor:.3f}, floor {floor - TOLERANCE:.3f}: {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
