#include "landscape/FirstOrderCheck.hpp"

#include <cmath>
#include <random>

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
  if (!(check.lowest_curvature < -tol))
    check.negative_modes = check.lowest_curvature > tol ? 0 : -1;
  else if (check.second_curvature < -tol)
    check.negative_modes = 2;
  else
    check.negative_modes = check.second_curvature > tol ? 1 : -1;
  return check;
}

}  // namespace glassland::landscape
