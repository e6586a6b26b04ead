#!/usr/bin/python3
"""Checks the beyond-MD part of study 1 (summary.json `beyond_md`, written by
studies/study1_two_step_quench.py) numerically. Usage: check_study1_beyond_md.py OUT_DIR

What must hold, and why:
  * every energy and I-SRO fraction is finite, I-SRO in [0, 1], every kMC ladder ran to the end of
    its schedule (`completed`: otherwise its rate is not the one it is plotted at);
  * the kMC final minimum written from akmc's dump has akmc's own energy (round trip exact to
    1e-8 per atom: the dump holds 17 significant digits);
  * cooling more slowly below T_h does not leave a glass higher in energy: for each history the
    kMC glass is not above its own start (the T_h configuration) and each slower kMC rate is not
    above the next faster one, beyond max(3 standard errors of the difference, the thermal
    bound). Thermal bound: at the last rung temperature kT_last the glass may sit in excited
    minima of its two-level systems; excitations above 10 kT_last in all are suppressed by
    e^-10, so the bound is 10 kT_last / N per atom;
  * the overlap (MD and kMC at the same rate) is reported with a verdict for every continued
    protocol, and the plot exists.
"""
import json
import math
import os
import sys

THERMAL_KT = 10.0
ROUNDTRIP = 1e-8


def fail(msg):
    print(f"check_study1_beyond_md: FAIL: {msg}")
    sys.exit(1)


def main(out):
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    part = summary.get("beyond_md")
    if not part:
        fail("summary.json has no beyond_md")
    if not os.path.getsize(os.path.join(out, "study1_beyond_md.png")) > 0:
        fail("study1_beyond_md.png is empty")
    setup, entries = part["setup"], part["entries"]
    bound = THERMAL_KT * setup["last_rung_kT"] / setup["natoms"]
    for e in entries:
        for key in ("energy_per_atom", "isro_fraction"):
            if not math.isfinite(e[key]["mean"]):
                fail(f"{e['protocol']} {e['method']} {key} is not finite")
        if not 0.0 <= e["isro_fraction"]["mean"] <= 1.0:
            fail(f"{e['protocol']} {e['method']} I-SRO {e['isro_fraction']['mean']} outside [0, 1]")
        if e["method"] == "akmc":
            if not e["completed"]:
                fail(f"{e['protocol']} kMC at rate {e['rate']:g} hit its event cap before the end of its schedule")
            if not e["roundtrip_energy_error"] < ROUNDTRIP:
                fail(f"{e['protocol']} kMC final minimum round trip error {e['roundtrip_energy_error']:.3g} per atom")
    checked = 0
    for prot in sorted({e["protocol"] for e in entries if e["method"] == "akmc"}):
        start = next(e for e in entries if e["protocol"] == prot and e["method"] == "handover")
        start_by_seed = {g["seed"]: g["energy_per_atom"] for g in start["glasses"]}
        kmc = sorted((e for e in entries if e["protocol"] == prot and e["method"] == "akmc"), key=lambda e: -e["rate"])
        for e in kmc:
            for g in e["glasses"]:
                rise = g["energy_per_atom"] - start_by_seed[g["seed"]]
                if rise > bound:
                    fail(f"{prot} seed {g['seed']} kMC at rate {e['rate']:g} ends {rise:.4g} per atom above its T_h "
                         f"start (bound {bound:.3g})")
        for fast, slow in zip(kmc, kmc[1:]):
            a, b = fast["energy_per_atom"], slow["energy_per_atom"]
            err = math.hypot(a["stderr"] or 0.0, b["stderr"] or 0.0)
            allowed = max(3.0 * err, bound)
            if b["mean"] - a["mean"] > allowed:
                fail(f"{prot}: kMC at rate {slow['rate']:g} ends higher ({b['mean']:.5f}) than at {fast['rate']:g} "
                     f"({a['mean']:.5f}) by more than {allowed:.3g}")
            checked += 1
        if not any(o["protocol"] == prot and o["energy_per_atom"]["verdict"] for o in part["overlap"]):
            fail(f"{prot}: no MD/kMC overlap verdict")
        print(f"{prot}: " + ", ".join(f"{e['method']} rate {e['rate']:g}: E_IS {e['energy_per_atom']['mean']:.5f}"
                                      for e in kmc) + f"; T_h start {start['energy_per_atom']['mean']:.5f}")
    if checked == 0:
        fail("no pair of kMC rates to compare")
    print(f"check_study1_beyond_md: ok ({checked} rate pairs, thermal bound {bound:.3g} per atom)")


if __name__ == "__main__":
    main(sys.argv[1])
