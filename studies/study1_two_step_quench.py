#!/usr/bin/python3
"""Study 1 (Wakeda & Saida, Intermetallics 2024): two-step melt quenches, icosahedral order,
MD-DMA and shear, with statistics over independent quenches.

Protocols (NPT, several seeds each): one-step quenches at several rates; two-step quenches
switching at T* = 1.05 Tg (the paper's II-B(900) for Tg ~ 860 K): II-A slow above T* and fast
below, II-B fast above and slow below. Tg from the volume-temperature kink of the slowest
one-step quench. For every glass: the inherent-structure energy, final volume, I-SRO (fraction
of Voronoi <0,0,12,0> centres) and I-MRO (clustering coefficient 2L/(n(n-1)) of the network of
icosahedral centres that are Voronoi neighbours, averaged over centres with n >= 2), a shear
test at 10 K-equivalent (G below 1 % strain, fD at 5 %), and MD-DMA (gamma0 = 0.02) at several
temperatures (mean atomic displacement per cycle, its histogram). The self-intermediate
scattering function F_s(q,t) of the supercooled liquid as before.

Model and scaling (stated, not hidden):
  - The paper used the Kobayashi-Maeda-Takeuchi pair potential, whose numbers are not available
    here. --potential cu-zr-mendelev2007 runs the paper's alloy Cu50Zr50 with the Mendelev 2007
    EAM (metal units, P = 0); the default `wahnstrom` (50:50 binary LJ, size ratio 5/6 close to
    r_Cu/r_Zr) runs in reduced units at P = 5 eps/sigma^3 (an LJ liquid at P = 0 boils at T = 2).
  - N = 1000 (paper 30,000), 3 seeds (paper 10); --quick: N = 400, 2 seeds, DMA on one seed.
  - Rates: paper 1e10-1e12 K/s; here 1e13-1e14 K/s for Cu-Zr (10-100 K/ps), 2e-3..2e-2 per tau
    for LJ (quick: faster). Shear at 1e9/s-equivalent (paper 1e8/s); DMA period 20 (paper 1000 ps),
    4 cycles (paper 10).
  - --paper prints the estimated cost of the paper's full protocol (N = 30,000, its rates, ten
    seeds, DMA at 30 temperatures) from a measured speed, and runs it only with --yes.
  - Beyond MD rates (studies/study1_beyond_md.py, its docstring says how): the slowest one-step
    history and II-A / II-B branch at 0.45 Tg into an MD branch and on-the-fly kMC branches
    (`glassland akmc`) cooled at the MD rate and 1e3-1e6x slower (quick: one-step, 1 and 1e2),
    on N = 200 (LJ) / 250 (metal) atoms: summary.json `beyond_md`, study1_beyond_md.png.
    --only-beyond-md runs just this part (Tg from --tg, or from one slowest one-step quench of its
    size, whose V-T kink fit is poor at N = 200-250). --beyond-md-method model (the default for
    metal potentials, where aKMC is too slow) continues the histories instead with the landscape
    model calibrated on a catalog harvested from each MD glass (studies/study1_model.py).
Outputs in --out: summary.json (one entry per protocol), protocols.csv, glasses.csv, dma.csv,
fs.csv, study1.png, study1_beyond_md.png, and one folder per glassland run.
"""
import argparse
import json
import os
import sys

import study1_beyond_md as beyond
import study1_model
import study1_report as report
from glassland_study import read_columns, study_arguments
from study1_runs import PAPER_TG_K, PROFILES, SHEAR_T_OVER_TG, Runner, potential_units

Q_PEAK = 7.25  # ~ first peak of S(q) for sigma11 = 1 (2 pi / 0.87); for metal units ~2.7 1/A
DMA_T_OVER_TG = [0.1, 0.4, 0.7, 0.9, 1.0, 1.1, 1.3]
QUICK_DMA_T_OVER_TG = [0.5, 1.0, 1.2]


