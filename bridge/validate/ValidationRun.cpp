#include "bridge/validate/ValidationRun.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "bridge/RunInputs.hpp"
#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/Ranks.hpp"
#include "bridge/akmc/Surface.hpp"
#include "bridge/validate/AkmcSide.hpp"
#include "bridge/validate/CatalogRelaxation.hpp"
#include "landscape/CatalogFile.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/Threads.hpp"

namespace glassland::bridge {

namespace {

MinimumState quench_start(const md::System& system, const md::PotentialSpec& landscape, const ValidationInputs& in) {
  landscape::ObjectivePool pool(system, landscape.pair, in.sampler.skin, 1);
  try {
    const landscape::QuenchResult q = landscape::quench(pool[0], landscape::flat_positions(system), in.sampler.quench);
    return {q.position, q.energy};
  } catch (const InputError& e) {
    throw InputError(in.data, std::string("does not relax to a minimum: ") + e.what());
  }
}

void convert_temperatures(ValidationSetup& s) {
  const md::UnitConstants units = md::unit_constants(s.md_spec.units);
  if (s.inputs.temperatures_in_kelvin && s.md_spec.units != md::UnitSystem::metal)
    throw InputError("temperatures_in_kelvin", "K needs a potential in metal units; give kT in the potential's energy unit");
  for (double t : s.inputs.temperatures) {
    const double kT = s.inputs.temperatures_in_kelvin ? units.boltzmann * t : t;
    s.kT.push_back(kT);
    s.md_temperature.push_back(kT / units.boltzmann);
  }
}

}  // namespace

namespace {

/// The kMC side from a catalog's saddles at the start minimum (and its closed network for E_IS(t)).
void prepare_from_catalog(ValidationSetup& s, const md::System& system) {
  const ValidationInputs& in = s.inputs;
  const landscape::Catalog catalog = landscape::load_catalog(in.catalog);
  const MinimumState start = quench_start(system, s.landscape_spec, in);
  s.sampler = std::make_unique<EscapeSampler>(system, s.md_spec.pair, s.landscape_spec.pair, start, in.sampler);
  s.table = catalog_escape_table(catalog, start, s.sampler->space(), in.sampler.same, in.catalog);
  if (s.table.events.empty()) throw InputError(in.catalog, "has no saddle at the start minimum");
  s.table_report = {{"source", "catalog"}, {"file", in.catalog}, {"events", s.table.events.size()}};
  if (in.relaxation_time > 0.0) {
    s.kmc_relaxation = catalog_relaxation(catalog, start, s.sampler->space(), in.sampler.same,
                                          in.comparison.prefactor_scale, in.catalog);
    s.kmc_relaxation_kind = "kMC on the catalog's network (closed: only its minima)";
  }
}

/// The kMC side from the on-the-fly engine: its table of the start minimum at the highest kT
/// (the widest completeness window), and aKMC trajectories for E_IS(t).
void prepare_from_engine(ValidationSetup& s, const md::System& system) {
  const ValidationInputs& in = s.inputs;
  if (force_jumps_at_cutoff(s.landscape_spec.pair))
    throw InputError("landscape_potential", "'" + in.landscape_potential +
                                                "' has a force jump at its cutoff: saddle searches need a smooth "
                                                "(lj/sf) potential");
  EventTableOptions options = in.akmc;
  options.kT = *std::max_element(s.kT.begin(), s.kT.end());
  options.exploration.seed = in.seed;
  options.exploration.validate();
  options.skin = in.sampler.skin;
  auto side = std::make_shared<AkmcSide>(system, s.landscape_spec.pair, options, in.sampler.quench, in.kinetics, in.data);
  s.sampler = std::make_unique<EscapeSampler>(system, s.md_spec.pair, s.landscape_spec.pair, side->start(), in.sampler);
  s.table = side->escape_table();
  if (s.table.events.empty())
    throw InputError(in.data, "the aKMC engine found no escape event from its minimum (raise max_searches)");
  s.table_report = side->table_report();
  if (in.relaxation_time > 0.0) {
    const double scale = in.comparison.prefactor_scale;
    s.kmc_relaxation = [side, scale](double kT, const std::vector<double>& grid, std::size_t runs,
                                     std::uint64_t seed) { return side->relaxation(kT, grid, runs, seed, scale); };
    s.kmc_relaxation_kind = "on-the-fly aKMC trajectories (bridge/akmc), tables shared between trajectories";
  }
}

}  // namespace

ValidationSetup prepare_validation(const ValidationInputs& inputs) {
  ValidationSetup s;
  s.inputs = inputs;
  s.md_spec = md::load_potential(inputs.potential);
  const std::string landscape_name =
      inputs.landscape_potential.empty() ? smooth_variant(inputs.potential) : inputs.landscape_potential;
  s.landscape_spec = md::load_potential(landscape_name);
  s.inputs.landscape_potential = landscape_name;
  if (s.landscape_spec.units != s.md_spec.units) throw InputError("landscape_potential", "units differ from potential");
  convert_temperatures(s);
  const md::System system = read_system_for(inputs.data, s.md_spec);
  if (inputs.catalog.empty())
    prepare_from_engine(s, system);
  else
    prepare_from_catalog(s, system);
  return s;
}

namespace {

std::function<void(std::size_t, std::size_t)> progress_printer(const std::string& label) {
  const auto started = std::chrono::steady_clock::now();
  return [label, started](std::size_t done, std::size_t total) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format("validate: {} run {}/{} ({:.1f} s){}\n", label, done, total, seconds,
                             Ranks::world().size() > 1 ? " on rank 0" : "");
  };
}

nlohmann::json relaxation_report(const ValidationSetup& s) {
  const ValidationInputs& in = s.inputs;
  const std::size_t hottest = static_cast<std::size_t>(
      std::max_element(in.temperatures.begin(), in.temperatures.end()) - in.temperatures.begin());
  const double temperature = std::isnan(in.relaxation_temperature) ? in.temperatures[hottest] : in.relaxation_temperature;
  const double kT = in.temperatures_in_kelvin ? md::unit_constants(s.md_spec.units).boltzmann * temperature
                                              : temperature;
  const double md_temperature = kT / md::unit_constants(s.md_spec.units).boltzmann;
  const std::vector<double> grid = s.sampler->relaxation_grid(in.relaxation_time);
  const auto md_curves = s.sampler->relaxation_many(md_temperature, in.relaxation_time, in.runs, in.seed,
                                                    in.temperatures.size(),
                                                    progress_printer(fmt::format("E_IS(t) at T={:g}", temperature)));
  const auto kmc_started = std::chrono::steady_clock::now();
  const auto kmc_curves = s.kmc_relaxation(kT, grid, in.runs, in.seed);
  if (Ranks::world().root())
    std::cerr << fmt::format("validate: kMC E_IS(t) at T={:g}: {} trajectories ({:.1f} s)\n", temperature, in.runs,
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - kmc_started).count());
  const RelaxationComparison c = compare_relaxation(md_curves, kmc_curves);
  return {{"temperature", temperature},   {"kT", kT},
          {"time", grid},                 {"eis_md_mean", c.mean_a},
          {"eis_md_stderr", c.stderr_a},  {"eis_kmc_mean", c.mean_b},
          {"eis_kmc_stderr", c.stderr_b}, {"max_abs_z", c.max_abs_z},
          {"max_abs_z_time", grid[c.max_z_index]}, {"runs", in.runs},
          {"kmc", s.kmc_relaxation_kind}};
}

}  // namespace

