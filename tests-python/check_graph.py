#!/usr/bin/env python3
"""Load a VoteAlign GraphML export with networkx and check it against the JSON export of the same graph.

usage: check_graph.py GRAPH.graphml GRAPH.json [--gexf GRAPH.gexf] [--nodes N] [--edges M]

The JSON is VoteAlign's own account of the graph (node-link form). The check passes when networkx reads the
GraphML as an undirected graph with the same nodes and edges as the JSON, every node and edge attribute equal in
value and type (ints as ints, doubles as floats), no attribute the JSON does not have, weights in [0, 1] for
co-voting graphs, and, if given, the GEXF read by networkx agrees on nodes, edges, labels and weights, and the
counts equal --nodes and --edges. Exit 0 and one "ok" line on success; exit 1 and the first mismatch otherwise.
"""
import argparse
import json
import math
import sys

import networkx as nx


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def same(a, b, where):
    if isinstance(b, bool) or isinstance(a, bool):
        if a != b:
            fail(f"{where}: {a!r} != {b!r}")
    elif isinstance(b, int):
        if not isinstance(a, int) or a != b:
            fail(f"{where}: GraphML has {a!r} ({type(a).__name__}), JSON {b!r} (int)")
    elif isinstance(b, float):
        if not isinstance(a, float) or not math.isclose(a, b, rel_tol=0, abs_tol=0):
            fail(f"{where}: GraphML has {a!r}, JSON {b!r}")
    elif a != b:
        fail(f"{where}: GraphML has {a!r}, JSON {b!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graphml")
    parser.add_argument("json")
    parser.add_argument("--gexf")
    parser.add_argument("--nodes", type=int)
    parser.add_argument("--edges", type=int)
    args = parser.parse_args()

    g = nx.read_graphml(args.graphml)
    with open(args.json, encoding="utf-8") as f:
        data = json.load(f)
    try:
        j = nx.node_link_graph(data, edges="links")  # networkx >= 3.4 reads "edges" unless told
    except TypeError:
        j = nx.node_link_graph(data)  # older networkx reads "links" by default
    kind = data["graph"]["kind"]

    if g.is_directed() or g.is_multigraph():
        fail("GraphML graph is not a simple undirected graph")
    if set(g.nodes) != set(j.nodes):
        fail(f"node sets differ: {sorted(set(g.nodes) ^ set(j.nodes))[:5]}")
    if g.number_of_edges() != j.number_of_edges():
        fail(f"GraphML has {g.number_of_edges()} edges, JSON {j.number_of_edges()}")
    if args.nodes is not None and g.number_of_nodes() != args.nodes:
        fail(f"{g.number_of_nodes()} nodes, expected {args.nodes}")
    if args.edges is not None and g.number_of_edges() != args.edges:
        fail(f"{g.number_of_edges()} edges, expected {args.edges}")

    for n, attrs in j.nodes(data=True):
        ga = g.nodes[n]
        expected = {k: v for k, v in attrs.items() if k != "color"}
        if set(ga) != set(expected):
            fail(f"node {n}: GraphML attributes {sorted(ga)} vs JSON {sorted(expected)}")
        for k, v in expected.items():
            same(ga[k], v, f"node {n} {k}")

    for u, v, attrs in j.edges(data=True):
        if not g.has_edge(u, v):
            fail(f"edge {u} -- {v} missing from GraphML")
        ga = g.edges[u, v]
        if set(ga) != set(attrs):
            fail(f"edge {u} -- {v}: GraphML attributes {sorted(ga)} vs JSON {sorted(attrs)}")
        for k, val in attrs.items():
            same(ga[k], val, f"edge {u} -- {v} {k}")
        if kind == "covote":
            w = ga["weight"]
            if not 0 <= w <= 1:
                fail(f"edge {u} -- {v}: weight {w} outside [0, 1]")
            expected = ga["agreement"] if ga["sign"] == 1 else 1 - ga["agreement"]
            if w != expected:
                fail(f"edge {u} -- {v}: weight {w} is not the agreement rule's {expected}")
            if ga["same"] / ga["shared"] != ga["agreement"]:
                fail(f"edge {u} -- {v}: agreement {ga['agreement']} != same/shared")

    note = ""
    if args.gexf:
        x = nx.read_gexf(args.gexf)
        if set(x.nodes) != set(g.nodes) or x.number_of_edges() != g.number_of_edges():
            fail(f"GEXF has {x.number_of_nodes()} nodes and {x.number_of_edges()} edges, GraphML {g.number_of_nodes()} and {g.number_of_edges()}")
        for n in g.nodes:
            if x.nodes[n].get("label") != g.nodes[n]["label"]:
                fail(f"GEXF label of {n}: {x.nodes[n].get('label')!r} vs {g.nodes[n]['label']!r}")
        for u, v, attrs in g.edges(data=True):
            if not x.has_edge(u, v) or x.edges[u, v]["weight"] != attrs["weight"]:
                fail(f"GEXF edge {u} -- {v} missing or with another weight")
        note = "; the GEXF agrees"

    print(f"ok: {args.graphml}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
          f"attributes and weights equal to {args.json}{note} (networkx {nx.__version__})")


if __name__ == "__main__":
    main()
