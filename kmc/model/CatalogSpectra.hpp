#pragma once
// Bottom-up parameters: barrier and asymmetry spectra of a harvested catalog (or of a hand-made
// JSON file) mapped to the beta sector in laboratory units. The rule (docs/landscape-model.md):
// one scale factor s = 26 R Tg / <barrier> converts catalog energies to kJ/mol, i.e. the mean
// catalog barrier becomes the beta barrier of the empirical relation E_beta = 26 R Tg
// (Yu, Wang, Bai, Samwer, PRL 108, 015504 (2012)); widths and asymmetries scale with the same s,
// so the catalog's own energy unit cancels. Alternatively (`catalog.energy_unit_kJ_per_mol = u`)
// the catalog's energies are taken as they are, converted with u kJ/mol per catalog energy unit
// (96.485 for eV): for a catalog harvested on the very glass the model describes, whose
// barriers are the physics to keep (study 1 beyond MD rates, docs/md-dynamics.md).
#include <string>
#include <vector>

#include "kmc/model/ModelParameters.hpp"

namespace glassland::model {

struct CatalogSpectra {
  std::vector<double> barriers;     ///< forward and backward barriers (catalog energy unit)
  std::vector<double> asymmetries;  ///< |E(to) - E(from)| per saddle (catalog energy unit)
};

/// Reads a catalog file (landscape::load_catalog) or, for a ".json" path, an object
/// {"barriers": [...], "asymmetries": [...]}. Errors name the path.
CatalogSpectra load_catalog_spectra(const std::string& path);

/// Sets beta.barrier_eV / barrier_width_eV / asymmetry_kj_mol / asymmetry_width_kj_mol from the
/// spectra by the rule above. Returns the scale factor s (kJ/mol per catalog energy unit).
double apply_catalog_spectra(const CatalogSpectra& spectra, ModelParameters& parameters, const std::string& where);

/// Same spectra converted with a given scale (kJ/mol per catalog energy unit, > 0) instead of
/// the 26 R Tg rule. Returns the scale.
double apply_catalog_spectra(const CatalogSpectra& spectra, double kj_per_mol_per_unit, ModelParameters& parameters);

}  // namespace glassland::model
