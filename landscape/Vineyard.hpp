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
#include <limits>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "landscape/Hessian.hpp"

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

/// Forward (minimum -> saddle) and backward (product -> saddle) prefactors of one saddle, equal to
/// vineyard_prefactor's to rounding but without any eigen-decomposition of a large matrix:
///   nu = (1/2 pi) sqrt(det' W_min |lambda_0| / |det' W_saddle|),
/// W = M^-1/2 H M^-1/2, det' its pseudo-determinant over the complement of the zero modes from a
/// factorization of W without one atom's coordinates (reduced_factorization, Hessian.hpp): a
/// Cholesky one for each minimum (which also proves it has no negative mode), and for the saddle
/// the unstable eigenvalue lambda_0 of the sparse W by Lanczos and one Cholesky factorization
/// that also proves it has exactly one negative mode (factorize_saddle). Whenever a step is
/// inconclusive (a factorization fails, the saddle shows other than one negative mode, a pivot
/// or lambda_0 within negative_tolerance of zero, Lanczos does not converge, zero_modes other
/// than 0 or 3) it returns vineyard_prefactor's results, so it throws exactly when that does.
/// `unstable_guess` (one entry per coordinate, a displacement such as product - minimum) starts
/// the Lanczos; it changes the cost, not the result. zero_modes = 3 requires the translations to
/// be exact null vectors (analytic pair Hessians: rows sum to zero to rounding).
std::pair<double, double> vineyard_prefactor_pair(const SparseHessian& hessian_minimum,
                                                  const SparseHessian& hessian_product,
                                                  const SparseHessian& hessian_saddle, const Eigen::VectorXd& masses,
                                                  int zero_modes, double mvv_to_energy,
                                                  double negative_tolerance = 1e-8,
                                                  const Eigen::VectorXd& unstable_guess = {});

/// What Vineyard needs of a saddle's Hessian, and what decides whether a prefactor region holds
/// the unstable mode: W = M^-1/2 H M^-1/2 (1/time^2).
struct SaddleFactorization {
  bool conclusive = false;  ///< `negative` and log_abs_pdet are proven (else: use the spectrum)
  int negative = 0;         ///< negative eigenvalues of W on the complement of its zero modes
  double log_abs_pdet = 0.0;  ///< log |det' W|
  double unstable = std::numeric_limits<double>::quiet_NaN();  ///< lowest eigenvalue of W (Lanczos; NaN: none)
};

/// The saddle half of vineyard_prefactor_pair: lambda_0 and its mode y by Lanczos on the sparse
/// W, then, when lambda_0 < -negative_tolerance, one Cholesky factorization of
/// W_KK + 2|lambda_0| y_K y_K^T (positive definite exactly when W has one negative eigenvalue;
/// the reduced W_KK of reduced_factorization), whose determinant and the matrix determinant lemma
/// give det W_KK and its sign; otherwise, or when that is inconclusive, reduced_factorization's
/// LDLT (~2.5x the Cholesky's time at n ~ 1,500). Not conclusive when a pivot lies within
/// negative_tolerance of zero or the factorization fails.
SaddleFactorization factorize_saddle(const SparseHessian& hessian, const Eigen::VectorXd& masses, int zero_modes,
                                     double mvv_to_energy, double negative_tolerance,
                                     const Eigen::VectorXd& unstable_guess = {});

/// vineyard_prefactor_pair with the saddle already factorized (by the prefactor region's check).
std::pair<double, double> vineyard_prefactor_pair(const SparseHessian& hessian_minimum,
                                                  const SparseHessian& hessian_product,
                                                  const SparseHessian& hessian_saddle, const SaddleFactorization& saddle,
                                                  const Eigen::VectorXd& masses, int zero_modes, double mvv_to_energy,
                                                  double negative_tolerance = 1e-8);

/// The last step of vineyard_prefactor_pair: forward and backward nu (1/time) from log det' W of
/// both minima (reduced_factorization's Cholesky) and a conclusive saddle factorization with one
/// negative mode.
std::pair<double, double> vineyard_from_factorizations(double log_pdet_minimum, double log_pdet_product,
                                                       const SaddleFactorization& saddle);

/// Lowest eigenvalue of a symmetric matrix by Lanczos with full reorthogonalization from a fixed
/// start vector (`start` mixed into a generic one, when given: a guess of the lowest mode makes
/// it converge in a few iterations); NaN unless its residual falls below residual_tolerance within
/// max_iterations.
double lowest_eigenvalue(const Eigen::MatrixXd& matrix, double residual_tolerance, int max_iterations = 300,
                         const Eigen::VectorXd& start = {});
/// The same with products of a sparse matrix (~nnz work each instead of n^2).
double lowest_eigenvalue(const SparseHessian& matrix, double residual_tolerance, int max_iterations = 300,
                         const Eigen::VectorXd& start = {});

/// Mass-weighted squared angular frequencies omega^2 (1/time^2), ascending.
Eigen::VectorXd squared_angular_frequencies(const Eigen::MatrixXd& hessian, const Eigen::VectorXd& masses,
                                            double mvv_to_energy);

}  // namespace glassland::landscape
