// `glassland akmc --data GLASS.data --potential P --temperature T [--ramp T0,T1,RATE | --schedule FILE]
//                 --time-max TMAX [--events-max N] --seed S --out DIR [--resume] [--json]`:
// on-the-fly (adaptive) kinetic Monte Carlo from a glass (bridge/akmc/, docs/akmc.md). Everything
// is validated, and the start configuration relaxed, before DIR is created; every file in DIR is
// written atomically; only MPI rank 0 writes.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "bridge/cli/ThermalSchedule.hpp"
#include "bridge/akmc/AkmcCheckpoint.hpp"
#include "bridge/akmc/AkmcDefaults.hpp"
#include "bridge/akmc/AkmcOutputs.hpp"
#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/EventTableBuilder.hpp"
#include "bridge/akmc/Ranks.hpp"
#include "glassland/Version.hpp"
#include "kmc/JsonMessage.hpp"
#include "landscape/CatalogFile.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/Threads.hpp"

namespace glassland::bridge {

namespace {

struct AkmcCommandOptions {
  std::string data, potential, out;
  ThermalFlags thermal;
  double time_max = NAN;
  std::uint64_t events_max = UINT64_MAX;
  std::uint64_t seed = 0;
  bool resume = false, json = false, quiet = false;
  int threads = 0;
  double skin = 0.3;
  ExplorationOptions exploration;
  landscape::MinModeSearchOptions search;
  KineticsOptions kinetics;
  std::uint64_t checkpoint_events = 100;
  double checkpoint_seconds = 60.0;
  double wall_max = 0.0;
};

/// The potential for saddle work: refuses one whose force jumps at the cutoff, naming the
/// smooth preset to use instead.
md::PotentialSpec smooth_potential(const std::string& name) {
  md::PotentialSpec spec = md::load_potential(name);
  if (!force_jumps_at_cutoff(spec.pair)) return spec;
  std::string hint = "a force-shifted (lj/sf) potential";
  for (const auto& preset : md::potential_preset_names())
    if (preset == name + "-sf") hint = "'" + preset + "'";
  throw InputError("--potential", fmt::format("'{}' has a force jump at its cutoff (truncated LJ): saddle searches "
                                              "and Hessians need a smooth surface; use {}",
                                              name, hint));
}

/// Options a resumed run must share with the run that wrote the checkpoint (the limits may grow).
nlohmann::json signature(const AkmcCommandOptions& o, std::size_t natoms) {
  const auto& e = o.exploration;
  return {{"data", std::filesystem::absolute(o.data).string()},
          {"potential", o.potential},
          {"natoms", natoms},
          {"temperature", std::isnan(o.thermal.temperature) ? nlohmann::json(nullptr) : nlohmann::json(o.thermal.temperature)},
          {"ramp", o.thermal.ramp},
          {"schedule", o.thermal.schedule},
          {"temperature_unit", o.thermal.unit},
          {"seed", o.seed},
          {"batch", e.batch_size},
          {"min_searches", e.min_searches},
          {"max_searches", e.max_searches},
          {"confidence", e.completeness.confidence},
          {"window", e.completeness.window_kT},
          {"fixed_searches", e.completeness.fixed_searches},
          {"prefactor", e.prefactor.constant},
          {"hessian_radius", e.prefactor.refinement.local_radius},
          {"hessian_fraction", e.prefactor.displacement_fraction},
          {"central_differences", !e.prefactor.forward_differences},
          {"recycle", e.recycle},
          {"topology", e.topology.enabled},
          {"topology_radius", e.topology.transplant.environment.radius},
          {"topology_bond", e.topology.transplant.environment.bond_cutoff},
          {"topology_rmsd", e.topology.transplant.max_rmsd},
          {"topology_max_guesses", e.topology.max_guesses_per_event},
          {"superbasins", o.kinetics.superbasins}};
}

void validate_limits(const AkmcCommandOptions& o) {
  if (!(o.time_max > 0.0) || !std::isfinite(o.time_max)) throw InputError("--time-max", "must be a finite time > 0");
  if (o.events_max < 1) throw InputError("--events-max", "must be >= 1");
  if (o.threads < 0) throw InputError("--threads", "must be >= 0 (0: all)");
  if (!(o.skin > 0.0)) throw InputError("--skin", "must be > 0 (length)");
}

void check_output_dir(const AkmcCommandOptions& o) {
  namespace fs = std::filesystem;
  if (o.resume) {
    if (!fs::exists(o.out + "/checkpoint.akmc")) throw InputError("--resume", "no " + o.out + "/checkpoint.akmc to resume");
  } else if (fs::exists(o.out) && !fs::is_empty(o.out)) {
    throw InputError("--out", "'" + o.out + "' exists and is not empty (use --resume to continue a run there)");
  }
}

void write_outputs(const AkmcCommandOptions& o, const md::System& reference, StateExplorer& explorer, const AkmcRun& run,
                   const nlohmann::json& summary) {
  landscape::save_catalog(o.out + "/catalog.glcat", explorer.catalog());
  write_trajectory_csv(o.out + "/trajectory.csv", run);
  write_minima_dump(o.out + "/minima.dump", reference, explorer, run);
  write_file_atomically(o.out + "/summary.json", [&](std::ostream& out) { out << summary.dump(2) << '\n'; });
}

/// `read()` of a checkpoint's run state; a damaged state (its JSON parsed, its contents not what
/// the run wrote) is a one-line InputError naming the file.
template <class Read>
auto checkpoint_state(const std::string& path, Read read) {
  try {
    return read();
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, "corrupt akmc checkpoint (run state): " + kmc::json_error_text(e));
  } catch (const InputError& e) {
    throw InputError(path, std::string("corrupt akmc checkpoint (run state): ") + e.what());
  }
}

double cpu_seconds_over_ranks(double mine) {
  ByteWriter w;
  w.put(mine);
  double total = 0.0;
  for (const std::string& bytes : Ranks::world().all_gather(w.bytes())) {
    ByteReader r(bytes);
    total += r.get<double>();
  }
  return total;
}

void run_akmc(AkmcCommandOptions o) {
  const Ranks& ranks = Ranks::world();
  set_engine_threads(o.threads > 0 ? o.threads : md::max_threads());
  validate_limits(o);
  const md::PotentialSpec spec = smooth_potential(o.potential);
  md::System system = md::read_lammps_data(o.data, spec.units);
  if (!spec.type_mass.empty()) md::apply_default_masses(system, spec.type_mass);
  const std::string units = md::unit_name(spec.units);
  const md::TemperatureSchedule kT = thermal_schedule(o.thermal, units);
  Kinetics kinetics(kT, o.kinetics);
  o.exploration.seed = o.seed;
  o.exploration.validate();
  o.search.validate();
  check_output_dir(o);
  Surface surface = atomic_surface(system, spec.pair, o.skin);
  landscape::Catalog catalog(landscape::Provenance{o.potential, units, kT.temperature_at(0.0), o.seed, kVersion,
                                                   "glassland akmc"});
  const nlohmann::json sig = signature(o, system.size());
  std::optional<AkmcCheckpoint> resumed;
  const std::string checkpoint_path = o.out + "/checkpoint.akmc";
  if (o.resume) {
    resumed = load_akmc_checkpoint(checkpoint_path);
    if (checkpoint_state(checkpoint_path, [&] { return resumed->state.at("signature"); }) != sig)
      throw InputError("--resume", "the checkpoint in " + o.out + " was written with different options");
    catalog = std::move(resumed->catalog);
  }
  StateExplorer explorer(std::move(surface), min_mode_searcher(o.search), o.exploration, catalog);
  landscape::MinimumId start = 0;
  if (!resumed) {
    const auto [x, energy] =
        relax_start(explorer.surface(), landscape::flat_positions(system), o.search.quench, 1e4, o.data);
    start = explorer.add_state(x, energy, landscape::kNoMinimum);
  } else {
    checkpoint_state(checkpoint_path, [&] { return explorer.restore(resumed->state.at("explorer")); });
  }
  AkmcRun run(explorer, std::move(kinetics), start, o.seed);
  if (resumed) checkpoint_state(checkpoint_path, [&] { return run.restore(resumed->state.at("run")); });
  if (ranks.root()) std::filesystem::create_directories(o.out);
  // Temporaries ("NAME.tmp.PID") a killed run left: the files they would have replaced are intact
  // (a rename never happened), so they are debris; md/AtomicFile removes those of dead processes.
  if (ranks.root() && resumed)
    for (const char* name : {"checkpoint.akmc", "catalog.glcat", "trajectory.csv", "minima.dump", "summary.json"})
      remove_stale_temporaries(o.out + "/" + name);
  const auto checkpoint = [&] {
    if (ranks.root())
      save_akmc_checkpoint(o.out + "/checkpoint.akmc",
                           {{"signature", sig}, {"explorer", explorer.to_json()}, {"run", run.to_json()}},
                           explorer.catalog());
  };
  run.run(AkmcLimits{o.time_max, o.events_max, o.wall_max}, checkpoint, o.checkpoint_events, o.checkpoint_seconds,
          !o.quiet && ranks.root());
  const nlohmann::json summary = summary_json(run, explorer, cpu_seconds_over_ranks(run.cpu_seconds()),
                                              cpu_seconds_over_ranks(run.prefactor_cpu_seconds()));
  if (!ranks.root()) return;
  checkpoint();
  write_outputs(o, system, explorer, run, summary);
  if (o.json) {
    print_json(summary);
  } else {
    std::cout << fmt::format("akmc: {} events to t = {:.6g}, E {:.6f} -> {:.6f}, {} minima, {} saddles, {} searches "
                             "({} successful) -> {}\n",
                             run.rows().size(), run.time(), summary["energy_initial"].get<double>(),
                             summary["energy_final"].get<double>(), explorer.state_count(),
                             explorer.totals().saddles, explorer.totals().searches, explorer.totals().successful, o.out);
  }
}

}  // namespace

