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

PrefactorResult event_prefactors(md::Objective& objective, const Surface& surface, const Eigen::VectorXd& minimum,
                                 const Eigen::VectorXd& saddle, double saddle_energy, const Eigen::VectorXd& mode,
                                 const Eigen::VectorXd& product, const PrefactorOptions& options) {
  PrefactorResult result;
  result.saddle = saddle;
  result.saddle_energy = saddle_energy;
  if (options.constant > 0.0) {
    result.valid = true;
    result.forward = result.backward = options.constant;
    return result;
  }
  const long before = objective.evaluations();
  const landscape::SaddleRefinementResult refined =
      landscape::refine_saddle(objective, surface.space, saddle, mode, options.refinement);
  result.saddle = refined.position;
  result.saddle_energy = refined.energy;
  if (!refined.first_order) {
    result.failure = "not first order on the Hessian (" + std::to_string(refined.negative_modes) + " negative modes)";
  } else {
    const int block = surface.space.block_size();
    const double step = options.refinement.hessian_step;
    const Eigen::MatrixXd h_min = landscape::finite_difference_hessian(objective, minimum, refined.atoms, step, block);
    const Eigen::MatrixXd h_product =
        landscape::finite_difference_hessian(objective, product, refined.atoms, step, block);
    const int zero = refined.atoms.empty() ? options.refinement.zero_modes : 0;
    const Eigen::VectorXd m = coordinate_masses(refined.atoms, surface);
    try {
      result.forward =
          landscape::vineyard_prefactor(h_min, refined.hessian, m, zero, surface.mvv_to_energy).prefactor;
      result.backward =
          landscape::vineyard_prefactor(h_product, refined.hessian, m, zero, surface.mvv_to_energy).prefactor;
      result.valid = true;
    } catch (const InputError& e) {
      // A soft mode at a minimum, or a local saddle Hessian without the unstable mode.
      result.failure = e.what();
    }
  }
  result.force_calls = objective.evaluations() - before;
  return result;
}

}  // namespace glassland::bridge
