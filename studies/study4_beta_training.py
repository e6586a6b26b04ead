#!/usr/bin/python3
"""Study 4 (Zhang et al., J Mater Sci Technol 2023): training the beta relaxation by cyclic
loading rejuvenates, with the coarse landscape model (run in-process through the Python package;
the fit through `glassland landscape-model fit`).

La30Ce30Ni10Al20Co10 ribbons (examples/model/la_glass.toml, VFT B = 5907 K, T0 = 278 K):
quenched ribbon (1000 K/s from the liquid), heated to 383 K at 3 K/min under cyclic stress
at 0.01, 0.1, 1, 10 Hz (S1-S4; plus an unloaded control), cooled to 300 K at 20 K/min, then
  - DSC at 20 K/min: relaxation enthalpy Delta H_rel = enthalpy released relative to the
    second scan (the sample cooled at 20 K/min) over 300-520 K, and the dissipated work;
  - DMA at 1 Hz, 2 K/min: beta and alpha loss-peak temperatures;
  - creep at 403 K / 25 MPa (S1 and S4): J(t), fitted as the paper does by J0 plus three
    Gumbel-distributed retardation spectra (beta, anelastic, viscoplastic; the creep step's
    `gumbel_families = 3`, kmc/model/CreepSpectrumFit: mean times and distribution factors B
    next to the paper's), and the model's own retardation-time spectrum (beta and flow parts).
The stress amplitude is not in the digest of the paper: --amplitude (default 40 MPa).
Differences: the secondary fragility m_beta is not computed.
Held-out check: the model (examples/model/la_glass.toml) is first fitted with
`glassland landscape-model fit` to the untrained glass (Delta H_rel of the unloaded control,
its 1 Hz beta peak) and to S1's Gumbel creep times (tau_beta, tau_vp), varying Delta c_p,
E_beta and beta.tau0_s; the fitted model then predicts S1's tau_an and distribution factors and
S4 (10 Hz): Delta H_rel, the beta-peak shift and the three Gumbel spectra. The paper gives no alpha-peak temperature, so the alpha peak is not fitted.
summary.json lists {name, paper, ours, relative_error, fitted}.
Outputs in --out: summary.json, fit/ (fitted model), study4.csv, study4_creep_S1.csv / _S4.csv, study4.png, one folder per run.
"""
import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from glassland_study import (fit, prediction, report, run_model, step, study_arguments, targets_toml,  # noqa: E402
                             with_overrides, write_rows)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FREQUENCIES = [0.01, 0.1, 1.0, 10.0]
PAPER = {"dH_rel_untrained": 0.34, "dH_rel_10Hz": 0.49, "beta_peak": (368.0, 364.0), "alpha_shift_K": 0.3,
         "tau_beta": {"S1": 0.15, "S4": 0.03}, "tau_an": {"S1": 2.34e7, "S4": 1.53e6}, "tau_vp": {"S1": 2.19e8, "S4": 1.01e7},
         "B_beta": {"S1": 0.36, "S4": 0.28}, "B_an": {"S1": 0.46, "S4": 0.32}, "B_vp": {"S1": 0.58, "S4": 0.38}}


def treatment(frequency, amplitude):
    text = "start_K = 520.0\n" + step("ramp", to_K=300.0, rate_K_per_min=60000.0)
    if frequency > 0:
        text += step("cyclic_ramp", to_K=383.0, rate_K_per_min=3.0, frequency_Hz=frequency, amplitude_MPa=amplitude)
    else:
        text += step("ramp", to_K=383.0, rate_K_per_min=3.0)
    return text + step("ramp", to_K=300.0, rate_K_per_min=20.0)


def dsc_step():
    return step("dsc", to_K=520.0, rate_K_per_min=20.0, reference_cooling_K_per_min=20.0, range_K=[300.0, 520.0])


def dma_step():
    return step("dma", to_K=520.0, rate_K_per_min=2.0, frequencies_Hz=[1.0])


