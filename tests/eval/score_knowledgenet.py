#!/usr/bin/env python3
# Copied from the project's evaluation folder (shared/eval/score_knowledgenet.py, beside the repository),
# so a clean clone scores itself. Keep the scoring identical to the original.
"""Scores `kgraph extract --jsonl passages/` against KnowledgeNet gold (see README.md).
Passage level: a system relation of a predicate counts only in passages annotated for
that predicate; it matches a gold fact when its subject and object names equal (case-folded,
punctuation folded) one of the fact's subject and object mention texts, or one contains the other
as whole words (so "Acme Corp" matches "Acme Corp."). Prints per predicate and overall P/R/F1.
With --json (an addition to the original) prints the same figures as one JSON object instead.
Usage: score.py gold.json system.jsonl [--folds 1,2] [--show] [--json]"""
import collections, json, re, sys

def norm(s):
    s = s.replace("\u2019", "'").casefold()
    s = re.sub(r"'s\b", "", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())

def same(a, b):
    a, b = norm(a), norm(b)
    return bool(a and b) and (a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ")

def main(argv):
    gold = json.load(open(argv[1])); folds = None; as_json = "--json" in argv
    show = "--show" in argv and not as_json
    if "--folds" in argv:
        folds = {int(x) for x in argv[argv.index("--folds") + 1].split(",")}
    keep = lambda key: folds is None or int(key[1]) in folds
    annotated = {k: set(v) for k, v in gold["annotated"].items() if keep(k)}
    facts = collections.defaultdict(list)
    for f in gold["facts"]:
        if keep(f["passage"]):
            facts[f["passage"]].append(f)
    system = collections.defaultdict(set)
    for line in open(argv[2]):
        d = json.loads(line)
        key = d["source"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if key not in annotated:
            continue
        for r in d.get("relations", []):
            if r["predicate"] in annotated[key]:
                system[key].add((r["subject"], r["predicate"], r["object"]))
    tp = collections.Counter(); fp = collections.Counter(); fn = collections.Counter()
    for key, preds in annotated.items():
        matched = set()
        for (s, p, o) in sorted(system[key]):
            hit = [i for i, f in enumerate(facts[key]) if f["predicate"] == p
                   and any(same(s, x) for x in f["subject"]) and any(same(o, x) for x in f["object"])]
            if hit:
                tp[p] += 1; matched.update(hit)
            else:
                fp[p] += 1
                if show: print("spurious", key, s, p, o)
        for i, f in enumerate(facts[key]):
            if i not in matched:
                fn[f["predicate"]] += 1
                if show: print("missed  ", key, f["subject"][0], f["predicate"], f["object"][0])
    def prf(t, p_, n):
        P = t / (t + p_) if t + p_ else 0.0; R = t / (t + n) if t + n else 0.0
        return P, R, (2 * P * R / (P + R) if P + R else 0.0)
    if as_json:
        def figures(t, p_, n):
            P, R, F = prf(t, p_, n)
            return {"f1": F, "p": P, "r": R, "tp": t, "fp": p_, "fn": n}
        report = figures(sum(tp.values()), sum(fp.values()), sum(fn.values()))
        report["predicates"] = {p: figures(tp[p], fp[p], fn[p]) for p in sorted(set(tp) | set(fp) | set(fn))}
        print(json.dumps(report, indent=1, sort_keys=True))
        return
    for p in sorted(set(tp) | set(fp) | set(fn)):
        P, R, F = prf(tp[p], fp[p], fn[p])
        print(f"{p:12s} P {P:.3f} R {R:.3f} F1 {F:.3f} (tp {tp[p]} fp {fp[p]} fn {fn[p]})")
    P, R, F = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"F1 {F:.3f} (P {P:.3f} R {R:.3f}; tp {sum(tp.values())} fp {sum(fp.values())} fn {sum(fn.values())})")

if __name__ == "__main__":
    main(sys.argv)
