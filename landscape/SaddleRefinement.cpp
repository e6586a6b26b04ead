#include "landscape/SaddleRefinement.hpp"

#include <Eigen/Eigenvalues>

#include "landscape/Hessian.hpp"
#include "md/Minimizer.hpp"

namespace glassland::landscape {

namespace {

/// Newton step -H^+ g restricted to `coordinates`, ignoring near-zero modes (translations).
Eigen::VectorXd newton_step(const Eigen::MatrixXd& hessian, const Eigen::VectorXd& gradient,
                            const std::vector<Eigen::Index>& coordinates, int zero_modes) {
  const auto n = static_cast<Eigen::Index>(coordinates.size());
  Eigen::VectorXd g(n);
  for (Eigen::Index i = 0; i < n; ++i) g[i] = gradient[coordinates[static_cast<std::size_t>(i)]];
  const CurvatureSpectrum s = curvature_spectrum(hessian, zero_modes, 0.0);
  const Eigen::VectorXd projected = s.eigenvectors.transpose() * g;
  const Eigen::VectorXd local = -s.eigenvectors * projected.cwiseQuotient(s.eigenvalues);
  Eigen::VectorXd step = Eigen::VectorXd::Zero(gradient.size());
  for (Eigen::Index i = 0; i < n; ++i) step[coordinates[static_cast<std::size_t>(i)]] = local[i];
  return step;
}

}  // namespace

SaddleRefinementResult refine_saddle(md::Objective& objective, const ConfigurationSpace& space,
                                     const Eigen::VectorXd& start, const Eigen::VectorXd& centre,
                                     const SaddleRefinementOptions& options) {
  const long before = objective.evaluations();
  SaddleRefinementResult r;
  r.position = start;
  if (options.local_radius > 0.0) r.atoms = atoms_within(space, start, centre, options.local_radius);
  const int zero_modes = options.local_radius > 0.0 ? 0 : options.zero_modes;
  const auto coordinates = coordinates_of(r.atoms, start.size(), space.block_size());
  Eigen::VectorXd gradient(start.size());
  r.energy = objective.value_and_gradient(r.position, gradient);
  r.hessian = finite_difference_hessian(objective, r.position, r.atoms, options.hessian_step, space.block_size());
  for (int k = 0; k < options.newton_steps && md::max_block_norm(gradient, space.block_size()) > options.fmax; ++k) {
    Eigen::VectorXd step = newton_step(r.hessian, gradient, coordinates, zero_modes);
    md::limit_step(step, options.max_step, space.block_size());
    Eigen::VectorXd trial_gradient(start.size());
    const Eigen::VectorXd trial = r.position + step;
    const double trial_energy = objective.value_and_gradient(trial, trial_gradient);
    // Newton on a saddle has no descent test; accept only steps that reduce the force.
    if (md::max_block_norm(trial_gradient, space.block_size()) >= md::max_block_norm(gradient, space.block_size()))
      break;
    r.position = trial;
    r.energy = trial_energy;
    gradient = trial_gradient;
  }
  if (options.newton_steps > 0)
    r.hessian = finite_difference_hessian(objective, r.position, r.atoms, options.hessian_step, space.block_size());
  r.max_force = md::max_block_norm(gradient, space.block_size());
  const CurvatureSpectrum spectrum = curvature_spectrum(r.hessian, zero_modes, options.negative_tolerance);
  r.negative_modes = spectrum.negative;
  r.first_order = spectrum.negative == 1;
  r.lowest_curvature = spectrum.eigenvalues.size() ? spectrum.eigenvalues[0] : 0.0;
  r.force_calls = objective.evaluations() - before;
  return r;
}

}  // namespace glassland::landscape