void register_akmc_command(CLI::App& app) {
  auto o = std::make_shared<AkmcCommandOptions>();
  o->exploration = akmc_exploration_defaults();
  o->search = akmc_search_defaults();
  CLI::App* cmd = app.add_subcommand("akmc", "On-the-fly kinetic Monte Carlo: search saddles, move, repeat");
  cmd->add_option("--data", o->data, "LAMMPS data file of the start configuration (a glass)")->required();
  cmd->add_option("--potential", o->potential, "smooth potential (preset or TOML), e.g. wahnstrom-sf")->required();
  cmd->add_option("--temperature", o->thermal.temperature, "constant temperature (kT in the energy unit, or K)");
  cmd->add_option("--ramp", o->thermal.ramp, "linear ramp T_start,T_end,rate (temperature per time unit) from t = 0");
  cmd->add_option("--schedule", o->thermal.schedule, "piecewise-linear schedule file: 'time T' per line");
  cmd->add_option("--temperature-unit", o->thermal.unit, "kT (energy unit, default) or K (metal units)");
  cmd->add_option("--time-max", o->time_max, "stop at this simulated time (time unit)")->required();
  cmd->add_option("--events-max", o->events_max, "stop after this many events");
  cmd->add_option("--seed", o->seed, "seed of every random choice")->required();
  cmd->add_option("--out", o->out, "output directory (must not exist unless --resume)")->required();
  cmd->add_flag("--resume", o->resume, "continue the run in --out from its checkpoint");
  cmd->add_flag("--json", o->json, "print summary.json on stdout");
  cmd->add_flag("--quiet", o->quiet, "no progress lines on stderr");
  cmd->add_option("--threads", o->threads, "OpenMP threads per rank (default: all)");
  auto& e = o->exploration;
  cmd->add_option("--batch", e.batch_size, "saddle searches per batch (independent of ranks/threads)")
      ->capture_default_str();
  cmd->add_option("--min-searches", e.min_searches, "searches per state before completeness is judged")
      ->capture_default_str();
  cmd->add_option("--max-searches", e.max_searches, "at most this many searches per state")->capture_default_str();
  cmd->add_option("--confidence", e.completeness.confidence, "completeness confidence to reach")->capture_default_str()
      ->check(open_unit_interval());
  cmd->add_option("--window", e.completeness.window_kT, "thermal window above the lowest barrier (kT)")
      ->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--fixed-searches", e.completeness.fixed_searches,
                  "> 0: exactly this many searches per state instead of the confidence rule")->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--prefactor", e.prefactor.constant, "constant attempt frequency (1/time); 0: Vineyard")
      ->capture_default_str();
  cmd->add_option("--hessian-radius", e.prefactor.refinement.local_radius,
                  "prefactor Hessians: atoms within this of the event's core atoms (length)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--hessian-fraction", e.prefactor.displacement_fraction,
                  "prefactor Hessians: core atoms carry this share of the event's squared displacement, (0, 1]")
      ->capture_default_str();
  cmd->add_flag("!--central-differences", e.prefactor.forward_differences,
                "prefactor Hessians by central differences (6 force calls per atom, step 1e-4) instead of "
                "forward ones (3, step 1e-6)");
  cmd->add_option("--moved", e.moved_threshold, "atoms moving more than this take part in an event (length)")
      ->capture_default_str();
  cmd->add_option("--recycle-radius", e.recycle_radius, "recycle saddles further than this from the moved atoms")
      ->capture_default_str();
  cmd->add_flag("!--no-recycle", e.recycle, "do not recycle the previous state's saddles");
  cmd->add_flag("!--no-topology-reuse", e.topology.enabled,
                "do not transplant events to atoms with the same environment key");
  cmd->add_option("--topology-radius", e.topology.transplant.environment.radius,
                  "environment key radius around an event's centre atom (length)")->capture_default_str();
  cmd->add_option("--topology-bond", e.topology.transplant.environment.bond_cutoff,
                  "environment key bond cutoff (length)")->capture_default_str();
  cmd->add_option("--topology-rmsd", e.topology.transplant.max_rmsd,
                  "largest RMSD of the environment map for a transplanted guess (length)")->capture_default_str();
  cmd->add_option("--topology-max-guesses", e.topology.max_guesses_per_event,
                  "equivalent atoms tried per event")->capture_default_str();
  cmd->add_option("--search-fmax", o->search.fmax, "saddle convergence force (energy/length)")->capture_default_str()
      ->check(positive());
  cmd->add_option("--displacement-radius", o->search.displacement_radius, "initial displacement radius (length)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--displacement", o->search.displacement_magnitude, "initial displacement std-dev (length)")
      ->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--search-iterations", o->search.max_iterations, "climbing iterations per search")
      ->capture_default_str()
      ->check(positive());
  cmd->add_flag("!--no-superbasins", o->kinetics.superbasins, "disable flicker acceleration");
  cmd->add_option("--checkpoint-events", o->checkpoint_events, "checkpoint every this many events (0: never)")
      ->default_val(100);
  cmd->add_option("--checkpoint-seconds", o->checkpoint_seconds, "and every this many wall seconds (0: never)")
      ->default_val(60.0)
      ->check(non_negative());
  cmd->add_option("--wall-max", o->wall_max, "> 0: also stop after this many wall seconds")->default_val(0.0)
      ->check(non_negative());
  cmd->add_option("--skin", o->skin, "neighbour skin (length)")->default_val(0.3);
  cmd->callback([o] {
    if (o->exploration.completeness.fixed_searches > 0)
      o->exploration.min_searches = std::min(o->exploration.min_searches, o->exploration.completeness.fixed_searches);
    run_akmc(*o);
  });
}

}  // namespace glassland::bridge
