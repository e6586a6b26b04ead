#pragma once
// Laboratory protocols (PROTOCOL.toml; schema in docs/landscape-model.md): a start temperature
// and a list of [[step]] tables, each a thermal/mechanical treatment (ramp, hold,
// two_step_ramp, schedule, schedule_file, cyclic_ramp, creep) or an instrument (dsc,
// kissinger, dma, frequency_sweep). Every kind is registered once in protocol_step_kinds()
// (ProtocolRegistry.cpp). Steps are parsed and validated before anything runs.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "md/Registry.hpp"
#include "kmc/model/ModelConfig.hpp"
#include "kmc/model/ScheduleRunner.hpp"

namespace glassland::model {

class TomlFields;

/// Everything a running step reads and writes. Output files are collected in memory and
/// written by the caller only when the whole protocol succeeded.
struct RunContext {
  RunContext(Sample& s, double start_K) : sample(s), temperature_K(start_K) {}
  Sample& sample;
  double temperature_K;
  double clock_s = 0.0;
  StepControl control;
  double molar_mass_g_mol = 100.0;
  int step_index = 0;
  std::string trajectory_csv;                   ///< time_s,step,T_K,H_kJ_per_mol,Tf_K
  std::map<std::string, std::string> files;     ///< extra CSV files by name
  nlohmann::json steps = nlohmann::json::array();
  std::function<void(const std::string&)> progress;

  /// Observer that appends every step to the trajectory.
  StepObserver recorder();
  /// File name prefix of the current step, e.g. "step03_dsc".
  std::string prefix(const std::string& kind) const;
};

class ProtocolStep {
public:
  virtual ~ProtocolStep() = default;
  virtual std::string kind() const = 0;
  /// Runs the step; returns its JSON summary (instrument results).
  virtual nlohmann::json run(RunContext& context) const = 0;
};

/// Parses one [[step]] table (already known to be of this kind); `base_dir` resolves paths.
using StepParser = std::function<std::unique_ptr<ProtocolStep>(TomlFields& fields, const std::string& base_dir)>;
/// The one place where protocol steps and instruments are registered (ProtocolRegistry.cpp).
void register_protocol_steps(Registry<StepParser>& registry);
/// The registry, built once.
const Registry<StepParser>& protocol_step_kinds();

struct Protocol {
  double start_K = 0.0;
  StepControl control;
  std::vector<std::unique_ptr<ProtocolStep>> steps;
};

Protocol load_protocol(const std::string& path);
Protocol parse_protocol(const std::string& text, const std::string& name, const std::string& base_dir = ".");

struct ProtocolResult {
  std::map<std::string, std::string> files;  ///< name -> content (CSV, JSON)
  nlohmann::json summary;
};
/// Runs the protocol on a fresh sample of `config`, equilibrated at start_K.
ProtocolResult run_protocol(const Protocol& protocol, const ModelConfig& config,
                            const std::function<void(const std::string&)>& progress);

/// "a,b,c\n" rows from equally long columns (full precision).
std::string csv_table(const std::vector<std::string>& header, const std::vector<std::vector<double>>& columns);

}  // namespace glassland::model
