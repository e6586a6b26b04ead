#include "kmc/model/ModelParameters.hpp"

#include <cmath>

#include "md/Error.hpp"

namespace glassland::model {

namespace {
void require_positive(const std::string& where, const std::string& key, double value) {
  if (!std::isfinite(value) || value <= 0.0) throw InputError(where + ": " + key, "must be a finite number > 0");
}
void require_non_negative(const std::string& where, const std::string& key, double value) {
  if (!std::isfinite(value) || value < 0.0) throw InputError(where + ": " + key, "must be a finite number >= 0");
}
}  // namespace

void ModelParameters::validate(const std::string& where) const {
  require_positive(where, "lab.Tg_K", glass_transition_K);
  require_positive(where, "model.atoms_per_unit", atoms_per_unit);
  require_positive(where, "lab.molar_mass_g_per_mol", molar_mass_g_mol);
  require_positive(where, "lab.density_g_per_cm3", density_g_cm3);
  require_non_negative(where, "lab.glass_cp_J_per_mol_K", glass_heat_capacity_J_mol_K);
  if (energy_bins < 8 || energy_bins > 4096) throw InputError(where + ": model.energy_bins", "must be in [8, 4096]");
  require_positive(where, "alpha.vft_B_K", alpha.vft_B_K);
  require_non_negative(where, "alpha.vft_T0_K", alpha.vft_T0_K);
  if (alpha.vft_T0_K >= glass_transition_K)
    throw InputError(where + ": alpha.vft_T0_K", "T0 must be below Tg (lab.Tg_K)");
  require_positive(where, "alpha.tau0_s", alpha.tau0_s);
  require_positive(where, "alpha.dos_width_kJ_per_mol", alpha.dos_width_kj_mol);
  require_non_negative(where, "alpha.coupling_lambda", alpha.coupling_lambda);
  if (alpha.coupling_lambda > 1.0) throw InputError(where + ": alpha.coupling_lambda", "must be in [0, 1]");
  require_positive(where, "beta.E_beta_eV", beta.barrier_eV);
  require_non_negative(where, "beta.width_eV", beta.barrier_width_eV);
  require_positive(where, "beta.tau0_s", beta.tau0_s);
  require_non_negative(where, "beta.asymmetry_kJ_per_mol", beta.asymmetry_kj_mol);
  require_non_negative(where, "beta.asymmetry_width_kJ_per_mol", beta.asymmetry_width_kj_mol);
  if (beta.barrier_classes < 1 || beta.barrier_classes > 64)
    throw InputError(where + ": beta.barrier_classes", "must be in [1, 64]");
  if (beta.asymmetry_classes < 1 || beta.asymmetry_classes > 64)
    throw InputError(where + ": beta.asymmetry_classes", "must be in [1, 64]");
  if (!std::isfinite(beta.coupling_kappa)) throw InputError(where + ": beta.coupling_kappa", "must be finite");
  require_non_negative(where, "beta.modulus_relaxation", beta.modulus_relaxation);
  if (beta.modulus_relaxation >= 1.0) throw InputError(where + ": beta.modulus_relaxation", "must be < 1");
  require_positive(where, "mechanics.youngs_modulus_GPa", mechanics.youngs_modulus_GPa);
  require_positive(where, "mechanics.stress_scale_MPa", mechanics.stress_scale_MPa);
  require_positive(where, "mechanics.work_per_rearrangement_kJ_per_mol", mechanics.work_per_rearrangement_kj_mol);
}

}  // namespace glassland::model
