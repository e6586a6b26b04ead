#!/usr/bin/python3
"""Plot of a `glassland landscape-model fit` output directory (Debian's /usr/bin/python3).

usage: plot_model_fit.py DIR
Reads DIR/residuals.csv and writes DIR/fit.png: one panel with every scalar target (measured
with its sigma, model at the start and after the fit, as model/measured ratios) and one panel
per curve target (measured points, start and fitted model).
"""
import csv
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(directory):
    with open(os.path.join(directory, "residuals.csv")) as f:
        rows = list(csv.DictReader(f))
    scalars = [r for r in rows if r["kind"] == "scalar"]
    curves = {}
    for r in rows:
        if r["kind"] == "curve":
            curves.setdefault(r["target"], []).append(r)
    panels = (1 if scalars else 0) + len(curves)
    fig, axes = plt.subplots(1, panels, figsize=(5.5 * panels, 4), squeeze=False)
    axes = list(axes[0])
    if scalars:
        ax = axes.pop(0)
        y = range(len(scalars))
        ratio = lambda key: [float(r[key]) / float(r["measured"]) if float(r["measured"]) != 0 else float("nan") for r in scalars]
        err = [float(r["sigma"]) / abs(float(r["measured"])) if float(r["measured"]) != 0 else 0 for r in scalars]
        ax.errorbar([1.0] * len(scalars), y, xerr=err, fmt="ks", label="measured (sigma)")
        ax.plot(ratio("model_start"), y, "o", mfc="none", label="model, start")
        ax.plot(ratio("model_fitted"), y, "o", label="model, fitted")
        ax.set_yticks(list(y))
        ax.set_yticklabels([r["target"] for r in scalars], fontsize=8)
        ax.set_xlabel("value / measured")
        ax.legend(fontsize=7)
    for name, points in curves.items():
        ax = axes.pop(0)
        x = [float(p["x"]) for p in points]
        ax.plot(x, [float(p["measured"]) for p in points], "k.", label="measured")
        ax.plot(x, [float(p["model_start"]) for p in points], ":", label="model, start")
        ax.plot(x, [float(p["model_fitted"]) for p in points], "-", label="model, fitted")
        ax.set_title(name, fontsize=9)
        ax.set_xlabel("x")
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(directory, "fit.png"), dpi=120)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
