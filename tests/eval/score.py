#!/usr/bin/env python3
# Copied from the project's evaluation folder (shared/eval/score.py, beside the repository),
# so a clean clone scores itself. Keep the scoring identical to the original.
"""Score extracted relations against a gold file, at the graph level.

Usage: score.py GOLD.json RELATIONS.json [--show] [--json]

RELATIONS.json is what `kgraph relations --json` prints: a JSON array whose
items have "subject", "predicate", "object" (a name, or an object with "name"
and optional "aliases"), and optionally "amount" (a number in US dollars, or
{"value": N, "currency": "USD"}) and "percent" (a number).

A system name maps to a gold entity when, case-folded and with punctuation
folded to spaces, it equals the gold name or one of its aliases (system
aliases are tried too). competes-with is symmetric. Gold relations marked
"optional" count neither way. Predicates outside the scored set are ignored.
The last line printed is the headline: F1, precision, recall.
With --json (an addition to the original) it prints instead one JSON object
with the same figures, overall and per predicate (a relation counts under its
own predicate, so the per-predicate counts add up to the overall ones).
"""
import json
import re
import sys

SCORED = {"invests-in", "owns-stake", "customer-of", "leaves",
          "competes-with", "ceo-of", "founder-of"}
SYMMETRIC = {"competes-with"}


def norm(name):
    name = name.replace("\u2019", "'").casefold()
    name = re.sub(r"'s\b", "", name)
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def entity_names(node):
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        names = [node.get("name") or node.get("label") or node.get("@id") or ""]
        names += list(node.get("aliases") or [])
        return [n for n in names if isinstance(n, str) and n]
    return []


def amount_of(rel):
    a = rel.get("amount")
    if isinstance(a, dict):
        a = a.get("value")
    return float(a) if isinstance(a, (int, float)) else None


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    gold = json.load(open(argv[1], encoding="utf-8"))
    system = json.load(open(argv[2], encoding="utf-8"))
    if isinstance(system, dict):
        system = system.get("relations", [])
    as_json = "--json" in argv
    show = "--show" in argv and not as_json

    alias = {}
    for e in gold["entities"]:
        for n in [e["name"]] + e.get("aliases", []):
            alias[norm(n)] = e["name"]

    def canon(node):
        names = entity_names(node)
        for n in names:
            if norm(n) in alias:
                return alias[norm(n)]
        return names[0] if names else "?"

    def key(s, p, o):
        if p in SYMMETRIC and o < s:
            s, o = o, s
        return (s, p, o)

    required, optional, gold_attr = set(), set(), {}
    for r in gold["relations"]:
        k = key(r["subject"], r["predicate"], r["object"])
        (optional if r.get("optional") else required).add(k)
        gold_attr[k] = r

    found, sys_attr, surface = set(), {}, {}
    for r in system:
        p = str(r.get("predicate", "")).strip().lower().replace("_", "-")
        if p not in SCORED:
            continue
        k = key(canon(r.get("subject")), p, canon(r.get("object")))
        found.add(k)
        sys_attr.setdefault(k, []).append(r)
        for node in (r.get("subject"), r.get("object")):
            names = entity_names(node)
            if names:
                surface.setdefault(canon(node), set()).add(norm(names[0]))

    tp = found & required
    fp = found - required - optional
    fn = required - found
    p = len(tp) / (len(tp) + len(fp)) if tp or fp else 0.0
    rc = len(tp) / len(required) if required else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0

    attr_ok = attr_all = 0
    for k in tp:
        g = gold_attr[k]
        if "amount_usd" in g:
            attr_all += 1
            vals = [amount_of(r) for r in sys_attr[k]]
            if any(v and any(abs(v - w) <= 0.01 * w for w in g["amount_usd"]) for v in vals):
                attr_ok += 1
        if "percent" in g:
            attr_all += 1
            if any(r.get("percent") is not None and abs(float(r["percent"]) - g["percent"]) < 0.01
                   for r in sys_attr[k]):
                attr_ok += 1
    dups = {c: sorted(s) for c, s in surface.items() if c in alias.values() and len(s) > 1}

    if as_json:
        def figures(t, f, n):
            pp = t / (t + f) if t or f else 0.0
            rr = t / (t + n) if t + n else 0.0
            return {"f1": 2 * pp * rr / (pp + rr) if pp + rr else 0.0, "p": pp, "r": rr,
                    "tp": t, "fp": f, "fn": n}
        report = figures(len(tp), len(fp), len(fn))
        report["predicates"] = {
            pred: figures(sum(k[1] == pred for k in tp), sum(k[1] == pred for k in fp),
                          sum(k[1] == pred for k in fn))
            for pred in sorted({k[1] for k in tp | fp | fn})}
        report.update({"gold_required": len(required), "gold_optional": len(optional),
                       "system": len(found), "attributes_right": attr_ok, "attributes": attr_all,
                       "split": len(dups)})
        print(json.dumps(report, indent=1, sort_keys=True))
        return

    if show:
        for k in sorted(fn):
            print("missed   ", " | ".join(k))
        for k in sorted(fp):
            print("spurious ", " | ".join(k))
        for c, names in sorted(dups.items()):
            print("split    ", c, "<-", ", ".join(names))
    print(f"gold {len(required)} required (+{len(optional)} optional); system {len(found)} scored relations")
    print(f"attributes right: {attr_ok}/{attr_all}; gold entities split into several nodes: {len(dups)}")
    print(f"F1 {f1:.3f} (P {p:.3f} R {rc:.3f}; tp {len(tp)} fp {len(fp)} fn {len(fn)})")


if __name__ == "__main__":
    main(sys.argv)
