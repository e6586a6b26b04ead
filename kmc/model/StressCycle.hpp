#pragma once
// Stress-assisted barriers of the landscape model, static or cycle-resolved. A barrier W
// (apparent alpha barrier -RT ln(tau0 k), or a beta barrier) under a uniaxial stress sigma
// becomes W g(sigma) with
//   three-halves (default, study 4):  g = (1 - |sigma|/sigma0)^(3/2)
//   linear (same slope at sigma = 0): g = max(0, 1 - 1.5 |sigma|/sigma0)
// (kmc::biased_barrier with activation volume 1.5 W / sigma0). Under a cyclic stress
// sigma(phi) = sigma_s + sigma_a sin(phi) every rate k = exp(-x g(sigma(phi))) / tau0,
// x = W / RT, changes within each cycle; its time average over one cycle is the phase average
//   <k> = (1/pi) int_{-pi/2}^{pi/2} exp(-x g(sigma_s + sigma_a sin phi)) dphi / tau0
// (sin takes every value twice per cycle, symmetrically about pi/2). It is computed by a
// composite Gauss-Kronrod rule (15 points per panel, Boost.Math), panels doubled until the
// Kronrod-Gauss difference for the stiffest rate of the step is below `tolerance` (relative).
// Units: MPa, dimensionless x.
#include <vector>

#include "kmc/StressProtocol.hpp"

namespace glassland::model {

/// Barrier factor g(sigma) of `law` with stress scale sigma0 (MPa).
double barrier_factor(double stress_MPa, double stress_scale_MPa, kmc::BiasLaw law);

/// Quadrature of the phase average over one load cycle: <f> = sum_j weight[j] f(factor[j]),
/// with factor[j] = g(sigma(phi_j)) and weights summing to 1. A static stress is one node.
struct StressCycleAverage {
  std::vector<double> factor;
  std::vector<double> weight;
  double error_estimate = 0.0;  ///< relative Kronrod-Gauss difference for the stiffest rate
  int panels = 0;

  bool unstressed() const { return factor.size() == 1 && factor[0] == 1.0; }
  /// ln <exp(-x g)> over the cycle, without under/overflow (x = barrier / RT >= 0).
  double log_mean_boltzmann(double x) const;
};

/// Nodes for stress sigma_s + sigma_a sin(phi) (MPa). `stiffest_x` is the largest barrier/RT
/// the nodes will be used for; panels double (up to 4096) until its relative error estimate
/// is below `tolerance`.
StressCycleAverage stress_cycle_average(double static_MPa, double amplitude_MPa, double stress_scale_MPa, kmc::BiasLaw law,
                                        double stiffest_x, double tolerance = 1e-10);

}  // namespace glassland::model
