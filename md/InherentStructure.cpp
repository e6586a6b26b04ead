#include "md/InherentStructure.hpp"

#include "md/ForceCompute.hpp"
#include "md/MinimizerRegistry.hpp"
#include "md/SystemObjective.hpp"

namespace glassland::md {

MinimizerOptions inherent_structure_options() {
  MinimizerOptions options;
  options.fmax = 1e-5;
  options.energy_tolerance = 1e-12;
  options.max_iterations = 50000;
  options.timestep = 0.01;
  options.max_step = 0.1;
  return options;
}

InherentStructureResult inherent_structure(const System& system, const PairPotential& pair, double skin,
                                           const MinimizerOptions& options, const std::string& minimizer) {
  InherentStructureResult result;
  result.minimum = system;
  for (auto& v : result.minimum.velocity) v = Vec3::Zero();
  ForceCompute forces(pair, skin);
  SystemObjective objective(result.minimum, forces);
  Eigen::VectorXd x = objective.positions();
  const MinimizerResult run = make_minimizer(minimizer, options)->minimize(objective, x);
  objective.set_positions(x);
  const ForceTotals totals = forces.compute(result.minimum);
  result.energy = totals.energy;
  result.energy_per_atom = system.size() > 0 ? totals.energy / static_cast<double>(system.size()) : 0.0;
  result.converged = run.converged;
  result.iterations = run.iterations;
  result.max_force = run.max_force;
  return result;
}

}  // namespace glassland::md
