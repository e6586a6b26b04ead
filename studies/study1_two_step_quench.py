#!/usr/bin/python3
"""Study 1 (Wakeda & Saida, Intermetallics 2024), scaled down: one-step vs two-step quenches.

What is reproduced, through `glassland quench`, `glassland md` and `glassland analyze`:
  - one-step constant-pressure quenches at several rates: volume and energy vs temperature,
    the Tg kink (two-line fits of V(T) and E(T));
  - two-step quenches switching rate at T* = 1.1 Tg: II-A (slow above T*, fast below) and
    II-B (fast above, slow below); final energy, volume and inherent-structure energy of
    every protocol (the paper: all protocols fall on one E-V line);
  - the self-intermediate scattering function F_s(q,t) at several temperatures of the
    supercooled liquid (single-step decay when hot, plateau/two-step decay near Tg).

Scaled down / substituted relative to the paper:
  - MODEL: the paper uses Cu50Zr50 with the Kobayashi-Maeda-Takeuchi pair potential. The
    md-core engineer found no citable source for the KMT parameters, so glassland ships no
    `cu-zr-kmt` preset; this script uses the 50:50 Wahnstrom binary LJ glass former
    (`wahnstrom` preset: size ratio 5/6 close to r_Cu/r_Zr = 0.8) in reduced units. Give
    --potential FILE.toml (metal units) and matching temperatures/rates to run real Cu-Zr.
  - PRESSURE: the paper quenches at zero pressure from 2000 K. A reduced-unit LJ liquid at
    P = 0 would boil at the scaled starting temperature, so the quenches run at constant
    P = 5 eps/sigma^3 (MTK barostat, isotropic) from T = 2.0 to 0.1 eps/k_B.
  - SIZE: N = 2000 (paper 30,000); --quick: N = 500.
  - RATES: the paper's 1e10-1e12 K/s (a factor 100 range) become 2e-3 .. 2e-2 eps/k_B per tau
    (a factor 10; --quick: 2e-2 and 1e-1), two-step rates at the ends of that range.
  - Not done: icosahedral SRO/MRO (Voronoi), MD-DMA, shear modulus and non-affine
    displacements.
Outputs in --out: protocols.csv, fs.csv, study1.png (+ one folder per glassland run).
"""
import argparse
import csv
import json
import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

PRESSURE = 5.0
T_START, T_END = 2.0, 0.1
Q_PEAK = 7.25  # ~ first peak of S(q) for sigma11 = 1 (2 pi / 0.87)


def glassland(binary, *args):
    result = subprocess.run([binary, *map(str, args)], check=True, stdout=subprocess.PIPE, text=True)
    return result.stdout


def quench(opts, name, rate, t_end=T_END, t_switch=None, rate_below=None):
    out = f"{opts.out}/{name}"
    args = ["quench", "--out", out, "--potential", opts.potential, "--natoms", opts.natoms, "--ensemble", "npt",
            "--pressure", PRESSURE, "--t-start", T_START, "--t-end", t_end, "--rate", rate, "--equilibrate",
            opts.equilibrate, "--seed", opts.seed, "--threads", opts.threads, "--json", "--sample-every", 200]
    if t_switch is not None:
        args += ["--t-switch", t_switch, "--rate-below", rate_below]
    print(f"study1: {name}", file=sys.stderr)
    summary = json.loads(glassland(opts.glassland, *args))
    with open(f"{out}/quench.csv") as f:
        rows = [r for r in csv.DictReader(f) if r["phase"] == "cool"]
    return summary, rows, out


def inherent_energy(opts, data):
    return json.loads(glassland(opts.glassland, "analyze", "--data", data, "--potential", opts.potential,
                                "--inherent", "--json"))["inherent_structure_energy_per_atom"]


