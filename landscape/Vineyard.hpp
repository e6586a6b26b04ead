#pragma once
// Harmonic transition-state theory (Vineyard, J. Phys. Chem. Solids 3, 121 (1957)):
//   k = nu exp(-dE / k_B T),   nu = prod_{i=1}^{n} nu_i(minimum) / prod_{i=1}^{n-1} nu'_i(saddle),
// with nu_i = omega_i / (2 pi) the normal-mode frequencies from the mass-weighted Hessian
// (omega^2 = eigenvalues of M^-1/2 H M^-1/2), the saddle's one imaginary mode left out, and
// `zero_modes` rigid translations dropped at both points (3 for a full periodic Hessian,
// 0 for a local Hessian with fixed surroundings or an analytic surface).
//
// Units: Hessian energy/length^2, masses mass units; with mvv_to_energy (md/Units.hpp) the
// frequencies come out in 1/time of the unit system (1/tau for LJ, 1/ps for metal), and so
// does nu.
#include <vector>

#include <Eigen/Core>

namespace glassland::landscape {

struct VineyardResult {
  double prefactor = 0.0;           ///< nu (1/time)
  Eigen::VectorXd minimum_frequencies;  ///< nu_i at the minimum (1/time), ascending
  Eigen::VectorXd saddle_frequencies;   ///< nu'_i at the saddle, real modes only (1/time)
  double imaginary_frequency = 0.0;     ///< |nu| of the unstable mode (1/time)
};

/// `masses` holds one mass per Hessian coordinate. Throws InputError("prefactor", ...) unless
/// the minimum has no negative and the saddle exactly one negative mode after removing the
/// zero modes (eigenvalues below -negative_tolerance, energy/length^2/mass, count as negative).
VineyardResult vineyard_prefactor(const Eigen::MatrixXd& hessian_minimum, const Eigen::MatrixXd& hessian_saddle,
                                  const Eigen::VectorXd& masses, int zero_modes, double mvv_to_energy,
                                  double negative_tolerance = 1e-8);

/// Mass-weighted squared angular frequencies omega^2 (1/time^2), ascending.
Eigen::VectorXd squared_angular_frequencies(const Eigen::MatrixXd& hessian, const Eigen::VectorXd& masses,
                                            double mvv_to_energy);

}  // namespace glassland::landscape