nlohmann::json run_validation(const ValidationSetup& s) {
  const ValidationInputs& in = s.inputs;
  const auto started = std::chrono::steady_clock::now();
  nlohmann::json escapes = nlohmann::json::array();
  for (std::size_t i = 0; i < in.temperatures.size(); ++i) {
    const auto records = s.sampler->run_many(s.md_temperature[i], in.runs, in.seed, i,
                                             progress_printer(fmt::format("escapes at T={:g}", in.temperatures[i])));
    const EscapeComparison c = compare_escapes(records, s.table, in.temperatures[i], s.kT[i], *s.sampler, in.comparison);
    escapes.push_back(c.to_json());
  }
  const EscapeSamplerOptions& o = in.sampler;
  nlohmann::json report{
      {"escape", escapes},
      {"start_energy", s.sampler->start().energy},
      {"event_table", s.table_report},
      {"potential", in.potential},
      {"landscape_potential", in.landscape_potential},
      {"units", md::unit_name(s.md_spec.units)},
      {"temperature_unit", in.temperatures_in_kelvin ? "K" : "kT"},
      {"runs", in.runs},
      {"seed", in.seed},
      {"md", {{"ensemble", o.ensemble}, {"dt", o.timestep}, {"damping", o.damping}, {"quench_every", o.quench_every},
              {"snapshots", o.snapshots_per_interval}, {"persist_intervals", o.persist_intervals}, {"equilibration_time", o.equilibration_time},
              {"max_time", o.max_time}}},
      {"confidence", in.comparison.confidence},
      {"significance", in.comparison.significance},
      {"prefactor_scale", in.comparison.prefactor_scale},
      {"rate_tolerance", in.comparison.rate_tolerance},
      {"threads", engine_threads()},
      {"mpi_ranks", Ranks::world().size()}};
  if (in.relaxation_time > 0.0) report["relaxation"] = relaxation_report(s);
  report["wall_seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

void write_validation_outputs(const std::string& directory, const nlohmann::json& report) {
  std::filesystem::create_directories(directory);
  const std::string report_path = directory + "/report.json";
  write_file_atomically(report_path, [&](std::ostream& out) { out << report.dump(2) << '\n'; });
  // The plot script writes a temporary file that is renamed only when complete.
  const std::string png = directory + "/validation.png", partial = directory + "/.validation.partial.png";
  if (run_plot_script("tools/plots/plot_validation.py", {report_path, partial})) std::filesystem::rename(partial, png);
  std::error_code ignored;
  std::filesystem::remove(partial, ignored);
}

}  // namespace glassland::bridge
