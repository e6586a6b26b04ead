#pragma once
// Attempt frequencies of one event by harmonic transition-state theory (Vineyard, see
// landscape/Vineyard.hpp) on local Hessians: the atoms that move in the event and their
// neighbours (PrefactorRegion.hpp, eOn's rule), the rest held fixed, the same atoms at the
// saddle and at both minima, so forward and backward prefactors obey detailed balance with each
// other. The saddle is taken as the search converged and checked it (first order on the whole
// system, landscape/FirstOrderCheck.hpp); its block must show exactly one negative curvature
// too: a region that cuts a delocalized unstable mode shows none (the cut mode is stiffened by
// the fixed surroundings), so the region grows by a shell of `radius` until it shows one, up to
// the whole system. A constant prefactor skips all of it.
// Hessians are analytic when the surface's objective has second derivatives (pair potentials:
// no force calls) and finite differences otherwise (MinimumHessians.hpp); either way their CPU
// time and that of Vineyard's eigenvalues is counted by prefactor_cpu_seconds().
// Units: energy, length, mass; prefactors in 1/time.
#include <string>
#include <vector>

#include <Eigen/Core>

#include "bridge/akmc/Surface.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/SaddleRefinement.hpp"
#include "landscape/Vineyard.hpp"

namespace glassland::bridge {

/// CPU seconds this process has spent on prefactors so far, summed over its threads: the
/// saddles' region Hessians (event_saddle_hessian), the minima's columns (fill_columns) and
/// Vineyard's eigenvalues (vineyard_pair). With analytic Hessians prefactors cost (almost) no
/// force calls, so this is the number that says what they cost.
double prefactor_cpu_seconds();

/// Adds the calling thread's CPU time from construction to destruction to
/// prefactor_cpu_seconds() (a task of run_distributed runs on one thread).
class PrefactorCpuTimer {
public:
  PrefactorCpuTimer();
  ~PrefactorCpuTimer();
  PrefactorCpuTimer(const PrefactorCpuTimer&) = delete;
  PrefactorCpuTimer& operator=(const PrefactorCpuTimer&) = delete;

private:
  double started_;
};

struct PrefactorOptions {
  double constant = 0.0;  ///< > 0: this attempt frequency (1/time) both ways, no Hessians
  /// Core of the region: the atoms that carry this fraction of the event's squared displacement
  /// (PrefactorRegion.hpp), in (0, 1].
  double displacement_fraction = 0.9;
  /// Without analytic Hessians (EAM): columns by forward differences with `forward_step`
  /// (length; 3 force calls per atom) instead of central ones with refinement.hessian_step (6).
  bool forward_differences = true;
  double forward_step = 1e-6;
  double column_step() const { return forward_differences ? forward_step : refinement.hessian_step; }
  /// Used here: local_radius = atoms within this of a core atom join the region (length; 0: the
  /// full Hessian), hessian_step, zero_modes (of a full periodic Hessian), negative_tolerance.
  landscape::SaddleRefinementOptions refinement;
  /// Throws InputError naming the command-line option (--prefactor, --hessian-fraction,
  /// --hessian-radius) or the field.
  void validate() const;
};

struct PrefactorResult {
  bool valid = false;          ///< first order and both Vineyard products well defined
  std::string failure;         ///< why not, when !valid
  Eigen::VectorXd saddle;      ///< length
  double saddle_energy = 0.0;
  double forward = 0.0, backward = 0.0;  ///< 1/time
  long force_calls = 0;
};

/// The saddle half of an event's prefactors: the region and the saddle's Hessian over it.
struct SaddleHessian {
  bool first_order = false;    ///< the region's block has exactly one negative curvature
  std::string failure;         ///< why not
  Eigen::VectorXd saddle;      ///< length
  double saddle_energy = 0.0;
  std::vector<int> atoms;      ///< the region (empty: every atom)
  landscape::SparseHessian hessian;  ///< energy/length^2, coordinates of `atoms`
  int growths = 0;             ///< shells added to reach one negative curvature
  /// product - minimum over the coordinates of `atoms` (length): where Vineyard's Lanczos for the
  /// unstable mode starts (a cost, not a result).
  Eigen::VectorXd unstable_guess;
  /// The region check's factorization of the mass-weighted block (Vineyard reuses it).
  landscape::SaddleFactorization factorization;
  long force_calls = 0;
};

/// The region of the event minimum -> saddle -> product and the saddle's Hessian over it, on a
/// fresh objective of `surface`.
SaddleHessian event_saddle_hessian(const Surface& surface, const Eigen::VectorXd& minimum,
                                   const Eigen::VectorXd& saddle, double saddle_energy,
                                   const Eigen::VectorXd& product, const PrefactorOptions& options);

/// Vineyard forward and backward prefactors from the saddle's Hessian and the two minima's
/// Hessians over the same atoms (no force calls; force_calls is the saddle's).
PrefactorResult vineyard_pair(const Surface& surface, const SaddleHessian& saddle,
                              const landscape::SparseHessian& minimum, const landscape::SparseHessian& product,
                              const PrefactorOptions& options);

class HessianColumns;

/// vineyard_pair with the minima's halves from their columns (HessianColumns::
/// minimum_factorization: once per minimum and region, not once per saddle); the same result.
PrefactorResult vineyard_pair_from_columns(const Surface& surface, const SaddleHessian& saddle,
                                           const HessianColumns& minimum, const HessianColumns& product,
                                           const PrefactorOptions& options);

/// All of it, the minima's Hessians computed afresh (the engine takes them from
/// MinimumHessians.hpp instead). `minimum` and `product` are minima continuous with `saddle`.
PrefactorResult event_prefactors(const Surface& surface, const Eigen::VectorXd& minimum, const Eigen::VectorXd& saddle,
                                 double saddle_energy, const Eigen::VectorXd& product,
                                 const PrefactorOptions& options);

}  // namespace glassland::bridge
