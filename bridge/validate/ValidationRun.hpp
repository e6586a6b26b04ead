#pragma once
// The whole of `glassland validate` as a library: inputs (typed, checked by the command),
// preparation (read files, quench the start, build the event table: everything that can fail
// on bad input happens here, before any output), the runs, and the outputs.
// Units: temperatures as given (kT in the potential's energy unit, or K for metal units);
// times in the model's time unit.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/akmc/EventTableBuilder.hpp"
#include "bridge/akmc/Kinetics.hpp"
#include "bridge/validate/EscapeComparison.hpp"
#include "bridge/validate/EscapeSampler.hpp"
#include "bridge/validate/EscapeTable.hpp"
#include "md/PotentialRegistry.hpp"

namespace glassland::bridge {

struct ValidationInputs {
  std::string data, potential, landscape_potential, catalog, out;  ///< catalog empty: the aKMC engine's table
  std::vector<double> temperatures;   ///< as given (> 0)
  bool temperatures_in_kelvin = false;
  std::size_t runs = 0;
  std::uint64_t seed = 1;
  double relaxation_time = 0.0;       ///< 0: no E_IS(t) comparison (time)
  double relaxation_temperature = NAN;  ///< NaN: the highest temperature
  EscapeSamplerOptions sampler;
  ComparisonOptions comparison;
  /// The engine's table when `catalog` is empty (kT and exploration.seed are set from the
  /// highest temperature and `seed`; skin and quench from `sampler`).
  EventTableOptions akmc;
  KineticsOptions kinetics;  ///< of the aKMC E_IS(t) trajectories
};

/// kMC E_IS(t): `runs` trajectories from the start minimum at thermal energy kT, evaluated on
/// `grid` (time), seeded with `seed`; one curve per trajectory (energy).
using KmcRelaxation = std::function<std::vector<std::vector<double>>(double kT, const std::vector<double>& grid,
                                                                     std::size_t runs, std::uint64_t seed)>;

struct ValidationSetup {
  ValidationInputs inputs;
  md::PotentialSpec md_spec, landscape_spec;
  std::vector<double> kT;               ///< per temperature (energy)
  std::vector<double> md_temperature;   ///< per temperature, in the MD's temperature unit
  std::unique_ptr<EscapeSampler> sampler;
  EscapeTable table;
  nlohmann::json table_report;          ///< report.json's `event_table`
  KmcRelaxation kmc_relaxation;         ///< empty unless a relaxation comparison was asked for
  std::string kmc_relaxation_kind;      ///< what the kMC side of E_IS(t) is (for the report)
};

/// Reads the potentials, data file and event-table source, quenches the start minimum and
/// builds the event table. Throws InputError naming the field of `inputs` or the file for anything wrong.
ValidationSetup prepare_validation(const ValidationInputs& inputs);

/// Runs the MD (progress on stderr) and returns report.json's contents.
nlohmann::json run_validation(const ValidationSetup& setup);

/// Creates `directory` and writes report.json and validation.png there, each atomically.
void write_validation_outputs(const std::string& directory, const nlohmann::json& report);

}  // namespace glassland::bridge
