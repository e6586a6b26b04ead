#include "bridge/validate/AkmcSide.hpp"

#include <algorithm>

#include "bridge/akmc/AkmcRun.hpp"
#include "bridge/validate/EscapeSampler.hpp"

namespace glassland::bridge {

AkmcSide::AkmcSide(const md::System& system, const md::PairPotential& landscape_pair, const EventTableOptions& options,
                   const landscape::QuenchOptions& start_quench, KineticsOptions kinetics, const std::string& where)
    : options_(options), kinetics_(kinetics) {
  // The start minimum's table as build_event_table makes it, keeping the explorer: the
  // relaxation's trajectories start from the table built here.
  ExploredStart start =
      explore_start(system, landscape_pair, options, start_quench, where, "glassland validate (akmc event table)");
  catalog_ = std::move(start.catalog);
  explorer_ = std::move(start.explorer);
  start_id_ = start.id;
  start_ = MinimumState{std::move(start.x), start.energy};
}

EscapeTable AkmcSide::escape_table() const {
  EscapeTable table;
  table.source = "akmc";
  for (const Event& e : explorer_->table(start_id_).events())
    table.events.push_back({e.barrier, e.prefactor_forward, {e.product, e.product_energy}});
  return table;
}

nlohmann::json AkmcSide::table_report() const {
  const EventTable& t = explorer_->table(start_id_);
  const ExplorationOptions& e = options_.exploration;
  const landscape::CompletenessOptions& c = e.completeness;
  return {{"source", "akmc"},
          {"kT", options_.kT},
          {"events", t.events().size()},
          {"lowest_barrier", t.events().empty() ? nlohmann::json(nullptr) : nlohmann::json(t.lowest_barrier())},
          {"window_kT", c.window_kT},
          {"confidence_target", c.confidence},
          {"confidence_reached", t.confidence},
          {"fixed_searches", c.fixed_searches},
          {"min_searches", e.min_searches},
          {"max_searches", e.max_searches},
          {"searches", t.searches},
          {"searches_successful", t.successful},
          {"force_calls", t.force_calls},
          {"prefactor", e.prefactor.constant > 0.0 ? nlohmann::json(e.prefactor.constant) : nlohmann::json("vineyard")},
          {"hessian_radius", e.prefactor.refinement.local_radius},
          {"search_seed", e.seed}};
}

namespace {

/// Energy of the state occupied at each grid time (scaled to the trajectory's clock).
std::vector<double> sample_on_grid(const std::vector<TrajectoryRow>& rows, double start_energy,
                                   const std::vector<double>& grid, double time_scale) {
  std::vector<double> energies;
  energies.reserve(grid.size());
  std::size_t next = 0;
  double energy = start_energy;
  for (double t : grid) {
    while (next < rows.size() && rows[next].time <= t * time_scale) energy = rows[next++].energy;
    energies.push_back(energy);
  }
  return energies;
}

}  // namespace

std::vector<std::vector<double>> AkmcSide::relaxation(double kT, const std::vector<double>& grid, std::size_t runs,
                                                      std::uint64_t seed, double prefactor_scale) {
  std::vector<std::vector<double>> curves;
  const double time_max = grid.empty() ? 0.0 : grid.back() * prefactor_scale;
  for (std::size_t r = 0; r < runs; ++r) {
    Kinetics kinetics(md::TemperatureSchedule({{0.0, kT}}, "relaxation_temperature"), kinetics_);
    AkmcRun run(*explorer_, std::move(kinetics), start_id_, derive_seed(seed, 0, r, 4));
    // The time limit is inclusive: a hop exactly at time_max would not change a grid value.
    run.run(AkmcLimits{time_max, UINT64_MAX, 0.0}, {}, 0, 0.0, false);
    trajectory_events_ += static_cast<long>(run.rows().size());
    curves.push_back(sample_on_grid(run.rows(), start_.energy, grid, prefactor_scale));
  }
  return curves;
}

}  // namespace glassland::bridge
