// `glassland landscape-model creep-fit --curve CREEP.csv --out DIR [--families 3]`: fits a
// creep compliance curve J(t) (a model run's *_creep.csv or measured data) by J0 plus Gumbel-
// distributed retardation families, the analysis of study 4's paper (kmc/model/CreepSpectrumFit).
// Writes creep_fit.json (the spectra with uncertainties) and creep_fit.csv (data, fit and each
// family's part) together, only after the fit.
#include <iostream>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/Commands.hpp"
#include "bridge/cli/OptionNames.hpp"
#include "kmc/model/CreepSpectrumFit.hpp"
#include "md/AtomicFile.hpp"
#include "md/AtomicFolder.hpp"

namespace glassland::bridge {

namespace {
struct CreepFitOptions {
  std::string curve, out, time_column = "time_s", compliance_column = "J_per_GPa";
  int families = 3;
  double sigma = 0.0;
  bool relative = false, json = false;
};

nlohmann::json fit_json(const CreepFitOptions& options, const model::CreepSpectrumFit& fit) {
  nlohmann::json out = model::creep_spectrum_json(fit);
  out["curve_file"] = options.curve;
  out["time_column"] = options.time_column;
  out["compliance_column"] = options.compliance_column;
  out["sigma"] = options.sigma;
  out["relative"] = options.relative;
  return out;
}

void run_creep_fit(const CreepFitOptions& options) {
  const auto curve = model::read_creep_curve(options.curve, options.time_column, options.compliance_column);
  model::CreepFitOptions fit_options;
  fit_options.families = options.families;
  fit_options.sigma_per_GPa = options.sigma;
  fit_options.relative = options.relative;
  const auto fit = model::fit_creep_spectrum(curve, fit_options, options.curve);
  const auto summary = fit_json(options, fit);
  AtomicFolder out(options.out, "--out");
  write_file_atomically(out.path("creep_fit.json"), [&](std::ostream& os) { os << summary.dump(2) << "\n"; });
  write_file_atomically(out.path("creep_fit.csv"), [&](std::ostream& os) { os << model::creep_spectrum_csv(curve, fit); });
  out.commit();
  if (options.json) {
    print_json(summary);
    return;
  }
  std::cout << "J0 = " << fit.spectrum.instant_per_GPa << " 1/GPa; rms residual " << fit.rms_residual_per_GPa << " 1/GPa ("
            << fit.status << ")\n";
  for (const auto& f : fit.spectrum.families)
    std::cout << "family: dJ = " << f.compliance_per_GPa << " 1/GPa, mean tau = " << f.mean_tau_s() << " s, B = " << f.shape << "\n";
}
}  // namespace

CLI::App* register_creep_fit_command(CLI::App& landscape_model) {
  auto options = std::make_shared<CreepFitOptions>();
  auto* command = landscape_model.add_subcommand(
      "creep-fit", "Fit a creep curve J(t) by J0 + Gumbel-distributed retardation spectra (study 4's analysis)");
  command->add_option("--curve", options->curve, "CSV with the creep curve (e.g. a landscape-model *_creep.csv)")->required();
  command->add_option("--out", options->out, "output directory (creep_fit.json, creep_fit.csv)")->required();
  command->add_option("--families", options->families, "number of Gumbel families (1-4)")->capture_default_str();
  command->add_option("--time-column", options->time_column, "time column (s)")->capture_default_str();
  command->add_option("--compliance-column", options->compliance_column, "compliance column (1/GPa)")->capture_default_str();
  command->add_option("--sigma", options->sigma, "noise of J (1/GPa, or a fraction of J with --relative); 0: unweighted, scale from the residuals")
      ->capture_default_str();
  command->add_flag("--relative", options->relative, "residuals relative to J (each decade of a log-spaced curve weighs alike)");
  command->add_flag("--json", options->json, "print creep_fit.json on stdout");
  command->callback([options] { run_creep_fit(*options); });
  register_option_names("creep-fit", {{"families", "--families"}, {"sigma", "--sigma"}, {"relative", "--relative"}});
  return command;
}

}  // namespace glassland::bridge
