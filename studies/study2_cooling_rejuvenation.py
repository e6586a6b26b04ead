#!/usr/bin/python3
"""Study 2 (Zhang et al., Sci China Tech Sci 2023): rejuvenation by cooling from the
supercooled liquid, with the coarse landscape model (run in-process through the Python package;
the fit through `glassland landscape-model fit`).

La30Ce30Ni10Al20Co10 (examples/model/la_glass.toml): heat into the supercooled liquid
(start at 520 K), cool to 323 K at 1-20 K/min, rescan at 20 K/min.
  - DSC: Delta H_rej over 420-500 K = enthalpy released relative to a reference scan (the same
    sample after cooling at 0.1 K/min, i.e. a well-relaxed glass), the rejuvenation
    sensitivity S_r = d(Delta H_rej)/d(cooling rate) from a linear fit, fictive temperatures;
  - DMA (single frequency 2 Hz at 2 K/min plus 0.5-8 Hz for the Arrhenius fit): beta peak
    temperature and E_beta for every cooling rate.
Held-out check: the model (examples/model/la_glass.toml) is first fitted with
`glassland landscape-model fit` to three of the paper's numbers (examples/model/fit/
study2_targets.toml: Delta H_rej after 20 K/min, the 2 Hz beta peak, Tg) by varying Delta c_p,
E_beta and Tg; the fitted model then predicts the 1 K/min Delta H_rej, S_r and E_beta after 10
and 20 K/min cooling. summary.json lists {name, paper, ours, relative_error, fitted}.
Differences from the paper: the reference of Delta H_rej is our choice (the paper integrates
the heat-flow difference W(T) without stating the baseline here); the quasi-point-defect
chi(T) analysis and the beta/alpha decoupling temperature are not computed.
Outputs in --out: summary.json, fit/ (fitted model), study2_dsc.csv, study2_dma.csv, study2.png, one folder per glassland run.
"""
import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from glassland_study import (fit_file, prediction, report, run_model, step_result, study_arguments,  # noqa: E402
                            write_rows)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAPER_DH = {1.0: 0.05, 20.0: 0.12}  # kJ/mol
PAPER_SR = 0.006                    # kJ min / (mol K)
PAPER_EBETA = {"as cast": 0.87, 10.0: 1.08, 20.0: 0.97}  # eV
PAPER_BETA_PEAK_K = 367.0
PAPER_TG_K = 440.0  # not in the digest: the tau_alpha = 100 s point of the paper's VFT law (model file)
TARGETS = os.path.join(REPO, "examples/model/fit/study2_targets.toml")


def dsc_protocol(rate):
    return f"""start_K = 520.0
[[step]]
kind = "ramp"
to_K = 323.0
rate_K_per_min = {rate}
[[step]]
kind = "dsc"
to_K = 520.0
rate_K_per_min = 20.0
reference_cooling_K_per_min = 0.1
range_K = [420.0, 500.0]
"""


def dma_protocol(rate, frequencies):
    return f"""start_K = 520.0
[[step]]
kind = "ramp"
to_K = 300.0
rate_K_per_min = {rate}
[[step]]
kind = "dma"
to_K = 520.0
rate_K_per_min = 2.0
frequencies_Hz = {list(frequencies)}
"""


