#include "bridge/validate/ValidationRun.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "bridge/RunInputs.hpp"
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
    throw InputError("--temperature-unit", "K needs a potential in metal units; give kT in the potential's energy unit");
  for (double t : s.inputs.temperatures) {
    const double kT = s.inputs.temperatures_in_kelvin ? units.boltzmann * t : t;
    s.kT.push_back(kT);
    s.md_temperature.push_back(kT / units.boltzmann);
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
  if (s.landscape_spec.units != s.md_spec.units) throw InputError("--landscape-potential", "units differ from --potential");
  convert_temperatures(s);
  if (inputs.catalog.empty())
    throw InputError("--catalog", "no event table source: give --catalog FILE (the saddles at the start minimum); "
                                  "the on-the-fly kMC engine (issue 9) is not in this build");
  const landscape::Catalog catalog = landscape::load_catalog(inputs.catalog);
  const md::System system = read_system_for(inputs.data, s.md_spec);
  const MinimumState start = quench_start(system, s.landscape_spec, inputs);
  s.sampler = std::make_unique<EscapeSampler>(system, s.md_spec.pair, s.landscape_spec.pair, start, inputs.sampler);
  s.table = catalog_escape_table(catalog, start, s.sampler->space(), inputs.sampler.same, inputs.catalog);
  if (s.table.events.empty()) throw InputError(inputs.catalog, "has no saddle at the start minimum");
  if (inputs.relaxation_time > 0.0)
    s.kmc_relaxation = catalog_relaxation(catalog, start, s.sampler->space(), inputs.sampler.same,
                                          inputs.comparison.prefactor_scale, inputs.catalog);
  return s;
}

namespace {

std::function<void(std::size_t, std::size_t)> progress_printer(const std::string& label) {
  const auto started = std::chrono::steady_clock::now();
  return [label, started](std::size_t done, std::size_t total) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format("validate: {} run {}/{} ({:.1f} s)\n", label, done, total, seconds);
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
  const auto kmc_curves = s.kmc_relaxation(kT, grid, in.runs, in.seed);
  const RelaxationComparison c = compare_relaxation(md_curves, kmc_curves);
  return {{"temperature", temperature},   {"kT", kT},
          {"time", grid},                 {"eis_md_mean", c.mean_a},
          {"eis_md_stderr", c.stderr_a},  {"eis_kmc_mean", c.mean_b},
          {"eis_kmc_stderr", c.stderr_b}, {"max_abs_z", c.max_abs_z},
          {"max_abs_z_time", grid[c.max_z_index]}, {"runs", in.runs},
          {"kmc", "kMC on the catalog's network (closed: only its minima)"}};
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
      {"event_table", {{"source", s.table.source}, {"file", in.catalog}, {"events", s.table.events.size()}}},
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
      {"threads", md::max_threads()},
      {"mpi_ranks", 1}};
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
