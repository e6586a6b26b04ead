// `glassland landscape-model --model MODEL.toml --protocol PROTOCOL.toml --out DIR`:
// runs a laboratory protocol on the coarse landscape model (or the TNM baseline) and writes
// CSV/JSON results and PNG plots. Both input files are fully validated before anything runs,
// and nothing is written unless the whole protocol succeeded.
// `glassland landscape-model fit --model M.toml --targets TARGETS.toml --out DIR`: least-squares
// fit of model parameters to measured numbers and curves (kmc/model/ModelFit.hpp).
// `landscape-model creep-fit` lives in CreepFitCommand.cpp.
#include <chrono>
#include <iomanip>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "kmc/model/ModelFit.hpp"
#include "kmc/model/Protocol.hpp"
#include "md/AtomicFile.hpp"
#include "md/AtomicFolder.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {
struct ModelOptions {
  std::string model, protocol, out;
  bool plots = true;
};

struct FitOptions {
  std::string model, targets, out;
  bool plots = true;
};

void progress_line(std::chrono::steady_clock::time_point start, const std::string& tag, const std::string& message) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << tag << " [" << std::fixed << std::setprecision(1) << seconds << " s] " << message << std::endl;
}

nlohmann::json residual_json(const std::vector<model::FitResidual>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows)
    if (r.kind == "scalar")
      out.push_back({{"name", r.target}, {"measured", r.measured}, {"model", r.model}, {"sigma", r.sigma},
                     {"relative_error", r.measured != 0.0 ? (r.model - r.measured) / std::abs(r.measured) : NAN}});
  return out;
}

std::string residual_csv(const model::FitResult& fit) {
  std::ostringstream os;
  os << std::setprecision(10) << "target,kind,x,measured,model_start,model_fitted,sigma,weighted_residual\n";
  for (std::size_t i = 0; i < fit.residuals.size(); ++i) {
    const auto& r = fit.residuals[i];
    os << '"' << r.target << "\"," << r.kind << ',' << r.x << ',' << r.measured << ',' << fit.start_residuals[i].model << ','
       << r.model << ',' << r.sigma << ',' << r.weighted() << '\n';
  }
  return os.str();
}

void run_model_fit(const FitOptions& options) {
  toml::table model;
  try {
    model = toml::parse_file(options.model);
  } catch (const toml::parse_error& e) {
    throw InputError(file_line(options.model, static_cast<long>(e.source().begin.line)), std::string(e.description()));
  }
  model::load_model_config(options.model);  // the starting model must be valid as it stands
  const auto targets = model::load_fit_targets(options.targets, model);
  const auto start = std::chrono::steady_clock::now();
  const auto fit = model::fit_model(model, options.model, targets,
                                         [&](const std::string& m) { progress_line(start, "landscape-model fit", m); });
  nlohmann::json summary = {{"model_file", options.model}, {"targets_file", options.targets}, {"status", fit.status},
                            {"chi_squared", fit.chi_squared}, {"variance_factor", fit.variance_factor},
                            {"evaluations", fit.evaluations}, {"iterations", fit.iterations},
                            {"covariance", fit.covariance}, {"targets_start", residual_json(fit.start_residuals)},
                            {"targets", residual_json(fit.residuals)}};
  for (std::size_t i = 0; i < fit.names.size(); ++i)
    summary["parameters"].push_back({{"name", fit.names[i]}, {"start", fit.start[i]}, {"fitted", fit.fitted[i]},
                                     {"uncertainty", fit.uncertainty[i]}});
  AtomicFolder out(options.out, "--out");  // the three files are committed together
  write_file_atomically(out.path("fitted_model.toml"), [&](std::ostream& os) {
    os << "# " << options.model << " fitted to " << options.targets << " by glassland landscape-model fit\n" << fit.fitted_model_toml;
  });
  write_file_atomically(out.path("residuals.csv"), [&](std::ostream& os) { os << residual_csv(fit); });
  write_file_atomically(out.path("fit.json"), [&](std::ostream& os) { os << summary.dump(2) << "\n"; });
  out.commit();
  progress_line(start, "landscape-model fit", fit.status + "; wrote fitted_model.toml, fit.json, residuals.csv to " + options.out);
  if (options.plots) run_plot_script("tools/plots/plot_model_fit.py", {options.out});
}

void run_landscape_model(const ModelOptions& options) {
  const auto config = model::load_model_config(options.model);
  const auto protocol = model::load_protocol(options.protocol);
  const auto start = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& message) { progress_line(start, "landscape-model", message); };
  auto result = model::run_protocol(protocol, config, progress);
  result.summary["model_file"] = options.model;
  result.summary["protocol_file"] = options.protocol;
  AtomicFolder out(options.out, "--out");  // a kill leaves all old or all new files, never a mix
  for (const auto& file : result.files)  // not a structured binding: clang 14 cannot capture one
    write_file_atomically(out.path(file.first), [&](std::ostream& os) { os << file.second; });
  write_file_atomically(out.path("results.json"), [&](std::ostream& os) { os << result.summary.dump(2) << "\n"; });
  out.commit();
  progress("wrote " + std::to_string(result.files.size() + 1) + " files to " + options.out);
  if (options.plots) run_plot_script("tools/plots/plot_model_results.py", {options.out});
}
}  // namespace

void register_model_commands(CLI::App& app) {
  auto options = std::make_shared<ModelOptions>();
  auto* command = app.add_subcommand("landscape-model",
                                     "Coarse landscape model at laboratory timescales: protocols, DSC, DMA, creep; 'fit', 'creep-fit'");
  command->add_option("--model", options->model, "model TOML (docs/landscape-model.md)");
  command->add_option("--protocol", options->protocol, "protocol TOML (docs/landscape-model.md)");
  command->add_option("--out", options->out, "output directory");
  command->add_flag("!--no-plots", options->plots, "skip the PNG plots");
  command->require_subcommand(0, 1);

  auto fit_options = std::make_shared<FitOptions>();
  auto* fit = command->add_subcommand("fit", "Least-squares fit of model parameters to measured numbers and curves");
  fit->add_option("--model", fit_options->model, "model TOML with the start values")->required();
  fit->add_option("--targets", fit_options->targets, "targets TOML (docs/landscape-model.md)")->required();
  fit->add_option("--out", fit_options->out, "output directory")->required();
  fit->add_flag("!--no-plots", fit_options->plots, "skip the PNG plot");
  fit->callback([fit_options] { run_model_fit(*fit_options); });

  auto* creep_fit = register_creep_fit_command(*command);

  command->callback([options, fit, creep_fit] {
    if (fit->parsed() || creep_fit->parsed()) return;
    for (const auto& [value, name] : {std::pair{&options->model, "--model"}, {&options->protocol, "--protocol"}, {&options->out, "--out"}})
      if (value->empty()) throw InputError(name, "is required (or use 'landscape-model fit')");
    run_landscape_model(*options);
  });
}

}  // namespace glassland::bridge
