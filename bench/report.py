#!/usr/bin/python3
"""Reads one bench/run.sh output folder and writes the VoteAlign-vs-peer table (bench/RESULTS.md).

    report.py OUTDIR SIZE... [--md FILE]

Per size: the peer's stage times (results.json, median of its runs), its cold-process wall time and peak RSS
(/usr/bin/time), VoteAlign's stage times (--timings on stderr), wall time and peak RSS (/usr/bin/time), the number
of blocs each method found and its ARI against the generator's true blocs, and whether every pair's agreement
integers (shared, same) equal the peer's pairs.csv.
"""
import argparse
import csv
import json
import os
import platform
import re
import xml.etree.ElementTree as ET

from sklearn.metrics import adjusted_rand_score

PEER_STAGES = ["load", "agreement", "hclust", "graph_nx", "louvain_nx", "louvain_ig", "mds", "pca", "graphml"]


def read_time(path):
    wall, rss_kb = open(path).read().split()[-2:]
    return float(wall), int(rss_kb) / 1024


def votealign_stages(err_path):
    stages = {}
    for line in open(err_path):
        m = re.match(r"timing: (.+) (\d+\.\d+) s$", line.strip())
        if m:
            stages[m.group(1)] = stages.get(m.group(1), 0) + float(m.group(2))
    return stages


def graphml_blocs(path):
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    blocs = {}
    for _, el in ET.iterparse(path, events=("end",)):
        if el.tag == ns + "node":
            member = bloc = None
            for d in el.findall(ns + "data"):
                if d.get("key") == "n.member":
                    member = d.text
                elif d.get("key") == "n.bloc":
                    bloc = int(d.text)
            blocs[member] = bloc
            el.clear()
        elif el.tag == ns + "edge":
            el.clear()
    return blocs


def check_pairs(pairs_json, pairs_csv):
    ours = {}
    for link in json.load(open(pairs_json))["links"]:
        a, b = sorted((link["source"], link["target"]))
        ours[(a, b)] = (link["shared"], link["same"])
    checked = mismatched = 0
    with open(pairs_csv) as f:
        for row in csv.DictReader(f):
            a, b = sorted((row["member_a"], row["member_b"]))
            shared, same = int(row["shared"]), int(row["same"])
            mine = ours.pop((a, b), (0, 0))
            checked += 1
            if mine != (shared, same):
                mismatched += 1
    return checked, mismatched + len(ours)


def size_result(out, size):
    data = os.path.join(out, size)
    peer = json.load(open(os.path.join(data, "peer", "results.json")))
    pst = {s["stage"]: s["median_s"] for s in peer["stages"]}
    pq = peer["quality"]
    peer_wall, peer_rss = read_time(os.path.join(data, "peer.time"))
    va = os.path.join(data, "votealign")
    va_wall, va_rss = read_time(os.path.join(va, "whole.time"))
    vst = votealign_stages(os.path.join(va, "graph.err"))
    truth = {}
    with open(os.path.join(data, "members.csv")) as f:
        for row in csv.DictReader(f):
            truth[row["member"]] = row["bloc"]
    blocs = graphml_blocs(os.path.join(va, "graph.graphml"))
    members = sorted(truth)
    found = [blocs.get(m) if blocs.get(m) is not None else -1 for m in members]
    ari = adjusted_rand_score([truth[m] for m in members], found)
    checked, mismatched = check_pairs(os.path.join(va, "pairs.json"), os.path.join(data, "peer", "pairs.csv"))
    return {
        "size": size, "n": pq["n_members"], "m": pq["n_motions"], "k_true": pq["k"],
        "peer": pst, "peer_stage_sum": sum(pst.get(s, 0) for s in PEER_STAGES), "peer_wall": peer_wall, "peer_rss": peer_rss,
        "peer_hclust": (pq["hclust_clusters"], pq["hclust_ari"]), "peer_louvain": (pq["louvain_ig_communities"], pq["louvain_ig_ari"]),
        "va": vst, "va_wall": va_wall, "va_rss": va_rss, "va_blocs": (len(set(b for b in found if b >= 0)), ari),
        "pairs": (checked, mismatched),
    }


