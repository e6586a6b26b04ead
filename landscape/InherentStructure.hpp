#pragma once
// Inherent structures: the local minimum a configuration drains to under steepest-descent-like
// relaxation (FIRE or CG), and the test whether two minima are the same.
// Units: the objective's (energy, length).
#include <string>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Minimizer.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct QuenchOptions {
  std::string minimizer = "fire";
  double fmax = 1e-6;          ///< energy/length
  long max_iterations = 20000;
  double max_step = 0.1;       ///< length
  double timestep = 0.05;      ///< FIRE initial step (see MinimizerOptions)
  int block_size = 3;          ///< coordinates per atom
};

struct QuenchResult {
  Eigen::VectorXd position;    ///< coordinates of the minimum (length)
  double energy = 0.0;         ///< energy
  md::MinimizerResult minimizer;
};

/// Relaxes `start` to its local minimum. Throws InputError("quench", ...) if the minimizer
/// does not converge (an unconverged "minimum" would corrupt catalogs silently).
QuenchResult quench(md::Objective& objective, const Eigen::VectorXd& start, const QuenchOptions& options);

/// When two minima count as the same.
struct SameMinimumTolerance {
  double energy = 1e-6;        ///< |E_a - E_b| <= energy (energy)
  double displacement = 0.1;   ///< largest atomic displacement under minimum image (length)
};

/// True when energies agree within tolerance.energy and no atom moved more than
/// tolerance.displacement between the two (periodic minimum image through `space`).
bool same_minimum(const ConfigurationSpace& space, const Eigen::VectorXd& a, double energy_a,
                  const Eigen::VectorXd& b, double energy_b, const SameMinimumTolerance& tolerance);

}  // namespace glassland::landscape
