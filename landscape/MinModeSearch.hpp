#pragma once
// Saddle searches from a minimum by minimum-mode following (ART nouveau: Barkema & Mousseau,
// PRL 77, 4358 (1996); Malek & Mousseau, PRE 62, 7723 (2000); minimum-mode following as in
// the dimer method: Henkelman & Jonsson, JCP 111, 7010 (1999)):
//  1. displace the atoms within `displacement_radius` of a centre atom at random; a short
//     Lanczos at the minimum started on that displacement gives a soft direction near the
//     centre (forward differences from the gradient at the minimum), and the climb starts a
//     `basin_step` along it (initial_lanczos_iterations);
//  2. every iteration: the lowest mode v, tracked by a short Lanczos (LowestModes) started on
//     the previous mode with forward differences from the gradient already computed (or, in
//     the concave region, kept after a 1-call check of its curvature); the first Lanczos
//     starts on the local random displacement, so v stays local;
//  3. perpendicular to v: L-BFGS on the perpendicular force, started from the Exp
//     preconditioner of Packwood et al. (ExpPreconditioner.hpp) for atoms. Along v: in the
//     convex region (curvature >= 0) a fixed push uphill once the perpendicular force is small
//     (leave the basin); in the concave region a Newton step to the ridge, t = (F.v) / c;
//  4. converged when the largest per-atom force is below fmax; first order when
//     check_first_order (FirstOrderCheck.hpp: the lowest mode, then a deflated Lanczos on
//     the rest) shows exactly one negative curvature;
//  5. push +-`push` along the mode and quench both sides: success only when one side is the
//     start minimum (same_minimum, rigid drift removed) and the other a different minimum.
// Units: the objective's (energy, length, energy/length, energy/length^2). Defaults are for
// LJ reduced units (sigma = 1), tuned on the 500-atom Wahnstrom glass (docs/landscape.md).
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "landscape/FirstOrderCheck.hpp"
#include "landscape/InherentStructure.hpp"
#include "landscape/LowestModes.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct MinModeSearchOptions {
  double displacement_radius = 1.5;    ///< atoms within this of the centre atom are displaced (length)
  /// std-dev of each random Cartesian displacement (length). Small: in a dense LJ glass 0.1
  /// already pushes neighbours into each other's cores (start energies of ~100 epsilon).
  double displacement_magnitude = 0.03;
  double fmax = 1e-3;                  ///< saddle when the max per-atom force < fmax (energy/length)
  long max_iterations = 300;           ///< climbing iterations (one gradient call + Lanczos each)
  double max_step = 0.1;               ///< largest per-atom move per iteration (length)
  /// Lanczos settings of the count-2 first-order check of the registry's "neb" search (count
  /// >= 2; Ritz residuals within 10 % of each curvature). The climb uses the same
  /// finite-difference step but its own cap and tolerance below.
  LowestModeOptions lowest{.relative_tolerance = 0.1};
  /// First-order check of the converged climb (FirstOrderCheck.hpp: lowest mode, then the
  /// deflated rest; its negative_tolerance is replaced by the one below).
  FirstOrderCheckOptions check;
  /// Minimizing both ways from the saddle: L-BFGS (md::Lbfgs) needs ~4x fewer force calls
  /// than FIRE to 1e-6 on the Wahnström glass.
  QuenchOptions quench{.minimizer = "lbfgs"};
  SameMinimumTolerance same;           ///< "is this side the start minimum"
  double push = 0.05;                  ///< largest per-atom displacement along +-mode before the quenches (length)
  // --- climb details
  int climb_lanczos_iterations = 20;   ///< Krylov cap of the per-step mode update
  /// Concave region: after a step that moved no atom by more than this, the mode is kept
  /// without a force call (the mode turns by ~ step / bond length; 0: check every step) (length).
  double mode_fixed_step = 0.01;
  /// > 0: start the climb a basin_step along the Ritz vector of this many Lanczos steps at the
  /// minimum started on the random displacement (a soft direction near the centre), instead
  /// of at the displaced (stiff) configuration itself.
  int initial_lanczos_iterations = 16;
  /// Convex region: no Lanczos while the perpendicular force is above basin_relax_force.
  bool skip_relaxing_lanczos = true;
  double climb_lanczos_tolerance = 0.01;  ///< stop when the lowest Ritz value changes by less (fraction)
  double basin_lanczos_tolerance = 1e-3;  ///< the same in the convex region, where the mode decides the way out
  double basin_step = 0.05;            ///< push per iteration out of the convex region (length)
  long max_basin_iterations = 300;     ///< give up (not_converged) after this many convex iterations
  /// Concave region: after the 1-call curvature along the old mode, keep that mode when its
  /// curvature moved by less than this fraction since the last iteration (else a Lanczos).
  double mode_keep_tolerance = 0.01;
  double basin_relax_force = 1.0;      ///< push only when the perpendicular force is below this (energy/length)
  double inverse_curvature = 0.003;    ///< first L-BFGS step scale without preconditioner (length^2/energy)
  int lbfgs_memory = 20;
  /// L-BFGS starts from the Exp preconditioner (ExpPreconditioner.hpp) instead of a scalar
  /// inverse curvature (atoms only; one extra force call per search).
  bool precondition = true;
  double negative_tolerance = 1e-4;    ///< curvatures below -this are negative (energy/length^2)
  double max_energy = 20.0;            ///< give up when E - E_minimum exceeds this (and the random start's) (energy)
  double moved_threshold = 0.3;        ///< atoms moving more than this start -> product are "moved" (length)

  /// Throws InputError naming the field.
  void validate() const;
};

