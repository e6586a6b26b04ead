#pragma once
// Library entry points around the engine: relax a start configuration to its minimum (with a
// clear error for configurations that cannot be minimized), and build the complete event table
// of one minimum of a glass (what `glassland validate` compares with MD).
// Units: the system's (md/Units.hpp); kT in its energy unit.
#include <utility>

#include <Eigen/Core>

#include "bridge/akmc/StateExplorer.hpp"
#include "landscape/MinModeSearch.hpp"
#include "md/PairPotential.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

/// The minimum `x` drains to on `surface` and its energy. Throws InputError(where, ...) when
/// the forces at `x` are not finite or exceed `max_force` (overlapping atoms), or the quench
/// does not converge.
std::pair<Eigen::VectorXd, double> relax_start(const Surface& surface, const Eigen::VectorXd& x,
                                               const landscape::QuenchOptions& quench, double max_force,
                                               const std::string& where);

struct EventTableOptions {
  ExplorationOptions exploration;       ///< batches, completeness, prefactors, identity
  landscape::MinModeSearchOptions search;
  double kT = 0.0;                      ///< thermal energy of the completeness window (energy), > 0
  double skin = 0.3;                    ///< neighbour skin (length)
  double max_start_force = 1e4;         ///< larger initial forces: not a minimizable configuration
};

struct EventTableBuild {
  EventTable table;                     ///< events of the minimum of `system`
  landscape::Catalog catalog;           ///< that minimum, its products and saddles
  ExplorationTotals totals;
};

/// Relaxes `system` (a smooth potential: InputError otherwise) and builds its event table.
EventTableBuild build_event_table(const md::System& system, const md::PairPotential& pair,
                                  const EventTableOptions& options);

}  // namespace glassland::bridge
