#pragma once
// Library entry points around the engine: relax a start configuration to its minimum (with a
// clear error for configurations that cannot be minimized), and build the complete event table
// of one minimum of a glass (what `glassland validate` compares with MD).
// Units: the system's (md/Units.hpp); kT in its energy unit.
#include <memory>
#include <string>
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

/// The relaxed start of `system` explored: a catalog, the explorer that fills it (it keeps a
/// reference to the catalog, hence both on the heap) and the start minimum, whose event table
/// has been built at options.kT.
struct ExploredStart {
  std::unique_ptr<landscape::Catalog> catalog;
  std::unique_ptr<StateExplorer> explorer;
  landscape::MinimumId id = landscape::kNoMinimum;
  Eigen::VectorXd x;                    ///< the start minimum (flat positions, length)
  double energy = 0.0;                  ///< its energy
};

/// Relaxes `system` on `pair` with `start_quench` and builds the start minimum's event table;
/// `program` names the catalog's creator. InputError("kT") for a kT that is not finite and
/// > 0, InputError(where, ...) for a configuration that cannot be minimized.
ExploredStart explore_start(const md::System& system, const md::PairPotential& pair, const EventTableOptions& options,
                            const landscape::QuenchOptions& start_quench, const std::string& where,
                            const std::string& program);

/// Relaxes `system` (a smooth potential: InputError otherwise) and builds its event table.
EventTableBuild build_event_table(const md::System& system, const md::PairPotential& pair,
                                  const EventTableOptions& options);

}  // namespace glassland::bridge
