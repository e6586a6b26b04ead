#include "landscape/Vineyard.hpp"

#include <cmath>
#include <numbers>

#include "landscape/Hessian.hpp"
#include "md/Error.hpp"

namespace glassland::landscape {

Eigen::VectorXd squared_angular_frequencies(const Eigen::MatrixXd& hessian, const Eigen::VectorXd& masses,
                                            double mvv_to_energy) {
  const Eigen::VectorXd inverse_sqrt = (masses * mvv_to_energy).cwiseSqrt().cwiseInverse();
  const Eigen::MatrixXd weighted = inverse_sqrt.asDiagonal() * hessian * inverse_sqrt.asDiagonal();
  return curvature_spectrum(weighted, 0, 0.0, false).eigenvalues;
}

namespace {

/// Drops the `zero_modes` values of smallest magnitude; keeps ascending order.
CurvatureSpectrum modes(const Eigen::MatrixXd& hessian, const Eigen::VectorXd& masses, int zero_modes,
                        double mvv_to_energy, double tolerance) {
  const Eigen::VectorXd inverse_sqrt = (masses * mvv_to_energy).cwiseSqrt().cwiseInverse();
  return curvature_spectrum(inverse_sqrt.asDiagonal() * hessian * inverse_sqrt.asDiagonal(), zero_modes, tolerance,
                            false);
}

}  // namespace

VineyardResult vineyard_prefactor(const Eigen::MatrixXd& hessian_minimum, const Eigen::MatrixXd& hessian_saddle,
                                  const Eigen::VectorXd& masses, int zero_modes, double mvv_to_energy,
                                  double negative_tolerance) {
  if (hessian_minimum.rows() != masses.size() || hessian_saddle.rows() != masses.size())
    throw InputError("prefactor", "Hessians and masses differ in size");
  const CurvatureSpectrum at_min = modes(hessian_minimum, masses, zero_modes, mvv_to_energy, negative_tolerance);
  const CurvatureSpectrum at_saddle = modes(hessian_saddle, masses, zero_modes, mvv_to_energy, negative_tolerance);
  if (at_min.negative != 0 || at_min.eigenvalues.size() == 0 || at_min.eigenvalues[0] <= 0.0)
    throw InputError("prefactor", "the minimum has " + std::to_string(at_min.negative) + " non-positive modes");
  if (at_saddle.negative != 1 || (at_saddle.eigenvalues.size() > 1 && at_saddle.eigenvalues[1] <= 0.0))
    throw InputError("prefactor", "the saddle has " + std::to_string(at_saddle.negative) +
                                      " negative modes (a first-order saddle has exactly one)");
  const double two_pi = 2.0 * std::numbers::pi;
  VineyardResult r;
  r.minimum_frequencies = at_min.eigenvalues.cwiseSqrt() / two_pi;
  const Eigen::Index real_modes = at_saddle.eigenvalues.size() - 1;
  r.saddle_frequencies = at_saddle.eigenvalues.tail(real_modes).cwiseSqrt() / two_pi;
  r.imaginary_frequency = std::sqrt(-at_saddle.eigenvalues[0]) / two_pi;
  // Products of hundreds of frequencies overflow: sum logarithms instead.
  const double log_nu = r.minimum_frequencies.array().log().sum() - r.saddle_frequencies.array().log().sum();
  r.prefactor = std::exp(log_nu);
  return r;
}

}  // namespace glassland::landscape
