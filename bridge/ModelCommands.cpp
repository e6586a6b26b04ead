// `glassland landscape-model --model MODEL.toml --protocol PROTOCOL.toml --out DIR`:
// runs a laboratory protocol on the coarse landscape model (or the TNM baseline) and writes
// CSV/JSON results and PNG plots. Both input files are fully validated before anything runs,
// and nothing is written unless the whole protocol succeeded.
#include <chrono>
#include <iomanip>
#include <filesystem>
#include <iostream>

#include "bridge/CommandSupport.hpp"
#include "bridge/Commands.hpp"
#include "kmc/model/Protocol.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {
struct ModelOptions {
  std::string model, protocol, out;
  bool plots = true;
};

void run_landscape_model(const ModelOptions& options) {
  const auto config = kmc::model::load_model_config(options.model);
  const auto protocol = kmc::model::load_protocol(options.protocol);
  const auto start = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& message) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "landscape-model [" << std::fixed << std::setprecision(1) << seconds << " s] " << message << std::endl;
  };
  auto result = kmc::model::run_protocol(protocol, config, progress);
  result.summary["model_file"] = options.model;
  result.summary["protocol_file"] = options.protocol;
  std::error_code error;
  std::filesystem::create_directories(options.out, error);
  if (error) throw InputError("--out", "cannot create directory " + options.out + ": " + error.message());
  for (const auto& [name, content] : result.files)
    write_file_atomically(options.out + "/" + name, [&](std::ostream& os) { os << content; });
  write_file_atomically(options.out + "/results.json", [&](std::ostream& os) { os << result.summary.dump(2) << "\n"; });
  progress("wrote " + std::to_string(result.files.size() + 1) + " files to " + options.out);
  if (options.plots) run_plot_script("tools/plots/plot_model_results.py", {options.out});
}
}  // namespace

void register_model_commands(CLI::App& app) {
  auto options = std::make_shared<ModelOptions>();
  auto* command = app.add_subcommand("landscape-model",
                                     "Coarse landscape model at laboratory timescales: protocols, DSC, DMA, creep");
  command->add_option("--model", options->model, "model TOML (docs/landscape-model.md)")->required();
  command->add_option("--protocol", options->protocol, "protocol TOML (docs/landscape-model.md)")->required();
  command->add_option("--out", options->out, "output directory")->required();
  command->add_flag("!--no-plots", options->plots, "skip the PNG plots");
  command->callback([options] { run_landscape_model(*options); });
}

}  // namespace glassland::bridge
