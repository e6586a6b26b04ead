#include "kmc/model/CatalogSpectra.hpp"

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "kmc/LabUnits.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
void mean_and_std(const std::vector<double>& v, double& mean, double& deviation) {
  mean = 0.0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double var = 0.0;
  for (double x : v) var += (x - mean) * (x - mean);
  deviation = v.size() > 1 ? std::sqrt(var / static_cast<double>(v.size() - 1)) : 0.0;
}

std::vector<double> json_numbers(const nlohmann::json& doc, const std::string& key, const std::string& path) {
  if (!doc.contains(key) || !doc[key].is_array()) throw InputError(path + ": " + key, "must be an array of numbers");
  std::vector<double> out;
  for (const auto& x : doc[key]) {
    if (!x.is_number() || !std::isfinite(x.get<double>())) throw InputError(path + ": " + key, "must hold finite numbers");
    out.push_back(x.get<double>());
  }
  return out;
}
}  // namespace

CatalogSpectra load_catalog_spectra(const std::string& path) {
  CatalogSpectra spectra;
  if (path.size() > 5 && path.substr(path.size() - 5) == ".json") {
    std::ifstream in(path);
    if (!in) throw InputError(path, "cannot open catalog spectra file");
    nlohmann::json doc;
    try { in >> doc; } catch (const std::exception& e) { throw InputError(path, std::string("invalid JSON: ") + e.what()); }
    spectra.barriers = json_numbers(doc, "barriers", path);
    spectra.asymmetries = json_numbers(doc, "asymmetries", path);
  } else {
    const auto catalog = landscape::load_catalog(path);
    for (std::size_t i = 0; i < catalog.saddle_count(); ++i) {
      const auto& s = catalog.saddle(i);
      spectra.barriers.push_back(s.barrier_forward);
      spectra.barriers.push_back(s.barrier_backward);
      spectra.asymmetries.push_back(std::abs(s.barrier_forward - s.barrier_backward));
    }
  }
  if (spectra.barriers.size() < 2) throw InputError(path, "needs at least two barriers");
  for (double b : spectra.barriers)
    if (!(b > 0.0)) throw InputError(path, "barriers must be > 0");
  if (spectra.asymmetries.empty()) throw InputError(path, "needs at least one asymmetry");
  return spectra;
}

double apply_catalog_spectra(const CatalogSpectra& spectra, double kj_per_mol_per_unit, ModelParameters& parameters) {
  double mean = 0.0, deviation = 0.0;
  mean_and_std(spectra.barriers, mean, deviation);
  parameters.beta.barrier_eV = kmc::lab::kj_per_mol_to_ev(kj_per_mol_per_unit * mean);
  parameters.beta.barrier_width_eV = kmc::lab::kj_per_mol_to_ev(kj_per_mol_per_unit * deviation);
  std::vector<double> magnitudes;
  for (double a : spectra.asymmetries) magnitudes.push_back(std::abs(a));
  mean_and_std(magnitudes, mean, deviation);
  parameters.beta.asymmetry_kj_mol = kj_per_mol_per_unit * mean;
  parameters.beta.asymmetry_width_kj_mol = kj_per_mol_per_unit * deviation;
  return kj_per_mol_per_unit;
}

double apply_catalog_spectra(const CatalogSpectra& spectra, ModelParameters& parameters, const std::string& where) {
  double mean = 0.0, deviation = 0.0;
  mean_and_std(spectra.barriers, mean, deviation);
  if (!(mean > 0.0)) throw InputError(where, "mean catalog barrier must be > 0");
  const double target = 26.0 * kmc::lab::kGasConstantKJPerMolK * parameters.glass_transition_K;  // kJ/mol
  return apply_catalog_spectra(spectra, target / mean, parameters);
}

}  // namespace glassland::model
