"""Statistics, findings (paper vs ours), tables and figures of study 1
(studies/study1_two_step_quench.py). Every quantity is a mean over independent quenches with
its standard error (sample standard deviation / sqrt(n))."""
import math
import os

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from glassland_study import mean_stderr, write_rows  # noqa: E402


def glass_values(prot, key):
    if key == "volume":
        return [g["summary"]["final_volume_per_atom"] for g in prot["glasses"]]
    return [g[key] for g in prot["glasses"]]


def dma_curve(prot):
    """[{temperature, mean displacement (mean over glasses), stderr}] over the glasses of `prot`
    that ran DMA, by temperature (in the order they ran)."""
    points = [point for g in prot["glasses"] for point in g["dma"]]
    temperatures = list(dict.fromkeys(point["temperature"] for point in points))
    out = []
    for t in temperatures:
        s = mean_stderr([point["mean_displacement"] for point in points if point["temperature"] == t])
        out.append({"temperature": t, "mean_displacement": s["mean"], "stderr": s["stderr"]})
    return out


def protocol_entry(prot, units):
    """One summary.json entry (keys of the issue) for a protocol."""
    e = {"protocol": prot["protocol"], "rates": prot["rates"], "t_star": prot["t_star"],
         "energy_per_atom": mean_stderr(glass_values(prot, "inherent_energy")),
         "energy_is": "inherent-structure energy per atom of the final glass",
         "volume_per_atom": mean_stderr(glass_values(prot, "volume")),
         "isro_fraction": mean_stderr(glass_values(prot, "isro")),
         "imro_clustering": mean_stderr(glass_values(prot, "imro")),
         "shear_modulus_GPa": mean_stderr(glass_values(prot, "shear_modulus_GPa")) if units == "metal" else None,
         "shear_modulus_reduced": mean_stderr(glass_values(prot, "shear_modulus")) if units == "lj" else None,
         "fD": mean_stderr(glass_values(prot, "fD")),
         "dma": dma_curve(prot), "samples": len(prot["glasses"])}
    return e


def residuals_from_one_step(protocols, key):
    """Residual of `key` against the one-step glasses' linear trend in energy: compares
    protocols at equal energy, as the paper does. Returns {protocol: [residuals]}."""
    one = [g for p in protocols if p["kind"] == "one-step" for g in p["glasses"]]
    x = np.array([g["inherent_energy"] for g in one])
    y = np.array([g[key] for g in one])
    slope, intercept = np.polyfit(x, y, 1) if np.ptp(x) > 0 else (0.0, float(y.mean()))
    return {p["protocol"]: [g[key] - (intercept + slope * g["inherent_energy"]) for g in p["glasses"]]
            for p in protocols}


def compare(a, b, larger_expected, label):
    """'yes/no/not resolved' for mean(a) > mean(b) (or <), with the difference and its error."""
    sa, sb = mean_stderr(a), mean_stderr(b)
    diff = sa["mean"] - sb["mean"]
    err = math.sqrt((sa["stderr"] or 0.0) ** 2 + (sb["stderr"] or 0.0) ** 2)
    sign_ok = diff > 0 if larger_expected else diff < 0
    verdict = "not resolved" if err == 0.0 or abs(diff) < 2 * err else ("yes" if sign_ok else "no (opposite)")
    return f"{verdict} ({label} = {diff:+.4g} +- {err:.2g})"


def findings(protocols, entries, tg, t_star, units):
    out = []
    all_g = [g for p in protocols for g in p["glasses"]]
    e = np.array([g["inherent_energy"] for g in all_g])
    v = np.array([g["summary"]["final_volume_per_atom"] for g in all_g])
    r2 = float(np.corrcoef(e, v)[0, 1] ** 2) if len(e) > 2 else float("nan")
    out.append({"finding": "energy and volume of all protocols fall on one line (Fig. 2b)", "paper": "yes",
                "ours": f"{'yes' if r2 > 0.8 else 'weak'} (R^2 of E_IS vs V over {len(e)} glasses = {r2:.3f})"})
    for key, name in (("isro", "I-SRO"), ("imro", "I-MRO clustering")):
        res = residuals_from_one_step(protocols, key)
        out.append({"finding": f"at equal energy II-A has more {name} than II-B (Fig. 3)", "paper": "yes",
                    "ours": compare(res["II-A"], res["II-B"], True, "II-A - II-B at equal E")})
    g_key = "shear_modulus_GPa" if units == "metal" else "shear_modulus"
    res = residuals_from_one_step(protocols, g_key)
    out.append({"finding": "at equal energy II-B has a larger G than II-A (Fig. 5)", "paper": "yes",
                "ours": compare(res["II-B"], res["II-A"], True, "II-B - II-A at equal E")})
    res = residuals_from_one_step(protocols, "fD")
    out.append({"finding": "at equal energy II-B has a smaller fD than II-A (Fig. 5)", "paper": "yes",
                "ours": compare(res["II-B"], res["II-A"], False, "II-B - II-A at equal E")})
    out += dma_findings(protocols, tg, t_star)
    return out


