#include "bridge/akmc/Prefactors.hpp"

#include "landscape/Hessian.hpp"
#include "landscape/Vineyard.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {

/// One mass per Hessian coordinate of `atoms` (all atoms when empty).
Eigen::VectorXd coordinate_masses(const std::vector<int>& atoms, const Surface& surface) {
  const int block = surface.space.block_size();
  const std::vector<Eigen::Index> coordinates =
      landscape::coordinates_of(atoms, static_cast<Eigen::Index>(block) * surface.atoms(), block);
  Eigen::VectorXd m(static_cast<Eigen::Index>(coordinates.size()));
  for (std::size_t k = 0; k < coordinates.size(); ++k)
    m[static_cast<Eigen::Index>(k)] = surface.masses[static_cast<std::size_t>(coordinates[k] / block)];
  return m;
}

}  // namespace

SaddleHessian refine_event_saddle(md::Objective& objective, const Surface& surface, const Eigen::VectorXd& saddle,
                                  double saddle_energy, const Eigen::VectorXd& mode, const PrefactorOptions& options) {
  SaddleHessian s;
  s.saddle = saddle;
  s.saddle_energy = saddle_energy;
  const long before = objective.evaluations();
  landscape::SaddleRefinementResult refined =
      landscape::refine_saddle(objective, surface.space, saddle, mode, options.refinement);
  s.saddle = std::move(refined.position);
  s.saddle_energy = refined.energy;
  s.first_order = refined.first_order;
  if (!s.first_order)
    s.failure = "not first order on the Hessian (" + std::to_string(refined.negative_modes) + " negative modes)";
  s.atoms = std::move(refined.atoms);
  s.hessian = std::move(refined.hessian);
  s.force_calls = objective.evaluations() - before;
  return s;
}

PrefactorResult vineyard_pair(const Surface& surface, const SaddleHessian& saddle, const Eigen::MatrixXd& minimum,
                              const Eigen::MatrixXd& product, const PrefactorOptions& options) {
  PrefactorResult result;
  result.saddle = saddle.saddle;
  result.saddle_energy = saddle.saddle_energy;
  result.force_calls = saddle.force_calls;
  if (!saddle.first_order) {
    result.failure = saddle.failure;
    return result;
  }
  const int zero = saddle.atoms.empty() ? options.refinement.zero_modes : 0;
  const Eigen::VectorXd m = coordinate_masses(saddle.atoms, surface);
  try {
    result.forward = landscape::vineyard_prefactor(minimum, saddle.hessian, m, zero, surface.mvv_to_energy).prefactor;
    result.backward = landscape::vineyard_prefactor(product, saddle.hessian, m, zero, surface.mvv_to_energy).prefactor;
    result.valid = true;
  } catch (const InputError& e) {
    // A soft mode at a minimum, or a local saddle Hessian without the unstable mode.
    result.failure = e.what();
  }
  return result;
}

PrefactorResult event_prefactors(md::Objective& objective, const Surface& surface, const Eigen::VectorXd& minimum,
                                 const Eigen::VectorXd& saddle, double saddle_energy, const Eigen::VectorXd& mode,
                                 const Eigen::VectorXd& product, const PrefactorOptions& options) {
  if (options.constant > 0.0) {
    PrefactorResult result;
    result.saddle = saddle;
    result.saddle_energy = saddle_energy;
    result.valid = true;
    result.forward = result.backward = options.constant;
    return result;
  }
  const long before = objective.evaluations();
  const SaddleHessian s = refine_event_saddle(objective, surface, saddle, saddle_energy, mode, options);
  Eigen::MatrixXd h_min, h_product;
  if (s.first_order) {
    const int block = surface.space.block_size();
    const double step = options.refinement.hessian_step;
    h_min = landscape::finite_difference_hessian(objective, minimum, s.atoms, step, block);
    h_product = landscape::finite_difference_hessian(objective, product, s.atoms, step, block);
  }
  PrefactorResult result = vineyard_pair(surface, s, h_min, h_product, options);
  result.force_calls = objective.evaluations() - before;
  return result;
}

}  // namespace glassland::bridge
