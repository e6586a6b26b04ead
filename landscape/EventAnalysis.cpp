#include "landscape/EventAnalysis.hpp"

#include "landscape/Hessian.hpp"
#include "landscape/Vineyard.hpp"
#include "md/Error.hpp"
#include "md/Minimizer.hpp"
#include "md/Units.hpp"

namespace glassland::landscape {

namespace {

void describe_displacements(const ConfigurationSpace& space, AnalysedEvent& e, double threshold) {
  const Eigen::VectorXd moved = space.atom_displacements(e.final, e.initial);
  for (Eigen::Index a = 0; a < moved.size(); ++a)
    if (moved[a] > threshold) e.atoms.push_back(static_cast<int>(a));
  Eigen::Index most = 0;
  e.max_displacement = moved.size() ? moved.maxCoeff(&most) : 0.0;
  e.total_displacement = moved.norm();
  e.location = e.saddle.segment<3>(3 * most);
  if (e.atoms.empty()) e.atoms.push_back(static_cast<int>(most));
}

/// Unit tangent of the band at its climbing image (central difference of the neighbours).
Eigen::VectorXd climbing_tangent(const ConfigurationSpace& space, const NebResult& neb) {
  const auto i = static_cast<std::size_t>(neb.saddle_image);
  if (i == 0 || i + 1 >= neb.path.size()) return {};
  const Eigen::VectorXd t = space.difference(neb.path[i + 1], neb.path[i - 1]);
  return t.norm() > 0.0 ? Eigen::VectorXd(t.normalized()) : Eigen::VectorXd();
}

Eigen::VectorXd coordinate_masses(const std::vector<int>& moving, const md::System& atoms) {
  const std::vector<Eigen::Index> coordinates = coordinates_of(moving, static_cast<Eigen::Index>(3 * atoms.size()), 3);
  Eigen::VectorXd m(static_cast<Eigen::Index>(coordinates.size()));
  for (std::size_t k = 0; k < coordinates.size(); ++k) m[static_cast<Eigen::Index>(k)] = atoms.mass(static_cast<std::size_t>(coordinates[k] / 3));
  return m;
}

void prefactors(md::Objective& objective, AnalysedEvent& e, const SaddleRefinementResult& refined,
                const md::System& atoms, const EventAnalysisOptions& o, long& calls) {
  if (o.fixed_prefactor > 0.0) {
    e.prefactor_forward = e.prefactor_backward = o.fixed_prefactor;
    return;
  }
  const long before = objective.evaluations();
  const double step = o.refinement.hessian_step;
  const Eigen::MatrixXd h_a = hessian(objective, e.initial, refined.atoms, step);
  const Eigen::MatrixXd h_b = hessian(objective, e.final, refined.atoms, step);
  calls += objective.evaluations() - before;
  const int zero = refined.atoms.empty() ? o.refinement.zero_modes : 0;
  const Eigen::VectorXd m = coordinate_masses(refined.atoms, atoms);
  const double mvv_to_energy = md::unit_constants(atoms.units).mvv_to_energy;
  e.prefactor_forward = vineyard_prefactor(h_a, refined.hessian, m, zero, mvv_to_energy).prefactor;
  e.prefactor_backward = vineyard_prefactor(h_b, refined.hessian, m, zero, mvv_to_energy).prefactor;
}

}  // namespace

EventAnalysisResult analyse_transition(const std::vector<md::Objective*>& objectives, const ConfigurationSpace& space,
                                       const Eigen::VectorXd& initial, double energy_initial,
                                       const Eigen::VectorXd& final, double energy_final,
                                       const md::System& atoms, const EventAnalysisOptions& options) {
  EventAnalysisResult result;
  const ElementaryResult paths =
      find_elementary_transitions(objectives, space, initial, energy_initial, final, energy_final, options.paths);
  result.force_calls = paths.force_calls;
  result.intermediate_minima = paths.intermediate_minima;
  md::Objective& objective = *objectives.front();
  for (const ElementaryTransition& t : paths.transitions) {
    AnalysedEvent e;
    e.initial = t.initial;
    e.final = t.final;
    e.energy_initial = t.energy_initial;
    e.energy_final = t.energy_final;
    e.converged = t.neb.converged;
    e.saddle = t.neb.path[static_cast<std::size_t>(t.neb.saddle_image)];
    e.energy_saddle = t.neb.saddle_energy;
    describe_displacements(space, e, options.moved_threshold);
    const SaddleRefinementResult refined =
        refine_saddle(objective, space, e.saddle, climbing_tangent(space, t.neb), options.refinement);
    result.force_calls += refined.force_calls;
    e.first_order = refined.first_order;
    e.negative_modes = refined.negative_modes;
    e.lowest_curvature = refined.lowest_curvature;
    // Newton accepts only force-reducing steps, so the refined point is never worse.
    e.saddle = refined.position;
    e.energy_saddle = refined.energy;
    if (e.first_order && e.converged) {
      try {
        prefactors(objective, e, refined, atoms, options, result.force_calls);
      } catch (const InputError&) {
        // A minimum with a soft negative mode, or a local saddle Hessian that does not hold the
        // unstable mode: no trustworthy Vineyard prefactor, so not a usable event.
        e.prefactor_failed = true;
      }
    }
    e.environment_key = environment_key(space, e.initial, atoms.type, e.atoms, options.environment).short_form();
    result.events.push_back(std::move(e));
  }
  return result;
}

}  // namespace glassland::landscape
