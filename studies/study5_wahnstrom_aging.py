#!/usr/bin/python3
"""Study 5 (Derlet & Maass 2019), scaled down: aging of a small Wahnstrom glass.

Protocol: MD through the `glassland` binary (quench, md, analyze write and read the files they
know), the on-the-fly kMC through the Python package:
  1. `glassland quench`: 50:50 Wahnstrom (wahnstrom preset, cutoff 2.5 sigma_ab), N = 500,
     volume per atom 0.767 sigma^3, NVT Nose-Hoover, linear quench from T = 2.0; the two-line
     fit of E(T) gives the fictive/glass transition temperature Tf.
  2. A second quench from the same liquid to T_age = 0.95 Tf (the aging temperature).
  3. Isothermal aging at T_age in segments (`glassland md --ensemble nvt`); after each
     segment `glassland analyze --inherent --voronoi` quenches a copy (FIRE) and reports the
     inherent-structure energy E_IS and the Voronoi indices of that inherent structure
     (voro++): the fraction of icosahedrally coordinated <0,0,12,0> atoms, overall and of the
     small atoms (type 2), whose anti-correlation with E_IS is the paper's central observation.
  4. On-the-fly kinetic Monte Carlo (glassland.Akmc, the engine of `glassland akmc`, docs/akmc.md) from the same glass at
     T_age with the smooth wahnstrom-sf potential, as far as the event/wall budget goes towards
     the paper's 80 microseconds (3.1e8 tau): each minimum it enters is quenched on the MD
     potential (wahnstrom), so its E_IS against log time continues the MD curve on one energy
     scale; a few of its minima are written as data files and analysed like the MD segments
     (`analyze --inherent --voronoi`) for the icosahedral fraction; a
     displacement map between its first and last minima shows where the glass rearranged.
Outputs in --out: aging.csv (time, E_IS per atom, potential energy per atom, icosahedral
fractions), quench CSVs, aging.png (E_IS vs log time, the E(T) quench with its Tg fit, and
E_IS against the small-atom icosahedral fraction with a linear fit; the correlation
coefficient goes to summary.json).

Scaled down relative to the paper: the paper ages for 80 microseconds (8e10 steps of
dt = 0.002778 in units of sigma11 sqrt(m1/eps), ~1 fs in metallic units) and also studies
N = 32,000 and the icosahedral fraction. Here the aging lasts ~1.1e5 steps (--quick: ~1.8e4)
of dt = 0.005 tau (tau = sigma sqrt(m/eps) with the type-2 mass m = 1; 0.0035 in the paper's
units), i.e. ~0.1 ns instead of 80 microseconds, and the cooling rate is 2e-3 eps/k_B per tau
(--quick: 1e-2) instead of the paper's slower quench. Only the trend is reproduced: E_IS
falls quickly at first and then slowly with large fluctuations, and the icosahedral fraction
of the small atoms rises as E_IS falls (plain Voronoi, no face threshold; with ~10 aging
segments the correlation coefficient is noisy).
"""
import argparse
import json
import math
import os
import shutil
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from glassland_study import cli_json, import_glassland, read_columns, study_arguments, write_rows  # noqa: E402


def linear_fit(x, y):
    """Pearson r and least-squares line y = intercept + slope x (None when x is constant)."""
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    if sxx == 0.0 or syy == 0.0:
        return None, None, None
    slope = sxy / sxx
    return sxy / math.sqrt(sxx * syy), slope, my - slope * mx


def quench(args, out, t_end, rate):
    equilibrate = 10 if args.quick else 25
    return cli_json(args.glassland, "quench", "--out", out, "--natoms", args.natoms, "--t-start", 2.0, "--t-end", t_end,
                    "--rate", rate, "--equilibrate", equilibrate, "--seed", args.seed, "--threads", 1, "--sample-every",
                    100, quiet=args.quiet)


def displacement_map(ax, akmc):
    """Atoms coloured by their displacement (minimum image, drift removed) from the first to the
    last aKMC minimum, projected on x-y."""
    if akmc["summary"]["events"] < 1:
        ax.set_title("displacement map: fewer than two minima")
        return
    first, box = akmc["first"], akmc["box"]
    d = akmc["last"] - first
    d -= box * np.round(d / box)
    d -= d.mean(axis=0)
    sc = ax.scatter(first[:, 0] % box[0], first[:, 1] % box[1], c=np.linalg.norm(d, axis=1), s=12, cmap="viridis")
    plt.colorbar(sc, ax=ax, label="displacement (sigma)")
    ax.set_aspect("equal")
    ax.set_title(f"aKMC displacement, event 0 -> {akmc['summary']['events']}")
    ax.set_xlabel("x (sigma)")
    ax.set_ylabel("y (sigma)")


