#include "kmc/model/ModelConfig.hpp"

#include <limits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kmc/LabUnits.hpp"
#include "kmc/model/CatalogSpectra.hpp"
#include "kmc/model/KmcSample.hpp"
#include "kmc/model/MasterEquationSample.hpp"
#include "kmc/model/TomlFields.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
constexpr double kGas = kmc::lab::kGasConstantKJPerMolK;

void read_alpha(TomlFields& f, ModelParameters& p, double tau_at_tg, double delta_cp_kj, nlohmann::json& derived) {
  const double tg = p.glass_transition_K;
  if (f.has("fragility_m") && (f.has("vft_B_K") || f.has("vft_T0_K")))
    throw InputError(f.where("fragility_m"), "give either fragility_m or vft_B_K and vft_T0_K, not both");
  const double decades = std::log10(tau_at_tg / 1e-14);  // standard tau0 = 1e-14 s for m -> VFT
  if (auto m = f.optional_number("fragility_m")) {
    if (!(*m > decades)) throw InputError(f.where("fragility_m"), "must exceed log10(tau(Tg)/1e-14 s) = " + std::to_string(decades));
    p.alpha.vft_T0_K = tg * (1.0 - decades / *m);
    p.alpha.vft_B_K = decades * std::log(10.0) * (tg - p.alpha.vft_T0_K);
  } else {
    p.alpha.vft_B_K = f.required_positive("vft_B_K");
    p.alpha.vft_T0_K = f.positive("vft_T0_K", 0.0, true);
  }
  if (p.alpha.vft_T0_K >= tg) throw InputError(f.where("vft_T0_K"), "T0 must be below Tg (lab.Tg_K)");
  p.alpha.tau0_s = tau_at_tg * std::exp(-p.alpha.vft_B_K / (tg - p.alpha.vft_T0_K));
  // Delta c_p per atom = sigma^2 / (R T^2 n) at Tg fixes the width of the density of states.
  p.alpha.dos_width_kj_mol = tg * std::sqrt(kGas * p.atoms_per_unit * delta_cp_kj);
  const double spread = f.positive("lntau_spread", 1.2);
  p.alpha.coupling_lambda = spread * kGas * tg / p.alpha.dos_width_kj_mol;
  if (p.alpha.coupling_lambda > 1.0)
    throw InputError(f.where("lntau_spread"), "too large for this Delta c_p and atoms_per_unit (lambda = " +
                                                  std::to_string(p.alpha.coupling_lambda) + " > 1)");
  derived["vft_B_K"] = p.alpha.vft_B_K;
  derived["vft_T0_K"] = p.alpha.vft_T0_K;
  derived["tau0_s"] = p.alpha.tau0_s;
  derived["fragility_m"] = p.alpha.vft_B_K * tg / (std::log(10.0) * std::pow(tg - p.alpha.vft_T0_K, 2));
  derived["dos_width_kJ_per_mol"] = p.alpha.dos_width_kj_mol;
  derived["coupling_lambda"] = p.alpha.coupling_lambda;
}

void read_beta(TomlFields& f, ModelParameters& p, bool from_catalog) {
  auto& b = p.beta;
  if (from_catalog) {
    for (const char* key : {"E_beta_eV", "width_eV", "asymmetry_kJ_per_mol", "asymmetry_width_kJ_per_mol"})
      if (f.has(key)) throw InputError(f.where(key), "is set by [catalog]; remove it or the [catalog] table");
  } else {
    b.barrier_eV = f.positive("E_beta_eV", b.barrier_eV);
    b.barrier_width_eV = f.positive("width_eV", b.barrier_width_eV, true);
    b.asymmetry_kj_mol = f.positive("asymmetry_kJ_per_mol", b.asymmetry_kj_mol, true);
    b.asymmetry_width_kj_mol = f.positive("asymmetry_width_kJ_per_mol", b.asymmetry_width_kj_mol, true);
  }
  b.tau0_s = f.positive("tau0_s", b.tau0_s);
  b.barrier_classes = static_cast<int>(f.integer("barrier_classes", b.barrier_classes, 1, 64));
  b.asymmetry_classes = static_cast<int>(f.integer("asymmetry_classes", b.asymmetry_classes, 1, 64));
  b.coupling_kappa = f.number("coupling_kappa", b.coupling_kappa);
  b.modulus_relaxation = f.positive("modulus_relaxation", b.modulus_relaxation, true);
}

void read_mechanics(TomlFields& f, ModelParameters& p) {
  auto& m = p.mechanics;
  m.youngs_modulus_GPa = f.positive("youngs_modulus_GPa", m.youngs_modulus_GPa);
  m.stress_scale_MPa = f.positive("stress_scale_MPa", m.stress_scale_MPa);
  m.work_per_rearrangement_kj_mol = f.positive("work_per_rearrangement_kJ_per_mol", m.work_per_rearrangement_kj_mol);
  if (f.has("barrier_law")) m.barrier_law = kmc::parse_bias_law(f.text("barrier_law", ""), f.where("barrier_law"));
  const std::string lowers = f.text("stress_lowers", "alpha_and_beta");
  if (lowers != "alpha_and_beta" && lowers != "beta") throw InputError(f.where("stress_lowers"), "must be \"alpha_and_beta\" or \"beta\"");
  m.stress_lowers_alpha = lowers == "alpha_and_beta";
}
}  // namespace

