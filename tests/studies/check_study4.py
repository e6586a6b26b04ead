#!/usr/bin/python3
"""Checks the output of study 4's quick run (tests/studies: study4_beta_training):

  /usr/bin/python3 tests/studies/check_study4.py OUT_DIR

- every `predictions` entry of summary.json has a finite `ours` (a NaN means a number the study
  failed to compute) and a relative error where the paper's value is non-zero;
- the three-Gumbel creep fits of S1 and S4 (the creep steps' `gumbel_fit`) have three families in
  order of increasing tau0 with dJ > 0 and 0.02 <= B <= 50 (the fit's own bounds), mean times
  of the beta family below 1e3 s and of the slowest above 10 s (the model's beta retardation is
  sub-second at 403 K and its flow sets in after seconds in both runs), and an rms residual
  below 1 % of the rise of J over the run (the model curve is smooth; a fit that failed to
  converge leaves residuals of the order of the rise);
- the rows the study prints for the Gumbel fit equal the fit's numbers (no stale copy).
Exit status 1 with one line per failure.
"""
import json
import math
import os
import sys


def main():
    out = sys.argv[1]
    failures = []
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    rows = {p["name"]: p for p in summary["predictions"]}
    for p in summary["predictions"]:
        if not math.isfinite(p["ours"]):
            failures.append(f"{p['name']}: ours = {p['ours']} is not finite")
        if p["paper"] != 0 and not math.isfinite(p["relative_error"]):
            failures.append(f"{p['name']}: relative error is not finite")
    for label in ("S1", "S4"):
        with open(os.path.join(out, f"creep_{label}", "results.json")) as f:
            step = json.load(f)["steps"][3]
        fit = step["gumbel_fit"]
        families = fit["families"]
        if len(families) != 3:
            failures.append(f"{label}: {len(families)} Gumbel families, expected 3")
            continue
        if not all(a["tau0_s"] < b["tau0_s"] for a, b in zip(families, families[1:])):
            failures.append(f"{label}: Gumbel families not in order of increasing tau0")
        for i, fam in enumerate(families):
            if not fam["compliance_per_GPa"] > 0:
                failures.append(f"{label} family {i}: dJ = {fam['compliance_per_GPa']}")
            if not 0.02 <= fam["shape_B"] <= 50:
                failures.append(f"{label} family {i}: B = {fam['shape_B']}")
        if not families[0]["mean_tau_s"] < 1e3:
            failures.append(f"{label}: beta mean time {families[0]['mean_tau_s']} s, expected < 1e3 s")
        if not families[2]["mean_tau_s"] > 10:
            failures.append(f"{label}: slowest mean time {families[2]['mean_tau_s']} s, expected > 10 s")
        rise = step["final_compliance_per_GPa"] - fit["instant_compliance_per_GPa"]
        if not fit["rms_residual_per_GPa"] < 0.01 * rise:
            failures.append(f"{label}: rms residual {fit['rms_residual_per_GPa']} >= 1 % of the rise {rise}")
        for name, fam in zip(("beta", "an", "vp"), families):
            row = rows.get(f"{label} creep tau_{name} (s, Gumbel mean)")
            if row is None or not math.isclose(row["ours"], fam["mean_tau_s"], rel_tol=1e-12):
                failures.append(f"{label}: summary row tau_{name} missing or differs from the fit")
    for line in failures:
        print(line)
    print(f"check_study4: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
