#!/usr/bin/env python3
"""Slices each evidence sentence out of its document with the code point
offsets, as a Python user would; used by test_cli.

Usage: offsets_check.py RELATIONS_JSON JSONLD

Reads the documents from the evidence's source paths. Prints one JSON object
with, for each file ("relations", "jsonld"):
  evidence   pieces of evidence
  sliced     those whose text[char_start:char_end] is the sentence
  bytes_fail those whose text[start:end] (the byte offsets) is not
"""
import json
import sys


def document_text(path, cache={}):
    if path not in cache:
        with open(path, encoding="utf-8") as f:
            cache[path] = f.read()
    return cache[path]


def tally(items):
    """items: (source, sentence, start, end, char_start, char_end) tuples."""
    counts = {"evidence": 0, "sliced": 0, "bytes_fail": 0}
    for source, sentence, start, end, char_start, char_end in items:
        text = document_text(source)
        counts["evidence"] += 1
        counts["sliced"] += text[char_start:char_end] == sentence
        counts["bytes_fail"] += text[start:end] != sentence
    return counts


def from_relations(relations):
    for relation in relations:
        for e in relation["evidence"]:
            yield e["source"], e["sentence"], e["start"], e["end"], e["char_start"], e["char_end"]


def from_jsonld(document):
    nodes = document["@graph"]
    sources = {n["@id"]: n["source"] for n in nodes if n.get("@type") == "Document"}
    for node in nodes:
        for e in node.get("evidence", []) if node.get("@type") == "Relation" else []:
            yield (sources[e["wasDerivedFrom"]], e["sentence"], e["start"], e["end"], e["charStart"], e["charEnd"])


def main(relations_path, jsonld_path):
    with open(relations_path, encoding="utf-8") as f:
        relations = json.load(f)
    with open(jsonld_path, encoding="utf-8") as f:
        jsonld = json.load(f)
    print(json.dumps({"relations": tally(from_relations(relations)), "jsonld": tally(from_jsonld(jsonld))}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
