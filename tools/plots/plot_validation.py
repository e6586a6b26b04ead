#!/usr/bin/python3
"""Plot a `glassland validate` report: survival curves, Arrhenius plot, E_IS(t).

Usage: plot_validation.py REPORT_JSON OUT_PNG

REPORT_JSON is the report.json written by `glassland validate` (docs/validate.md):
`escape` entries give each temperature's escape times (interval midpoints), the MD rate with
its confidence interval and the kMC rate; `relaxation` (optional) the mean E_IS(t) of MD and
kMC with standard errors. Runs with Debian's /usr/bin/python3 + matplotlib.
"""
import json
import math
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def survival_panel(ax, escapes):
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, e in enumerate(escapes):
        c = colors[i % len(colors)]
        times = sorted(e["escape_times"])
        runs = e["runs"]
        if times:
            # Empirical survival (fraction of runs still in the start minimum).
            xs, ys = [0.0], [1.0]
            for k, t in enumerate(times):
                xs += [t, t]
                ys += [1.0 - k / runs, 1.0 - (k + 1) / runs]
            ax.plot(xs, ys, "-", color=c, lw=1.2, label=f"MD T={e['temperature']:g}")
            t_end = max(times[-1], 1e-300)
        else:
            t_end = e["max_time"]
        grid = [t_end * j / 200 for j in range(201)]
        ax.plot(grid, [math.exp(-e["rate_kmc"] * t) for t in grid], "--", color=c, lw=1,
                label=f"kMC exp(-k t), KS p={e['ks_pvalue']:.2g}" if e["ks_pvalue"] is not None else "kMC")
    ax.set_yscale("log")
    ax.set_ylim(bottom=max(1e-3, 0.5 / max(e["runs"] for e in escapes)))
    ax.set_xlabel("time")
    ax.set_ylabel("survival in the start minimum")
    ax.legend(fontsize=7)


def arrhenius_panel(ax, escapes, unit):
    inv = [1.0 / e["temperature"] for e in escapes]
    md = [e["rate_md"] for e in escapes]
    low = [max(e["rate_md"] - e["rate_md_ci_low"], 0.0) for e in escapes]
    high = [(e["rate_md_ci_high"] - e["rate_md"]) if e["rate_md_ci_high"] is not None else 0.0 for e in escapes]
    ax.errorbar(inv, md, yerr=[low, high], fmt="o", capsize=3, label="MD (MLE, CI)")
    ax.plot(inv, [e["rate_kmc"] for e in escapes], "s--", mfc="none", label="kMC (HTST sum)")
    ax.set_yscale("log")
    ax.set_xlabel(f"1 / T  (T in {unit})")
    ax.set_ylabel("escape rate (1/time)")
    ax.legend(fontsize=8)


def relaxation_panel(ax, r):
    t = r["time"]
    for key, label in (("md", "MD"), ("kmc", "kMC")):
        mean, err = r[f"eis_{key}_mean"], r[f"eis_{key}_stderr"]
        ax.plot(t, mean, "-", label=label)
        ax.fill_between(t, [m - s for m, s in zip(mean, err)], [m + s for m, s in zip(mean, err)], alpha=0.3)
    ax.set_xlabel("time")
    ax.set_ylabel("E_IS (energy)")
    ax.set_title(f"T={r['temperature']:g}, max |z| = {r['max_abs_z']:.2f}", fontsize=9)
    ax.legend(fontsize=8)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    with open(argv[1]) as f:
        report = json.load(f)
    escapes = report["escape"]
    relaxation = report.get("relaxation")
    panels = 3 if relaxation else 2
    fig, axes = plt.subplots(1, panels, figsize=(5 * panels, 4.2))
    survival_panel(axes[0], escapes)
    arrhenius_panel(axes[1], escapes, report.get("temperature_unit", "kT"))
    if relaxation:
        relaxation_panel(axes[2], relaxation)
    fig.tight_layout()
    fig.savefig(argv[2], dpi=120)


if __name__ == "__main__":
    main(sys.argv)
