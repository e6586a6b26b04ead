// `glassland pipeline`: the default job, MD -> catalog -> kMC -> laboratory scale, on a built-in
// example. Each stage is an ordinary subcommand run in-process with the arguments a user would
// type, so the pipeline adds no second implementation of any stage and every stage's outputs are
// the ones documented for that command:
//   1-quench/    glassland quench            Wahnström glass by a linear quench, E(T), Tg, plot
//   2-harvest/   glassland harvest           MD-driven harvesting of minima and saddles
//                glassland catalog info      barrier statistics of the catalog
//   3-kmc/       glassland kmc               replay of the catalog under a cooling ramp
//   4-model/     glassland landscape-model   DSC scan of the landscape model calibrated from it
//   5-akmc/      glassland akmc              the glass aged by on-the-fly kMC far beyond the MD
//                                            window; E_IS against log time (aging.png)
// Units: LJ reduced units for stages 1-3 (kT in ε, time in σ·sqrt(m/ε)); laboratory units in 4.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "bridge/SharedFiles.hpp"
#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {

struct PipelineOptions {
  std::string out = "out/demo";
  std::size_t natoms = 500;
  std::uint64_t seed = 1;
  double harvest_temperature = 0.4;
  long harvest_steps = 3000;
  long harvest_max_events = 8;
  std::size_t kmc_runs = 100;
  long akmc_events = 400;
  double akmc_wall = 90.0;
  bool quick = false;
};

/// Runs one subcommand in-process; if `stdout_file` is given, what it prints is saved there.
void run_stage(const std::vector<std::string>& args, const std::string& stdout_file = "") {
  std::cerr << "pipeline: glassland";
  for (const auto& a : args) std::cerr << ' ' << a;
  std::cerr << std::endl;
  CLI::App app{"glassland"};
  app.require_subcommand(1);
  register_all_commands(app);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 wants argv in reverse
  std::ostringstream captured;
  std::streambuf* original = std::cout.rdbuf();
  if (!stdout_file.empty()) std::cout.rdbuf(captured.rdbuf());
  try {
    app.parse(reversed);
  } catch (...) {
    std::cout.rdbuf(original);
    throw;
  }
  std::cout.rdbuf(original);
  if (!stdout_file.empty()) {
    write_file_atomically(stdout_file, [&](std::ostream& o) { o << captured.str(); });
    std::cout << captured.str();
  }
}

struct HarvestSummary {
  landscape::MinimumId lowest = 0;  ///< lowest-energy minimum: where the kMC replay starts
  std::size_t saddles = 0;
};

HarvestSummary summarize_harvest(const std::string& catalog_path) {
  const landscape::Catalog catalog = landscape::load_catalog(catalog_path);
  if (catalog.minimum_count() == 0) throw InputError(catalog_path, "the harvest found no minima");
  std::size_t best = 0;
  for (std::size_t i = 1; i < catalog.minimum_count(); ++i)
    if (catalog.minimum_at(i).energy < catalog.minimum_at(best).energy) best = i;
  return {catalog.minimum_at(best).id, catalog.saddle_count()};
}

/// Model file for stage 4: the example La-based glass with its β spectra from our catalog.
void write_model_file(const std::string& path, const std::string& catalog_path) {
  const std::string example = shared_file("examples/model/la_glass_catalog.toml");
  std::ifstream in(example);
  if (!in) throw InputError(example, "cannot read the example model");
  std::stringstream text;
  text << in.rdbuf();
  std::string toml = text.str();
  const std::string key = "file = \"hand_catalog_spectra.json\"";
  const auto at = toml.find(key);
  if (at == std::string::npos) throw InputError(example, "no [catalog] file key to point at the harvest");
  toml.replace(at, key.size(), "file = \"" + std::filesystem::absolute(catalog_path).string() + "\"");
  write_file_atomically(path, [&](std::ostream& o) { o << toml; });
}

/// E_IS along the harvest MD (time = MD step x dt of the harvest, 0.005 τ), for the aging plot.
void write_md_window(const std::string& path, const std::string& catalog_path, double dt) {
  const landscape::Catalog catalog = landscape::load_catalog(catalog_path);
  std::vector<std::pair<double, double>> points;
  for (std::size_t i = 0; i < catalog.minimum_count(); ++i) {
    const landscape::Minimum& m = catalog.minimum_at(i);
    if (m.found.md_step >= 0) points.emplace_back(static_cast<double>(m.found.md_step) * dt, m.energy);
  }
  std::sort(points.begin(), points.end());
  write_file_atomically(path, [&](std::ostream& out) {
    out << "time,energy\n";
    for (const auto& [t, e] : points) out << fmt::format("{},{}\n", t, e);
  });
}

/// Stage 5: age the quenched glass by on-the-fly kMC at the harvest temperature for a bounded
/// number of events (and wall time), then plot E_IS against log time with the MD window.
void run_akmc_stage(const PipelineOptions& o, const std::string& glass, const std::string& catalog,
                    const std::string& dir) {
  std::filesystem::remove_all(dir);  // the pipeline's own output: a rerun replaces it
  run_stage({"akmc", "--data", glass, "--potential", "wahnstrom-sf", "--temperature",
             fmt::format("{}", o.harvest_temperature), "--time-max", "1e12", "--events-max",
             std::to_string(o.quick ? std::min(o.akmc_events, 10L) : o.akmc_events), "--wall-max",
             fmt::format("{}", o.quick ? std::min(o.akmc_wall, 60.0) : o.akmc_wall), "--seed",
             std::to_string(o.seed), "--fixed-searches", "8", "--quiet", "--out", dir, "--json"});
  write_md_window(dir + "/md_window.csv", catalog, 0.005);
  run_plot_script("tools/plots/plot_akmc_aging.py", {dir + "/md_window.csv", dir + "/trajectory.csv",
                                                      dir + "/summary.json", std::to_string(o.natoms),
                                                      dir + "/aging.png"});
}

