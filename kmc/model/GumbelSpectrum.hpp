#pragma once
// Creep compliance of retardation-time families whose ln(tau) follows a Gumbel distribution
// (study 4's creep analysis, after Zhang et al. 2023; the form is stated in
// docs/landscape-model.md section 9):
//   J(t) = J0 + sum_i dJ_i phi(t; tau0_i, B_i),
//   phi(t; tau0, B) = integral g(z) [1 - exp(-(t / tau0) exp(-z / B))] dz,  g(z) = exp(z - e^z),
// where z = B ln(tau / tau0): ln(tau) is Gumbel (minimum) distributed with mode ln(tau0) and
// scale 1/B, i.e. tau is Weibull distributed, (tau / tau0)^B ~ Exp(1). B (the paper's
// "distribution factor", 0 < B) sets the width: short times creep as (t / tau0)^B, like a
// Kohlrausch exponent; smaller B is a wider spectrum, B -> infinity a single time tau0.
#include <vector>

namespace glassland::model {

/// One family of retardation times.
struct GumbelFamily {
  double compliance_per_GPa = 0.0;  ///< dJ: compliance the family adds once fully retarded
  double tau0_s = 1.0;              ///< Weibull scale of tau (mode of ln tau)
  double shape = 0.5;               ///< B: Weibull shape of tau (1/B = Gumbel scale of ln tau)
  /// Arithmetic mean time tau0 Gamma(1 + 1/B) (the paper's "mean time").
  double mean_tau_s() const;
  /// exp(<ln tau>) = tau0 exp(-gamma_Euler / B).
  double log_mean_tau_s() const;
};

struct GumbelCreepSpectrum {
  double instant_per_GPa = 0.0;  ///< J0: compliance at t = 0+
  std::vector<GumbelFamily> families;
  double compliance_per_GPa(double time_s) const;
};

/// phi(t) and its derivatives with respect to ln(tau0) and ln(B), by the trapezoidal rule in z
/// over [-40, 3.7] (g < 1e-17 outside) with step min(0.2, B/5): the kernel changes on the
/// scale B in z, and the rule converges exponentially for these smooth integrands (against
/// the B = 1 closed form 1 - 2 sqrt(s) K1(2 sqrt(s)), s = t / tau0, the step 0.2 is exact to
/// 1e-15; tests/model checks 1e-12).
struct GumbelRetardation {
  double fraction = 0.0;       ///< phi
  double d_ln_tau0 = 0.0;      ///< d phi / d ln(tau0)
  double d_ln_shape = 0.0;     ///< d phi / d ln(B)
};
GumbelRetardation gumbel_retardation(double time_s, double tau0_s, double shape);

}  // namespace glassland::model
