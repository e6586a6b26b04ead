#!/usr/bin/python3
"""Simulated time per CPU-hour: on-the-fly kMC (`glassland akmc`) against direct MD
(`glassland md`) on the same 500-atom Wahnstrom glass at 0.95 Tf and 0.8 Tf, side by side.

Usage: benchmarks/akmc_vs_md.py [--glassland build/bridge/glassland] [--out out/bench_akmc]
                                [--tf TF] [--events 20] [--md-steps 20000] [--natoms 500]

1. `glassland quench` (rate 1e-2, as study 5 --quick) gives Tf (two-line fit of E(T)) unless
   --tf is given, then one quench to each aging temperature gives the glass.
2. MD: NVT Nose-Hoover, dt = 0.005 tau, --md-steps steps, one thread: simulated time / CPU time.
3. aKMC from the same glass at the same T (wahnstrom-sf, default completeness rule, Vineyard
   prefactors), --events events, one thread: simulated time / CPU time, the median force calls
   per successful search, the success fraction and the prefactor share of all force calls and
   of the CPU time.
CPU time is the child process's user+system time (resource.getrusage), so other load on a
shared machine inflates wall time but not these numbers. Prints a Markdown table and writes
results.json. Times in tau = sigma sqrt(m/eps) (m = the small atom's mass 1).
"""
import argparse
import json
import os
import resource
import subprocess
import sys


def run(binary, *args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([binary, *map(str, args)], check=True, stdout=subprocess.PIPE, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(out), cpu


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--glassland", default="build/bridge/glassland")
    p.add_argument("--out", default="out/bench_akmc")
    p.add_argument("--tf", type=float, default=None)
    p.add_argument("--events", type=int, default=20)
    p.add_argument("--md-steps", type=int, default=20000)
    p.add_argument("--natoms", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    env_threads = ["--threads", 1]
    tf = a.tf
    if tf is None:
        q, _ = run(a.glassland, "quench", "--out", f"{a.out}/quench_tf", "--natoms", a.natoms, "--t-end", 0.1, "--rate",
                   1e-2, "--seed", a.seed, "--json", *env_threads)
        tf = q["tg_energy"]
    rows = []
    for fraction in (0.95, 0.8):
        t = fraction * tf
        glass_dir = f"{a.out}/glass_{fraction}"
        run(a.glassland, "quench", "--out", glass_dir, "--natoms", a.natoms, "--t-end", t, "--rate", 1e-2, "--seed",
            a.seed, "--json", *env_threads)
        glass = f"{glass_dir}/glass.data"
        md, md_cpu = run(a.glassland, "md", "--data", glass, "--potential", "wahnstrom", "--ensemble", "nvt",
                         "--temperature", t, "--tdamp", 0.5, "--dt", 0.005, "--steps", a.md_steps, "--json", *env_threads)
        md_time = a.md_steps * 0.005
        akmc_dir = f"{a.out}/akmc_{fraction}"
        subprocess.run(["rm", "-rf", akmc_dir], check=True)
        s, akmc_cpu = run(a.glassland, "akmc", "--data", glass, "--potential", "wahnstrom-sf", "--temperature", t,
                          "--time-max", 1e15, "--events-max", a.events, "--seed", a.seed, "--out", akmc_dir, "--quiet",
                          "--json", *env_threads)
        md_rate = md_time / (md_cpu / 3600.0)
        akmc_rate = s["simulated_time"] / (akmc_cpu / 3600.0)
        rows.append({"T_over_Tf": fraction, "T": t, "md_time_tau": md_time, "md_cpu_s": md_cpu,
                     "md_tau_per_cpu_hour": md_rate, "akmc_events": s["events"], "akmc_time_tau": s["simulated_time"],
                     "akmc_cpu_s": akmc_cpu, "akmc_tau_per_cpu_hour": akmc_rate, "ratio": akmc_rate / md_rate,
                     "median_force_calls_per_successful_search": s["force_calls_per_search_median"],
                     "search_success_fraction": s["search_success_fraction"],
                     "saddle_force_calls_per_search_median": s["saddle_force_calls_per_search_median"],
                     "prefactor_share": s["prefactor_share"], "prefactor_cpu_share": s["prefactor_cpu_share"],
                     "states_explored": s["states_explored"],
                     "superbasin_exits": s["superbasin_exits"], "reused_guesses": s["reused_guesses"]})
        print(f"akmc_vs_md: T = {fraction} Tf done", file=sys.stderr)
    with open(f"{a.out}/results.json", "w") as f:
        json.dump({"tf": tf, "natoms": a.natoms, "rows": rows, "load": os.getloadavg()}, f, indent=2)
    print(f"Tf = {tf:.4f}, N = {a.natoms}, load average {os.getloadavg()[0]:.1f}")
    print("| T/Tf | MD τ per CPU-h | aKMC τ per CPU-h (events, τ reached) | ratio | states explored | superbasin exits "
          "| median calls/successful search: whole / saddle only | success | prefactor share: force calls / CPU |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['T_over_Tf']} | {r['md_tau_per_cpu_hour']:.3g} | {r['akmc_tau_per_cpu_hour']:.3g} "
              f"({r['akmc_events']}, {r['akmc_time_tau']:.3g}) | {r['ratio']:.3g} | {r['states_explored']} | "
              f"{r['superbasin_exits']} | {r['median_force_calls_per_successful_search']:.0f} / "
              f"{r['saddle_force_calls_per_search_median']:.0f} | {r['search_success_fraction']:.2f} | "
              f"{r['prefactor_share']:.2f} / {r['prefactor_cpu_share']:.2f} |")


if __name__ == "__main__":
    main()
