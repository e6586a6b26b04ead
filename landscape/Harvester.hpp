#pragma once
// Harvesting local structural excitations from MD (the catalog's source of events):
// run MD at temperature T; every `quench_every` steps quench a copy; when the inherent
// structure changes, bisect between the snapshots stored since the last quench until each
// change joins two adjacent minima; NEB each change (split at intermediate minima), refine
// and check the saddle, compute prefactors, and add minima and saddles to a Catalog.
// Pairs of minima already analysed (flickers back and forth) are not NEB'd again.
//
// Dynamics use `md_potential` (e.g. plain truncated LJ); every landscape operation (quench,
// NEB, Hessian) uses `landscape_potential` (a smooth variant, so saddles converge tightly).
// Units: the system's (md/Units.hpp); temperature in its temperature unit.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "landscape/Catalog.hpp"
#include "landscape/EventAnalysis.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/PairPotential.hpp"
#include "md/System.hpp"

namespace glassland::landscape {

struct HarvestOptions {
  double temperature = 0.4;
  long steps = 10000;              ///< MD steps
  std::uint64_t seed = 1;
  std::string ensemble = "nvt-langevin";
  double timestep = 0.005;         ///< time
  double damping = 1.0;            ///< thermostat damping time (time)
  long quench_every = 200;         ///< M: MD steps between quenches
  int snapshots_per_interval = 8;  ///< snapshots stored between quenches (bisection depth)
  double skin = 0.3;               ///< neighbour skin (length)
  int max_events = 1000000;        ///< stop after this many elementary events were added
  double store_tolerance = 1e-4;   ///< atoms closer than this to the parent are not stored (length)
  EventAnalysisOptions analysis;
  /// Resuming: the MD continues after this step (steps counts from 0 as before). The thermostat
  /// noise of a resumed run is seeded from (seed, first_step): statistically the same
  /// dynamics, not the bit-identical continuation of the interrupted run.
  long first_step = 0;
  /// Every `checkpoint_every` MD steps (at the next quench; 0 = never) and at the end,
  /// `checkpoint(step, md_state, catalog)` is called so the caller can save the run.
  long checkpoint_every = 0;
  std::function<void(long step, const md::System& md_state, const Catalog& catalog)> checkpoint;
  /// Throws InputError naming the field (as a command-line option).
  void validate() const;
};

struct HarvestReport {
  long md_steps = 0;
  long quenches = 0;
  long transitions = 0;           ///< inherent-structure changes between adjacent snapshots
  long flickers_skipped = 0;      ///< changes between pairs already analysed
  long events_added = 0;          ///< elementary saddles added to the catalog
  long events_rejected = 0;       ///< NEB not converged or saddle not first order
  long rejected_unconverged = 0;  ///< of which: band not converged within its budget
  long rejected_not_first_order = 0;  ///< of which: refined saddle has != 1 negative curvature
  long rejected_prefactor = 0;    ///< of which: no Vineyard prefactor (local Hessian lacks the mode)
  long rejected_degenerate = 0;   ///< of which: ends are one minimum, or saddle below an end
  long intermediate_minima = 0;
  long landscape_force_calls = 0; ///< quench + NEB + Hessian force calls
  double cpu_seconds = 0.0;
};

class Harvester {
public:
  Harvester(md::System system, md::PairPotential md_potential, md::PairPotential landscape_potential,
            HarvestOptions options);
  /// Runs the MD and fills `catalog` (its provenance is left to the caller). Progress on stderr.
  /// When resuming, `catalog` is the checkpointed one: its minima are known (not re-added) and
  /// pairs joined by its saddles count as analysed.
  HarvestReport run(Catalog& catalog);

private:
  struct KnownMinimum {
    MinimumId id;
    Eigen::VectorXd x;
    double energy;
  };
  struct Snapshot {
    long step;
    Eigen::VectorXd x;
  };

  MinimumId quench_and_identify(const Eigen::VectorXd& x, long step, MinimumId parent, Catalog& catalog);
  MinimumId identify(const Eigen::VectorXd& x, double energy, long step, MinimumId parent, Catalog& catalog);
  void resolve(const std::vector<Snapshot>& snapshots, std::size_t lo, MinimumId id_lo, std::size_t hi,
               MinimumId id_hi, Catalog& catalog);
  void analyse(MinimumId a, MinimumId b, long step, Catalog& catalog);
  const KnownMinimum& known(MinimumId id) const;
  MinimumId add_minimum(const Eigen::VectorXd& x, double energy, MinimumId parent, long step, Catalog& catalog);
  void adopt(const Catalog& catalog);

  md::System system_;
  md::PairPotential md_potential_, landscape_potential_;
  HarvestOptions options_;
  HarvestReport report_;
  std::vector<KnownMinimum> minima_;
  std::vector<std::pair<MinimumId, MinimumId>> analysed_pairs_;
  ConfigurationSpace space_;
  std::unique_ptr<ObjectivePool> pool_;  // landscape potential, one member per NEB image
};

/// Structural fingerprint of a minimum: hash of its energy (1e-6) and coordinates wrapped
/// into the box and rounded to 1e-3 length units.
std::string minimum_fingerprint(const md::Box& box, const Eigen::VectorXd& x, double energy);

}  // namespace glassland::landscape
