#pragma once
// Splits a transition between two minima into elementary ones (each crossing one saddle):
// NEB the pair; if the relaxed energy profile dips into a local minimum, quench the dip, and
// if that is a new minimum, NEB each half separately (recursively). Units: the objective's.
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "landscape/InherentStructure.hpp"
#include "landscape/NudgedElasticBand.hpp"

namespace glassland::landscape {

struct ElementaryOptions {
  NebOptions neb;
  QuenchOptions quench;
  SameMinimumTolerance same;
  double profile_depth = 1e-3;  ///< a dip counts when this much below both sides (energy)
  int max_depth = 4;            ///< recursion limit on splitting
};

struct ElementaryTransition {
  Eigen::VectorXd initial, final;   ///< minima joined by this saddle (final is continuous with
                                    ///< initial, i.e. unwrapped through the path)
  double energy_initial = 0.0, energy_final = 0.0;
  NebResult neb;
};

struct ElementaryResult {
  std::vector<ElementaryTransition> transitions;  ///< in path order from initial to final
  long force_calls = 0;                           ///< NEBs plus quenches
  bool converged = true;                          ///< every NEB converged
  int intermediate_minima = 0;                    ///< minima found inside the original path
};

/// Same with one objective per NEB image (see NudgedElasticBand); quenches use the first.
ElementaryResult find_elementary_transitions(const std::vector<md::Objective*>& objectives,
                                             const ConfigurationSpace& space, const Eigen::VectorXd& initial,
                                             double energy_initial, const Eigen::VectorXd& final,
                                             double energy_final, const ElementaryOptions& options);

/// `initial` and `final` must be minima of `objective` with the given energies.
ElementaryResult find_elementary_transitions(md::Objective& objective, const ConfigurationSpace& space,
                                             const Eigen::VectorXd& initial, double energy_initial,
                                             const Eigen::VectorXd& final, double energy_final,
                                             const ElementaryOptions& options);

}  // namespace glassland::landscape
