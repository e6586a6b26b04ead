// `glassland harvest --data FILE --potential P --temperature T --steps N --seed S --out CATALOG`:
// MD-driven harvesting of minima and saddles into a catalog file (landscape/Harvester.hpp).
// `--trajectories K` runs K independent MD trajectories (seeds from (seed, k)) distributed over
// MPI ranks and threads and merges their catalogs (bridge/HarvestTrajectories.hpp); rank 0
// writes.
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "bridge/cli/OptionNames.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "bridge/HarvestCheckpoint.hpp"
#include "bridge/HarvestDefaults.hpp"
#include "bridge/HarvestTrajectories.hpp"
#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/Ranks.hpp"
#include "glassland/Version.hpp"
#include "landscape/CatalogFile.hpp"
#include "landscape/Harvester.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/Threads.hpp"

namespace glassland::bridge {

namespace {

struct HarvestCommandOptions {
  std::string data, potential, landscape_potential, out;
  landscape::HarvestOptions harvest;
  double hessian_radius = 0.0;  ///< --hessian-radius (default: harvest_command_defaults())
  bool json = false, resume = false;
  int trajectories = 1;  ///< > 1: independent trajectories over ranks and threads, catalogs merged
  int threads = 0;       ///< with trajectories > 1: threads per rank (0: all)
};

/// Options a resumed run must share with the run that wrote the checkpoint.
nlohmann::json checkpoint_signature(const HarvestCommandOptions& o, const std::string& landscape_name,
                                    std::size_t natoms) {
  return {{"potential", o.potential},           {"landscape_potential", landscape_name},
          {"temperature", o.harvest.temperature}, {"seed", o.harvest.seed},
          {"ensemble", o.harvest.ensemble},     {"dt", o.harvest.timestep},
          {"quench_every", o.harvest.quench_every}, {"natoms", natoms}};
}

void run_harvest(HarvestCommandOptions o) {
  o.harvest.validate();  // before any file is read
  const md::PotentialSpec md_spec = md::load_potential(o.potential);
  const std::string landscape_name = o.landscape_potential.empty() ? smooth_variant(o.potential) : o.landscape_potential;
  const md::PotentialSpec landscape_spec = md::load_potential(landscape_name);
  if (landscape_spec.units != md_spec.units) throw InputError("--landscape-potential", "units differ from --potential");
  md::System system = md::read_lammps_data(o.data, md_spec.units);
  if (!md_spec.type_mass.empty()) md::apply_default_masses(system, md_spec.type_mass);
  o.harvest.analysis.refinement.local_radius = o.hessian_radius;
  if (o.trajectories < 1) throw InputError("--trajectories", "must be >= 1");
  if (o.threads < 0) throw InputError("--threads", "must be >= 0 (0: all)");
  if (o.trajectories > 1 && o.resume)
    throw InputError("--resume", "not available with --trajectories > 1 (those runs keep no checkpoint)");
  HarvestCheckpoint checkpoint(o.out, checkpoint_signature(o, landscape_name, system.size()));
  std::optional<landscape::Catalog> resumed_catalog;
  if (o.resume) {
    HarvestCheckpoint::Resumed r = checkpoint.load(md_spec.units);
    if (!md_spec.type_mass.empty()) md::apply_default_masses(r.system, md_spec.type_mass);
    system = std::move(r.system);
    resumed_catalog = std::move(r.catalog);
    o.harvest.first_step = r.step;
    std::cerr << fmt::format("harvest: resuming at step {} with {} minima, {} saddles\n", r.step,
                             resumed_catalog->minimum_count(), resumed_catalog->saddle_count());
  }
  if (o.harvest.checkpoint_every > 0 && o.trajectories == 1)
    o.harvest.checkpoint = [&checkpoint](long step, const md::System& state, const landscape::Catalog& catalog) {
      checkpoint.save(step, state, catalog);
    };
  landscape::Provenance provenance;
  provenance.potential = landscape_name;
  provenance.units = md::unit_name(md_spec.units);
  provenance.temperature = o.harvest.temperature;
  provenance.seed = o.harvest.seed;
  provenance.program_version = kVersion;
  provenance.created_by = "glassland harvest (md potential " + o.potential + ")";
  landscape::Catalog catalog = resumed_catalog ? std::move(*resumed_catalog) : landscape::Catalog(provenance);
  landscape::HarvestReport r;
  std::vector<std::uint64_t> seeds{o.harvest.seed};
  int ranks = 1;
  if (o.trajectories == 1 && o.resume && o.harvest.first_step == o.harvest.steps) {
    // Killed after its last checkpoint but before the catalog was written: the checkpoint's
    // catalog is the run's result.
    std::cerr << "harvest: the checkpoint is at --steps; writing its catalog\n";
  } else if (o.trajectories == 1) {
    landscape::Harvester harvester(std::move(system), md_spec.pair, landscape_spec.pair, o.harvest);
    r = harvester.run(catalog);
  } else {
    set_engine_threads(o.threads > 0 ? o.threads : md::max_threads());
    provenance.created_by += fmt::format(", {} trajectories merged", o.trajectories);
    HarvestTrajectoriesResult merged =
        harvest_trajectories(system, md_spec.pair, landscape_spec.pair, o.harvest, o.trajectories, provenance);
    catalog = std::move(merged.catalog);
    r = merged.report;
    seeds = merged.seeds;
    ranks = Ranks::world().size();
    if (!Ranks::world().root()) return;
  }
  landscape::save_catalog(o.out, catalog);
  const nlohmann::json out{{"n_minima", catalog.minimum_count()},
                           {"n_saddles", catalog.saddle_count()},
                           {"md_steps", r.md_steps},
                           {"first_step", o.harvest.first_step},
                           {"quenches", r.quenches},
                           {"transitions", r.transitions},
                           {"flickers_skipped", r.flickers_skipped},
                           {"events_added", r.events_added},
                           {"events_rejected", r.events_rejected},
                           {"rejected_unconverged", r.rejected_unconverged},
                           {"rejected_not_first_order", r.rejected_not_first_order},
                           {"rejected_prefactor", r.rejected_prefactor},
                           {"rejected_degenerate", r.rejected_degenerate},
                           {"intermediate_minima", r.intermediate_minima},
                           {"landscape_force_calls", r.landscape_force_calls},
                           {"cpu_seconds", r.cpu_seconds},
                           {"landscape_potential", landscape_name},
                           {"trajectories", o.trajectories},
                           {"seeds", seeds},
                           {"ranks", ranks},
                           {"catalog", o.out}};
  if (o.json) {
    print_json(out);
  } else {
    std::cout << fmt::format("harvest: {} minima, {} saddles ({} transitions, {} rejected) in {:.1f} CPU s -> {}\n",
                             catalog.minimum_count(), catalog.saddle_count(), r.transitions, r.events_rejected,
                             r.cpu_seconds, o.out);
  }
}

}  // namespace

void register_harvest_command(CLI::App& app) {
  auto o = std::make_shared<HarvestCommandOptions>();
  CLI::App* cmd = app.add_subcommand("harvest", "Harvest minima and saddles from MD into a catalog");
  register_option_names("harvest", {{"fmax", "--neb-fmax"}, {"max_iterations", "--neb-max-iterations"}});
  auto& h = o->harvest;
  h = harvest_command_defaults();
  o->hessian_radius = h.analysis.refinement.local_radius;
  cmd->add_option("--data", o->data, "LAMMPS data file of the starting configuration (e.g. a quenched glass)")
      ->required();
  cmd->add_option("--potential", o->potential, "potential for the MD (preset or TOML)")->required();
  cmd->add_option("--landscape-potential", o->landscape_potential,
                  "potential for quenches, NEB and Hessians (default: the -sf smooth variant of --potential "
                  "if it is a preset, else --potential)");
  cmd->add_option("--temperature", h.temperature, "MD temperature (temperature unit)")->required();
  cmd->add_option("--steps", h.steps, "MD steps")->required();
  cmd->add_option("--seed", h.seed, "seed of the thermostat noise")->required();
  cmd->add_option("--out", o->out, "catalog file to write (Protocol Buffers)")->required();
  cmd->add_option("--ensemble", h.ensemble, "thermostat: nvt-langevin or nvt-nh")->capture_default_str();
  cmd->add_option("--dt", h.timestep, "MD time step (time)")->capture_default_str();
  cmd->add_option("--damping", h.damping, "thermostat damping time (time)")->capture_default_str()
      ->check(positive());
  cmd->add_option("--quench-every", h.quench_every, "MD steps between quenches")->capture_default_str();
  cmd->add_option("--snapshots", h.snapshots_per_interval, "snapshots stored per quench interval for bisection")
      ->capture_default_str();
  cmd->add_option("--images", h.analysis.paths.neb.images, "NEB interior images")->capture_default_str();
  cmd->add_option("--neb-minimizer", h.analysis.paths.neb.minimizer, "band minimizer (fire falls back on failure)")
      ->capture_default_str();
  cmd->add_option("--neb-max-iterations", h.analysis.paths.neb.max_iterations,
                  "band iterations per minimizer (unconverged events are rejected)")->capture_default_str()
      ->check(positive());
  cmd->add_option("--neb-fmax", h.analysis.paths.neb.fmax, "NEB convergence force (energy/length)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--quench-fmax", h.analysis.paths.quench.fmax, "quench convergence force")->capture_default_str()
      ->check(positive());
  cmd->add_option("--moved", h.analysis.moved_threshold, "atoms moving more than this are involved (length)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--same-displacement", h.analysis.paths.same.displacement,
                  "minima closer than this (max atomic displacement, length) are the same")->capture_default_str()
      ->check(positive());
  cmd->add_option("--same-energy", h.analysis.paths.same.energy, "and within this energy")->capture_default_str()
      ->check(positive());
  cmd->add_option("--hessian-radius", o->hessian_radius, "local Hessian radius around the event (length)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--fixed-prefactor", h.analysis.fixed_prefactor,
                  "use this attempt frequency (1/time) instead of Vineyard's")->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--env-radius", h.analysis.environment.radius, "environment-key radius (length)")->capture_default_str()
      ->check(positive());
  cmd->add_option("--env-bond", h.analysis.environment.bond_cutoff, "environment-key bond cutoff (length)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--max-events", h.max_events, "stop after this many saddles")->capture_default_str()
      ->check(positive());
  cmd->add_option("--skin", h.skin, "neighbour skin (length)")->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--checkpoint-every", h.checkpoint_every,
                  "save MD state and catalog as OUT.checkpoint-* every this many MD steps and at the end (0: never)")
      ->default_val(5000);
  cmd->add_flag("--resume", o->resume,
                "continue from OUT.checkpoint.json (after a kill, or to extend a finished run to more --steps)");
  cmd->add_flag("--json", o->json, "print a JSON summary");
  cmd->add_option("--trajectories", o->trajectories,
                  "independent MD trajectories (seeds from --seed and k) over MPI ranks/threads, catalogs merged")
      ->default_val(1);
  cmd->add_option("--threads", o->threads, "with --trajectories > 1: threads per rank (default: all)")->default_val(0);
  cmd->callback([o] {
    o->harvest.analysis.paths.same.energy = std::max(o->harvest.analysis.paths.same.energy, 0.0);
    run_harvest(*o);
  });
}

}  // namespace glassland::bridge