def fit_model(opts):
    """Fits the model (Delta c_p, E_beta, Tg) to the paper's 20 K/min Delta H_rej, 2 Hz beta peak
    and Tg (the command line's `landscape-model fit`, into opts.out/fit)."""
    os.makedirs(opts.out, exist_ok=True)
    return fit_file(opts, "study2", opts.out, opts.model, TARGETS)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    study_arguments(parser, "study2", "3 cooling rates, 3 DMA frequencies (< 2 min)")
    parser.add_argument("--model", default=os.path.join(REPO, "examples/model/la_glass.toml"))
    parser.add_argument("--no-fit", action="store_true", help="use --model as it is (no fit to the paper's numbers)")
    opts = parser.parse_args()
    fitted = None
    if not opts.no_fit:
        opts.model, fitted = fit_model(opts)
    rates = [1.0, 10.0, 20.0] if opts.quick else [1.0, 2.0, 5.0, 10.0, 20.0]
    frequencies = [0.5, 2.0, 8.0] if opts.quick else [0.5, 1.0, 2.0, 4.0, 8.0]

    dsc_rows, dma_rows, traces = [], [], {}
    for q in rates:
        _, result = run_model(opts, "study2", f"dsc_{q:g}Kmin", dsc_protocol(q))
        dsc = step_result(result, "dsc")
        released = -dsc["delta_H_kJ_per_mol"]
        dsc_rows.append({"cooling_K_per_min": q, "Tf_K": step_result(result, "ramp")["end_fictive_K"],
                         "dH_rej_kJ_per_mol": released})
        traces[q] = result.tables[dsc["file"]]
        _, result = run_model(opts, "study2", f"dma_{q:g}Kmin", dma_protocol(q, frequencies))
        dma = step_result(result, "dma")
        i2 = frequencies.index(2.0)
        dma_rows.append({"cooling_K_per_min": q, "beta_peak_2Hz_K": dma["beta_peak_K"][i2],
                         "alpha_peak_2Hz_K": dma["alpha_peak_K"][i2], "E_beta_eV": dma["beta_arrhenius_energy_eV"]})
        traces[("dma", q)] = result.tables[dma["file"]]

    slope = np.polyfit([r["cooling_K_per_min"] for r in dsc_rows], [r["dH_rej_kJ_per_mol"] for r in dsc_rows], 1)[0]
    write_rows(os.path.join(opts.out, "study2_dsc.csv"), dsc_rows)
    write_rows(os.path.join(opts.out, "study2_dma.csv"), dma_rows)

    print("\nStudy 2: rejuvenation by cooling from the supercooled liquid (ours | paper)")
    print(f"{'cooling K/min':>14} {'Tf K':>8} {'dH_rej kJ/mol':>14} {'paper':>6} {'T_beta(2Hz) K':>14} {'E_beta eV':>10} {'paper':>6}")
    for d, m in zip(dsc_rows, dma_rows):
        q = d["cooling_K_per_min"]
        print(f"{q:>14g} {d['Tf_K']:>8.1f} {d['dH_rej_kJ_per_mol']:>14.3f} {PAPER_DH.get(q, float('nan')):>6.2f} "
              f"{m['beta_peak_2Hz_K']:>14.1f} {m['E_beta_eV']:>10.3f} {PAPER_EBETA.get(q, float('nan')):>6.2f}")
    print(f"S_r = d(dH_rej)/dq = {slope:.4f} kJ min/(mol K)   (paper {PAPER_SR})")
    print(f"beta peak at 2 Hz: paper {PAPER_BETA_PEAK_K} K; alpha peak at 2 Hz: ours "
          f"{dma_rows[-1]['alpha_peak_2Hz_K']:.1f} K, paper between 440 and 480 K")

    dh = {r["cooling_K_per_min"]: r["dH_rej_kJ_per_mol"] for r in dsc_rows}
    eb = {r["cooling_K_per_min"]: r["E_beta_eV"] for r in dma_rows}
    predictions = []
    if fitted is not None:
        by_name = {t["name"]: t["model"] for t in fitted["targets"]}
        predictions += [prediction("dH_rej after 20 K/min cooling (kJ/mol)", PAPER_DH[20.0], dh[20.0], True),
                        prediction("beta peak at 2 Hz after 20 K/min (K)", PAPER_BETA_PEAK_K, dma_rows[-1]["beta_peak_2Hz_K"], True),
                        prediction("Tg = Tf after 20 K/min cooling (K)", PAPER_TG_K, by_name["Tg = Tf after 20 K/min cooling (K)"], True)]
    predictions += [prediction("dH_rej after 1 K/min cooling (kJ/mol)", PAPER_DH[1.0], dh[1.0], False),
                    prediction("S_r = d(dH_rej)/d(cooling rate) (kJ min/(mol K))", PAPER_SR, slope, False),
                    prediction("E_beta after 10 K/min cooling (eV)", PAPER_EBETA[10.0], eb[10.0], False),
                    prediction("E_beta after 20 K/min cooling (eV)", PAPER_EBETA[20.0], eb[20.0], False),
                    prediction("E_beta(10 K/min) - E_beta(20 K/min) (eV)", PAPER_EBETA[10.0] - PAPER_EBETA[20.0], eb[10.0] - eb[20.0], False)]
    report(opts, "Study 2", predictions, {"model": opts.model, "fit": fitted})

    fig, axes = plt.subplots(1, 3, figsize=(15, 4))
    for q in rates:
        t = traces[q]
        axes[0].plot(t["T_K"], t["heat_flow_W_per_g"], label=f"{q:g} K/min")
        d = traces[("dma", q)]
        axes[2].semilogy(d["T_K"], d["E2_GPa_2Hz"], label=f"{q:g} K/min")
    axes[0].set_xlabel("T (K)"); axes[0].set_ylabel("heat flow at 20 K/min (W/g)"); axes[0].legend()
    axes[0].set_xlim(400, 520)
    axes[1].plot(rates, [r["dH_rej_kJ_per_mol"] for r in dsc_rows], "o-", label="landscape model")
    axes[1].plot(list(PAPER_DH), list(PAPER_DH.values()), "s", label="Zhang 2023")
    axes[1].set_xlabel("cooling rate (K/min)"); axes[1].set_ylabel("dH_rej (kJ/mol)"); axes[1].legend()
    axes[2].set_xlabel("T (K)"); axes[2].set_ylabel("E'' at 2 Hz, 2 K/min (GPa)"); axes[2].legend()
    fig.tight_layout()
    fig.savefig(os.path.join(opts.out, "study2.png"), dpi=120)


if __name__ == "__main__":
    main()
