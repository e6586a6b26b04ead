#pragma once
// The kMC side of a validation from the on-the-fly kMC engine (bridge/akmc), used when no
// catalog is given: the engine's event table of the start minimum (saddle searches until its
// completeness rule is met, Vineyard prefactors) and, for E_IS(t), M aKMC trajectories from
// that minimum at constant kT.
// One StateExplorer serves both, so the start minimum's table is built once; the trajectories
// run one after the other and share the tables (and catalog) the earlier ones built. A state's
// table is built once, at the kT of its first visit, by the same rule as `glassland akmc`
// (docs/akmc.md); saddles found later from neighbouring states only add events. The explorer
// spreads each batch of searches over MPI ranks and threads (bridge/akmc/Distributed.hpp), so
// the tables and trajectories do not depend on either.
// Units: the surface's (energy, length, time); kT in energy.
#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/akmc/EventTableBuilder.hpp"
#include "bridge/akmc/Kinetics.hpp"
#include "bridge/validate/EscapeTable.hpp"

namespace glassland::bridge {

class AkmcSide {
public:
  /// Relaxes `system` on `landscape_pair` (a smooth potential) with `start_quench` (the MD
  /// side's quench, so both sides leave the same minimum) and builds the event table of that
  /// minimum at options.kT (the completeness window is options.exploration.completeness
  /// .window_kT times it; searches minimize with options.search.quench). Throws
  /// InputError(where, ...) for a configuration that cannot be minimized.
  AkmcSide(const md::System& system, const md::PairPotential& landscape_pair, const EventTableOptions& options,
           const landscape::QuenchOptions& start_quench, KineticsOptions kinetics, const std::string& where);
  AkmcSide(const AkmcSide&) = delete;
  AkmcSide& operator=(const AkmcSide&) = delete;

  /// The start minimum (flat positions, energy).
  const MinimumState& start() const { return start_; }
  /// One EscapeEvent per engine event: barrier, forward prefactor, product.
  EscapeTable escape_table() const;
  /// How the table was built and how complete it is (report.json's `event_table`).
  nlohmann::json table_report() const;

  /// E_IS(t) of `runs` aKMC trajectories at constant kT (energy) from the start minimum: the
  /// energy of the state occupied at each grid time (time). Trajectory r draws from
  /// derive_seed(seed, 0, r, 4); `prefactor_scale` multiplies every rate (time runs that much
  /// faster). Not const: the explorer grows.
  std::vector<std::vector<double>> relaxation(double kT, const std::vector<double>& grid, std::size_t runs,
                                              std::uint64_t seed, double prefactor_scale);
  /// Events of every trajectory so far, and states whose table has been built.
  long trajectory_events() const { return trajectory_events_; }
  long tables_built() const { return explorer_->totals().tables; }

private:
  EventTableOptions options_;
  KineticsOptions kinetics_;
  std::unique_ptr<landscape::Catalog> catalog_;   // referenced by the explorer: stable address
  std::unique_ptr<StateExplorer> explorer_;
  landscape::MinimumId start_id_ = landscape::kNoMinimum;
  MinimumState start_;
  long trajectory_events_ = 0;
};

}  // namespace glassland::bridge
