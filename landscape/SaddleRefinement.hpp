#pragma once
// Refines a climbing-image saddle with Newton steps on a finite-difference (local) Hessian
// and confirms that it is a first-order saddle: exactly one negative curvature among the
// Hessian's modes once the rigid-translation zero modes are removed.
// Units: the objective's (energy, length, energy/length, energy/length^2).
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct SaddleRefinementOptions {
  double hessian_step = 1e-4;   ///< finite-difference displacement (length)
  /// Atoms within this distance (length) of the event centre enter the local Hessian; 0 means
  /// the full Hessian (small systems, analytic surfaces).
  double local_radius = 0.0;
  int zero_modes = 3;           ///< removed from the spectrum (3 for a full periodic Hessian)
  double negative_tolerance = 1e-6;  ///< eigenvalues below -this are negative (energy/length^2)
  int newton_steps = 10;        ///< Newton iterations with the same Hessian (0: check only)
  double fmax = 1e-8;           ///< stop Newton when the max force is below this
  double max_step = 0.05;       ///< largest per-atom Newton move (length)
};

struct SaddleRefinementResult {
  Eigen::VectorXd position;     ///< refined saddle (length)
  double energy = 0.0;
  double max_force = 0.0;       ///< after refinement (energy/length)
  bool first_order = false;     ///< exactly one negative curvature
  int negative_modes = 0;
  double lowest_curvature = 0.0;    ///< most negative eigenvalue (energy/length^2)
  std::vector<int> atoms;       ///< atoms of the Hessian (empty = all)
  Eigen::MatrixXd hessian;      ///< at the refined saddle (coordinates of `atoms`)
  long force_calls = 0;
};

/// `centre` is the event's centre (used only when local_radius > 0).
SaddleRefinementResult refine_saddle(md::Objective& objective, const ConfigurationSpace& space,
                                     const Eigen::VectorXd& start, const Eigen::VectorXd& centre,
                                     const SaddleRefinementOptions& options);

}  // namespace glassland::landscape
