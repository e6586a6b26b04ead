#pragma once
// Least-squares fit of a creep compliance curve J(t) by J0 plus n Gumbel-distributed
// retardation families (kmc/model/GumbelSpectrum.hpp; the paper of study 4 uses n = 3: beta,
// anelastic, viscoplastic): `glassland landscape-model creep-fit`. Eigen's Levenberg-Marquardt
// (unsupported/Eigen/LevenbergMarquardt) with the analytic Jacobian, in the coordinates J0,
// ln dJ_i, ln tau0_i, ln B_i (so dJ, tau0 and B stay positive), from a fixed set of starting
// spectra spread over the curve's time window; the best chi^2 wins. Families are reported in
// order of increasing tau0.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kmc/model/GumbelSpectrum.hpp"

namespace glassland::model {

struct CreepCurve {
  std::vector<double> time_s, compliance_per_GPa;
};

/// Reads columns `time_column` and `compliance_column` of a CSV file (header line, '#'
/// comments) and checks them with check_creep_curve. InputError names the file (and line).
CreepCurve read_creep_curve(const std::string& path, const std::string& time_column, const std::string& compliance_column);

/// A curve a fit of `families` families can use: finite numbers, times > 0 and strictly
/// increasing, more points than the 1 + 3 families parameters. InputError names `where`.
void check_creep_curve(const CreepCurve& curve, int families, const std::string& where);

struct CreepFitOptions {
  int families = 3;             ///< number of Gumbel families (1-4)
  double sigma_per_GPa = 0.0;   ///< noise of J; 0: unweighted, scale from the residuals
  bool relative = false;        ///< residuals relative to J (sigma_per_GPa then a fraction of J):
                                ///< every decade of a log-spaced curve weighs alike, not the largest J
  int max_evaluations = 6000;   ///< budget of J(t) evaluations over all starts
};

struct GumbelFamilyUncertainty {
  double compliance_per_GPa = 0.0;  ///< 1 sigma of dJ
  double ln_tau0 = 0.0;             ///< 1 sigma of ln tau0
  double ln_mean_tau = 0.0;         ///< 1 sigma of ln(mean tau)
  double shape = 0.0;               ///< 1 sigma of B
};

struct CreepSpectrumFit {
  GumbelCreepSpectrum spectrum;
  double instant_uncertainty_per_GPa = 0.0;
  std::vector<GumbelFamilyUncertainty> uncertainty;  ///< per family, as in spectrum.families
  std::vector<double> fitted_per_GPa;                ///< J of the fit at the curve's times
  double chi_squared = 0.0;         ///< sum of ((fit - J) / sigma)^2 (sigma = 1 if unweighted; sigma |J| if relative)
  double variance_factor = 1.0;     ///< s^2 = chi^2 / (m - p) in the covariance s^2 (J^T J)^-1
  double rms_residual_per_GPa = 0.0;
  int evaluations = 0, starts = 0;
  std::string status;               ///< the Levenberg-Marquardt stop reason of the best start
};

/// Fits `curve` (checked first). Deterministic: same input, same result.
CreepSpectrumFit fit_creep_spectrum(const CreepCurve& curve, const CreepFitOptions& options, const std::string& where);

/// The fit as JSON: form, instant_compliance_per_GPa, families [{compliance_per_GPa, tau0_s,
/// mean_tau_s, log_mean_tau_s, shape_B, uncertainties}] (increasing tau0), chi_squared, status...
/// (`creep-fit`'s creep_fit.json and the creep step's `gumbel_fit`).
nlohmann::json creep_spectrum_json(const CreepSpectrumFit& fit);

/// CSV of the curve and the fit: time_s, J_per_GPa, J_fit_per_GPa, J_family<i>_per_GPa (each
/// family's part dJ_i phi_i(t), families in increasing tau0).
std::string creep_spectrum_csv(const CreepCurve& curve, const CreepSpectrumFit& fit);

}  // namespace glassland::model
