#!/usr/bin/python3
"""Draws a disconnectivity graph from `glassland catalog disconnectivity` JSON.

usage: /usr/bin/python3 studies/plot_disconnectivity.py TREE.json OUT.png

Leaves (minima) are spread along x in depth-first order; each internal node is drawn as a
horizontal bar at its energy joining its children, with vertical lines down to each child's
energy (a leaf's line ends at the minimum's energy).
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def layout(nodes, root, x_of, next_x):
    node = nodes[root]
    if not node["children"]:
        x_of[root] = next_x[0]
        next_x[0] += 1.0
        return x_of[root]
    # Lower basins first, so the deepest funnel sits at the left.
    kids = sorted(node["children"], key=lambda k: nodes[k]["lowest_energy"])
    xs = [layout(nodes, k, x_of, next_x) for k in kids]
    x_of[root] = sum(xs) / len(xs)
    return x_of[root]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        tree = json.load(f)
    nodes = tree["nodes"]
    x_of, next_x = {}, [0.0]
    for root in tree["roots"]:
        layout(nodes, root, x_of, next_x)
        next_x[0] += 1.0  # gap between disconnected components
    fig, ax = plt.subplots(figsize=(8, 5))
    for i, node in enumerate(nodes):
        if i not in x_of or not node["children"]:
            continue
        xs = [x_of[k] for k in node["children"]]
        ax.plot([min(xs), max(xs)], [node["energy"]] * 2, color="k", lw=0.8)
        for k in node["children"]:
            ax.plot([x_of[k]] * 2, [nodes[k]["energy"], node["energy"]], color="k", lw=0.8)
    for root in tree["roots"]:
        if not nodes[root]["children"]:
            ax.plot([x_of[root]], [nodes[root]["energy"]], "k.")
    ax.set_xticks([])
    ax.set_ylabel("energy (catalog energy unit)")
    ax.set_title("disconnectivity graph (%d minima)" % sum(nodes[r]["size"] for r in tree["roots"]))
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=150)


if __name__ == "__main__":
    main()
