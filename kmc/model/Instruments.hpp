#pragma once
// Virtual instruments: DSC (heat flow on heating, relaxation peak against a reference scan,
// Delta H, peak temperature and FWHM, Kissinger), DMA (E', E'' vs T at fixed frequencies and
// heating rate, isothermal frequency sweeps with a time-temperature-superposition master
// curve) and creep (compliance J(t) and its retardation-time spectrum).
// Units: K, K/s (rates inside; the protocol file speaks K/min), s, Hz, kJ/mol per mole of
// atoms, kJ/(mol K), W/g, GPa, 1/GPa.
#include <complex>
#include <string>
#include <vector>

#include "kmc/model/Analysis.hpp"
#include "kmc/model/ScheduleRunner.hpp"

namespace glassland::model {

struct DscCurve {
  std::vector<double> temperature_K;      ///< mid-step temperatures
  std::vector<double> heat_capacity;      ///< c_p = c_glass + dH/dT (kJ/(mol K))
  std::vector<double> heat_flow_W_g;      ///< c_p * rate / molar mass
  std::vector<double> enthalpy;           ///< configurational H after the step (kJ/mol)
  std::vector<double> fictive_K;
};

struct DscOptions {
  double to_K = 0.0;
  double rate_K_s = 20.0 / 60.0;
  double reference_cooling_K_s = 0.0;  ///< 0 = no reference scan
  double range_low_K = 0.0, range_high_K = 0.0;  ///< Delta H window (0, 0 = whole scan)
  double molar_mass_g_mol = 100.0;
  std::string where = "dsc.to_K";  ///< names to_K in errors (e.g. "p.toml: step[2].to_K")
};

struct DscResult {
  DscCurve scan, reference;
  std::vector<double> excess_cp;   ///< c_p(sample) - c_p(reference) on the scan grid (kJ/(mol K))
  double delta_H_kj_mol = 0.0;     ///< integral of excess_cp over the window (> 0: endothermic)
  PeakShape endothermic, exothermic;
};

/// Heats `sample` from its current temperature `from_K` to options.to_K (the sample keeps the
/// new state). The reference is the scanned sample cooled back to from_K at the reference rate
/// and scanned again (the usual "second scan").
DscResult run_dsc(Sample& sample, double from_K, const DscOptions& options, const StepControl& control);

struct KissingerResult {
  std::vector<double> rates_K_per_min, peaks_K;
  std::vector<double> glass_transition_K;  ///< per rate: midpoint of the reference's c_p step
  std::vector<std::string> peak_class;     ///< per rate: "sub_Tg" or "main" (the peak used)
  std::string followed;                    ///< the class followed across rates
  double activation_kj_mol = 0.0;
};
/// DSC on copies of `sample` at several heating rates. Peak rule (one relaxation process at
/// every rate): the maxima of the endothermic excess c_p above 5 % of its largest are split at
/// the glass transition of that scan, Tg(q) = where the reference's configurational c_p first
/// reaches half its value at the end of the scan: "sub_Tg" (beta-like shoulder of a lightly
/// relaxed glass) below, "main" (enthalpy overshoot) above. The class of the largest maximum at
/// the slowest rate is followed; at every rate its largest maximum is the Kissinger peak (the
/// overall largest when that class has none there, flagged in peak_class).
KissingerResult run_kissinger(const Sample& sample, double from_K, const std::vector<double>& rates_K_per_min,
                              const DscOptions& options, const StepControl& control);

/// E* (GPa) of the current state at temperature_K and angular frequency omega (rad/s).
/// Throws InputError(where, ...) for a sample without a landscape (TNM).
std::complex<double> sample_modulus(const Sample& sample, double temperature_K, double omega, const std::string& where);

struct DmaScan {
  std::vector<double> frequencies_Hz;
  std::vector<double> temperature_K;
  std::vector<std::vector<std::complex<double>>> modulus;  ///< [frequency][temperature] (GPa)
  std::vector<double> beta_peak_K, alpha_peak_K;            ///< per frequency (0 = not found)
  double beta_energy_eV = 0.0;                              ///< Arrhenius fit (>= 2 frequencies)
  VftFit alpha_vft;                                         ///< VFT fit (>= 3 frequencies)
};
/// Heats `sample` (state kept) while recording E*(T) at every frequency.
DmaScan run_dma(Sample& sample, double from_K, double to_K, double rate_K_s, const std::vector<double>& frequencies_Hz,
                const StepControl& control, const std::string& where);

struct FrequencySweep {
  std::vector<double> temperatures_K, frequencies_Hz;
  std::vector<std::vector<std::complex<double>>> modulus;  ///< [temperature][frequency] (GPa)
  std::vector<double> shift_factor;                         ///< a_T relative to reference_K
  double reference_K = 0.0;
};
/// Isothermal sweeps on copies of `sample` held hold_s at each temperature. Shift factors
/// a_T = <k_alpha>(T_ref) / <k_alpha>(T) (ratio of mean alpha rates of the model).
FrequencySweep run_frequency_sweep(const Sample& sample, const std::vector<double>& temperatures_K,
                                   const std::vector<double>& frequencies_Hz, double hold_s, double reference_K,
                                   const StepControl& control, const std::string& where);

struct CreepResult {
  std::vector<double> time_s, compliance_per_GPa, beta_part, flow_part;
  std::vector<double> spectrum_log10_tau, spectrum_beta, spectrum_flow;  ///< weights (1/GPa) per bin
  /// Compliance-weighted geometric means of the final spectrum's times (s), exact (not binned).
  double log_mean_tau_beta_s = 0.0, log_mean_tau_flow_s = 0.0;
};
/// Holds `sample` at temperature_K under stress_MPa for duration_s (state kept) and records
/// J(t) = 1/E_u + J_beta(t) + (1/E_u) int <k_alpha> dt, and the retardation spectrum at the end.
CreepResult run_creep(Sample& sample, double temperature_K, double stress_MPa, double duration_s,
                      const StepControl& control, const std::string& where);

}  // namespace glassland::model
