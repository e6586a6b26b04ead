#!/usr/bin/python3
"""Plot E(T) of a glassland quench with the two-line fit that defines Tg.

Usage: plot_quench.py QUENCH_CSV SUMMARY_JSON OUT_PNG

QUENCH_CSV is the quench.csv written by `glassland quench` (columns phase, step, time,
target_temperature, temperature, potential_energy_per_atom, ..., volume_per_atom, pressure);
SUMMARY_JSON its summary.json (energy_fit: break_temperature, value_at_break, slope_low,
slope_high; volume_fit under npt). Runs with Debian's /usr/bin/python3 + matplotlib.
"""
import csv
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read_rows(path):
    with open(path, newline="") as f:
        return [r for r in csv.DictReader(f) if r["phase"] == "cool"]


def fit_lines(fit, t_min, t_max):
    tb, eb = fit["break_temperature"], fit["value_at_break"]
    low = ([t_min, tb], [eb + fit["slope_low"] * (t_min - tb), eb])
    high = ([tb, t_max], [eb, eb + fit["slope_high"] * (t_max - tb)])
    return low, high


def panel(ax, temps, values, fit, ylabel, label, fit_max=None):
    ax.plot(temps, values, ".", ms=3, color="0.35", label="MD (block averages)")
    if fit and fit.get("valid"):
        t_max = fit_max if fit_max else max(temps)
        low, high = fit_lines(fit, min(temps), t_max)
        ax.plot(*low, "-", color="tab:blue", label=f"glass slope {fit['slope_low']:.3g}")
        ax.plot(*high, "-", color="tab:red", label=f"liquid slope {fit['slope_high']:.3g}")
        ax.axvline(fit["break_temperature"], ls="--", color="k", lw=0.8,
                   label=f"{label} = {fit['break_temperature']:.3f}")
    ax.set_xlabel("target temperature")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    rows = read_rows(argv[1])
    with open(argv[2]) as f:
        summary = json.load(f)
    temps = [float(r["target_temperature"]) for r in rows]
    energy = [float(r["potential_energy_per_atom"]) for r in rows]
    has_volume = "volume_fit" in summary
    fig, axes = plt.subplots(1, 2 if has_volume else 1, figsize=(10 if has_volume else 6, 4.5))
    axes = list(axes) if has_volume else [axes]
    fit_max = summary.get("fit_max_temperature")
    panel(axes[0], temps, energy, summary.get("energy_fit"), "potential energy per atom", "Tg", fit_max)
    if has_volume:
        volume = [float(r["volume_per_atom"]) for r in rows]
        panel(axes[1], temps, volume, summary.get("volume_fit"), "volume per atom", "Tg(V)", fit_max)
    fig.suptitle(f"{summary.get('natoms')} atoms, {summary.get('potential')}, rate {summary.get('rate')}"
                 f", IS energy/N {summary.get('inherent_structure_energy_per_atom', float('nan')):.4f}",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(argv[3], dpi=120)


if __name__ == "__main__":
    main(sys.argv)