def dma_findings(protocols, tg, t_star):
    curves = {p["protocol"]: dma_curve(p) for p in protocols if dma_curve(p)}
    out = []
    if "II-B" in curves:
        c = curves["II-B"]
        peak = max(c, key=lambda r: r["mean_displacement"])["temperature"]
        out.append({"finding": "DMA displacement per cycle peaks near Tg (Fig. 4a)", "paper": "yes",
                    "ours": f"largest displacement at T = {peak:.4g} = {peak / tg:.2f} Tg (highest T probed "
                            f"{max(r['temperature'] for r in c) / tg:.2f} Tg)"})
    one = [k for k in curves if k.startswith("one-step")]
    if "II-B" in curves and one:
        ref = {r["temperature"]: r["mean_displacement"] for r in curves[one[0]]}
        diffs = [(x["temperature"], x["mean_displacement"] - ref[x["temperature"]]) for x in curves["II-B"]
                 if x["temperature"] in ref]
        below = [d for t, d in diffs if t < t_star]
        above = [d for t, d in diffs if t >= t_star]
        text = (f"II-B - {one[0]}: mean difference {np.mean(below):+.3g} below T* ({len(below)} T), "
                f"{np.mean(above):+.3g} above ({len(above)} T)") if below and above else "not enough temperatures"
        verdict = "yes" if below and above and np.mean(below) < 0 < np.mean(above) else "no"
        out.append({"finding": "memory: II-B moves less than one-step below T* and more above (Fig. 4b)",
                    "paper": "yes", "ours": f"{verdict} ({text}; one seed in --quick, no error bars)"})
    return out


def write_tables(out, protocols, entries, fs):
    write_rows(os.path.join(out, "glasses.csv"), [
        {"protocol": p["protocol"], "seed": g["seed"], "tg_volume": g["summary"].get("tg_volume"),
         "final_energy_per_atom": g["summary"]["final_potential_energy_per_atom"],
         "volume_per_atom": g["summary"]["final_volume_per_atom"], "inherent_energy_per_atom": g["inherent_energy"],
         "isro": g["isro"], "imro": g["imro"], "imro_all_centres": g["imro_all_centres"],
         "shear_modulus": g["shear_modulus"], "fD": g["fD"]}
        for p in protocols for g in p["glasses"]])
    keys = ["energy_per_atom", "volume_per_atom", "isro_fraction", "imro_clustering", "fD"]
    write_rows(os.path.join(out, "protocols.csv"), [
        {"protocol": e["protocol"], "rates": " ".join(map(str, e["rates"])), "t_star": e["t_star"],
         "samples": e["samples"], **{f"{k}_{m}": e[k][m] for k in keys for m in ("mean", "stderr")}}
        for e in entries])
    write_rows(os.path.join(out, "dma.csv"), [
        {"protocol": e["protocol"], "temperature": r["temperature"], "mean_displacement": r["mean_displacement"],
         "stderr": r["stderr"]}
        for e in entries for r in e["dma"]])
    write_rows(os.path.join(out, "fs.csv"), [
        {"temperature": t, "time": float(time), "fs": float(value)}
        for t, series in fs.items() for time, value in zip(series["time"], series["fs"])])


def errorbar(ax, entries, xkey, ykey):
    for e in entries:
        x, y = e[xkey], e[ykey]
        if x is None or y is None or x["mean"] is None or y["mean"] is None:
            continue
        ax.errorbar(x["mean"], y["mean"], xerr=x["stderr"] or 0, yerr=y["stderr"] or 0, fmt="o", ms=4, capsize=2,
                    label=e["protocol"])