def f(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def table(results):
    lines = []
    lines.append("| size | tool | load | agreement | blocs | MDS | GraphML | other | stages total | cold process | peak MB | blocs found (true) | ARI |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        p, v = r["peer"], r["va"]
        peer_blocs = p.get("hclust", 0) + p.get("louvain_ig", 0)
        peer_other = p.get("graph_nx", 0) + p.get("louvain_nx", 0) + p.get("pca", 0)
        lines.append(f"| {r['size']} {r['n']}×{r['m']} | peer | {f(p.get('load'))} | {f(p.get('agreement'), 3)} | {f(peer_blocs, 3)} (hclust + igraph Louvain) | {f(p.get('mds'), 3)} | {f(p.get('graphml'))} | {f(peer_other)} (nx graph, nx Louvain, PCA) | {f(r['peer_stage_sum'])} | {f(r['peer_wall'])} | {r['peer_rss']:.0f} | hclust {r['peer_hclust'][0]}, Louvain {r['peer_louvain'][0]} ({r['k_true']}) | hclust {r['peer_hclust'][1]:.3f}, Louvain {r['peer_louvain'][1]:.3f} |")
        va_blocs = v.get("blocs", 0) + v.get("choice of k", 0)
        va_mds = v.get("MDS", 0)
        va_write = v.get("document", 0) + v.get("write", 0)
        # The co-voting edges are made as they are written (their time is in GraphML); runs before that had an "edges" stage.
        va_other = v.get("edges")
        other_note = "edges" if va_other is not None else "edges: made while writing"
        lines.append(f"| | **VoteAlign** | {f(v.get('load'))} | {f(v.get('agreement'), 3)} | {f(va_blocs, 3)} (spectral, k chosen) | {f(va_mds, 3)} | {f(va_write)} | {f(va_other)} ({other_note}) | {f(v.get('total'))} | {f(r['va_wall'])} | {r['va_rss']:.0f} | {r['va_blocs'][0]} ({r['k_true']}) | {r['va_blocs'][1]:.3f} |")
    return "\n".join(lines)


def ratios(results):
    lines = ["| size | VoteAlign cold / peer cold | VoteAlign cold / peer stages | peak memory VoteAlign / peer | agreement VoteAlign / peer | pairs checked | pairs differing |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['size']} | {r['va_wall'] / r['peer_wall']:.3f} | {r['va_wall'] / r['peer_stage_sum']:.3f} | {r['va_rss'] / r['peer_rss']:.3f} | "
                     f"{r['va'].get('agreement', 0) / max(r['peer'].get('agreement', 1e-9), 1e-9):.3f} | {r['pairs'][0]:,} | {r['pairs'][1]:,} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("sizes", nargs="+")
    ap.add_argument("--md")
    a = ap.parse_args()
    results = [size_result(a.out, s) for s in a.sizes]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    text = "\n\n".join([
        "# VoteAlign next to the Python peer",
        f"One run of `bench/run.sh` on {os.cpu_count()} cores ({cpu}), {platform.platform()}. Seconds; peak memory is the "
        "cold process's maximum resident set (`/usr/bin/time`). The peer is `../shared/bench/peer_pipeline.py` (numpy/scipy/"
        "scikit-learn/networkx/igraph); its stage times are its own medians, its cold process includes importing them. "
        "VoteAlign's run is one `votealign graph` process (load, agreement, blocs with k chosen, 2-D MDS, GraphML), its "
        "stages from `--timings`.",
        table(results),
        ratios(results),
        "The kernels (CSV reading, agreement, eigenpairs, blocs, MDS, GraphML writing) are timed separately by "
        "BenchmarkDotNet: bench/KERNELS.md.",
    ])
    if a.md:
        with open(a.md, "w") as fh:
            fh.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
