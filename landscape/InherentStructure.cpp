#include "landscape/InherentStructure.hpp"

#include <cmath>

#include "md/Error.hpp"
#include "md/MinimizerRegistry.hpp"

namespace glassland::landscape {

QuenchResult quench(md::Objective& objective, const Eigen::VectorXd& start, const QuenchOptions& options) {
  md::MinimizerOptions o;
  o.fmax = options.fmax;
  o.max_iterations = options.max_iterations;
  o.max_step = options.max_step;
  o.timestep = options.timestep;
  o.block_size = options.block_size;
  QuenchResult result;
  result.position = start;
  result.minimizer = md::make_minimizer(options.minimizer, o)->minimize(objective, result.position);
  result.energy = result.minimizer.value;
  if (!result.minimizer.converged)
    throw InputError("quench", "minimizer '" + options.minimizer + "' did not reach fmax " +
                                   std::to_string(options.fmax) + " in " +
                                   std::to_string(options.max_iterations) + " iterations (max force " +
                                   std::to_string(result.minimizer.max_force) + ")");
  return result;
}

bool same_minimum(const ConfigurationSpace& space, const Eigen::VectorXd& a, double energy_a,
                  const Eigen::VectorXd& b, double energy_b, const SameMinimumTolerance& tolerance) {
  if (a.size() != b.size()) return false;
  if (std::abs(energy_a - energy_b) > tolerance.energy) return false;
  return space.max_displacement(a, b) <= tolerance.displacement;
}

}  // namespace glassland::landscape
