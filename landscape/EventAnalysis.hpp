#pragma once
// From a pair of adjacent minima to catalog-ready saddles: NEB (split at intermediate
// minima), saddle refinement on a local Hessian that must show exactly one negative
// curvature, Vineyard prefactors from local Hessians at both minima and the saddle (or a
// fixed attempt frequency), the atoms involved, displacements and the environment key.
// Units: the model's (energy, length, mass); prefactors in 1/time.
#include <vector>

#include <Eigen/Core>

#include "landscape/ElementaryTransitions.hpp"
#include "landscape/EnvironmentKey.hpp"
#include "landscape/SaddleRefinement.hpp"
#include "md/System.hpp"

namespace glassland::landscape {

struct EventAnalysisOptions {
  ElementaryOptions paths;               ///< NEB, quench and same-minimum settings
  SaddleRefinementOptions refinement;    ///< local_radius > 0 recommended for large systems
  EnvironmentKeyOptions environment;
  double moved_threshold = 0.3;          ///< atoms moving more than this are "involved" (length)
  /// > 0: use this attempt frequency (1/time) for both directions instead of Vineyard.
  double fixed_prefactor = 0.0;
};

/// One elementary event between minima `initial` and `final` (flat positions, final made
/// continuous with initial).
struct AnalysedEvent {
  Eigen::VectorXd initial, final, saddle;
  double energy_initial = 0.0, energy_final = 0.0, energy_saddle = 0.0;
  double prefactor_forward = 0.0, prefactor_backward = 0.0;  ///< 1/time
  bool first_order = false;
  int negative_modes = 0;                ///< -1: undecided (Lanczos not converged)
  double lowest_curvature = 0.0;         ///< energy/length^2
  bool prefactor_failed = false;         ///< Vineyard impossible (local Hessian lacks the mode)
  bool converged = false;                ///< NEB converged
  std::vector<int> atoms;                ///< moved more than moved_threshold
  double max_displacement = 0.0, total_displacement = 0.0;
  Eigen::Vector3d location = Eigen::Vector3d::Zero();  ///< position of the most-moving atom at the saddle
  std::string environment_key;
};

struct EventAnalysisResult {
  std::vector<AnalysedEvent> events;  ///< in path order
  long force_calls = 0;
  int intermediate_minima = 0;
};

/// `objectives`: one per NEB image (see ObjectivePool). `atoms` gives the masses, types and unit
/// system of the atoms (positions unused), so Vineyard prefactors come out in 1/(its time unit)
/// with no unit factor for the caller to supply.
EventAnalysisResult analyse_transition(const std::vector<md::Objective*>& objectives, const ConfigurationSpace& space,
                                       const Eigen::VectorXd& initial, double energy_initial,
                                       const Eigen::VectorXd& final, double energy_final,
                                       const md::System& atoms, const EventAnalysisOptions& options);

}  // namespace glassland::landscape