def fs_at(opts, temperature, steps):
    """Quench the liquid quickly to `temperature`, then F_s(q,t) from an NVT run there."""
    _, _, out = quench(opts, f"fs_T{temperature:.3f}", opts.fast_rate, t_end=temperature)
    path = f"{out}/correlations.csv"
    glassland(opts.glassland, "md", "--data", f"{out}/glass.data", "--potential", opts.potential, "--ensemble", "nvt",
              "--temperature", temperature, "--tdamp", 0.5, "--dt", 0.005, "--steps", steps, "--correlations", path,
              "--fs-q", Q_PEAK, "--threads", opts.threads, "--json")
    with open(path) as f:
        return [(float(r["time"]), float(r[f"fs_q{Q_PEAK:g}"]), float(r["msd"])) for r in csv.DictReader(f)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--glassland", default="./build/bridge/glassland")
    parser.add_argument("--out", default="out/study1")
    parser.add_argument("--potential", default="wahnstrom")
    parser.add_argument("--quick", action="store_true", help="N = 500, fast rates (< 2 minutes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    opts = parser.parse_args()
    os.makedirs(opts.out, exist_ok=True)
    opts.natoms = 500 if opts.quick else 2000
    opts.equilibrate = 5 if opts.quick else 20
    rates = [2e-2, 1e-1] if opts.quick else [2e-3, 6e-3, 2e-2]
    slow, fast = rates[0], rates[-1]
    opts.fast_rate = fast

    protocols = []
    for rate in rates:
        s, rows, out = quench(opts, f"one_step_{rate:g}", rate)
        protocols.append(("one-step", rate, rate, None, s, rows, out))
    # Tg from the slowest one-step quench: most samples per unit of temperature, best fit.
    tg = protocols[0][4].get("tg_volume") or protocols[0][4]["tg_energy"]
    t_switch = round(1.1 * tg, 4)
    for label, above, below in (("II-A", slow, fast), ("II-B", fast, slow)):
        s, rows, out = quench(opts, f"two_step_{label}", above, t_switch=t_switch, rate_below=below)
        protocols.append((label, above, below, t_switch, s, rows, out))

    table = []
    for label, above, below, ts, s, rows, out in protocols:
        table.append({"protocol": label, "rate_above": above, "rate_below": below, "t_switch": ts or "",
                      "tg_volume": s.get("tg_volume"), "tg_energy": s["tg_energy"],
                      "final_energy_per_atom": s["final_potential_energy_per_atom"],
                      "final_volume_per_atom": s["final_volume_per_atom"],
                      "inherent_energy_per_atom": s["inherent_structure_energy_per_atom"]})
    with open(f"{opts.out}/protocols.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(table[0].keys()))
        writer.writeheader()
        writer.writerows(table)

    fs_temperatures = [1.2 * tg, 1.6 * tg] if opts.quick else [1.1 * tg, 1.3 * tg, 1.6 * tg, 2.2 * tg]
    fs_steps = 4000 if opts.quick else 40000
    fs = {t: fs_at(opts, round(t, 4), fs_steps) for t in fs_temperatures}
    with open(f"{opts.out}/fs.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["temperature", "time", "fs", "msd"])
        for t, series in fs.items():
            for time, value, msd in series:
                writer.writerow([t, time, value, msd])

    fig, axes = plt.subplots(2, 2, figsize=(11, 8.5))
    for label, above, below, ts, s, rows, out in protocols:
        name = f"{label} {above:g}" if label == "one-step" else f"{label} {above:g}/{below:g}"
        temps = [float(r["target_temperature"]) for r in rows]
        axes[0][0].plot(temps, [float(r["volume_per_atom"]) for r in rows], ".", ms=2, label=name)
        axes[0][1].plot(temps, [float(r["potential_energy_per_atom"]) for r in rows], ".", ms=2, label=name)
        axes[1][0].plot(s["final_volume_per_atom"], s["inherent_structure_energy_per_atom"], "o", label=name)
    axes[0][0].axvline(tg, ls="--", color="k", lw=0.8, label=f"Tg = {tg:.3f}")
    axes[0][0].axvline(t_switch, ls=":", color="tab:red", lw=0.8, label=f"T* = {t_switch:.3f}")
    axes[0][0].set(xlabel="T (eps/k_B)", ylabel="volume per atom (sigma^3)", title=f"NPT P = {PRESSURE}")
    axes[0][1].set(xlabel="T (eps/k_B)", ylabel="potential energy per atom (eps)")
    axes[1][0].set(xlabel="final volume per atom", ylabel="inherent-structure energy per atom",
                   title="glasses of all protocols")
    for t, series in fs.items():
        axes[1][1].semilogx([p[0] for p in series], [p[1] for p in series], "-", label=f"T = {t:.3f}")
    axes[1][1].set(xlabel="t (tau)", ylabel=f"F_s(q = {Q_PEAK}, t)", ylim=(-0.05, 1.05))
    for ax in axes.flat:
        ax.legend(fontsize=7)
    fig.suptitle(f"Study 1 scaled: {opts.potential}, N = {opts.natoms} (substitute for Cu50Zr50 KMT)", fontsize=10)
    fig.tight_layout()
    fig.savefig(f"{opts.out}/study1.png", dpi=120)
    print(json.dumps({"tg": tg, "t_switch": t_switch, "protocols": table}, indent=1))


if __name__ == "__main__":
    main()
