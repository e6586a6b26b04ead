// `glassland validate --data GLASS.data --potential P --temperatures T1,T2,... --runs M --seed S
// --out DIR [--relaxation-time TMAX] [--json]`: checks kMC against direct MD (docs/validate.md).
// From the minimum of the configuration, M MD runs per temperature measure escape times and
// destinations (bridge/validate/EscapeSampler); the event table of that minimum gives the kMC
// prediction (bridge/validate/EscapeTable); bridge/validate/EscapeComparison holds the
// statistics. DIR gets report.json and validation.png; nothing is written before every input
// has been checked, and each file is written atomically.
// Temperatures are in the potential's energy unit (kT; ε for LJ) or, with
// --temperature-unit K, in kelvin (metal units only). Times in the model's time unit.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "bridge/cli/MdCommandParts.hpp"
#include "bridge/cli/OptionNames.hpp"
#include "bridge/akmc/AkmcDefaults.hpp"
#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/Ranks.hpp"
#include "bridge/validate/EscapeComparison.hpp"
#include "bridge/validate/ValidationRun.hpp"
#include "md/Error.hpp"
#include "md/MinimizerRegistry.hpp"
#include "md/Threads.hpp"

namespace glassland::bridge {

namespace {

struct ValidateCommandOptions {
  ValidationInputs inputs;
  std::string temperatures;
  std::string temperature_unit = "kT";
  long runs = 0;
  double relaxation_time = NAN;
  int threads = 0;
  bool json = false;
};

/// The aKMC engine's table options, named by this command's flags (the engine's own checks
/// follow for the rest).
void check_engine_options(ValidationInputs& in) {
  ExplorationOptions& e = in.akmc.exploration;
  landscape::CompletenessOptions& c = e.completeness;
  if (!(c.window_kT >= 0.0) || !std::isfinite(c.window_kT)) throw InputError("--table-window", "must be a finite number >= 0 (kT)");
  if (!(c.confidence > 0.0 && c.confidence < 1.0)) throw InputError("--table-confidence", "must be in (0, 1)");
  if (c.fixed_searches < 0) throw InputError("--fixed-searches", "must be >= 0");
  if (c.fixed_searches > 0) e.min_searches = std::min(e.min_searches, c.fixed_searches);
  if (!(e.prefactor.refinement.local_radius >= 0.0))
    throw InputError("--hessian-radius", "must be >= 0 (length; 0: full Hessian)");
  require_positive("--search-fmax", in.akmc.search.fmax);
  e.validate();  // --batch, --min-searches, --max-searches
  in.akmc.search.validate();
}

/// Every check that needs no file: options with their flag names.
void check_options(ValidateCommandOptions& o) {
  ValidationInputs& in = o.inputs;
  for (double t : parse_number_list("--temperatures", o.temperatures)) {
    if (!(t > 0.0)) throw InputError("--temperatures", fmt::format("{} is not > 0", t));
    in.temperatures.push_back(t);
  }
  if (o.runs < 2) throw InputError("--runs", "must be >= 2 (a rate and its interval need two runs)");
  in.runs = static_cast<std::size_t>(o.runs);
  if (o.temperature_unit != "kT" && o.temperature_unit != "K")
    throw InputError("--temperature-unit", "must be kT (in the potential's energy unit) or K (metal units)");
  in.temperatures_in_kelvin = o.temperature_unit == "K";
  if (!std::isnan(o.relaxation_time)) in.relaxation_time = require_positive("--relaxation-time", o.relaxation_time);
  if (!std::isnan(in.relaxation_temperature))
    require_positive("--relaxation-temperature", in.relaxation_temperature);
  const EscapeSamplerOptions& s = in.sampler;
  require_positive("--dt", s.timestep);
  require_positive("--damping", s.damping);
  require_positive("--max-time", s.max_time);
  require_positive("--skin", s.skin);
  require_positive("--same-displacement", s.same.displacement);
  if (s.quench_every < 1) throw InputError("--quench-every", "must be >= 1");
  if (s.snapshots_per_interval < 1 || s.snapshots_per_interval > s.quench_every)
    throw InputError("--snapshots", "must be between 1 and --quench-every");
  const auto minimizers = md::minimizer_names();
  if (std::find(minimizers.begin(), minimizers.end(), s.quench.minimizer) == minimizers.end())
    throw InputError("--quench-minimizer", "unknown minimizer '" + s.quench.minimizer + "'");
  require_positive("--quench-fmax", s.quench.fmax);
  if (s.persist_intervals < 0) throw InputError("--persist", "must be >= 0");
  if (!(s.equilibration_time >= 0.0) || !std::isfinite(s.equilibration_time))
    throw InputError("--equilibrate", "must be a finite time >= 0");
  if (s.ensemble != "nvt-langevin" && s.ensemble != "nvt-nh" && s.ensemble != "nvt")
    throw InputError("--ensemble", "must be nvt-langevin or nvt-nh (escapes need a thermostat)");
  const ComparisonOptions& c = in.comparison;
  if (!(c.confidence > 0.0 && c.confidence < 1.0)) throw InputError("--confidence", "must be in (0, 1)");
  if (!(c.significance > 0.0 && c.significance < 1.0)) throw InputError("--significance", "must be in (0, 1)");
  require_positive("--prefactor-scale", c.prefactor_scale);
  if (!(c.rate_tolerance >= 1.0) || !std::isfinite(c.rate_tolerance)) throw InputError("--rate-tolerance", "must be >= 1");
  if (in.out.empty()) throw InputError("--out", "must name a directory");
  if (in.catalog.empty()) check_engine_options(in);
  set_thread_count(o.threads);
  // The runs (and the engine's searches) go over engine_threads() threads per MPI rank; the
  // main thread's own force loops then run on one thread (bridge/akmc/Distributed.hpp).
  set_engine_threads(md::max_threads());
}

void print_summary(const nlohmann::json& report) {
  std::cout << "validate: T        escapes  rate_md [CI]                       rate_kmc    kMC/MD  KS p    branch p  "
               "unmatched  consistent agree\n";
  for (const auto& e : report["escape"]) {
    auto number = [](const nlohmann::json& v, const char* format) {
      return v.is_null() ? std::string("-") : fmt::format(fmt::runtime(format), v.get<double>());
    };
    std::cout << fmt::format("validate: {:<8.4g} {:>4}/{:<4} {:<10.4g} [{:.3g}, {}]  {:<10.4g}  {:<6}  {:<6}  {:<8}  {:<9}  {:<10} {}\n",
                             e["temperature"].get<double>(), e["escapes_observed"].get<long>(), e["runs"].get<long>(),
                             e["rate_md"].get<double>(), e["rate_md_ci_low"].get<double>(),
                             number(e["rate_md_ci_high"], "{:.3g}"), e["rate_kmc"].get<double>(),
                             number(e["rate_ratio"], "{:.3f}"), number(e["ks_pvalue"], "{:.3f}"),
                             number(e["branching_pvalue"], "{:.3f}"), number(e["unmatched_fraction"], "{:.2f}"),
                             e["consistent"].get<bool>() ? "yes" : "no", e["agreement"].get<bool>() ? "yes" : "NO");
  }
  if (report.contains("relaxation"))
    std::cout << fmt::format("validate: E_IS(t) MD vs kMC: max |z| = {:.2f}\n",
                             report["relaxation"]["max_abs_z"].get<double>());
}

void run_validate_command(ValidateCommandOptions& o) {
  check_options(o);
  const ValidationSetup setup = prepare_validation(o.inputs);  // reads and checks every input file
  const nlohmann::json report = run_validation(setup);
  if (!Ranks::world().root()) return;  // every rank holds the whole report; one writes it
  write_validation_outputs(o.inputs.out, report);
  if (o.json)
    print_json(report);
  else
    print_summary(report);
}

}  // namespace

namespace {

/// Options of the aKMC engine's table (no --catalog) and of the aKMC E_IS(t) trajectories;
/// defaults as in `glassland akmc` (docs/akmc.md).
void add_engine_options(CLI::App& cmd, ValidationInputs& in) {
  ExplorationOptions& e = in.akmc.exploration;
  e = akmc_exploration_defaults();
  cmd.add_option("--table-window", e.completeness.window_kT,
                 "engine table: no event missing within this many kT above the lowest barrier (kT of the "
                 "highest temperature)")->capture_default_str();
  cmd.add_option("--table-confidence", e.completeness.confidence, "engine table: completeness confidence to reach")
      ->capture_default_str();
  cmd.add_option("--min-searches", e.min_searches, "engine table: searches before completeness is judged")
      ->capture_default_str();
  cmd.add_option("--max-searches", e.max_searches, "engine table: at most this many searches")->capture_default_str();
  cmd.add_option("--fixed-searches", e.completeness.fixed_searches,
                 "engine table: > 0: exactly this many searches instead of the confidence rule")->capture_default_str();
  cmd.add_option("--batch", e.batch_size, "engine table: searches per batch (independent of ranks/threads)")
      ->capture_default_str();
  cmd.add_option("--hessian-radius", e.prefactor.refinement.local_radius,
                 "engine table: local Hessian radius of the Vineyard prefactors (length; 0: full)")
                     ->capture_default_str();
  cmd.add_option("--search-fmax", in.akmc.search.fmax, "engine table: saddle convergence force (energy/length)")
      ->capture_default_str();
  cmd.add_flag("!--no-superbasins", in.kinetics.superbasins, "aKMC E_IS(t): no flicker acceleration");
}

}  // namespace

void register_validate_command(CLI::App& app) {
  auto o = std::make_shared<ValidateCommandOptions>();
  ValidationInputs& in = o->inputs;
  EscapeSamplerOptions& s = in.sampler;
  CLI::App* cmd = app.add_subcommand("validate", "Check kMC escape rates, branching and relaxation against direct MD");
  register_option_names("validate", {{"temperatures_in_kelvin", "--temperature-unit"}});
  cmd->add_option("--data", in.data, "LAMMPS data file; its minimum is the state whose escapes are compared")
      ->required();
  cmd->add_option("--potential", in.potential, "potential for the MD (preset or TOML)")->required();
  cmd->add_option("--landscape-potential", in.landscape_potential,
                  "potential for quenches and saddles (default: the -sf smooth variant of a preset, else --potential)");
  cmd->add_option("--temperatures", o->temperatures, "comma-separated temperatures T1,T2,... (see --temperature-unit)")
      ->required();
  cmd->add_option("--runs", o->runs, "independent MD runs per temperature (>= 2)")->required();
  cmd->add_option("--seed", in.seed, "seed of every velocity draw and thermostat noise")->required();
  cmd->add_option("--out", in.out, "output directory (report.json, validation.png)")->required();
  cmd->add_option("--catalog", in.catalog,
                  "event table: the saddles of this catalog (.glcat) at the start minimum, HTST rates "
                  "(default: the on-the-fly aKMC engine's table of the start minimum)");
  add_engine_options(*cmd, in);
  cmd->add_option("--relaxation-time", o->relaxation_time, "also compare E_IS(t) of MD and kMC up to this time");
  cmd->add_option("--relaxation-temperature", in.relaxation_temperature,
                  "temperature of the E_IS(t) comparison (default: the highest of --temperatures)");
  cmd->add_option("--temperature-unit", o->temperature_unit,
                  "kT (in the potential's energy unit) or K (metal units)")->default_val("kT");
  cmd->add_option("--ensemble", s.ensemble, "thermostat: nvt-langevin or nvt-nh")->default_val("nvt-langevin");
  cmd->add_option("--dt", s.timestep, "MD time step (time)")->default_val(0.005);
  cmd->add_option("--damping", s.damping, "thermostat damping time (time); keep escape times much longer")
      ->default_val(1.0);
  cmd->add_option("--quench-every", s.quench_every, "MD steps between quenches")->default_val(100);
  cmd->add_option("--snapshots", s.snapshots_per_interval,
                  "snapshots per quench interval: escape times are known to (quench-every/snapshots) dt")
      ->default_val(10);
  cmd->add_option("--persist", s.persist_intervals,
                  "quench intervals an escape must persist; returns within them are flickers")->default_val(1)
      ->check(positive());
  cmd->add_option("--equilibrate", s.equilibration_time,
                  "thermostatted warm-up before each run's clock starts (time; a few --damping)")->default_val(10.0);
  cmd->add_option("--max-time", s.max_time, "runs without escape stop (right-censored) at this time")
      ->default_val(1000.0);
  cmd->add_option("--skin", s.skin, "neighbour skin (length)")->default_val(0.3);
  cmd->add_option("--quench-fmax", s.quench.fmax, "quench convergence force (energy/length)")->default_val(1e-6);
  cmd->add_option("--quench-minimizer", s.quench.minimizer, "quench minimizer: fire, lbfgs or cg")->default_val("fire");
  cmd->add_option("--same-displacement", s.same.displacement,
                  "minima closer than this (largest atomic displacement, drift removed; length) are the same")
      ->default_val(0.1)
      ->check(positive());
  cmd->add_option("--same-energy", s.same.energy, "... and within this energy")->default_val(1e-4)
      ->check(positive());
  cmd->add_option("--confidence", in.comparison.confidence, "level of the MD rate's confidence interval")
      ->default_val(0.95);
  cmd->add_option("--significance", in.comparison.significance,
                  "KS and branching p-values below this count as disagreement")->default_val(0.01);
  cmd->add_option("--rate-tolerance", in.comparison.rate_tolerance,
                  "agreement: kMC rate within this factor of the MD confidence interval")->default_val(2.0);
  cmd->add_option("--prefactor-scale", in.comparison.prefactor_scale,
                  "multiply every kMC rate by this (1 = HTST; other values show that the check can fail)")
      ->default_val(1.0);
  cmd->add_option("--threads", o->threads, "OpenMP threads over the MD runs (0: OMP_NUM_THREADS)")->default_val(0);
  cmd->add_flag("--json", o->json, "print report.json on stdout");
  cmd->callback([o] { run_validate_command(*o); });
}

}  // namespace glassland::bridge
