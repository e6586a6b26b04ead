#!/usr/bin/python3
"""Study 3 (Wang et al., Sci China Mater 2023): identical glassy states through different
thermal paths, with the coarse landscape model (run in-process through the Python package; the
fit through `glassland landscape-model fit`).

Au49Cu26.9Ag5.5Pd2.3Si16.3 (examples/model/au_glass.toml, Tg = 401 K), flash-DSC rates:
  - path 1, continuous cooling: from the liquid (480 K) at 6000 K/s to 403 K, then to
    Ta = 385 K at phi = 1...100 K/s, then quenched;
  - path 2, isothermal: quench to Ta at 6000 K/s and hold ta. Our ta for each phi is the time
    at which the isothermal enthalpy equals that of the continuous path (read from one long
    hold), printed next to the paper's pairs;
  - rescan at 1000 K/s against the unrelaxed glass (quenched at 6000 K/s): relaxation peak,
    Delta H (its area), peak temperature and FWHM for both paths;
  - Kissinger (100-1000 K/s) after anneals at 397 K for ta = 0.1...1000 s: apparent Ea vs depth.
Held-out check: the model (examples/model/au_glass.toml) is first fitted with
`glassland landscape-model fit` to the paper's 100 K/s <-> 0.3 s and 1 K/s <-> 26 s equal-enthalpy
pairs (varying the fragility m); the fitted model then predicts the
other pairs, the FWHM ordering and the Kissinger E_a against relaxation depth. summary.json lists
{name, paper, ours, relative_error, fitted}.
Outputs in --out: summary.json, fit/ (fitted model), study3_pairs.csv, study3_kissinger.csv, study3.png, one folder per run.
"""
import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from glassland_study import (fit, prediction, report, run_model, step, step_result, study_arguments,  # noqa: E402
                            targets_toml, write_rows)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUENCH = 6000.0 * 60.0  # K/min
SCAN = 1000.0 * 60.0
PAPER_TA = {100.0: 0.3, 50.0: 0.6, 30.0: 1.2, 10.0: 4.0, 5.0: 8.0, 1.0: 26.0}
PAPER_EA = "80-100 kJ/mol (light, beta-like) rising to ~170 kJ/mol (deep, alpha)"
PAPER_EA_LIGHT, PAPER_EA_DEEP = 90.0, 170.0  # middle of 80-100 (ta = 0.1 s) and ~170 (ta = 1000 s) kJ/mol
FIT_PAIRS = (100.0, 1.0)  # phi (K/s) of the pairs the model is fitted to


def scan():
    return step("dsc", to_K=500.0, rate_K_per_min=SCAN, reference_cooling_K_per_min=QUENCH)


def continuous(phi, ta):
    return ("start_K = 480.0\n" + step("ramp", to_K=403.0, rate_K_per_min=QUENCH) +
            step("ramp", to_K=ta, rate_K_per_min=phi * 60.0) + step("ramp", to_K=300.0, rate_K_per_min=QUENCH) + scan())


def isothermal(hold_s, ta, with_scan=True):
    text = ("start_K = 480.0\n" + step("ramp", to_K=ta, rate_K_per_min=QUENCH) + step("hold", duration_s=hold_s) +
            step("ramp", to_K=300.0, rate_K_per_min=QUENCH))
    return text + (scan() if with_scan else "")


def matching_time(trajectory, target_h):
    """First time in the hold (step 1) at which H drops to target_h (log interpolation)."""
    m = trajectory["step"] == 1
    t = trajectory["time_s"][m] - trajectory["time_s"][m][0] + 1e-4
    h = trajectory["H_kJ_per_mol"][m]
    below = np.nonzero(h <= target_h)[0]
    if len(below) == 0:
        return float("nan")
    i = below[0]
    if i == 0:
        return float(t[0])
    f = (target_h - h[i - 1]) / (h[i] - h[i - 1])
    return float(np.exp(np.log(t[i - 1]) + f * (np.log(t[i]) - np.log(t[i - 1]))))


