#pragma once
// Parameters of the coarse landscape model (docs/landscape-model.md gives the equations).
// A value type, validated once by validate(); solvers never re-check. Laboratory units:
// K, s, kJ/mol (per mole of relaxation units unless stated "per atom"), eV only where the
// literature quotes eV (beta barriers), MPa, GPa, Hz, g/mol, g/cm^3.
#include <string>

#include "kmc/StressProtocol.hpp"

namespace glassland::model {

/// Cooperative (alpha) sector: Gaussian density of states of metabasin energies and the
/// Vogel-Fulcher-Tammann law obeyed by the equilibrium alpha time (Adam-Gibbs / Scherer-Hodge
/// non-linearity out of equilibrium).
struct AlphaParameters {
  double vft_B_K = 5907.0;         ///< VFT B (K): tau_alpha = tau0 exp(B / (T - T0))
  double vft_T0_K = 278.0;         ///< VFT T0 (K), < Tg
  double tau0_s = 1.4e-14;         ///< VFT prefactor (s)
  double dos_width_kj_mol = 14.0;  ///< sigma of the Gaussian density of states (kJ/mol unit)
  double coupling_lambda = 0.3;    ///< share of a unit's energy deviation in its own barrier
};

/// Local (beta) sector: a two-level system nested in each metabasin.
struct BetaParameters {
  double barrier_eV = 0.9;             ///< mean beta barrier E_beta (eV)
  double barrier_width_eV = 0.08;      ///< std of the Gaussian beta-barrier spectrum (eV)
  double tau0_s = 1e-14;               ///< Arrhenius prefactor (s)
  double asymmetry_kj_mol = 6.0;       ///< mean asymmetry of the two levels (kJ/mol unit)
  double asymmetry_width_kj_mol = 3.0; ///< std of the asymmetry spectrum (kJ/mol unit)
  int barrier_classes = 5;             ///< equal-probability classes of the barrier spectrum
  int asymmetry_classes = 4;           ///< equal-probability classes of the asymmetry spectrum
  double coupling_kappa = 0.5;         ///< dE_beta = -kappa (E - ebar(Tg)): deeper basin, higher barrier
  double modulus_relaxation = 0.15;    ///< fraction of the modulus a beta class can relax (at 4p(1-p)=1)
};

/// Mechanics: moduli, stress-assisted barriers and work-driven rearrangements.
struct MechanicsParameters {
  double youngs_modulus_GPa = 35.0;     ///< unrelaxed Young's modulus E_u (GPa)
  double stress_scale_MPa = 1500.0;     ///< sigma0 in W(sigma) = W (1 - sigma/sigma0)^(3/2) (MPa)
  double work_per_rearrangement_kj_mol = 10.0;  ///< dissipated work that forces one alpha hop (kJ/mol unit)
  /// How stress lowers barriers: three_halves W (1 - |sigma|/sigma0)^(3/2) or linear
  /// W (1 - 1.5 |sigma|/sigma0) (kmc/model/StressCycle.hpp); static and cyclic stress alike.
  kmc::BiasLaw barrier_law = kmc::BiasLaw::three_halves;
  /// Which barriers the stress lowers: every barrier (true: alpha and beta) or, as the paper's
  /// law tau_beta = tau0 exp[E_beta (1 - sigma/sigma0)^(3/2) / kT] states it, beta barriers only.
  bool stress_lowers_alpha = true;
};

struct ModelParameters {
  std::string name = "glass";
  double glass_transition_K = 440.0;     ///< Tg (K): tau_alpha(Tg) = tau_at_Tg_s (documentation, checks)
  double atoms_per_unit = 10.0;          ///< atoms in one relaxation unit
  double molar_mass_g_mol = 100.0;       ///< per mole of atoms
  double density_g_cm3 = 6.6;
  double glass_heat_capacity_J_mol_K = 24.9;  ///< vibrational c_p baseline, per mole of atoms
  int energy_bins = 96;                  ///< classes of the alpha density of states
  AlphaParameters alpha;
  BetaParameters beta;
  MechanicsParameters mechanics;

  /// Throws InputError naming the field ("alpha.vft_T0_K", ...) for non-finite, non-positive
  /// or inconsistent values (T0 >= Tg, fewer than 8 energy bins, ...).
  void validate(const std::string& where) const;
  /// Molar volume of atoms (m^3/mol).
  double molar_volume_m3() const { return molar_mass_g_mol / density_g_cm3 * 1e-6; }
};

}  // namespace glassland::model
