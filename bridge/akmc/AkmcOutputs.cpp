#include "bridge/akmc/AkmcOutputs.hpp"

#include <fmt/format.h>

#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/Ranks.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/AtomicFile.hpp"
#include "md/DumpWriter.hpp"

namespace glassland::bridge {

void write_trajectory_csv(const std::string& path, const AkmcRun& run) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "event,time,energy,barrier,rate_total,atoms_moved,state,superbasin_exit,kT\n";
    for (const TrajectoryRow& r : run.rows())
      out << fmt::format("{},{},{},{},{},{},{},{},{}\n", r.event, r.time, r.energy, r.barrier, r.rate_total,
                         r.atoms_moved, r.state, r.superbasin_exit ? 1 : 0, r.kT);
  });
}

void write_minima_dump(const std::string& path, const md::System& reference, const StateExplorer& explorer,
                       const AkmcRun& run) {
  md::System frame = reference;
  std::fill(frame.image.begin(), frame.image.end(), md::Image{0, 0, 0});
  write_file_atomically(path, [&](std::ostream& out) {
    landscape::set_flat_positions(frame, explorer.positions(run.start()));
    out << md::format_dump_frame(frame, 0, true);
    for (const TrajectoryRow& r : run.rows()) {
      landscape::set_flat_positions(frame, explorer.positions(r.state));
      out << md::format_dump_frame(frame, static_cast<long>(r.event), true);
    }
  });
}

namespace {

nlohmann::json reuse_json(const ReuseTotals& r) {
  return {{"attempts", r.attempts},
          {"reused_guesses", r.guesses},
          {"force_calls", r.force_calls},
          {"force_calls_saved", r.force_calls_saved}};
}

}  // namespace

nlohmann::json summary_json(const AkmcRun& run, const StateExplorer& explorer, double cpu_seconds,
                            double prefactor_cpu_seconds) {
  const ExplorationTotals& t = explorer.totals();
  const auto& rows = run.rows();
  const double e0 = explorer.energy(run.start());
  std::size_t exits = 0;
  for (const auto& r : rows) exits += r.superbasin_exit ? 1 : 0;
  return {{"events", rows.size()},
          {"simulated_time", run.time()},
          {"energy_initial", e0},
          {"energy_final", rows.empty() ? e0 : rows.back().energy},
          {"searches", t.searches},
          {"searches_successful", t.successful},
          {"search_success_fraction", t.searches ? static_cast<double>(t.successful) / static_cast<double>(t.searches) : 0.0},
          {"force_calls", t.force_calls},
          {"force_calls_per_search_median", median(t.successful_search_calls)},
          {"saddle_force_calls_per_search_median", median(t.successful_saddle_calls)},
          {"search_first_order_fraction",
           t.searches ? static_cast<double>(t.first_order) / static_cast<double>(t.searches) : 0.0},
          {"search_force_calls_by_phase",
           {{"basin", t.phases.basin},
            {"convergence", t.phases.convergence},
            {"check", t.phases.check},
            {"connection", t.phases.connection}}},
          {"prefactor_force_calls", t.prefactor_force_calls},
          {"prefactor_share", t.force_calls ? static_cast<double>(t.prefactor_force_calls) / static_cast<double>(t.force_calls) : 0.0},
          // Analytic Hessians make prefactor_force_calls ~0: their cost is CPU time.
          {"prefactor_cpu_seconds", prefactor_cpu_seconds},
          {"prefactor_cpu_share", cpu_seconds > 0.0 ? prefactor_cpu_seconds / cpu_seconds : 0.0},
          {"saddles_found", t.saddles},
          {"distinct_minima", explorer.state_count()},
          {"states_explored", t.tables},
          {"reuse_attempts", t.reuse_attempts()},
          {"reused_guesses", t.reused_guesses()},
          {"force_calls_saved_by_reuse", t.force_calls_saved()},
          {"reuse", {{"recycled", reuse_json(t.recycled)}, {"topology", reuse_json(t.topology)}}},
          {"superbasin_exits", exits},
          {"wall_seconds", run.wall_seconds()},
          {"cpu_seconds", cpu_seconds},
          {"ranks", Ranks::world().size()},
          {"threads", engine_threads()},
          {"units", explorer.surface().units}};
}

}  // namespace glassland::bridge