def creep_step(duration_s):
    return step("creep", temperature_K=403.0, stress_MPa=25.0, duration_s=duration_s, gumbel_families=3)


FAMILIES = ["beta", "an", "vp"]  # Gumbel families in order of increasing time


def fit_untrained(opts, creep_s):
    """Fits Delta c_p, E_beta and the beta prefactor to the control's Delta H_rel and beta peak and
    to S1's creep times (log scale: they span decades)."""
    protocols = {"control_dsc": treatment(0.0, opts.amplitude) + dsc_step(),
                 "control_dma": treatment(0.0, opts.amplitude) + dma_step(),
                 "s1_creep": treatment(FREQUENCIES[0], opts.amplitude) + creep_step(creep_s)}
    scalars = [
        {"name": "dH_rel untrained (kJ/mol, released)", "protocol": "control_dsc", "result": "/steps/3/delta_H_kJ_per_mol",
         "value": -PAPER["dH_rel_untrained"], "sigma": 0.02},
        {"name": "beta peak untrained (K)", "protocol": "control_dma", "result": "/steps/3/beta_peak_K/0",
         "value": PAPER["beta_peak"][0], "sigma": 1.0},
        {"name": "S1 creep tau_beta (s)", "protocol": "s1_creep", "result": "/steps/3/gumbel_fit/families/0/mean_tau_s",
         "value": PAPER["tau_beta"]["S1"], "sigma": 0.5, "scale": "log"},
        {"name": "S1 creep tau_vp (s)", "protocol": "s1_creep", "result": "/steps/3/gumbel_fit/families/2/mean_tau_s",
         "value": PAPER["tau_vp"]["S1"], "sigma": 0.5, "scale": "log"}]
    targets = targets_toml(["lab.delta_cp_J_per_mol_K", "beta.E_beta_eV", "beta.tau0_s"],
                           {k: k + ".toml" for k in protocols}, scalars, 20 if opts.quick else 40)
    return fit(opts, "study4", "fit", opts.model, targets, protocols)


def creep_predictions(label, gumbel, fitted):
    """Paper | ours rows of one sample's three-Gumbel creep fit: mean times, then distribution
    factors B. With the fit, S1's tau_beta and tau_vp are fitted targets, the rest predicted."""
    rows = []
    for name, f in zip(FAMILIES, gumbel["families"]):
        rows.append(prediction(f"{label} creep tau_{name} (s, Gumbel mean)", PAPER["tau_" + name][label], f["mean_tau_s"],
                               fitted and name != "an"))
    for name, f in zip(FAMILIES, gumbel["families"]):
        rows.append(prediction(f"{label} creep B_{name}", PAPER["B_" + name][label], f["shape_B"], False))
    return rows


