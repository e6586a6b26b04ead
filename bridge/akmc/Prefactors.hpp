#pragma once
// Attempt frequencies of one event by harmonic transition-state theory (Vineyard, see
// landscape/Vineyard.hpp): the saddle is refined and checked on a local (or, for small systems,
// full) finite-difference Hessian (landscape/SaddleRefinement.hpp), and the two minima's
// Hessians are taken over the same atoms, so forward and backward prefactors obey detailed
// balance with each other. A constant prefactor skips all of it.
// Units: energy, length, mass; prefactors in 1/time.
#include <string>
#include <vector>

#include <Eigen/Core>

#include "bridge/akmc/Surface.hpp"
#include "landscape/SaddleRefinement.hpp"

namespace glassland::bridge {

struct PrefactorOptions {
  double constant = 0.0;  ///< > 0: this attempt frequency (1/time) both ways, no Hessians
  landscape::SaddleRefinementOptions refinement;  ///< local_radius > 0 for large systems
};

struct PrefactorResult {
  bool valid = false;          ///< first order and both Vineyard products well defined
  std::string failure;         ///< why not, when !valid
  Eigen::VectorXd saddle;      ///< refined saddle (length)
  double saddle_energy = 0.0;
  double forward = 0.0, backward = 0.0;  ///< 1/time
  long force_calls = 0;
};

/// The saddle half of an event's prefactors: the refined saddle, whether it is first order, the
/// atoms of its local Hessian (empty: all) and that Hessian.
struct SaddleHessian {
  bool first_order = false;
  std::string failure;         ///< why not first order
  Eigen::VectorXd saddle;      ///< refined (length)
  double saddle_energy = 0.0;
  std::vector<int> atoms;
  Eigen::MatrixXd hessian;     ///< energy/length^2
  long force_calls = 0;
};

/// Refines and checks the saddle (landscape::refine_saddle); `mode` guesses its unstable mode.
SaddleHessian refine_event_saddle(md::Objective& objective, const Surface& surface, const Eigen::VectorXd& saddle,
                                  double saddle_energy, const Eigen::VectorXd& mode, const PrefactorOptions& options);

/// Vineyard forward and backward prefactors from the saddle's Hessian and the two minima's
/// Hessians over the same atoms (no force calls; force_calls is the saddle's).
PrefactorResult vineyard_pair(const Surface& surface, const SaddleHessian& saddle, const Eigen::MatrixXd& minimum,
                              const Eigen::MatrixXd& product, const PrefactorOptions& options);

/// All of it on one objective, the minima's Hessians computed afresh (the engine takes them
/// from MinimumHessians.hpp instead). `minimum` and `product` are minima continuous with
/// `saddle`; `mode` a guess of its unstable mode (may be empty).
PrefactorResult event_prefactors(md::Objective& objective, const Surface& surface, const Eigen::VectorXd& minimum,
                                 const Eigen::VectorXd& saddle, double saddle_energy, const Eigen::VectorXd& mode,
                                 const Eigen::VectorXd& product, const PrefactorOptions& options);

}  // namespace glassland::bridge
