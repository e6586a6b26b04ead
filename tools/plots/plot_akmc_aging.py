#!/usr/bin/python3
"""Plot the inherent-structure energy of a glass against log time: the direct-MD window
(quenches of the harvest MD) and the on-the-fly kMC run that continues far beyond it.

Usage: plot_akmc_aging.py MD_WINDOW_CSV TRAJECTORY_CSV SUMMARY_JSON NATOMS OUT_PNG

MD_WINDOW_CSV has columns time,energy (time unit, total E_IS in energy units) written by
`glassland pipeline`; TRAJECTORY_CSV is the trajectory.csv of `glassland akmc` (event, time,
energy, ...); SUMMARY_JSON its summary.json (energy_initial). Both runs start from the same
glass at t = 0. Runs with Debian's /usr/bin/python3 + matplotlib.
"""
import csv
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read(path, x, y):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r[x]) for r in rows], [float(r[y]) for r in rows]


def main(md_csv, trajectory_csv, summary_json, natoms, out_png):
    n = float(natoms)
    md_t, md_e = read(md_csv, "time", "energy")
    k_t, k_e = read(trajectory_csv, "time", "energy")
    with open(summary_json) as f:
        e0 = json.load(f)["energy_initial"]
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    md = [(t, e / n) for t, e in zip(md_t, md_e) if t > 0]
    if md:
        ax.plot([p[0] for p in md], [p[1] for p in md], "o", ms=3, color="tab:blue", label="direct MD (quenched)")
        ax.axvspan(min(p[0] for p in md), max(p[0] for p in md), color="tab:blue", alpha=0.08, label="MD window")
    kmc = [(t, e / n) for t, e in zip(k_t, k_e) if t > 0]
    if kmc:
        # E_IS is constant between events: a step line from the first event on.
        ts = [p[0] for p in kmc]
        es = [p[1] for p in kmc]
        ax.step(ts, es, where="post", color="tab:red", label="on-the-fly kMC")
        ax.axhline(e0 / n, ls=":", color="0.5", lw=0.8, label="start glass")
    ax.set_xscale("log")
    ax.set_xlabel("time (τ)")
    ax.set_ylabel("E_IS per atom (ε)")
    ax.set_title("Aging beyond the MD window")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out_png, dpi=120)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