def parse():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    study_arguments(parser, "study1", "N = 400, fast rates, 2 seeds (a few minutes)")
    parser.add_argument("--potential", default="wahnstrom", help="preset or TOML (e.g. cu-zr-mendelev2007)")
    parser.add_argument("--seeds", type=int, default=None, help="independent quenches per protocol")
    parser.add_argument("--natoms", type=int, default=None)
    parser.add_argument("--rates", type=float, nargs="+", default=None,
                        help="one-step cooling rates, slowest first (temperature per time unit of the potential); "
                             "II-A/II-B use the first and last")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--paper", action="store_true", help="the paper's full protocol (prints its cost first)")
    parser.add_argument("--yes", action="store_true", help="with --paper: run it after printing the cost")
    parser.add_argument("--no-beyond-md", action="store_true", help="skip the kMC continuation to slower rates")
    parser.add_argument("--only-beyond-md", action="store_true", help="run only the kMC continuation to slower rates")
    parser.add_argument("--tg", type=float, default=None,
                        help="with --only-beyond-md: this Tg instead of one from a small quench (whose kink fit is poor)")
    parser.add_argument("--kmc-factors", type=float, nargs="+", default=None,
                        help="kMC rates = MD rate / factor (default 1 1e3 1e4 1e5 1e6; quick 1 1e2)")
    parser.add_argument("--kmc-protocols", nargs="+", choices=["one-step", "II-A", "II-B"], default=None,
                        help="histories continued by kMC (default all three; quick: one-step)")
    parser.add_argument("--kmc-seeds", type=int, default=None, help="histories per protocol continued by kMC")
    parser.add_argument("--kmc-natoms", type=int, default=None, help="atoms of the kMC histories (200 LJ, 250 metal)")
    parser.add_argument("--kmc-max-searches", type=int, default=None,
                        help="saddle searches per kMC state at most (default 64; the engine's completeness rule stops earlier)")
    parser.add_argument("--kmc-events-max", type=int, default=None, help="event cap of one kMC ladder rung")
    parser.add_argument("--beyond-md-method", choices=["akmc", "model"], default=None,
                        help="continue the histories below T_h with on-the-fly kMC or with the landscape model "
                             "calibrated on a harvested catalog (default: akmc for LJ, model for metal potentials)")
    parser.add_argument("--model-harvest-steps", type=int, default=None,
                        help="model route: MD steps of the catalog harvest at T_h (default 10000; quick 2000)")
    parser.add_argument("--model-harvest-max-events", type=int, default=None,
                        help="model route: saddles harvested at most (default 100; quick 20)")
    parser.add_argument("--model-lab-tg", type=float, default=study1_model.LAB_TG_CUZR_K,
                        help="model route, metal: laboratory Tg (K) of the second VFT anchor (Cu50Zr50: ~680 K)")
    parser.add_argument("--model-lab-rate", type=float, default=study1_model.LAB_RATE_K_PER_MIN,
                        help="model route, metal: cooling rate (K/min) of that Tg")
    opts = parser.parse_args()
    opts.units = potential_units(opts.potential)
    opts.natoms = opts.natoms or (30000 if opts.paper else 400 if opts.quick else 1000)
    opts.seeds = opts.seeds or (10 if opts.paper else 2 if opts.quick else 3)
    return opts


def profile_for(opts):
    p = dict(PROFILES[opts.units])
    if opts.quick:
        p["rates"] = p["quick_rates"]
        p["equilibrate"] = p["equilibrate"] / 4
    if opts.rates:
        p["rates"] = sorted(opts.rates)
    if opts.paper:
        if opts.units != "metal":
            sys.exit("study1: --paper needs a metal-unit Cu-Zr potential (e.g. --potential cu-zr-mendelev2007)")
        p.update(rates=[0.01, 0.03, 0.1, 0.3, 1.0], shear_rate=1e-4, dma_period=1000.0)
    return p


def paper_cost(opts, runner, p):
    """Prints the estimated CPU time of the paper's protocol; returns True to go on."""
    seconds_per_atom_step = runner.speed()
    steps = 0.0
    span = p["t_start"] - p["t_end"]
    for rate in p["rates"]:
        steps += span / rate / p["dt"]
    steps += 2 * (span / p["rates"][0] + span / p["rates"][-1]) / 2 / p["dt"]  # II-A and II-B
    shear_steps = 0.05 / p["shear_rate"] / p["dt"]
    dma_steps = 30 * 10 * p["dma_period"] / p["dt"]  # 30 temperatures, 10 cycles
    per_glass = shear_steps + dma_steps
    total = opts.seeds * (steps + (len(p["rates"]) + 2) * per_glass) * opts.natoms
    hours = total * seconds_per_atom_step / 3600.0
    print(f"study1 --paper: N = {opts.natoms}, {opts.seeds} seeds, rates {p['rates']} K/ps: {total:.3g} atom-steps; "
          f"measured {seconds_per_atom_step * 1e6:.2f} us per atom-step on one thread -> ~{hours:.3g} CPU hours "
          f"(~{hours / 24:.3g} days on one core)")
    return opts.yes