def run_akmc(args, data, t_age):
    """On-the-fly kMC from the aging glass through the Python package (glassland.Akmc): E_IS(t),
    the icosahedral fraction of a few of its minima (`glassland analyze --voronoi` on each
    minimum written as a data file), and its first and last minima."""
    glassland = import_glassland(args.glassland)
    events = args.akmc_events if args.akmc_events is not None else (4 if args.quick else 200)
    wall = args.akmc_wall if args.akmc_wall is not None else (120.0 if args.quick else 3600.0)
    out = f"{args.out}/akmc"
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    options = glassland.AkmcOptions(threads=1, **({"fixed_searches": 8} if args.quick else {}))
    glass = glassland.read_system(data, units="lj")
    run = glassland.Akmc(glass, glassland.Potential("wahnstrom-sf"), t_age, args.seed, options)
    run.run(3.1e8, events_max=events, wall_max=wall,
            progress=lambda event, time, energy, minima: print(
                f"study5: aKMC event {event}, t = {time:.3g} tau, E/N = {energy / len(glass):.5f} (wahnstrom-sf), "
                f"{minima} minima", file=sys.stderr))
    trajectory = run.trajectory()
    run.catalog.save(f"{out}/catalog.glcat")
    if len(trajectory["event"]):
        write_rows(f"{out}/trajectory.csv", [dict(zip(trajectory, row)) for row in zip(*trajectory.values())])
    # The searches need the smooth wahnstrom-sf surface; E_IS is compared with the MD curve, so
    # every minimum the run entered is quenched on the MD potential (wahnstrom) as well: one
    # energy scale for both (the -sf shift alone moves E/N by ~0.8 eps).
    n = len(glass)
    md_potential = glassland.Potential("wahnstrom")
    states = [run.start] + [int(s) for s in trajectory["state"]]
    inherent = {}
    for state in states:
        if state not in inherent:
            inherent[state] = glassland.inherent_structure(run.system(state), md_potential)[1]["energy"] / n
    # Icosahedral fraction of a few minima spread over the run (start, ..., last), analysed as the
    # MD segments are (`analyze --inherent --voronoi` with the MD potential).
    picks = sorted(set(states[round(k * (len(states) - 1) / 3)] for k in range(4)))
    ico, ico_energy = [], []
    for i in picks:
        path = f"{out}/minimum_{i}.data"
        run.system(i).write_lammps_data(path)
        ana = cli_json(args.glassland, "analyze", "--data", path, "--potential", "wahnstrom", "--inherent", "--voronoi",
                       "--threads", 1, quiet=args.quiet)
        ico.append(ana["voronoi"]["icosahedral_fraction_by_type"]["2"])
        ico_energy.append(ana["inherent_structure_energy_per_atom"])
    return {"summary": run.summary(), "times": list(trajectory["time"]), "energies": [inherent[s] for s in states[1:]],
            "ico": ico, "ico_energy": ico_energy, "first": run.positions(run.start), "last": run.positions(),
            "box": glass.box.hi - glass.box.lo}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    study_arguments(parser, "study5", "small run (< 2 minutes)")
    parser.add_argument("--natoms", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--akmc-events", type=int, default=None, help="aKMC events (default 200, --quick 4)")
    parser.add_argument("--akmc-wall", type=float, default=None, help="aKMC wall-second cap (default 3600, --quick 120)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rate = 1e-2 if args.quick else 2e-3
    segments = 8 if args.quick else 10
    segment_steps_first = 250 if args.quick else 1000

    # 1. Tf from a full quench to low temperature.
    tf_run = quench(args, f"{args.out}/quench_tf", 0.1, rate)
    tf = tf_run["tg_energy"]
    t_age = 0.95 * tf
    print(f"study5: Tf = {tf:.4f}, aging at T = {t_age:.4f}", file=sys.stderr)

    # 2. Quench the same liquid to T_age.
    quench(args, f"{args.out}/quench_age", t_age, rate)
    data = f"{args.out}/quench_age/glass.data"

    # 3. Aging in log-spaced segments, E_IS after each.
    rows, elapsed = [], 0
    steps = segment_steps_first
    current = data
    for k in range(segments):
        nxt = f"{args.out}/aged_{k:02d}.data"
        md = cli_json(args.glassland, "md", "--data", current, "--potential", "wahnstrom", "--ensemble", "nvt",
                      "--temperature", t_age, "--tdamp", 0.5, "--dt", 0.005, "--steps", steps,
                      "--write-data", nxt, "--threads", 1, quiet=args.quiet)
        elapsed += steps
        ana = cli_json(args.glassland, "analyze", "--data", nxt, "--potential", "wahnstrom", "--inherent",
                       "--voronoi", "--threads", 1, quiet=args.quiet)
        n = ana["natoms"]
        rows.append({"steps": elapsed, "time": elapsed * 0.005,
                     "inherent_energy_per_atom": ana["inherent_structure_energy_per_atom"],
                     "potential_energy_per_atom": md["energy_potential_final"] / n,
                     "temperature": md["temperature_final"],
                     "icosahedral_fraction": ana["voronoi"]["icosahedral_fraction"],
                     "icosahedral_fraction_small": ana["voronoi"]["icosahedral_fraction_by_type"]["2"]})
        print(f"study5: t = {elapsed * 0.005:9.1f} tau  E_IS/N = {rows[-1]['inherent_energy_per_atom']:.5f}"
              f"  icosahedral small atoms {rows[-1]['icosahedral_fraction_small']:.3f}",
              file=sys.stderr)
        current, steps = nxt, int(steps * (1.6 if args.quick else 1.5))

    write_rows(f"{args.out}/aging.csv", rows)

    akmc = run_akmc(args, data, t_age)

    fig, (a, b, c, d) = plt.subplots(1, 4, figsize=(21, 4.3))
    a.semilogx([r["time"] for r in rows], [r["inherent_energy_per_atom"] for r in rows], "o-", label="direct MD")
    a.axvspan(rows[0]["time"], rows[-1]["time"], color="tab:blue", alpha=0.08)
    if akmc["times"]:
        a.step(akmc["times"], akmc["energies"], where="post", color="tab:red", label="on-the-fly kMC")
    a.axvline(3.1e8, ls=":", color="k", label="paper: 80 us")
    a.legend(fontsize=8)
    a.set_xlabel("aging time (tau)")
    a.set_ylabel("inherent-structure energy per atom (eps)")
    a.set_title(f"Wahnstrom N={args.natoms}, aging at T = 0.95 Tf = {t_age:.3f}")
    q = read_columns(f"{args.out}/quench_tf/quench.csv")
    cooling = q["phase"] == "cool"
    b.plot(q["target_temperature"][cooling], q["potential_energy_per_atom"][cooling], ".", ms=3)
    b.axvline(tf, ls="--", color="k", label=f"Tf = {tf:.3f}")
    b.axvline(t_age, ls=":", color="tab:red", label=f"T_age = {t_age:.3f}")
    b.set_xlabel("target temperature (eps/k_B)")
    b.set_ylabel("potential energy per atom (eps)")
    b.legend()
    ico = [r["icosahedral_fraction_small"] for r in rows]
    eis = [r["inherent_energy_per_atom"] for r in rows]
    correlation, slope, intercept = linear_fit(ico, eis)
    c.plot(ico, eis, "o", label="MD")
    if akmc["ico"]:
        c.plot(akmc["ico"], akmc["ico_energy"], "s", color="tab:red", label="aKMC minima")
        ico, eis = ico + akmc["ico"], eis + akmc["ico_energy"]
        correlation, slope, intercept = linear_fit(ico, eis)
    if slope is not None:
        xs = [min(ico), max(ico)]
        c.plot(xs, [intercept + slope * x for x in xs], "--", label=f"fit, r = {correlation:.2f}")
        c.legend()
    c.set_xlabel("icosahedral <0,0,12,0> fraction of small atoms")
    c.set_ylabel("inherent-structure energy per atom (eps)")
    displacement_map(d, akmc)
    fig.tight_layout()
    fig.savefig(f"{args.out}/aging.png", dpi=120)
    summary = {"tf": tf, "t_age": t_age, "rate": rate, "natoms": args.natoms,
               "e_is_first": rows[0]["inherent_energy_per_atom"], "e_is_last": rows[-1]["inherent_energy_per_atom"],
               "icosahedral_small_first": ico[0], "icosahedral_small_last": ico[-1],
               "correlation_e_is_icosahedral": correlation,
               "akmc_events": akmc["summary"]["events"], "akmc_time_reached_tau": akmc["summary"]["simulated_time"],
               "akmc_cpu_seconds": akmc["summary"]["cpu_seconds"], "akmc_e_is_last": akmc["energies"][-1] if akmc["energies"] else None,
               "md_time_tau": rows[-1]["time"], "paper_time_tau": 3.1e8}
    print(f"study5: aKMC reached t = {akmc['summary']['simulated_time']:.3g} tau in {akmc['summary']['events']} events "
          f"and {akmc['summary']['cpu_seconds']:.0f} CPU s (paper: 3.1e8 tau by direct MD; our MD window: "
          f"{rows[-1]['time']:.0f} tau)", file=sys.stderr)
    with open(f"{args.out}/summary.json", "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
