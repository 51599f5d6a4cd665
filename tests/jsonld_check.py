#!/usr/bin/env python3
"""Reads a kgraph JSON-LD file the way RDF tools will; used by test_export.

Usage: jsonld_check.py FILE

Prints one JSON object:
  triples      number of triples rdflib parses
  pyld_triples number of triples the pyld reference processor produces
  isomorphic   whether the two parsers produced the same graph
  ill_typed    literals whose text is not valid for their datatype
  invests_in   [[investor name, investee name], ...] from a SPARQL query
  twice        number of triples after rdflib parses the file a second time
               into the same graph (equal to triples when nothing is blank)
A parser that rejects the file makes the script fail with its error.
"""
import json
import sys

import rdflib
import rdflib.compare
from pyld import jsonld

INVESTS_IN = """
PREFIX kg: <https://kgraph.dev/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?investor ?investee WHERE {
  ?s kg:investsIn ?o .
  ?s schema:name ?investor .
  ?o schema:name ?investee .
} ORDER BY ?investor ?investee
"""


def ill_typed(graph):
    # rdflib keeps a literal it cannot convert with value None.
    return [str(o) for o in graph.objects()
            if isinstance(o, rdflib.Literal) and o.datatype is not None and o.value is None]


def main(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    graph = rdflib.Graph()
    graph.parse(data=text, format="json-ld")

    twice = rdflib.Graph()
    twice.parse(data=text, format="json-ld")
    twice.parse(data=text, format="json-ld")

    nquads = jsonld.to_rdf(json.loads(text), {"format": "application/n-quads"})
    reference = rdflib.Graph()
    reference.parse(data=nquads, format="nt")

    print(json.dumps({
        "triples": len(graph),
        "pyld_triples": len(reference),
        "isomorphic": rdflib.compare.isomorphic(graph, reference),
        "ill_typed": ill_typed(graph),
        "invests_in": [[str(a), str(b)] for a, b in graph.query(INVESTS_IN)],
        "twice": len(twice),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