def fit_pairs(opts, ta_K):
    """Fits alpha.fragility_m (least squares) so that the continuous and isothermal enthalpies
    at Ta agree for the paper's 100 K/s <-> 0.3 s and 1 K/s <-> 26 s pairs. (Fitting the spread
    of alpha times as well narrows the spectrum until the path memory at 100 K/s is lost.)"""
    protocols, scalars = {}, []
    for phi in FIT_PAIRS:
        c, i = f"continuous_{phi:g}", f"isothermal_{PAPER_TA[phi]:g}".replace(".", "p")
        protocols[c] = ("start_K = 480.0\n" + step("ramp", to_K=403.0, rate_K_per_min=QUENCH) +
                        step("ramp", to_K=ta_K, rate_K_per_min=phi * 60.0))
        protocols[i] = isothermal(PAPER_TA[phi], ta_K, with_scan=False)
        scalars.append({"name": f"H(continuous {phi:g} K/s) - H(isothermal {PAPER_TA[phi]:g} s) (kJ/mol)", "protocol": c,
                        "result": "/steps/1/end_enthalpy_kJ_per_mol", "minus_protocol": i,
                        "minus_result": "/steps/1/end_enthalpy_kJ_per_mol", "value": 0.0, "sigma": 0.002})
    targets = targets_toml(["alpha.fragility_m"], {k: k + ".toml" for k in protocols}, scalars, 15 if opts.quick else 30)
    return fit(opts, "study3", "fit", opts.model, targets, protocols)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    study_arguments(parser, "study3", "3 cooling rates, 3 anneal times (< 2 min)")
    parser.add_argument("--model", default=os.path.join(REPO, "examples/model/au_glass.toml"))
    parser.add_argument("--no-fit", action="store_true", help="use --model as it is (no fit to the paper's pairs)")
    opts = parser.parse_args()
    ta_K = 385.0
    fitted = None
    if not opts.no_fit:
        opts.model, fitted = fit_pairs(opts, ta_K)
    phis = [100.0, 10.0, 1.0] if opts.quick else [100.0, 50.0, 30.0, 10.0, 5.0, 1.0]
    anneals = [0.1, 10.0, 1000.0] if opts.quick else [0.1, 1.0, 10.0, 100.0, 1000.0]

    _, hold = run_model(opts, "study3", "isothermal_long_hold", isothermal(1000.0, ta_K, with_scan=False))
    hold_trajectory = hold.tables["trajectory.csv"]
    rows, curves = [], {}
    for phi in phis:
        _, result = run_model(opts, "study3", f"continuous_{phi:g}Ks", continuous(phi, ta_K))
        h_at_ta = step_result(result, "ramp", 1)["end_enthalpy_kJ_per_mol"]  # the ramp to Ta at phi
        c = step_result(result, "dsc")
        curves[("c", phi)] = result.tables[c["file"]]
        ta = matching_time(hold_trajectory, h_at_ta)
        _, result = run_model(opts, "study3", f"isothermal_{phi:g}Ks", isothermal(ta, ta_K))
        i = step_result(result, "dsc")
        curves[("i", phi)] = result.tables[i["file"]]
        rows.append({"phi_K_per_s": phi, "ta_s": ta, "paper_ta_s": PAPER_TA.get(phi, float("nan")),
                     "dH_continuous": c["delta_H_kJ_per_mol"], "dH_isothermal": i["delta_H_kJ_per_mol"],
                     "Tp_continuous": c["endothermic_peak"]["temperature_K"], "Tp_isothermal": i["endothermic_peak"]["temperature_K"],
                     "FWHM_continuous": c["endothermic_peak"]["fwhm_K"], "FWHM_isothermal": i["endothermic_peak"]["fwhm_K"]})

    kissinger = []
    rates = [6000.0, 12000.0, 30000.0, 60000.0]
    for ta in anneals:
        protocol = ("start_K = 480.0\n" + step("ramp", to_K=397.0, rate_K_per_min=QUENCH) + step("hold", duration_s=ta) +
                    step("ramp", to_K=300.0, rate_K_per_min=QUENCH) +
                    step("kissinger", to_K=540.0, rates_K_per_min=rates, reference_cooling_K_per_min=QUENCH))
        _, result = run_model(opts, "study3", f"kissinger_{ta:g}s", protocol)
        k = step_result(result, "kissinger")
        kissinger.append({"ta_s": ta, "Ea_kJ_per_mol": k["activation_energy_kJ_per_mol"], "peak_class": k["followed_class"],
                          "peak_100Ks_K": k["peaks_K"][0], "peak_1000Ks_K": k["peaks_K"][-1]})

    write_rows(os.path.join(opts.out, "study3_pairs.csv"), rows)
    write_rows(os.path.join(opts.out, "study3_kissinger.csv"), kissinger)

    print("\nStudy 3: equal-enthalpy continuous (c) and isothermal (i) anneals at Ta = 385 K (ours | paper ta)")
    print(f"{'phi K/s':>8} {'ta s':>7} {'paper':>6} {'dH c':>7} {'dH i':>7} {'Tp c':>7} {'Tp i':>7} {'FWHM c':>7} {'FWHM i':>7}")
    for r in rows:
        print(f"{r['phi_K_per_s']:>8g} {r['ta_s']:>7.2f} {r['paper_ta_s']:>6.1f} {r['dH_continuous']:>7.3f} {r['dH_isothermal']:>7.3f} "
              f"{r['Tp_continuous']:>7.1f} {r['Tp_isothermal']:>7.1f} {r['FWHM_continuous']:>7.1f} {r['FWHM_isothermal']:>7.1f}")
    print("paper: continuous narrower and hotter for phi >= 30 K/s; identical peaks for deep relaxation; FWHM falls with dH")
    print("\nKissinger after anneals at 397 K (heating 100-1000 K/s)")
    for k in kissinger:
        print(f"  ta = {k['ta_s']:>7g} s: Ea = {k['Ea_kJ_per_mol']:7.1f} kJ/mol ({k['peak_class']} peak followed)")
    print(f"  paper: {PAPER_EA}")

    predictions = []
    for r in rows:
        phi = r["phi_K_per_s"]
        predictions.append(prediction(f"ta equal to {phi:g} K/s continuous cooling (s)", PAPER_TA[phi], r["ta_s"],
                                      fitted is not None and phi in FIT_PAIRS))
    for r in rows:
        if r["phi_K_per_s"] >= 30.0:  # paper: continuous narrower and hotter (1 = yes)
            ok = r["FWHM_continuous"] < r["FWHM_isothermal"] and r["Tp_continuous"] > r["Tp_isothermal"]
            predictions.append(prediction(f"continuous narrower and hotter at {r['phi_K_per_s']:g} K/s (1 = yes)", 1.0, float(ok), False))
    deep = rows[-1]  # paper: identical peaks after deep relaxation (widths within 5 %, 1 = yes)
    same = abs(deep["FWHM_continuous"] - deep["FWHM_isothermal"]) < 0.05 * deep["FWHM_isothermal"]
    predictions.append(prediction(f"identical peak widths at {deep['phi_K_per_s']:g} K/s (1 = yes)", 1.0, float(same), False))
    predictions.append(prediction("Kissinger Ea after 0.1 s at 397 K (kJ/mol)", PAPER_EA_LIGHT, kissinger[0]["Ea_kJ_per_mol"], False))
    predictions.append(prediction("Kissinger Ea after 1000 s at 397 K (kJ/mol)", PAPER_EA_DEEP, kissinger[-1]["Ea_kJ_per_mol"], False))
    rising = all(b["Ea_kJ_per_mol"] >= a["Ea_kJ_per_mol"] - 5.0 for a, b in zip(kissinger, kissinger[1:]))
    predictions.append(prediction("Kissinger Ea rises with anneal time (1 = yes, 5 kJ/mol slack)", 1.0, float(rising), False))
    report(opts, "Study 3", predictions, {"model": opts.model, "fit": fitted, "pairs": rows, "kissinger": kissinger})

    fig, axes = plt.subplots(1, 3, figsize=(15, 4))
    for phi in phis:
        line, = axes[0].plot(curves[("c", phi)]["T_K"], 1e3 * curves[("c", phi)]["excess_cp_kJ_per_mol_K"], label=f"{phi:g} K/s")
        axes[0].plot(curves[("i", phi)]["T_K"], 1e3 * curves[("i", phi)]["excess_cp_kJ_per_mol_K"], "--", color=line.get_color())
    axes[0].set_xlabel("T (K)"); axes[0].set_ylabel("excess c_p (J/(mol K)); solid continuous, dashed isothermal")
    axes[0].legend(fontsize=7); axes[0].set_xlim(330, 500)
    axes[1].plot([r["dH_continuous"] for r in rows], [r["FWHM_continuous"] for r in rows], "o-", label="continuous")
    axes[1].plot([r["dH_isothermal"] for r in rows], [r["FWHM_isothermal"] for r in rows], "s--", label="isothermal")
    axes[1].set_xlabel("dH (kJ/mol)"); axes[1].set_ylabel("FWHM (K)"); axes[1].legend()
    axes[2].semilogx([k["ta_s"] for k in kissinger], [k["Ea_kJ_per_mol"] for k in kissinger], "o-")
    axes[2].set_xlabel("anneal time at 397 K (s)"); axes[2].set_ylabel("Kissinger Ea (kJ/mol)")
    fig.tight_layout()
    fig.savefig(os.path.join(opts.out, "study3.png"), dpi=120)


if __name__ == "__main__":
    main()