// Every option is checked before the first stage folder exists: a stage that refuses its
// arguments half-way through would leave empty folders behind.
void validate(const PipelineOptions& o) {
  // The quench box (V/N = 0.767) must be twice Wahnström's 2.5 sigma cutoff wide: > 162.9 atoms.
  if (o.natoms < 163) throw InputError("--natoms", "must be >= 163 (the box must be twice the cutoff wide)");
  require_memory("--natoms", 1024.0 * static_cast<double>(o.natoms), std::to_string(o.natoms) + " atoms");
  if (!(o.harvest_temperature > 0.05) || !std::isfinite(o.harvest_temperature))
    throw InputError("--harvest-temperature", "must be finite and above the replay's end kT = 0.05");
  if (o.harvest_steps < 1) throw InputError("--harvest-steps", "must be >= 1");
  if (o.harvest_max_events < 1) throw InputError("--harvest-max-events", "must be >= 1");
  if (o.kmc_runs < 1) throw InputError("--kmc-runs", "must be >= 1");
  if (o.akmc_events < 1) throw InputError("--akmc-events", "must be >= 1");
  require_positive("--akmc-wall", o.akmc_wall);
  if (o.out.empty()) throw InputError("--out", "must name a folder");
}

void run_pipeline(const PipelineOptions& o) {
  validate(o);
  const auto started = std::chrono::steady_clock::now();
  const std::string seed = std::to_string(o.seed);
  const std::string quench = o.out + "/1-quench", harvest = o.out + "/2-harvest", kmc = o.out + "/3-kmc",
                    model = o.out + "/4-model", akmc = o.out + "/5-akmc";
  for (const auto& dir : {quench, harvest, kmc, model}) std::filesystem::create_directories(dir);

  std::vector<std::string> quench_args = {"quench", "--out", quench, "--natoms", std::to_string(o.natoms),
                                          "--seed", seed};
  if (o.quick) quench_args.insert(quench_args.end(), {"--rate", "2e-2", "--equilibrate", "5"});
  run_stage(quench_args);

  const std::string catalog = harvest + "/catalog.glcat";
  run_stage({"harvest", "--data", quench + "/glass.data", "--potential", "wahnstrom", "--temperature",
             fmt::format("{}", o.harvest_temperature), "--steps", std::to_string(o.harvest_steps), "--seed", seed,
             "--max-events", std::to_string(o.harvest_max_events), "--out", catalog});
  run_stage({"catalog", "info", catalog, "--json"}, harvest + "/catalog_info.json");

  // Replay: cool the harvested landscape from kT = harvest temperature to 0.05 at 1e-3 ε/τ.
  const HarvestSummary harvested = summarize_harvest(catalog);
  const double ramp_end = (o.harvest_temperature - 0.05) / 1e-3;
  run_stage({"kmc", "--catalog", catalog, "--start", std::to_string(harvested.lowest), "--ramp",
             fmt::format("{},0.05,-1e-3", o.harvest_temperature),
             fmt::format("--times={},{},{},{}", 0.1 * ramp_end, 0.3 * ramp_end, 0.6 * ramp_end, ramp_end),
             "--runs", std::to_string(o.kmc_runs), "--seed", seed, "--csv", kmc + "/kmc_mean.csv", "--json"},
            kmc + "/kmc.json");

  // The model takes its β barrier spectrum from the harvest when there is one to take.
  if (harvested.saddles > 0) {
    write_model_file(model + "/model.toml", catalog);
  } else {
    std::cerr << "pipeline: the harvest found no saddles; the model uses the example's hand-made spectra" << std::endl;
    write_model_file(model + "/model.toml",
                     shared_file("examples/model/hand_catalog_spectra.json"));
  }
  run_stage({"landscape-model", "--model", model + "/model.toml", "--protocol",
             shared_file("examples/model/dsc_cool_reheat.toml"), "--out", model});

  run_akmc_stage(o, quench + "/glass.data", catalog, akmc);

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << fmt::format("pipeline: done in {:.1f} s; results in {}", seconds, o.out) << std::endl;
}

}  // namespace

void register_pipeline_command(CLI::App& app) {
  auto options = std::make_shared<PipelineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "pipeline",
      "Default job: quench a Wahnström glass, harvest a catalog, replay it with kMC, DSC of the model, age it by aKMC");
  cmd->add_option("--out", options->out, "output directory (one folder per stage)");
  cmd->add_option("--natoms", options->natoms, "atoms in the glass");
  cmd->add_option("--seed", options->seed, "seed for every stage");
  cmd->add_option("--harvest-temperature", options->harvest_temperature, "harvest MD temperature (ε/k_B)");
  cmd->add_option("--harvest-steps", options->harvest_steps, "harvest MD steps");
  cmd->add_option("--harvest-max-events", options->harvest_max_events, "stop harvesting after this many saddles");
  cmd->add_option("--kmc-runs", options->kmc_runs, "independent kMC runs");
  cmd->add_option("--akmc-events", options->akmc_events, "on-the-fly kMC events of stage 5");
  cmd->add_option("--akmc-wall", options->akmc_wall, "wall-second cap of stage 5");
  cmd->add_flag("--quick", options->quick, "faster quench (for tests)");
  cmd->callback([options] { run_pipeline(*options); });
}

}  // namespace glassland::bridge