def plot(opts, protocols, entries, tg, t_star, fs, p):
    tu = p["temperature_unit"]
    fig, axes = plt.subplots(3, 4, figsize=(17, 11.5))
    ax = axes[0][0]
    for prot in protocols:
        cooling = next(g for g in prot["glasses"] if g["seed"] == 1)["cooling"]
        ax.plot(cooling["target_temperature"], cooling["volume_per_atom"], ".", ms=2, label=prot["protocol"])
    ax.axvline(tg, ls="--", color="k", lw=0.8, label=f"Tg = {tg:.4g}")
    ax.axvline(t_star, ls=":", color="tab:red", lw=0.8, label=f"T* = {t_star:.4g}")
    ax.set(xlabel=f"T ({tu})", ylabel="volume per atom", title="V-T (seed 1), Tg from the kink")
    g_key = "shear_modulus_GPa" if opts.units == "metal" else "shear_modulus_reduced"
    panels = [(axes[0][1], "volume_per_atom", "energy_per_atom", "Fig. 2b: E_IS vs V"),
              (axes[0][2], "energy_per_atom", "isro_fraction", "Fig. 3b: I-SRO vs E_IS"),
              (axes[0][3], "energy_per_atom", "imro_clustering", "Fig. 3c: I-MRO vs E_IS"),
              (axes[2][0], "isro_fraction", g_key, "Fig. 5b: G vs I-SRO"),
              (axes[2][1], "energy_per_atom", g_key, "Fig. 5c: G vs E_IS"),
              (axes[2][2], "isro_fraction", "fD", "Fig. 5d: fD vs I-SRO"),
              (axes[2][3], "energy_per_atom", "fD", "Fig. 5e: fD vs E_IS")]
    for ax, xk, yk, title in panels:
        errorbar(ax, entries, xk, yk)
        ax.set(xlabel=xk, ylabel=yk, title=title)
    plot_dma(axes[1][0], axes[1][1], axes[1][2], protocols, entries, tg, t_star, tu)
    for t, series in fs.items():
        axes[1][3].semilogx(series["time"], series["fs"], label=f"T = {t:g}")
    axes[1][3].set(xlabel="t", ylabel="F_s(q, t)", title="supercooled liquid", ylim=(-0.05, 1.05))
    for ax in axes.flat:
        if ax.has_data():
            ax.legend(fontsize=6)
    fig.suptitle(f"Study 1: {opts.potential}, N = {opts.natoms}, {opts.seeds} seeds per protocol "
                 f"(mean +- standard error)", fontsize=10)
    fig.tight_layout()
    fig.savefig(os.path.join(opts.out, "study1.png"), dpi=110)


def plot_dma(ax_dr, ax_norm, ax_hist, protocols, entries, tg, t_star, tu):
    ref = next((e for e in entries if e["protocol"].startswith("one-step") and e["dma"]), None)
    for e in entries:
        if not e["dma"]:
            continue
        t = [r["temperature"] for r in e["dma"]]
        ax_dr.errorbar(t, [r["mean_displacement"] for r in e["dma"]], yerr=[r["stderr"] or 0 for r in e["dma"]],
                       marker="o", ms=3, capsize=2, label=e["protocol"])
        if ref is not None and e is not ref:
            q = {r["temperature"]: r["mean_displacement"] for r in ref["dma"]}
            both = [r for r in e["dma"] if r["temperature"] in q]
            ax_norm.plot([r["temperature"] for r in both],
                         [(r["mean_displacement"] - q[r["temperature"]]) / q[r["temperature"]] for r in both], "o-",
                         ms=3, label=f"{e['protocol']} vs {ref['protocol']}")
    for ax in (ax_dr, ax_norm):
        ax.axvline(tg, ls="--", color="k", lw=0.8)
        ax.axvline(t_star, ls=":", color="tab:red", lw=0.8)
    ax_dr.set(xlabel=f"T ({tu})", ylabel="mean displacement per cycle", yscale="log", title="Fig. 4a: MD-DMA")
    ax_norm.set(xlabel=f"T ({tu})", ylabel="normalized difference", title="Fig. 4b")
    ax_norm.axhline(0.0, color="grey", lw=0.6)
    two_b = next((p for p in protocols if p["protocol"] == "II-B"), None)
    runs = [g["dma"] for g in two_b["glasses"] if g["dma"]] if two_b else []
    if runs:
        near = min(runs[0], key=lambda r: abs(r["temperature"] - tg))  # the first glass that ran DMA
        ax_hist.plot(near["histogram"]["displacement"], near["histogram"]["p"],
                     label=f"II-B, T = {near['temperature']:g}")
    ax_hist.set(xlabel="displacement per cycle", ylabel="p", title="displacement histogram near Tg")
