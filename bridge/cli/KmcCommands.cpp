// `glassland kmc`: replays a catalog with rejection-free kMC under a temperature and stress
// protocol; `glassland catalog ...` (CatalogCommands.cpp) imports, merges and inspects catalogs.
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "bridge/cli/CatalogCommands.hpp"
#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "bridge/cli/ThermalSchedule.hpp"
#include "kmc/Ensemble.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/Units.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace glassland::bridge {

namespace {

struct KmcOptions {
  std::string catalog;
  long long start = 0;
  ThermalFlags thermal;
  std::string stress, bias_law = "linear", times, checkpoint, csv;
  long long target = -1;
  bool has_target = false;
  std::size_t runs = 1;
  std::uint64_t seed = 0;
  bool json = false, no_superbasins = false, quiet = false;
  int threads = 0;
  double checkpoint_seconds = 30.0;
  std::uint64_t max_events = 1000000000ULL;
};

std::vector<double> parse_times(const std::string& text) {
  std::vector<double> times = parse_number_list("--times", text);
  for (double t : times)
    if (t < 0.0) throw InputError("--times", "'" + std::to_string(t) + "' is not a finite time >= 0");
  return times;
}

std::string signature(const KmcOptions& o) {
  std::ostringstream s;
  s << o.catalog << '|' << o.start << '|' << o.thermal.temperature << '|' << o.thermal.schedule << '|' << o.thermal.ramp << '|' << o.stress
    << '|' << o.bias_law << '|' << o.times << '|' << o.runs << '|' << o.seed << '|' << o.target << '|'
    << o.no_superbasins << '|' << o.max_events;
  if (o.thermal.unit != "kT") s << '|' << o.thermal.unit;  // kT keeps older checkpoints valid
  return s.str();
}

void write_csv(const std::string& path, const nlohmann::json& summary) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "time,energy_mean,energy_stderr,strain_mean,strain_stderr\n";
    for (std::size_t i = 0; i < summary["times"].size(); ++i)
      out << summary["times"][i].get<double>() << ',' << summary["energy"][i]["mean"].get<double>() << ','
          << summary["energy"][i]["stderr"].get<double>() << ',' << summary["strain"][i]["mean"].get<double>() << ','
          << summary["strain"][i]["stderr"].get<double>() << '\n';
  });
}

void print_text(const nlohmann::json& s) {
  std::cout << "runs " << s["runs"] << ", events " << s["events"] << ", wall " << s["wall_seconds"] << " s\n";
  for (std::size_t i = 0; i < s["times"].size(); ++i)
    std::cout << "t = " << s["times"][i] << ": energy " << s["energy"][i]["mean"] << " +- "
              << s["energy"][i]["stderr"] << ", occupancy " << s["occupancy"][i].dump() << '\n';
  if (s.contains("mfpt")) std::cout << "mfpt " << s["mfpt"] << " +- " << s["mfpt_stderr"] << '\n';
}

void run_kmc(const KmcOptions& o) {
  const landscape::Catalog catalog = landscape::load_catalog(o.catalog);
  const kmc::RateNetwork network = kmc::RateNetwork::from_catalog(catalog);
  const kmc::StressProtocol stress = o.stress.empty() ? kmc::StressProtocol{} : kmc::StressProtocol::parse(o.stress, "--stress");
  const kmc::RateModel model(network, thermal_schedule(o.thermal, catalog.provenance().units), stress, kmc::parse_bias_law(o.bias_law, "--bias-law"));
  std::unique_ptr<kmc::ConstantRates> rates;
  if (model.homogeneous()) rates = std::make_unique<kmc::ConstantRates>(model);
  kmc::EnsembleSpec spec;
  spec.start = network.require_state(o.start, "--start");
  spec.times = parse_times(o.times);
  spec.runs = o.runs;
  // Every run's record is kept until the summary: refuse up front what cannot fit in memory.
  const double record_bytes = sizeof(std::optional<kmc::RunRecord>) +
                              static_cast<double>(spec.times.size()) * (sizeof(kmc::StateIndex) + 2 * sizeof(double));
  require_memory("--runs", static_cast<double>(o.runs) * record_bytes, "the records of " + std::to_string(o.runs) + " runs");
  spec.seed = o.seed;
  if (o.has_target) spec.target = network.require_state(o.target, "--target");
  spec.walker.superbasins = !o.no_superbasins;
  spec.max_events_per_run = o.max_events;
  spec.checkpoint_path = o.checkpoint;
  spec.checkpoint_seconds = o.checkpoint_seconds;
  spec.signature = signature(o);
  spec.progress = !o.quiet;
#ifdef _OPENMP
  if (o.threads > 0) omp_set_num_threads(o.threads);
#endif
  const kmc::EnsembleResult result = kmc::run_ensemble(model, rates.get(), spec);
  const nlohmann::json summary = kmc::summarize(network, spec, result);
  if (!o.csv.empty()) write_csv(o.csv, summary);
  if (o.json) print_json(summary);
  else print_text(summary);
}

}  // namespace

void register_kmc_commands(CLI::App& app) {
  register_catalog_commands(app);
  auto options = std::make_shared<KmcOptions>();
  CLI::App* cmd = app.add_subcommand("kmc", "Replay a catalog with kinetic Monte Carlo (BKL) under a protocol");
  cmd->add_option("--catalog", options->catalog, "catalog file (.glcat)")->required();
  cmd->add_option("--start", options->start, "id of the start minimum")->required();
  cmd->add_option("--temperature", options->thermal.temperature, "constant thermal energy kT (energy unit)");
  cmd->add_option("--ramp", options->thermal.ramp, "linear ramp kT_start,kT_end,rate (kT per time unit) from t = 0");
  cmd->add_option("--schedule", options->thermal.schedule, "piecewise-linear schedule file: 'time kT' per line");
  cmd->add_option("--temperature-unit", options->thermal.unit,
                  "unit of --temperature/--ramp/--schedule values: kT (energy unit, default) or K (metal catalogs)");
  cmd->add_option("--times", options->times, "observation times t1,t2,... (time unit)")->required();
  cmd->add_option("--runs", options->runs, "independent runs")->required();
  cmd->add_option("--seed", options->seed, "random seed")->required();
  cmd->add_option("--target", options->target, "record first-passage times to this minimum id");
  cmd->add_option("--stress", options->stress, "shear stress: constant:S, step:S@T, sine:A@F[+M] (energy/volume)");
  cmd->add_option("--bias-law", options->bias_law, "barrier tilt: linear | three-halves");
  cmd->add_option("--checkpoint", options->checkpoint, "save finished runs here; resume from it if present");
  cmd->add_option("--checkpoint-seconds", options->checkpoint_seconds, "wall seconds between checkpoints")
      ->check(non_negative());
  cmd->add_option("--csv", options->csv, "write mean energy and strain per time as CSV");
  cmd->add_option("--threads", options->threads, "OpenMP threads (default: all)")
      ->check(non_negative());
  cmd->add_option("--max-events", options->max_events, "cap on transitions per run (a run that needs more to reach its last time is refused; a target search stops there)")
      ->check(positive());
  cmd->add_flag("--no-superbasins", options->no_superbasins, "disable automatic flicker acceleration");
  cmd->add_flag("--quiet", options->quiet, "no progress lines on stderr");
  cmd->add_flag("--json", options->json, "print one JSON object");
  cmd->callback([options, cmd] {
    options->has_target = cmd->count("--target") > 0;
    run_kmc(*options);
  });
}

}  // namespace glassland::bridge