def log_mean_time(spectrum, column):
    w = spectrum[column]
    return float(10 ** (np.sum(w * spectrum["log10_tau_s"]) / np.sum(w))) if np.sum(w) > 0 else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    study_arguments(parser, "study4", "shorter creep (< 2 min)")
    parser.add_argument("--model", default=os.path.join(REPO, "examples/model/la_glass.toml"))
    parser.add_argument("--amplitude", type=float, default=40.0, help="cyclic stress amplitude (MPa)")
    parser.add_argument("--no-fit", action="store_true", help="use --model as it is (no fit to the untrained glass)")
    parser.add_argument("--after-fit", action="append", default=[], metavar="TABLE.KEY=VALUE",
                        help="change a key of the fitted model before the predictions (sensitivity runs), "
                             "e.g. mechanics.work_per_rearrangement_kJ_per_mol=0.3; repeatable")
    opts = parser.parse_args()
    creep_s = 3600.0 if opts.quick else 1.0e5
    os.makedirs(opts.out, exist_ok=True)  # --no-fit with --after-fit writes the changed model first
    fitted = None
    if not opts.no_fit:
        opts.model, fitted = fit_untrained(opts, creep_s)
    if opts.after_fit:
        opts.model = with_overrides(opts.model, opts.after_fit, os.path.join(opts.out, "model_after_fit.toml"))

    rows, dma_curves, creep, creep_times = [], {}, {}, {}
    for label, f in [("control", 0.0)] + [(f"S{i + 1}", f) for i, f in enumerate(FREQUENCIES)]:
        base = treatment(f, opts.amplitude)
        _, result = run_model(opts, "study4", f"dsc_{label}", base + dsc_step())
        steps = result.summary["steps"]
        dsc = steps[3]
        work = steps[1].get("dissipated_work_kJ_per_mol", 0.0)
        _, result_dma = run_model(opts, "study4", f"dma_{label}", base + dma_step())
        dma = result_dma.summary["steps"][3]
        dma_curves[label] = result_dma.tables[dma["file"]]
        rows.append({"sample": label, "frequency_Hz": f, "dissipated_work_kJ_per_mol": work,
                     "Tf_after_K": steps[2]["end_fictive_K"], "dH_rel_kJ_per_mol": -dsc["delta_H_kJ_per_mol"],
                     "beta_peak_1Hz_K": dma["beta_peak_K"][0], "alpha_peak_1Hz_K": dma["alpha_peak_K"][0]})
        if label in ("S1", "S4"):
            _, result_c = run_model(opts, "study4", f"creep_{label}", base + creep_step(creep_s))
            c = result_c.summary["steps"][3]
            creep_times[label] = c["gumbel_fit"]
            creep[label] = (result_c.tables[c["file"]],
                            result_c.tables[c["file"].replace("_creep.csv", "_creep_spectrum.csv")],
                            result_c.tables[c["gumbel_fit"]["file"]])
            with open(os.path.join(opts.out, f"study4_creep_{label}.csv"), "w") as dst:
                dst.write(result_c.files[c["file"]])

    write_rows(os.path.join(opts.out, "study4.csv"), rows)

    print(f"\nStudy 4: beta training by cyclic loading ({opts.amplitude:g} MPa) while heating to 383 K at 3 K/min")
    print(f"{'sample':>8} {'f Hz':>6} {'work kJ/mol':>12} {'Tf K':>7} {'dH_rel':>7} {'T_beta K':>9} {'T_alpha K':>10}")
    for r in rows:
        print(f"{r['sample']:>8} {r['frequency_Hz']:>6g} {r['dissipated_work_kJ_per_mol']:>12.4f} {r['Tf_after_K']:>7.1f} "
              f"{r['dH_rel_kJ_per_mol']:>7.3f} {r['beta_peak_1Hz_K']:>9.1f} {r['alpha_peak_1Hz_K']:>10.1f}")
    print(f"paper: dH_rel {PAPER['dH_rel_untrained']} -> {PAPER['dH_rel_10Hz']} kJ/mol after 10 Hz; beta peak "
          f"{PAPER['beta_peak'][0]} -> {PAPER['beta_peak'][1]} K; alpha peak moves ~{PAPER['alpha_shift_K']} K")
    for label, (curve, spectrum, _) in creep.items():
        g = creep_times[label]
        print(f"creep {label} at 403 K / 25 MPa: J({curve['time_s'][-1]:.0f} s) = {curve['J_per_GPa'][-1]:.4f} 1/GPa; model spectrum "
              f"log-mean tau_beta = {log_mean_time(spectrum, 'beta_weight_per_GPa'):.3g} s, "
              f"tau_flow = {log_mean_time(spectrum, 'flow_weight_per_GPa'):.3g} s")
        print(f"  three-Gumbel fit (J0 = {g['instant_compliance_per_GPa']:.4f} 1/GPa, rms {g['rms_residual_per_GPa']:.1e} 1/GPa):")
        for name, f in zip(FAMILIES, g["families"]):
            print(f"    {name:>4}: dJ = {f['compliance_per_GPa']:.4f} 1/GPa, mean tau = {f['mean_tau_s']:.3g} s "
                  f"(paper {PAPER['tau_' + name][label]:.3g}), B = {f['shape_B']:.2f} (paper {PAPER['B_' + name][label]})")

    by = {r["sample"]: r for r in rows}
    fit_flag = fitted is not None
    predictions = [
        prediction("dH_rel untrained control (kJ/mol)", PAPER["dH_rel_untrained"], by["control"]["dH_rel_kJ_per_mol"], fit_flag),
        prediction("beta peak untrained control, 1 Hz (K)", PAPER["beta_peak"][0], by["control"]["beta_peak_1Hz_K"], fit_flag),
        *creep_predictions("S1", creep_times["S1"], fit_flag),
        prediction("dH_rel after 10 Hz training, S4 (kJ/mol)", PAPER["dH_rel_10Hz"], by["S4"]["dH_rel_kJ_per_mol"], False),
        prediction("beta peak S4, 1 Hz (K)", PAPER["beta_peak"][1], by["S4"]["beta_peak_1Hz_K"], False),
        prediction("beta-peak shift S4 - control (K)", PAPER["beta_peak"][1] - PAPER["beta_peak"][0],
                   by["S4"]["beta_peak_1Hz_K"] - by["control"]["beta_peak_1Hz_K"], False),
        prediction("|alpha-peak shift| S4 - control (K)", PAPER["alpha_shift_K"],
                   abs(by["S4"]["alpha_peak_1Hz_K"] - by["control"]["alpha_peak_1Hz_K"]), False),
        *creep_predictions("S4", creep_times["S4"], False),
        prediction("Gumbel mean times S4 < S1 (of 3; training speeds all three)", 3,
                   sum(s4["mean_tau_s"] < s1["mean_tau_s"] for s1, s4 in zip(creep_times["S1"]["families"],
                                                                            creep_times["S4"]["families"])), False),
        prediction("Gumbel B S4 < S1 (of 3; training widens the spectra)", 3,
                   sum(s4["shape_B"] < s1["shape_B"] for s1, s4 in zip(creep_times["S1"]["families"],
                                                                      creep_times["S4"]["families"])), False)]
    report(opts, "Study 4", predictions, {"model": opts.model, "fit": fitted, "samples": rows, "amplitude_MPa": opts.amplitude})

    fig, axes = plt.subplots(1, 3, figsize=(15, 4))
    trained = [r for r in rows if r["frequency_Hz"] > 0]
    axes[0].semilogx([r["frequency_Hz"] for r in trained], [r["dH_rel_kJ_per_mol"] for r in trained], "o-", label="trained")
    axes[0].axhline(rows[0]["dH_rel_kJ_per_mol"], color="k", ls=":", label="unloaded control")
    axes[0].set_xlabel("training frequency (Hz)"); axes[0].set_ylabel("dH_rel (kJ/mol)"); axes[0].legend()
    for label, d in dma_curves.items():
        axes[1].semilogy(d["T_K"], d["E2_GPa_1Hz"], label=label)
    axes[1].set_xlabel("T (K)"); axes[1].set_ylabel("E'' at 1 Hz (GPa)"); axes[1].legend(fontsize=7)
    for label, (curve, _, gumbel) in creep.items():
        line, = axes[2].semilogx(curve["time_s"], curve["J_per_GPa"], label=label)
        axes[2].semilogx(gumbel["time_s"], gumbel["J_fit_per_GPa"], "--", color=line.get_color(), label=f"{label}: 3 Gumbel fit")
    axes[2].set_xlabel("t (s)"); axes[2].set_ylabel("J(t) at 403 K, 25 MPa (1/GPa)"); axes[2].legend()
    fig.tight_layout()
    fig.savefig(os.path.join(opts.out, "study4.png"), dpi=120)


if __name__ == "__main__":
    main()
