#!/usr/bin/python3
"""Plots of a `glassland landscape-model` run directory (run with Debian's /usr/bin/python3).

usage: plot_model_results.py DIR
Writes next to the CSV files: enthalpy_vs_T.png (trajectory), stepNN_dsc.png (DSC trace and
relaxation peak), stepNN_dma.png (E' and E'' vs T), stepNN_sweep.png (TTS master curve),
stepNN_creep.png (J(t), its Gumbel fit if any, and the retardation spectrum), stepNN_kissinger.png.
"""
import glob
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def read_csv(path):
    data = np.genfromtxt(path, delimiter=",", names=True, deletechars="")
    return np.atleast_1d(data)


def plot_trajectory(directory):
    path = os.path.join(directory, "trajectory.csv")
    if not os.path.exists(path):
        return
    d = read_csv(path)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for step in np.unique(d["step"]):
        m = d["step"] == step
        a.plot(d["T_K"][m], d["H_kJ_per_mol"][m], label=f"step {int(step)}")
        b.plot(d["T_K"][m], d["Tf_K"][m], label=f"step {int(step)}")
    a.set_xlabel("T (K)"); a.set_ylabel("configurational H (kJ/mol)"); a.legend(fontsize=7)
    b.set_xlabel("T (K)"); b.set_ylabel("fictive temperature (K)")
    b.plot([d["T_K"].min(), d["T_K"].max()], [d["T_K"].min(), d["T_K"].max()], "k:", lw=0.8)
    fig.tight_layout(); fig.savefig(os.path.join(directory, "enthalpy_vs_T.png"), dpi=120); plt.close(fig)


def plot_dsc(path):
    d = read_csv(path)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    a.plot(d["T_K"], d["heat_flow_W_per_g"], label="scan")
    a.set_xlabel("T (K)"); a.set_ylabel("heat flow (W/g, endo up)")
    a2 = a.twinx()
    if np.isfinite(d["cp_reference_kJ_per_mol_K"]).any():
        a.plot(d["T_K"], d["cp_reference_kJ_per_mol_K"] / d["cp_kJ_per_mol_K"] * d["heat_flow_W_per_g"], "--", label="reference")
        b.plot(d["T_K"], 1e3 * d["excess_cp_kJ_per_mol_K"])
        b.axhline(0, color="k", lw=0.5)
    a2.set_yticks([])
    a.legend()
    b.set_xlabel("T (K)"); b.set_ylabel("excess c_p vs reference (J/(mol K))")
    fig.tight_layout(); fig.savefig(path.replace(".csv", ".png"), dpi=120); plt.close(fig)


def plot_dma(path):
    d = read_csv(path)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for name in d.dtype.names:
        if name.startswith("E2_GPa_"):
            tag = name[len("E2_GPa_"):]
            b.semilogy(d["T_K"], d[name], label=tag.replace("_", "."))
            a.plot(d["T_K"], d["E1_GPa_" + tag], label=tag)
    a.set_xlabel("T (K)"); a.set_ylabel("E' (GPa)")
    b.set_xlabel("T (K)"); b.set_ylabel("E'' (GPa)"); b.legend(fontsize=7)
    fig.tight_layout(); fig.savefig(path.replace(".csv", ".png"), dpi=120); plt.close(fig)


def plot_sweep(path):
    d = read_csv(path)
    fig, ax = plt.subplots(figsize=(6, 4))
    for t in np.unique(d["T_K"]):
        m = d["T_K"] == t
        ax.loglog(d["reduced_f_Hz"][m], d["E2_GPa"][m], ".", label=f"{t:g} K")
    ax.set_xlabel("reduced frequency f a_T (Hz)"); ax.set_ylabel("E'' (GPa)"); ax.legend(fontsize=7)
    fig.tight_layout(); fig.savefig(path.replace(".csv", ".png"), dpi=120); plt.close(fig)


def plot_creep(path):
    d = read_csv(path)
    spectrum_path = path.replace("_creep.csv", "_creep_spectrum.csv")
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    a.semilogx(d["time_s"], d["J_per_GPa"], label="J(t)")
    a.semilogx(d["time_s"], d["J_beta_per_GPa"], label="beta")
    a.semilogx(d["time_s"], d["J_flow_per_GPa"], label="flow")
    gumbel_path = path.replace("_creep.csv", "_creep_gumbel.csv")
    if os.path.exists(gumbel_path):  # gumbel_families > 0: the three-Gumbel fit of J(t)
        g = read_csv(gumbel_path)
        a.semilogx(g["time_s"], g["J_fit_per_GPa"], "k--", label="Gumbel fit")
        for name in [k for k in g.dtype.names if k.startswith("J_family")]:
            a.semilogx(g["time_s"], g[name], ":", label=name.replace("J_", "").replace("_per_GPa", ""))
    a.set_xlabel("t (s)"); a.set_ylabel("compliance (1/GPa)"); a.legend()
    if os.path.exists(spectrum_path):
        s = read_csv(spectrum_path)
        b.plot(s["log10_tau_s"], s["beta_weight_per_GPa"], label="beta")
        b.plot(s["log10_tau_s"], s["flow_weight_per_GPa"], label="flow")
        b.set_xlabel("log10 tau (s)"); b.set_ylabel("weight (1/GPa)"); b.legend()
    fig.tight_layout(); fig.savefig(path.replace(".csv", ".png"), dpi=120); plt.close(fig)


def plot_kissinger(path):
    d = read_csv(path)
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.plot(1e3 / d["peak_T_K"], np.log(d["rate_K_per_min"] / d["peak_T_K"] ** 2), "o-")
    ax.set_xlabel("1000 / T_p (1/K)"); ax.set_ylabel("ln(q / T_p^2)")
    fig.tight_layout(); fig.savefig(path.replace(".csv", ".png"), dpi=120); plt.close(fig)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: plot_model_results.py DIR")
    directory = sys.argv[1]
    plot_trajectory(directory)
    for pattern, function in (("*_dsc.csv", plot_dsc), ("*_dma.csv", plot_dma), ("*_sweep.csv", plot_sweep),
                              ("*_creep.csv", plot_creep), ("*_kissinger.csv", plot_kissinger)):
        for path in sorted(glob.glob(os.path.join(directory, pattern))):
            function(path)


if __name__ == "__main__":
    main()
