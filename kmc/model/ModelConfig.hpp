#pragma once
// The model file (MODEL.toml; schema in docs/landscape-model.md): which solver, how many
// units, and the parameters, either top-down from laboratory numbers ([lab], [alpha], [beta],
// [mechanics]) or with the beta spectra bottom-up from a catalog ([catalog]).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "kmc/model/ModelParameters.hpp"
#include "kmc/model/Sample.hpp"
#include "kmc/model/TnmSample.hpp"
#include "md/Registry.hpp"

namespace glassland::model {

struct ModelConfig {
  std::string solver = "master_equation";  ///< "master_equation", "kmc" or "tnm"
  std::uint64_t units = 10000;             ///< kMC units
  std::uint64_t seed = 1;                  ///< kMC seed
  ModelParameters landscape;
  TnmParameters tnm;
  nlohmann::json derived;                  ///< derived numbers, echoed into results.json
};

/// Reads and validates MODEL.toml; InputError names "file: table.key" (unknown keys included).
ModelConfig load_model_config(const std::string& path);
/// Same from a TOML string (tests); `name` stands in for the file name; `base_dir` resolves
/// relative catalog paths.
ModelConfig parse_model_config(const std::string& text, const std::string& name, const std::string& base_dir = ".");

/// A solver: builds a sample of the configured model in equilibrium at temperature_K.
using SolverFactory = std::function<std::unique_ptr<Sample>(const ModelConfig& config, double temperature_K)>;
/// The one place where solvers are registered: master_equation, kmc, tnm.
void register_solvers(Registry<SolverFactory>& registry);
/// The registry, built once.
const Registry<SolverFactory>& solvers();

/// A sample of the configured solver in equilibrium at temperature_K.
std::unique_ptr<Sample> make_sample(const ModelConfig& config, double temperature_K);

}  // namespace glassland::model
