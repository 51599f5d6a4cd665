#!/usr/bin/env python3
"""Scores kgraph on the three evaluation sets and prints one markdown table.

Usage: report.py KGRAPH_BINARY

Each set runs in a temporary folder (its own database and output files):
  seeds             kgraph ingest seeds/, relations --json, score.py sets/seeds.json
  news-dev          kgraph ingest sets/news-dev/articles, relations --json, score.py
  knowledgenet-dev  kgraph extract --jsonl sets/knowledgenet-dev/passages, score_knowledgenet.py
The scorers run with --json. The table has one row per set (first cell the set's
name), each followed by its per-predicate rows (first cell "set / predicate").
Any failing step stops the report with a non-zero exit.

quality_floor.py imports evaluate() and parse_table() from here.
"""
import json
import os
import subprocess
import sys
import tempfile

EVAL_DIR = os.path.dirname(os.path.abspath(__file__))
PROJECT_DIR = os.path.dirname(os.path.dirname(EVAL_DIR))
SETS_DIR = os.path.join(EVAL_DIR, "sets")
SET_NAMES = ("seeds", "news-dev", "knowledgenet-dev")
COLUMNS = ("F1", "P", "R", "tp", "fp", "fn")


def run(command, stdout=None):
    """Runs a command; its failure raises with the command and its error output."""
    result = subprocess.run(command, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def score(scorer, gold, system):
    return json.loads(run([sys.executable, os.path.join(EVAL_DIR, scorer), gold, system, "--json"]))


def score_graph(kgraph, articles, gold, work):
    """Ingests the articles into a new database and scores its relations at the graph level."""
    db = os.path.join(work, "kgraph.db")
    relations = os.path.join(work, "relations.json")
    run([kgraph, "--db", db, "ingest", articles])
    with open(relations, "w", encoding="utf-8") as out:
        run([kgraph, "--db", db, "relations", "--json"], stdout=out)
    return score("score.py", gold, relations)


def score_passages(kgraph, passages, gold, work):
    """Extracts facts passage by passage (no database) and scores them at the passage level."""
    facts = os.path.join(work, "facts.jsonl")
    with open(facts, "w", encoding="utf-8") as out:
        run([kgraph, "extract", "--jsonl", passages], stdout=out)
    return score("score_knowledgenet.py", gold, facts)


def evaluate(kgraph):
    """Returns {set name: scorer JSON} for the three sets, in SET_NAMES order."""
    kgraph = os.path.abspath(kgraph)
    results = {}
    for name in SET_NAMES:
        with tempfile.TemporaryDirectory(prefix=f"kgraph-eval-{name}-") as work:
            if name == "seeds":
                results[name] = score_graph(kgraph, os.path.join(PROJECT_DIR, "seeds"),
                                            os.path.join(SETS_DIR, "seeds.json"), work)
            elif name == "news-dev":
                results[name] = score_graph(kgraph, os.path.join(SETS_DIR, "news-dev", "articles"),
                                            os.path.join(SETS_DIR, "news-dev", "gold.json"), work)
            else:
                results[name] = score_passages(kgraph, os.path.join(SETS_DIR, "knowledgenet-dev", "passages"),
                                               os.path.join(SETS_DIR, "knowledgenet-dev", "gold.json"), work)
    return results


def row(label, figures):
    cells = [label] + [f"{figures[c.lower()]:.3f}" for c in COLUMNS[:3]] + [str(figures[c]) for c in COLUMNS[3:]]
    return "| " + " | ".join(cells) + " |"


def table(results):
    lines = ["| set | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for name, figures in results.items():
        lines.append(row(name, figures))
        for predicate, by_predicate in figures["predicates"].items():
            lines.append(row(f"{name} / {predicate}", by_predicate))
    return "\n".join(lines)


def parse_table(text):
    """Reads the per-set rows of a table that table() printed, wherever it sits in the text:
    {set name: {"F1": x, "P": x, "R": x}}. Per-predicate rows are not returned."""
    header, figures = None, {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else None
        if not cells:
            header = None
            continue
        if cells[0] == "set":
            header = cells
        elif header and cells[0] in SET_NAMES and len(cells) == len(header):
            figures[cells[0]] = {c: float(v) for c, v in zip(header, cells) if c in ("F1", "P", "R")}
    return figures


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    try:
        results = evaluate(argv[1])
    except (RuntimeError, OSError, ValueError) as error:
        sys.exit(f"eval failed: {error}")
    print(table(results))


if __name__ == "__main__":
    main(sys.argv)
