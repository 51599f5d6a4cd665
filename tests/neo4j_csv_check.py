#!/usr/bin/env python3
"""Checks kgraph's CSV the way `neo4j-admin database import` reads it; used
by test_export.

Usage: neo4j_csv_check.py NODES.csv RELATIONSHIPS.csv

Follows the header format of neo4j-admin (Neo4j 5 operations manual,
"Import: CSV header format"): each column is name:type or a bare name (a
string); the types are ID, LABEL, START_ID, END_ID, TYPE, IGNORE and the
property types, each optionally an array (type[]). Values are parsed as
their column's type; array values split on ';'.

Prints one JSON object:
  problems       what neo4j-admin would reject (empty when none)
  nodes          {id: {"labels": [...], property: value}}
  relationships  [[start, type, end, {property: value}], ...]
"""
import csv
import json
import sys

PROPERTY_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
                  "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}


def parse_header(header, problems):
    columns = []
    for field in header:
        name, _, kind = field.partition(":")
        array = kind.endswith("[]")
        base = kind[:-2] if array else kind
        if kind and base not in PROPERTY_TYPES and base not in SPECIAL:
            problems.append(f"unknown type in header field {field!r}")
        if base in SPECIAL and array:
            problems.append(f"{field!r}: {base} cannot be an array")
        if not name and base not in SPECIAL:
            problems.append(f"property column {field!r} has no name")
        columns.append((name, base or "string", array))
    return columns


def convert(value, kind, problems, where):
    if value == "":
        return None
    try:
        if kind in ("int", "long", "short", "byte"):
            return int(value)
        if kind in ("float", "double"):
            return float(value)
        if kind == "boolean":
            if value not in ("true", "false"):
                raise ValueError(value)
            return value == "true"
    except ValueError:
        problems.append(f"{where}: {value!r} is not a {kind}")
    return value


def read(path, problems):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    columns = parse_header(rows[0], problems)
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            problems.append(f"{path}:{number}: {len(row)} fields for {len(columns)} columns")
            continue
        record = {"properties": {}}
        for (name, kind, array), value in zip(columns, row):
            if kind in SPECIAL:
                record[kind] = value
            elif array:
                record["properties"][name] = value.split(";") if value else []
            else:
                converted = convert(value, kind, problems, f"{path}:{number}:{name}")
                if converted is not None:
                    record["properties"][name] = converted
        records.append(record)
    return [c[1] for c in columns], records


def main(nodes_path, relationships_path):
    problems = []
    node_kinds, nodes = read(nodes_path, problems)
    relationship_kinds, relationships = read(relationships_path, problems)
    if node_kinds.count("ID") != 1:
        problems.append("nodes need exactly one ID column")
    for needed in ("START_ID", "END_ID", "TYPE"):
        if relationship_kinds.count(needed) != 1:
            problems.append(f"relationships need exactly one {needed} column")
    ids = {}
    for node in nodes:
        if node["ID"] in ids:
            problems.append(f"duplicate node id {node['ID']!r}")
        ids[node["ID"]] = dict(node["properties"], labels=node.get("LABEL", "").split(";"))
    for r in relationships:
        for end in ("START_ID", "END_ID"):
            if r[end] not in ids:
                problems.append(f"relationship {end} {r[end]!r} is no node id")
        if not r["TYPE"]:
            problems.append("relationship without a type")
    print(json.dumps({"problems": problems, "nodes": ids,
                      "relationships": [[r["START_ID"], r["TYPE"], r["END_ID"], r["properties"]]
                                        for r in relationships]}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
