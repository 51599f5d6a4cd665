#!/usr/bin/env python3
"""Reads a kgraph SVG the way a person looks at it; used by test_export.

Usage: svg_check.py FILE

Prints one JSON object:
  nodes            node titles (entity names, and the legend)
  edges            number of edges
  labels_on_nodes  edge labels whose box overlaps a node's box, as
                   "label on node"
  edge_tooltips    edges with a tooltip (the evidence)
  legend           the legend's text, in order
The boxes of text are estimated from the font size (Helvetica averages
about 0.55 em per character), the boxes of nodes read from their shapes.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def numbers(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def shape_box(group):
    xs, ys = [], []
    for element in group.iter():
        tag = element.tag.replace(SVG, "")
        if tag == "ellipse":
            cx, cy = float(element.get("cx")), float(element.get("cy"))
            rx, ry = float(element.get("rx")), float(element.get("ry"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif tag in ("polygon", "path"):
            values = numbers(element.get("points") or element.get("d"))
            xs += values[0::2]
            ys += values[1::2]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def text_box(text):
    size = float(text.get("font-size", "14"))
    width = 0.55 * size * len(text.text or "")
    x, y = float(text.get("x")), float(text.get("y"))
    anchor = text.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return (left, y - 0.8 * size, left + width, y + 0.2 * size)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def main(path):
    root = ET.parse(path).getroot()
    nodes, edges = {}, []
    for group in root.iter(SVG + "g"):
        kind = group.get("class")
        title = group.findtext(SVG + "title")
        if kind == "node":
            nodes[title] = group
        elif kind == "edge":
            edges.append(group)
    boxes = {title: shape_box(g) for title, g in nodes.items() if title != "kgraph-legend"}
    on_nodes = []
    tooltips = 0
    for edge in edges:
        tooltips += any(a.get(XLINK + "title") for a in edge.iter(SVG + "a"))
        for text in edge.iter(SVG + "text"):
            for title, box in boxes.items():
                if box and overlap(text_box(text), box):
                    on_nodes.append(f"{text.text} on {title}")
    legend = [t.text for t in nodes["kgraph-legend"].iter(SVG + "text")] if "kgraph-legend" in nodes else []
    print(json.dumps({"nodes": sorted(nodes), "edges": len(edges), "labels_on_nodes": on_nodes,
                      "edge_tooltips": tooltips, "legend": legend}))


if __name__ == "__main__":
    main(sys.argv[1])
