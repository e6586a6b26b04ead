#!/usr/bin/python3
"""Checks the landscape-model route of study 1 beyond MD rates (studies/study1_model.py) on the
output of a quick Wahnstrom run (`--only-beyond-md --beyond-md-method model`).
Usage: check_study1_model.py OUT_DIR

What must hold, and why:
  * unit conversions against hand computations with independent constants: the argon LJ time
    unit tau = sigma sqrt(m/eps) = 2.1566 ps (sigma 3.405 A, m 39.948 amu, eps/k_B 119.8 K), so a
    rate r (eps/k_B per tau) is r * 119.8 / 2.1566e-12 * 60 K/min; an energy change in kJ/mol of
    atoms is Delta H / (R * 119.8 K) in eps per atom (1e-6 relative: the constants above are
    rounded to 5 digits);
  * the protocol file of every run has that rate below T_h (same bound);
  * the VFT law of every calibration falls out of equilibrium at the MD Tg at the MD rate
    (q tau(Tg) B / (Tg - T0)^2 = 1 to 1e-6: the bisection converges to 1e-12);
  * slower cooling below T_h does not end higher: Delta H at each slower rate <= Delta H at the
    next faster one + 1e-6 |Delta H(MD rate)| (the model is a deterministic master equation
    whose relaxation only lags behind equilibrium; the bound is rounding of the printed numbers),
    and Delta H at the MD rate is <= 0 within the same bound (cooling lowers the enthalpy);
  * the model has no atoms: no model entry claims an I-SRO, the overlap says so, and every
    beyond_md entry names its method;
  * every seed is accounted for: a protocol's model entries hold one glass per seed, except the
    seeds the summary lists as skipped (a glass whose harvest met no saddle), each with its reason.
"""
import json
import math
import os
import re
import sys

R_KJ = 8.314462618e-3
EPS_K = 119.8
TAU_S = 2.1566e-12  # hand value of sigma sqrt(m/eps) for argon
RELATIVE = 1e-6


def fail(msg):
    print(f"check_study1_model: FAIL: {msg}")
    sys.exit(1)


def close(a, b, rel, what):
    if not abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-300:
        fail(f"{what}: {a!r} vs hand {b!r}")


def main(out):
    with open(os.path.join(out, "summary.json")) as f:
        part = json.load(f)["beyond_md"]
    if part["setup"]["method"] != "model":
        fail(f"setup.method is {part['setup']['method']!r}, not 'model'")
    entries = part["entries"]
    if any(e["method"] not in ("md", "handover", "model") for e in entries):
        fail("an entry names no known method")
    models = [e for e in entries if e["method"] == "model"]
    if not models:
        fail("no model entries")
    for e in models:
        if e["isro_fraction"]["mean"] is not None:
            fail(f"{e['protocol']} model entry claims an I-SRO")
        close(e["rate_K_per_min"], e["rate"] * EPS_K / TAU_S * 60.0, 2e-4, "rate in K/min")
        for g, cal in zip(e["glasses"], e["calibration"]):
            dh = g["delta_energy_below_handover"]
            q = cal["md_rate_K_per_s"]
            b, t0, tg = cal["vft_B_K"], cal["vft_T0_K"], cal["Tg_K"]
            close(q * cal["tau_at_Tg_s"] * b / (tg - t0) ** 2, 1.0, RELATIVE, "Frenkel-Kobeko criterion at the MD Tg")
            if not math.isfinite(dh):
                fail("Delta E not finite")
        close(e["delta_energy_below_handover"]["mean"], e["delta_H_kJ_per_mol"]["mean"] / (R_KJ * EPS_K), 2e-4,
              "Delta H in eps per atom")
        for cal in e["calibration"]:
            proto = os.path.join(os.path.dirname(cal["model_file"]), f"x{e['rate_factor']:g}", "protocol.toml")
            with open(proto) as f:
                rates = re.findall(r"rate_K_per_min = ([0-9.eE+-]+)", f.read())
            close(float(rates[-1]), e["rate_K_per_min"], 1e-9, f"{proto}: rate below T_h")
    checked = 0
    for prot in sorted({e["protocol"] for e in models}):
        runs = sorted((e for e in models if e["protocol"] == prot), key=lambda e: -e["rate"])
        ref = abs(runs[0]["delta_H_kJ_per_mol"]["mean"])
        if runs[0]["delta_H_kJ_per_mol"]["mean"] > RELATIVE * ref:
            fail(f"{prot}: the model's enthalpy rises below T_h at the MD rate")
        for fast, slow in zip(runs, runs[1:]):
            a, b = fast["delta_H_kJ_per_mol"]["mean"], slow["delta_H_kJ_per_mol"]["mean"]
            if b > a + RELATIVE * ref:
                fail(f"{prot}: model Delta H at rate {slow['rate']:g} ({b:.6g}) above that at {fast['rate']:g} ({a:.6g})")
            checked += 1
        skipped = [m for m in part["setup"].get("model_skipped", []) if m["protocol"] == prot]
        if any("no saddle" not in m["reason"] for m in skipped):
            fail(f"{prot}: a skipped seed without its reason")
        if any(e["samples"] + len(skipped) != part["setup"]["seeds"] for e in runs):
            fail(f"{prot}: model glasses + skipped seeds ({len(skipped)}) != {part['setup']['seeds']} seeds")
        for m in skipped:
            print(f"{prot}: seed {m['seed']} skipped: {m['reason']}")
        o = next((o for o in part["overlap"] if o["protocol"] == prot), None)
        if o is None or o["method"] != "model" or "no atoms" not in o["isro_fraction"]["verdict"]:
            fail(f"{prot}: no model/MD overlap row saying that the model has no I-SRO")
        print(f"{prot}: model Delta H below T_h " + ", ".join(
            f"x{e['rate_factor']:g}: {e['delta_energy_below_handover']['mean']:.5f}" for e in runs) +
            f" eps/atom; overlap model - MD {o['energy_per_atom']['kmc_minus_md']:+.5f} ({o['energy_per_atom']['verdict']})")
    if checked == 0:
        fail("no pair of model rates to compare")
    print(f"check_study1_model: ok ({checked} rate pairs)")


if __name__ == "__main__":
    main(sys.argv[1])