def protocol(name, kind, rate_above, rate_below, t_star):
    """A quench history: `rate_above` T* (the whole ramp of a one-step quench), `rate_below` T*;
    `rates` is how summary.json lists them ([rate] for one step, [above, below] for two)."""
    rates = [rate_above] if t_star is None else [rate_above, rate_below]
    return {"protocol": name, "kind": kind, "rates": rates, "rate_above": rate_above, "rate_below": rate_below,
            "t_star": t_star, "glasses": []}


def one_step_name(rate):
    return f"one-step {rate:g}"


def one_step_protocols(rates):
    return [protocol(one_step_name(r), "one-step", r, r, None) for r in rates]


def two_step_protocols(rates, t_star):
    slowest, fastest = min(rates), max(rates)
    return [protocol("II-A", "II-A", slowest, fastest, t_star), protocol("II-B", "II-B", fastest, slowest, t_star)]


def glass(prot, seed):
    """The glass of `prot` quenched with `seed`."""
    return next(g for g in prot["glasses"] if g["seed"] == seed)


def star_temperature(tg, units):
    return round(1.05 * tg, 4 if units == "lj" else 1)


def run_protocols(opts, runner, p):
    """Quenches every protocol for every seed; returns (protocol list, tg, t_star)."""
    rates = p["rates"]
    protocols = one_step_protocols(rates)
    for seed in range(1, opts.seeds + 1):
        for prot in protocols:
            s, cooling, out = runner.quench(f"{prot['protocol'].replace(' ', '_')}_s{seed}", seed, prot["rate_above"])
            prot["glasses"].append({"seed": seed, "summary": s, "cooling": cooling, "dir": out})
    slowest = glass(next(q for q in protocols if q["protocol"] == one_step_name(min(rates))), 1)["summary"]
    tg = slowest.get("tg_volume") or slowest["tg_energy"]
    t_star = star_temperature(tg, opts.units)
    for prot in two_step_protocols(rates, t_star):
        for seed in range(1, opts.seeds + 1):
            s, cooling, out = runner.quench(f"{prot['protocol']}_s{seed}", seed, prot["rate_above"], t_switch=t_star,
                                            rate_below=prot["rate_below"])
            prot["glasses"].append({"seed": seed, "summary": s, "cooling": cooling, "dir": out})
        protocols.append(prot)
    return protocols, tg, t_star


def beyond_md(opts, runner, p, protocols, tg, t_star):
    """Item 6: the histories continued below MD rates with kMC; its summary.json part and plot."""
    part = beyond.BeyondMd(opts, runner, p, tg, t_star)
    result = part.run(protocols)
    how = "kMC" if part.cfg["method"] == "akmc" else "landscape model"
    beyond.plot(os.path.join(opts.out, "study1_beyond_md.png"), result, p["rate_unit"],
                f"Study 1 beyond MD rates: {opts.potential}, N = {part.cfg['natoms']}, {part.cfg['seeds']} histories "
                f"each, {how} below T_h = {part.t_h:.4g} (mean +- standard error)")
    for o in result["overlap"]:
        e, i = o["energy_per_atom"], o["isro_fraction"]
        isro = (f"I-SRO {i['kmc_minus_md']:+.3g} +- {i['stderr']:.2g} ({i['verdict']})" if i["kmc_minus_md"] is not None
                else f"I-SRO {i['verdict']}")
        print(f"overlap {o['protocol']} at rate {o['rate']:g}: {how} - MD E_IS = {e['kmc_minus_md']:+.4g} +- "
              f"{e['stderr']:.2g} ({e['verdict']}), {isro}")
    return result


