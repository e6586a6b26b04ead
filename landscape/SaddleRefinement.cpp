#include "landscape/SaddleRefinement.hpp"

#include <algorithm>

#include <Eigen/Eigenvalues>

#include "landscape/Hessian.hpp"
#include "md/Minimizer.hpp"

namespace glassland::landscape {

namespace {

/// Newton step -H^+ g restricted to `coordinates`, ignoring near-zero modes (translations).
Eigen::VectorXd newton_step(const CurvatureSpectrum& s, const Eigen::VectorXd& gradient,
                            const std::vector<Eigen::Index>& coordinates) {
  const auto n = static_cast<Eigen::Index>(coordinates.size());
  Eigen::VectorXd g(n);
  for (Eigen::Index i = 0; i < n; ++i) g[i] = gradient[coordinates[static_cast<std::size_t>(i)]];
  const Eigen::VectorXd projected = s.eigenvectors.transpose() * g;
  const Eigen::VectorXd local = -s.eigenvectors * projected.cwiseQuotient(s.eigenvalues);
  Eigen::VectorXd step = Eigen::VectorXd::Zero(gradient.size());
  for (Eigen::Index i = 0; i < n; ++i) step[coordinates[static_cast<std::size_t>(i)]] = local[i];
  return step;
}

/// Atoms within `radius` of any atom that carries at least `fraction` of the largest share
/// of the unstable mode.
std::vector<int> mode_region(const ConfigurationSpace& space, const Eigen::VectorXd& x, const Eigen::VectorXd& mode,
                             double fraction, double radius) {
  std::vector<int> region;
  for (int atom : mode_atoms(space, mode, fraction)) {
    const std::vector<int> shell = atoms_within(space, x, x.segment<3>(3 * Eigen::Index{atom}), radius);
    region.insert(region.end(), shell.begin(), shell.end());
  }
  std::sort(region.begin(), region.end());
  region.erase(std::unique(region.begin(), region.end()), region.end());
  return region;
}

/// The atoms of the local Hessian: the region around the mode's atoms grows (smaller share
/// threshold) until the mode cut to the region still has at least half of its curvature —
/// with the surroundings frozen, a cut-off collective mode stiffens and the local Hessian would
/// show no unstable direction at all. Empty (= full Hessian) once the region would hold more
/// than half of the atoms.
std::vector<int> hessian_region(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x,
                                const LowestModes& modes, const SaddleRefinementOptions& o) {
  const std::size_t atoms = static_cast<std::size_t>(space.atoms(x.size()));
  for (double fraction = o.mode_fraction; fraction > 1e-6; fraction *= 0.25) {
    const std::vector<int> region = mode_region(space, x, modes.lowest_mode, fraction, o.local_radius);
    if (2 * region.size() > atoms) break;
    Eigen::VectorXd cut = Eigen::VectorXd::Zero(x.size());
    for (int a : region) cut.segment<3>(3 * Eigen::Index{a}) = modes.lowest_mode.segment<3>(3 * Eigen::Index{a});
    if (curvature_along(objective, x, cut, o.lowest.step) <= 0.5 * modes.curvatures[0]) return region;
  }
  return {};
}

}  // namespace

SaddleRefinementResult refine_saddle(md::Objective& objective, const ConfigurationSpace& space,
                                     const Eigen::VectorXd& start, const Eigen::VectorXd& direction,
                                     const SaddleRefinementOptions& options) {
  const long before = objective.evaluations();
  const bool local = options.local_radius > 0.0;
  SaddleRefinementResult r;
  r.position = start;
  LowestModeOptions lanczos = options.lowest;
  if (local) {
    lanczos.hint = direction;
    const LowestModes modes = lowest_modes(objective, space, start, lanczos);
    if (modes.converged && modes.curvatures[0] >= -options.negative_tolerance) {
      // No unstable direction at all (the band's top is not a saddle): nothing to refine.
      Eigen::VectorXd gradient(start.size());
      r.energy = objective.value_and_gradient(start, gradient);
      r.max_force = md::max_block_norm(gradient, space.block_size());
      r.negative_modes = 0;
      r.lowest_curvature = modes.curvatures[0];
      r.force_calls = objective.evaluations() - before;
      return r;
    }
    r.atoms = hessian_region(objective, space, start, modes, options);
    lanczos.hint = modes.lowest_mode;
  }
  const int zero_modes = r.atoms.empty() ? options.zero_modes : 0;
  const auto coordinates = coordinates_of(r.atoms, start.size(), space.block_size());
  Eigen::VectorXd gradient(start.size());
  r.energy = objective.value_and_gradient(r.position, gradient);
  r.hessian = hessian(objective, r.position, r.atoms, options.hessian_step, space.block_size());
  // The Hessian stays fixed during the Newton steps: decompose it once.
  const CurvatureSpectrum start_spectrum = options.newton_steps > 0 && md::max_block_norm(gradient, space.block_size()) > options.fmax
                                               ? curvature_spectrum(r.hessian, zero_modes, 0.0)
                                               : CurvatureSpectrum{};
  for (int k = 0; k < options.newton_steps && md::max_block_norm(gradient, space.block_size()) > options.fmax; ++k) {
    Eigen::VectorXd step = newton_step(start_spectrum, gradient, coordinates);
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
  if (options.newton_steps > 0 && r.position != start)
    r.hessian = hessian(objective, r.position, r.atoms, options.hessian_step, space.block_size());
  r.max_force = md::max_block_norm(gradient, space.block_size());
  const CurvatureSpectrum spectrum = curvature_spectrum(r.hessian, zero_modes, options.negative_tolerance, false);
  r.local_negative_modes = spectrum.negative;
  r.negative_modes = spectrum.negative;
  r.lowest_curvature = spectrum.eigenvalues.size() ? spectrum.eigenvalues[0] : 0.0;
  if (!r.atoms.empty()) {  // a local Hessian cannot decide for the whole system: Lanczos does
    const LowestModes modes = lowest_modes(objective, space, r.position, lanczos);
    r.negative_modes = negative_mode_count(modes, options.negative_tolerance);
    r.lowest_curvature = modes.curvatures[0];
  }
  r.first_order = r.negative_modes == 1;
  r.force_calls = objective.evaluations() - before;
  return r;
}

}  // namespace glassland::landscape
