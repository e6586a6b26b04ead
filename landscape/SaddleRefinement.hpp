#pragma once
// Refines a climbing-image saddle with Newton steps on a finite-difference (local) Hessian
// and confirms that it is a first-order saddle: exactly one negative curvature once the
// rigid-translation zero modes are removed.
// Small systems (local_radius = 0): the full Hessian decides. Large systems: the lowest two
// curvatures of the whole system come from Lanczos (LowestModes.hpp) and decide; the local
// Hessian (for Newton steps and Vineyard prefactors) covers every atom within local_radius of
// an atom that carries the unstable mode, so a string-like mode spread over several
// neighbour shells is not cut off.
// Units: the objective's (energy, length, energy/length, energy/length^2).
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "landscape/LowestModes.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct SaddleRefinementOptions {
  double hessian_step = 1e-4;   ///< finite-difference displacement (length)
  /// Atoms within this distance (length) of an atom of the unstable mode enter the local
  /// Hessian; 0 means the full Hessian (small systems, analytic surfaces).
  double local_radius = 0.0;
  /// Atoms whose share of the unstable mode is at least this fraction of the largest share
  /// are the centres of the local Hessian region.
  double mode_fraction = 0.1;
  LowestModeOptions lowest;     ///< Lanczos settings for the global first-order check
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
  int negative_modes = 0;       ///< of the deciding spectrum (-1: Lanczos undecided)
  int local_negative_modes = 0; ///< of the local Hessian (equals negative_modes when full)
  double lowest_curvature = 0.0;    ///< most negative eigenvalue (energy/length^2)
  std::vector<int> atoms;       ///< atoms of the Hessian (empty = all)
  Eigen::MatrixXd hessian;      ///< at the refined saddle (coordinates of `atoms`)
  long force_calls = 0;
};

/// `direction` (may be empty) is a guess of the unstable mode, e.g. the NEB tangent at the
/// climbing image; it speeds up the Lanczos check (used only when local_radius > 0).
SaddleRefinementResult refine_saddle(md::Objective& objective, const ConfigurationSpace& space,
                                     const Eigen::VectorXd& start, const Eigen::VectorXd& direction,
                                     const SaddleRefinementOptions& options);

}  // namespace glassland::landscape
