#!/usr/bin/env python3
"""Reads a kgraph GraphML file with NetworkX; used by test_export.

Usage: graphml_check.py FILE

Prints one JSON object:
  nodes  {id: {attribute: value}} as read_graphml typed them
  edges  [[source, target, {attribute: value}], ...] in file order
A file NetworkX rejects makes the script fail with its error.
"""
import json
import sys

import networkx


def main(path):
    graph = networkx.read_graphml(path)
    edges = graph.edges(data=True)
    print(json.dumps({"nodes": {n: d for n, d in graph.nodes(data=True)},
                      "edges": [[a, b, d] for a, b, d in edges]}))


if __name__ == "__main__":
    main(sys.argv[1])
