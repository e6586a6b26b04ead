#include "landscape/Vineyard.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <utility>
#include <vector>

#include <Eigen/Eigenvalues>

#include "landscape/DenseCholesky.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/Tridiagonal.hpp"
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

/// Lanczos over products matrix * v (a dense or a sparse matrix).
template <class Matrix>
double lanczos_lowest(const Matrix& matrix, double residual_tolerance, int max_iterations,
                      const Eigen::VectorXd& start, Eigen::VectorXd* vector = nullptr) {
  const Eigen::Index n = matrix.rows();
  const int kmax = static_cast<int>(std::min<Eigen::Index>(n, max_iterations));
  Eigen::MatrixXd q(n, kmax + 1);
  // A fixed, generic start (no seed needed: the result must not depend on one).
  for (Eigen::Index i = 0; i < n; ++i) q(i, 0) = 1.0 + 0.5 * std::sin(0.7 * static_cast<double>(i) + 0.3);
  q.col(0).normalize();
  // A guess dominates, the generic part keeps every mode in reach.
  if (start.size() == n && start.norm() > 0.0) q.col(0) = (start.normalized() + 0.1 * q.col(0)).normalized();
  std::vector<double> alpha, beta;
  Eigen::VectorXd w(n);
  for (int k = 0; k < kmax; ++k) {
    w.noalias() = matrix * q.col(k);
    alpha.push_back(q.col(k).dot(w));
    // Full reorthogonalization, twice (Kahan's "twice is enough").
    for (int pass = 0; pass < 2; ++pass) w -= q.leftCols(k + 1) * (q.leftCols(k + 1).transpose() * w);
    const double b = w.norm();
    if (k % 5 == 4 || k + 1 == kmax || b == 0.0) {
      // The Ritz problem (k <= 300), solved by the helper LowestModes shares.
      const auto ritz = tridiagonal_eigen(Eigen::Map<const Eigen::VectorXd>(alpha.data(), k + 1),
                                          Eigen::Map<const Eigen::VectorXd>(beta.data(), k));
      const double residual = b * std::abs(ritz.eigenvectors()(k, 0));  // |A y - theta y|
      if (residual <= residual_tolerance) {
        if (vector != nullptr) *vector = (q.leftCols(k + 1) * ritz.eigenvectors().col(0)).normalized();
        return ritz.eigenvalues()[0];
      }
    }
    if (b == 0.0) break;
    beta.push_back(b);
    q.col(k + 1) = w / b;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

double lowest_eigenvalue(const Eigen::MatrixXd& matrix, double residual_tolerance, int max_iterations,
                         const Eigen::VectorXd& start) {
  return lanczos_lowest(matrix, residual_tolerance, max_iterations, start);
}

double lowest_eigenvalue(const SparseHessian& matrix, double residual_tolerance, int max_iterations,
                         const Eigen::VectorXd& start) {
  return lanczos_lowest(matrix, residual_tolerance, max_iterations, start);
}

SaddleFactorization factorize_saddle(const SparseHessian& hessian, const Eigen::VectorXd& masses, int zero_modes,
                                     double mvv_to_energy, double negative_tolerance,
                                     const Eigen::VectorXd& unstable_guess) {
  SaddleFactorization f;
  const Eigen::Index n = hessian.rows();
  if (masses.size() != n || hessian.cols() != n || (zero_modes != 0 && zero_modes != 3) || n <= zero_modes ||
      (zero_modes == 3 && n % 3 != 0))
    return f;
  const Eigen::VectorXd weights = (masses * mvv_to_energy).cwiseSqrt(), scale = weights.cwiseInverse();
  // lambda_0 to ~1e-12 relative: its residual r bounds the error by r^2 / gap. Products of the
  // sparse W cost ~nnz, not n^2. In mass-weighted coordinates a displacement dx is M^1/2 dx.
  const SparseHessian w = scale.asDiagonal() * hessian * scale.asDiagonal();
  const Eigen::VectorXd start =
      unstable_guess.size() == n ? Eigen::VectorXd(unstable_guess.cwiseProduct(weights)) : Eigen::VectorXd();
  Eigen::VectorXd y;
  f.unstable = lanczos_lowest(w, 1e-9 * w.diagonal().cwiseAbs().maxCoeff(), 300, start, &y);
  if (f.unstable < -negative_tolerance) {
    // B = W_KK + c y_K y_K^T, c = 2|lambda_0|: for v over K (zero on R) write v = a y + u, u _|_ y;
    // then v^T B v = a^2 |lambda_0| + u^T W u > 0 (W >= 0 on y's complement, u no translation),
    // so B is positive definite and one Cholesky factorization gives both the inertia and the
    // determinant: det W_KK = det B (1 - c y_K^T B^-1 y_K) (matrix determinant lemma), negative
    // exactly when W_KK has one negative eigenvalue, since B - c y_K y_K^T has at most one.
    const HeldAtom held = held_atom(scale, zero_modes);
    Eigen::MatrixXd b = reduced_dense(hessian, scale, held.atom, zero_modes == 3);
    Eigen::VectorXd z(b.rows());
    for (Eigen::Index k = 0, j = 0; k < n; ++k)
      if (k / 3 != held.atom) z[j++] = y[k];
    const double c = -2.0 * f.unstable;
    b.selfadjointView<Eigen::Lower>().rankUpdate(z, c);
    const bool factorized = cholesky_in_place(b);  // reads the lower triangle only
    const Eigen::VectorXd diagonal = b.diagonal();
    if (factorized && (diagonal.array() > 0.0).all() && diagonal.minCoeff() * diagonal.minCoeff() > negative_tolerance) {
      // s = det W_KK / det B, ~-1 when y_K is close to W_KK's unstable mode; its rounding is
      // ~cond(B) eps absolute, so a tiny |s| is left to the LDLT below. z^T B^-1 z = |L^-1 z|^2.
      const double s = 1.0 - c * b.triangularView<Eigen::Lower>().solve(z).squaredNorm();
      if (s < -1e-2) {
        f.conclusive = true;
        f.negative = 1;
        f.log_abs_pdet = 2.0 * diagonal.array().log().sum() + std::log(-s) - held.log_minor;
        return f;
      }
    }
  }
  // No unstable mode (a region that cuts it, a minimum) or an inconclusive shortcut: the inertia
  // of an LDLT factorization.
  const ReducedFactorization r = reduced_factorization(hessian, scale, zero_modes, false);
  f.conclusive = r.factorized && r.smallest_pivot > negative_tolerance;
  f.negative = r.negative;
  f.log_abs_pdet = r.log_abs_pdet;
  return f;
}

std::pair<double, double> vineyard_prefactor_pair(const SparseHessian& hessian_minimum,
                                                  const SparseHessian& hessian_product,
                                                  const SparseHessian& hessian_saddle, const Eigen::VectorXd& masses,
                                                  int zero_modes, double mvv_to_energy, double negative_tolerance,
                                                  const Eigen::VectorXd& unstable_guess) {
  return vineyard_prefactor_pair(
      hessian_minimum, hessian_product, hessian_saddle,
      factorize_saddle(hessian_saddle, masses, zero_modes, mvv_to_energy, negative_tolerance, unstable_guess), masses,
      zero_modes, mvv_to_energy, negative_tolerance);
}

std::pair<double, double> vineyard_prefactor_pair(const SparseHessian& hessian_minimum,
                                                  const SparseHessian& hessian_product,
                                                  const SparseHessian& hessian_saddle, const SaddleFactorization& saddle,
                                                  const Eigen::VectorXd& masses, int zero_modes, double mvv_to_energy,
                                                  double negative_tolerance) {
  const auto by_spectra = [&] {
    const Eigen::MatrixXd dense_saddle(hessian_saddle);
    return std::pair{vineyard_prefactor(Eigen::MatrixXd(hessian_minimum), dense_saddle, masses, zero_modes,
                                        mvv_to_energy, negative_tolerance)
                         .prefactor,
                     vineyard_prefactor(Eigen::MatrixXd(hessian_product), dense_saddle, masses, zero_modes,
                                        mvv_to_energy, negative_tolerance)
                         .prefactor};
  };
  if (hessian_minimum.rows() != masses.size() || hessian_product.rows() != masses.size() ||
      hessian_saddle.rows() != masses.size() || (zero_modes != 0 && zero_modes != 3))
    return by_spectra();
  if (!saddle.conclusive || saddle.negative != 1 || !(saddle.unstable < -negative_tolerance)) return by_spectra();
  // det' W of both minima by Cholesky, which also proves they have no negative mode.
  const Eigen::VectorXd inverse_sqrt = (masses * mvv_to_energy).cwiseSqrt().cwiseInverse();
  const ReducedFactorization forward = reduced_factorization(hessian_minimum, inverse_sqrt, zero_modes, true);
  const ReducedFactorization backward = reduced_factorization(hessian_product, inverse_sqrt, zero_modes, true);
  if (!forward.factorized || !backward.factorized) return by_spectra();
  return vineyard_from_factorizations(forward.log_abs_pdet, backward.log_abs_pdet, saddle);
}

std::pair<double, double> vineyard_from_factorizations(double log_pdet_minimum, double log_pdet_product,
                                                       const SaddleFactorization& saddle) {
  const double log_two_pi = std::log(2.0 * std::numbers::pi);
  const double common = 0.5 * (std::log(-saddle.unstable) - saddle.log_abs_pdet) - log_two_pi;
  return {std::exp(0.5 * log_pdet_minimum + common), std::exp(0.5 * log_pdet_product + common)};
}

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
