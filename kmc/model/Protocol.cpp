#include "kmc/model/Protocol.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kmc/model/TomlFields.hpp"
#include "md/Error.hpp"

namespace glassland::model {

std::string csv_table(const std::vector<std::string>& header, const std::vector<std::vector<double>>& columns) {
  std::string out;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (c) out += ',';
    out += header[c];
  }
  out += "\n";
  const std::size_t rows = columns.empty() ? 0 : columns.front().size();
  char buffer[40];
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::snprintf(buffer, sizeof buffer, "%.10g", columns[c][r]);
      if (c) out += ',';
      out += buffer;
    }
    out += "\n";
  }
  return out;
}

StepObserver RunContext::recorder() {
  return [this](double time, const LoadState& load, const Sample& s) {
    char line[160];
    std::snprintf(line, sizeof line, "%.10g,%d,%.8g,%.10g,%.8g\n", time, step_index, load.temperature_K,
                  s.enthalpy_per_atom(), s.fictive_temperature());
    trajectory_csv += line;
  };
}

std::string RunContext::prefix(const std::string& kind) const {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "step%02d_%s", step_index, kind.c_str());
  return buffer;
}

Protocol parse_protocol(const std::string& text, const std::string& name, const std::string& base_dir) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw InputError(file_line(name, static_cast<long>(e.source().begin.line)), std::string(e.description()));
  }
  Protocol protocol;
  TomlFields top(&root, name, "");
  protocol.start_K = top.required_positive("start_K");
  protocol.control.max_step_K = top.positive("max_step_K", protocol.control.max_step_K);
  protocol.control.first_hold_step_s = top.positive("first_hold_step_s", protocol.control.first_hold_step_s);
  protocol.control.hold_growth = top.positive("hold_growth", protocol.control.hold_growth);
  // Below these a protocol needs more steps than anyone can wait for (max_step_K = 1e-300 asked
  // for ~1e302 steps): refused here, with the key, before anything runs. ScheduleRunner also
  // refuses any ramp or hold that would need more than 1e8 steps.
  if (!(protocol.control.hold_growth >= 1.001)) throw InputError(top.where("hold_growth"), "must be >= 1.001");
  if (!(protocol.control.max_step_K >= 1e-6)) throw InputError(top.where("max_step_K"), "must be >= 1e-6 K");
  if (!(protocol.control.first_hold_step_s >= 1e-12))
    throw InputError(top.where("first_hold_step_s"), "must be >= 1e-12 s");
  const toml::node* steps = root.get("step");
  if (steps == nullptr || !steps->is_array_of_tables() || steps->as_array()->empty())
    throw InputError(name + ": step", "the protocol needs at least one [[step]] table");
  const auto& kinds = protocol_step_kinds();
  int index = 0;
  for (const auto& node : *steps->as_array()) {
    const std::string prefix = "step[" + std::to_string(index++) + "]";
    TomlFields fields(node.as_table(), name, prefix);
    const std::string kind = fields.required_text("kind");
    const StepParser* parse = kinds.find(kind);
    if (parse == nullptr)
      throw InputError(fields.where("kind"), "unknown step kind '" + kind + "' (known: " + kinds.known() + ")");
    protocol.steps.push_back((*parse)(fields, base_dir));
    fields.finish();
  }
  for (const auto& [key, value] : root) {
    const std::string k(key.str());
    if (k != "step" && k != "start_K" && k != "max_step_K" && k != "first_hold_step_s" && k != "hold_growth")
      throw InputError(name + ": " + k, "unknown key");
  }
  return protocol;
}

Protocol load_protocol(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open protocol file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_protocol(buffer.str(), path, std::filesystem::path(path).parent_path().string());
}

ProtocolResult run_protocol(const Protocol& protocol, const ModelConfig& config,
                            const std::function<void(const std::string&)>& progress) {
  auto sample = make_sample(config, protocol.start_K);
  RunContext context(*sample, protocol.start_K);
  context.control = protocol.control;
  context.molar_mass_g_mol = config.landscape.molar_mass_g_mol;
  context.progress = progress;
  context.trajectory_csv = "time_s,step,T_K,H_kJ_per_mol,Tf_K\n";
  for (const auto& step : protocol.steps) {
    if (progress) progress("step " + std::to_string(context.step_index) + " (" + step->kind() + ") from " +
                           std::to_string(context.temperature_K) + " K");
    nlohmann::json summary = step->run(context);
    summary["kind"] = step->kind();
    summary["index"] = context.step_index;
    summary["end_temperature_K"] = context.temperature_K;
    summary["end_enthalpy_kJ_per_mol"] = sample->enthalpy_per_atom();
    summary["end_fictive_K"] = sample->fictive_temperature();
    context.steps.push_back(summary);
    ++context.step_index;
  }
  ProtocolResult result;
  result.files = context.files;
  result.files["trajectory.csv"] = context.trajectory_csv;
  result.summary["solver"] = sample->solver_name();
  result.summary["model"] = config.landscape.name;
  result.summary["derived_parameters"] = config.derived;
  result.summary["steps"] = context.steps;
  return result;
}

}  // namespace glassland::model
