#include "landscape/FirstOrderCheck.hpp"

#include <cmath>
#include <random>

#include <Eigen/Eigenvalues>

#include "landscape/LowestModes.hpp"

namespace glassland::landscape {

namespace {

/// Random vector whose atom blocks are scaled by that atom's share of `mode` (|v_a| / max |v|).
Eigen::VectorXd random_on_mode_atoms(const ConfigurationSpace& space, const Eigen::VectorXd& mode, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  const int b = space.block_size();
  const Eigen::Index atoms = space.atoms(mode.size());
  Eigen::VectorXd amplitude(atoms);
  for (Eigen::Index a = 0; a < atoms; ++a) amplitude[a] = mode.segment(a * b, b).norm();
  const double largest = atoms > 0 ? amplitude.maxCoeff() : 0.0;
  Eigen::VectorXd v(mode.size());
  for (Eigen::Index a = 0; a < atoms; ++a)
    for (int k = 0; k < b; ++k) v[a * b + k] = normal(rng) * (largest > 0.0 ? amplitude[a] / largest : 1.0);
  return v;
}

/// Forward-difference Hessian products (g(x + h u) - g(x)) / h of unit vectors u.
class HessianProducts {
public:
  HessianProducts(md::Objective& objective, const Eigen::VectorXd& x, const Eigen::VectorXd& gradient, double step)
      : objective_(objective), x_(x), gradient_(gradient), step_(step), shifted_(x.size()) {}
  Eigen::VectorXd operator()(const Eigen::VectorXd& unit) {
    objective_.value_and_gradient(x_ + step_ * unit, shifted_);
    return (shifted_ - gradient_) / step_;
  }

private:
  md::Objective& objective_;
  const Eigen::VectorXd& x_;
  const Eigen::VectorXd& gradient_;
  double step_;
  Eigen::VectorXd shifted_;
};

}  // namespace

FirstOrderCheck check_first_order(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x,
                                  const Eigen::VectorXd& gradient, const Eigen::VectorXd& mode, std::uint64_t seed,
                                  const FirstOrderCheckOptions& o) {
  FirstOrderCheck check;
  LowestModeOptions lanczos;
  lanczos.count = 1;
  lanczos.step = o.step;
  lanczos.gradient = gradient;
  lanczos.relative_tolerance = o.tolerance;
  lanczos.eigenvalue_change_tolerance = o.tolerance;
  lanczos.seed = seed;
  lanczos.metric = o.metric;
  // Run 1: the lowest mode, started exactly on the climb's mode.
  lanczos.max_iterations = o.lowest_iterations;
  lanczos.hint = mode;
  lanczos.random_weight = mode.size() == x.size() ? 0.0 : 1.0;
  const LowestModes first = lowest_modes(objective, space, x, lanczos);
  check.force_calls += first.force_calls;
  check.lowest_curvature = first.curvatures[0];
  check.mode = first.lowest_mode;
  if (mode.size() == x.size() && check.mode.dot(mode) < 0.0) check.mode = -check.mode;
  // Run 2: the rest of the spectrum, started on the mode's atoms.
  lanczos.max_iterations = o.second_iterations;
  lanczos.deflate = check.mode;
  lanczos.hint = random_on_mode_atoms(space, check.mode, seed ^ 0x9E3779B97F4A7C15ULL);
  lanczos.random_weight = o.global_weight;
  lanczos.seed = seed + 1;
  const LowestModes second = lowest_modes(objective, space, x, lanczos);
  check.force_calls += second.force_calls;
  check.second_curvature = second.curvatures[0];
  const double tol = o.negative_tolerance;
  if (o.metric && check.lowest_curvature < -tol && check.second_curvature < -tol) {
    // In a metric run 1 starts further from its eigenvector (the climb's mode converges in the
    // metric, the check's tolerance is loose), and run 2 deflates an inexact y_1: its negative
    // Ritz value can be y_1's own residual. Two negative curvatures are proven only when H is
    // negative definite on span{y_1, y_2}: the 2 x 2 Rayleigh-Ritz problem there (two more
    // products, only in this rare case) decides, and its lowest vector becomes the mode.
    HessianProducts products(objective, x, gradient, o.step);
    Eigen::MatrixXd y(x.size(), 2);
    y.col(0) = check.mode;
    y.col(1) = second.lowest_mode;
    Eigen::MatrixXd hy(x.size(), 2);
    for (int i = 0; i < 2; ++i) hy.col(i) = products(y.col(i));
    check.force_calls += 2;
    Eigen::Matrix2d a = y.transpose() * hy;
    a = 0.5 * (a + a.transpose()).eval();
    const Eigen::Matrix2d b = y.transpose() * y;
    const Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::Matrix2d> ritz(a, b);
    // Euclidean Rayleigh quotients of the two Ritz vectors z = Y c (the curvatures the tolerance
    // is for): z.Hz / z.z with Hz = (HY) c.
    auto rayleigh = [&](const Eigen::Vector2d& c) { return (y * c).dot(hy * c) / (y * c).squaredNorm(); };
    const Eigen::Vector2d c0 = ritz.eigenvectors().col(0), c1 = ritz.eigenvectors().col(1);
    check.lowest_curvature = rayleigh(c0);
    check.second_curvature = rayleigh(c1);
    const Eigen::VectorXd lowest = (y * c0).normalized();
    if (!(ritz.eigenvalues()[1] < 0.0)) {
      check.mode = check.mode.dot(lowest) < 0.0 ? Eigen::VectorXd(-lowest) : lowest;
      check.negative_modes = check.second_curvature > tol ? 1 : -1;
      return check;
    }
  }
  if (!(check.lowest_curvature < -tol))
    check.negative_modes = check.lowest_curvature > tol ? 0 : -1;
  else if (check.second_curvature < -tol)
    check.negative_modes = 2;
  else
    check.negative_modes = check.second_curvature > tol ? 1 : -1;
  return check;
}

}  // namespace glassland::landscape