enum class SearchStatus { success, not_converged, not_first_order, not_connected, degenerate, failed_quench };

/// "success", "not_converged", ... (for logs and summaries).
std::string status_name(SearchStatus status);

struct SaddleSearchResult {
  SearchStatus status = SearchStatus::not_converged;
  Eigen::VectorXd saddle;              ///< length (continuous with the start minimum)
  double saddle_energy = 0.0;
  Eigen::VectorXd mode;                ///< unit unstable mode at the saddle, pointing towards the product
  double lowest_curvature = 0.0;       ///< energy/length^2 (negative at a saddle)
  Eigen::VectorXd product;             ///< the minimum on the other side (length)
  double product_energy = 0.0;
  long force_calls = 0;                ///< all force calls of this search incl. check and quenches
  long saddle_force_calls = 0;         ///< of which: climb and first-order check
  /// of which: leaving the basin, from the start (incl. the initial Lanczos) to the first point
  /// of negative curvature (all of the climb if it never got there)
  long basin_force_calls = 0;
  long check_force_calls = 0;          ///< of which: the first-order check (FirstOrderCheck.hpp)
  long mode_force_calls = 0;           ///< of which: lowest-mode tracking during the climb
  double second_curvature = 0.0;       ///< lowest curvature orthogonal to the mode (energy/length^2)
  long iterations = 0;                 ///< climbing iterations
  long basin_iterations = 0;           ///< of which: in the convex region
  std::vector<int> moved_atoms;        ///< atoms displaced > moved_threshold start -> product
};

/// Random start near `centre_atom` (seeded by `seed`), climb, check, connect.
SaddleSearchResult min_mode_search(md::Objective& objective, const ConfigurationSpace& space,
                                   const Eigen::VectorXd& minimum, double minimum_energy, int centre_atom,
                                   std::uint64_t seed, const MinModeSearchOptions& options);

/// Start from a guessed saddle (and optional guessed mode; empty: none), e.g. a recycled or
/// transplanted one: the same climb, check and connection test.
SaddleSearchResult refine_saddle_guess(md::Objective& objective, const ConfigurationSpace& space,
                                       const Eigen::VectorXd& minimum, double minimum_energy,
                                       const Eigen::VectorXd& guess, const Eigen::VectorXd& mode_guess,
                                       std::uint64_t seed, const MinModeSearchOptions& options);

}  // namespace glassland::landscape
