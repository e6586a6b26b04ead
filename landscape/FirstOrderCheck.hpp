#pragma once
// Is a converged stationary point a first-order saddle? Two Lanczos runs on finite-difference
// Hessian-vector products (LowestModes), cheaper than one count-2 Lanczos that has to converge
// the second Ritz pair of a glass's dense low spectrum:
//  1. the lowest mode, started exactly on the climb's mode (usually 2-4 products). Its Ritz
//     value is a Rayleigh quotient, an upper bound of the lowest eigenvalue: theta_1 < -tol
//     proves one negative curvature (up to the finite-difference error);
//  2. the lowest curvature in the complement of that mode (deflated Lanczos), started on a
//     random vector weighted towards the atoms of the mode (where a second unstable direction
//     of a local rearrangement lives) plus a global random part. theta_2 < -tol proves a
//     second negative curvature (span{v_1, y_2} is negative definite); theta_2 > tol is
//     "first order": no negative direction in that Krylov space. Like every Lanczos test (and
//     eOn's and ARTn's, which look at the lowest mode only) this is not a proof for the modes
//     the Krylov space missed; |theta_2| <= tol is undecided and rejected.
// Units: curvature in energy/length^2.
#include <cstdint>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct FirstOrderCheckOptions {
  double step = 1e-4;                  ///< finite-difference displacement (length)
  double negative_tolerance = 1e-4;    ///< curvature below -this is negative, above +this positive (energy/length^2)
  int lowest_iterations = 20;          ///< Krylov cap of run 1
  int second_iterations = 40;          ///< Krylov cap of run 2
  /// Both runs stop when the lowest Ritz value changes by less than this fraction between two
  /// iterations (eOn's rule) or its residual is below max(1e-3, this * |theta|).
  double tolerance = 0.01;
  /// Weight of the global random part of run 2's start against the part on the mode's atoms.
  double global_weight = 0.3;
};

struct FirstOrderCheck {
  int negative_modes = -1;             ///< 0, 1 or 2 (at least two), -1 undecided
  double lowest_curvature = 0.0;       ///< theta_1 (energy/length^2)
  double second_curvature = 0.0;       ///< theta_2 (energy/length^2)
  Eigen::VectorXd mode;                ///< unit lowest mode (sign of the given mode)
  long force_calls = 0;
  bool first_order() const { return negative_modes == 1; }
};

/// Checks x (with its gradient, from which forward differences are taken) starting from the
/// unit `mode` of the climb (empty: a random start). `seed` draws run 2's start.
FirstOrderCheck check_first_order(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x,
                                  const Eigen::VectorXd& gradient, const Eigen::VectorXd& mode, std::uint64_t seed,
                                  const FirstOrderCheckOptions& options);

}  // namespace glassland::landscape