def only_beyond_md(opts, runner, p):
    """--only-beyond-md: Tg from one slowest one-step quench of the kMC size, then item 6 alone."""
    opts.natoms = beyond.settings(opts)["natoms"]
    tg = opts.tg
    if tg is None:
        s, _, _ = runner.quench("tg_quench", 1, min(p["rates"]))
        tg = s.get("tg_volume") or s["tg_energy"]
    t_star = star_temperature(tg, opts.units)
    protocols = one_step_protocols(p["rates"]) + two_step_protocols(p["rates"], t_star)
    result = beyond_md(opts, runner, p, protocols, tg, t_star)
    summary = {"potential": opts.potential, "units": opts.units, "tg": tg, "t_star": t_star,
               "rate_unit": p["rate_unit"], "beyond_md": result}
    with open(os.path.join(opts.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(f"study1: wrote {opts.out}/summary.json, study1_beyond_md.png")


def measure_glasses(opts, runner, p, protocols, tg):
    """Structure and shear of every glass; DMA of the glasses chosen for Fig. 4."""
    shear_t = round(SHEAR_T_OVER_TG * tg, 6)
    dma_ts = [round(f * tg, 5) for f in (QUICK_DMA_T_OVER_TG if opts.quick else DMA_T_OVER_TG)]
    # Fig. 4 compares II-B with a one-step glass of similar energy: the middle rate.
    dma_protocols = {one_step_name(p["rates"][len(p["rates"]) // 2]), "II-A", "II-B"}
    for prot in protocols:
        for g in prot["glasses"]:
            data = os.path.join(g["dir"], "glass.data")
            print(f"study1: measure {g['dir']}", file=sys.stderr)
            g.update(runner.structure(data))
            g.update(runner.shear(data, os.path.join(g["dir"], "shear"), shear_t, g["seed"]))
            g["dma"] = []
            if prot["protocol"] in dma_protocols and (not opts.quick or g["seed"] == 1):
                g["dma"] = [runner.dma(data, os.path.join(g["dir"], f"dma_T{t:g}"), t, g["seed"]) for t in dma_ts]
    return shear_t, dma_ts


def fs_curves(opts, runner, p, tg):
    """F_s(q,t) after a fast quench to several temperatures of the supercooled liquid."""
    q = Q_PEAK if opts.units == "lj" else 2.7
    out = {}
    for f in ([1.2, 1.6] if opts.quick else [1.1, 1.3, 1.6, 2.2]):
        t = round(f * tg, 4)
        _, _, folder = runner.quench(f"fs_T{t:g}", 1, max(p["rates"]), t_end=t)
        path = os.path.join(folder, "correlations.csv")
        runner.glassland_json("md", "--data", os.path.join(folder, "glass.data"), "--potential", opts.potential,
                              "--ensemble", "nvt", "--temperature", t, "--dt", p["dt"], "--steps",
                              4000 if opts.quick else 40000, "--correlations", path, "--fs-q", q, "--threads",
                              opts.threads)
        columns = read_columns(path)
        out[t] = {"time": columns["time"], "fs": columns[f"fs_q{q:g}"]}
    return out


def main():
    opts = parse()
    os.makedirs(opts.out, exist_ok=True)
    p = profile_for(opts)
    runner = Runner(opts, p)
    if opts.paper and not paper_cost(opts, runner, p):
        print("study1: not started (add --yes to run the paper's protocol)")
        return
    if opts.only_beyond_md:
        only_beyond_md(opts, runner, p)
        return
    protocols, tg, t_star = run_protocols(opts, runner, p)
    shear_t, dma_ts = measure_glasses(opts, runner, p, protocols, tg)
    fs = fs_curves(opts, runner, p, tg)
    entries = [report.protocol_entry(prot, opts.units) for prot in protocols]
    findings = report.findings(protocols, entries, tg, t_star, opts.units)
    report.write_tables(opts.out, protocols, entries, fs)
    report.plot(opts, protocols, entries, tg, t_star, fs, p)
    beyond_result = None if opts.no_beyond_md else beyond_md(opts, runner, p, protocols, tg, t_star)
    summary = {"potential": opts.potential, "units": opts.units, "natoms": opts.natoms, "seeds": opts.seeds,
               "tg": tg, "t_star": t_star, "paper_tg_K": PAPER_TG_K, "shear_temperature": shear_t,
               "dma_temperatures": dma_ts, "rate_unit": p["rate_unit"], "protocols": entries, "findings": findings,
               "beyond_md": beyond_result}
    with open(os.path.join(opts.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    for f in findings:
        print(f"{f['finding']}: paper {f['paper']}, ours {f['ours']}")
    print(f"study1: wrote {opts.out}/summary.json, study1.png")


if __name__ == "__main__":
    main()