ModelConfig parse_model_config(const std::string& text, const std::string& name, const std::string& base_dir) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw InputError(file_line(name, static_cast<long>(e.source().begin.line)), std::string(e.description()));
  }
  for (const auto& [key, value] : root) {
    const std::string k(key.str());
    if (k != "model" && k != "lab" && k != "alpha" && k != "beta" && k != "mechanics" && k != "catalog" && k != "tnm")
      throw InputError(name + ": " + k, "unknown table");
  }
  ModelConfig config;
  auto& p = config.landscape;
  TomlFields model(root["model"].as_table(), name, "model");
  p.name = model.text("name", p.name);
  config.solver = model.text("solver", config.solver);
  if (!solvers().contains(config.solver))
    throw InputError(model.where("solver"), "unknown solver '" + config.solver + "' (known: " + solvers().known() + ")");
  const auto units = model.integer("units", 10000);
  if (units < 1 || units > 100000000) throw InputError(model.where("units"), "must be in [1, 1e8]");
  config.units = static_cast<std::uint64_t>(units);
  config.seed = static_cast<std::uint64_t>(model.integer("seed", 1, 0, std::numeric_limits<std::int64_t>::max()));
  p.atoms_per_unit = model.positive("atoms_per_unit", p.atoms_per_unit);
  p.energy_bins = static_cast<int>(model.integer("energy_bins", p.energy_bins, 8, 4096));
  model.finish();

  TomlFields lab(root["lab"].as_table(), name, "lab");
  p.glass_transition_K = lab.required_positive("Tg_K");
  p.molar_mass_g_mol = lab.positive("molar_mass_g_per_mol", p.molar_mass_g_mol);
  p.density_g_cm3 = lab.positive("density_g_per_cm3", p.density_g_cm3);
  const double delta_cp = lab.positive("delta_cp_J_per_mol_K", 12.0) * 1e-3;
  p.glass_heat_capacity_J_mol_K = lab.positive("glass_cp_J_per_mol_K", p.glass_heat_capacity_J_mol_K, true);
  const double tau_at_tg = lab.positive("tau_at_Tg_s", 100.0);
  lab.finish();

  TomlFields alpha(root["alpha"].as_table(), name, "alpha");
  read_alpha(alpha, p, tau_at_tg, delta_cp, config.derived);
  alpha.finish();

  TomlFields catalog(root["catalog"].as_table(), name, "catalog");
  TomlFields beta(root["beta"].as_table(), name, "beta");
  read_beta(beta, p, catalog.present());
  beta.finish();
  if (catalog.present()) {
    auto file = std::filesystem::path(catalog.required_text("file"));
    if (file.is_relative()) file = std::filesystem::path(base_dir) / file;
    // Absent: the 26 R Tg rule (the catalog's unit cancels); given: the catalog's own energies.
    const double unit = catalog.has("energy_unit_kJ_per_mol") ? catalog.required_positive("energy_unit_kJ_per_mol") : 0.0;
    catalog.finish();
    const auto spectra = load_catalog_spectra(file.string());
    config.derived["catalog_scale_kJ_per_mol_per_unit"] =
        unit > 0.0 ? apply_catalog_spectra(spectra, unit, p) : apply_catalog_spectra(spectra, p, catalog.where("file"));
    config.derived["E_beta_eV"] = p.beta.barrier_eV;
    config.derived["beta_width_eV"] = p.beta.barrier_width_eV;
    config.derived["asymmetry_kJ_per_mol"] = p.beta.asymmetry_kj_mol;
  }
  TomlFields mechanics(root["mechanics"].as_table(), name, "mechanics");
  read_mechanics(mechanics, p);
  mechanics.finish();

  TomlFields tnm(root["tnm"].as_table(), name, "tnm");
  config.tnm.nonlinearity_x = tnm.number("x", 0.5);
  config.tnm.kww_beta = tnm.number("kww_beta", 0.5);
  tnm.finish();
  const double tg = p.glass_transition_K;
  config.tnm.activation_K = p.alpha.vft_B_K * tg * tg / std::pow(tg - p.alpha.vft_T0_K, 2);
  config.tnm.log_prefactor = std::log(tau_at_tg) - config.tnm.activation_K / tg;
  config.tnm.delta_cp_kj_mol_K = delta_cp;
  config.tnm.glass_cp_kj_mol_K = p.glass_heat_capacity_J_mol_K * 1e-3;
  config.tnm.reference_K = tg;
  config.tnm.validate(name);
  p.validate(name);
  return config;
}

ModelConfig load_model_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open model file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_model_config(buffer.str(), path, std::filesystem::path(path).parent_path().string());
}

void register_solvers(Registry<SolverFactory>& registry) {
  registry.add("master_equation", [](const ModelConfig& c, double T) -> std::unique_ptr<Sample> {
    return std::make_unique<MasterEquationSample>(std::make_shared<const LandscapeModel>(c.landscape), T);
  });
  registry.add("kmc", [](const ModelConfig& c, double T) -> std::unique_ptr<Sample> {
    return std::make_unique<KmcSample>(std::make_shared<const LandscapeModel>(c.landscape), c.units, T, c.seed);
  });
  registry.add("tnm", [](const ModelConfig& c, double T) -> std::unique_ptr<Sample> {
    return std::make_unique<TnmSample>(c.tnm, T);
  });
}

const Registry<SolverFactory>& solvers() {
  static const Registry<SolverFactory> registry = [] {
    Registry<SolverFactory> r("solver", "model.solver");
    register_solvers(r);
    return r;
  }();
  return registry;
}

std::unique_ptr<Sample> make_sample(const ModelConfig& config, double temperature_K) {
  return solvers().at(config.solver)(config, temperature_K);
}

}  // namespace glassland::model
