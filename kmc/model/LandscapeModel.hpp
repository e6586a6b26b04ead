#pragma once
// The coarse landscape model: classes, rates and observables (equations in
// docs/landscape-model.md). A relaxation unit is in one alpha metabasin (energy class e of a
// Gaussian density of states), carries one beta two-level system (class b: barrier and
// asymmetry) and sits in its lower or upper beta level (s = 0, 1). Both solvers
// (MasterEquationSample, KmcSample) evolve occupations of the same states with the same
// RateTable, so they are two solutions of one stochastic process.
// Energies in kJ/mol per mole of units, temperatures in K, times in s, moduli in GPa.
#include <complex>
#include <cstddef>
#include <vector>

#include "kmc/model/LoadState.hpp"
#include "kmc/model/ModelParameters.hpp"
#include "kmc/model/StressCycle.hpp"

namespace glassland::model {

/// Rates frozen over one time step (1/s) and the destination of alpha rearrangements.
struct RateTable {
  std::vector<double> alpha_rate;        ///< per energy class e (includes work-driven hops)
  std::vector<double> destination;       ///< q_e: class probabilities after an alpha hop (sum 1)
  std::vector<double> beta_relaxation;   ///< k_up + k_down per (e, b), index e * B + b
  std::vector<double> beta_upper_equilibrium;  ///< equilibrium upper-level occupancy per b
  /// Probability of beta class b after an alpha hop: proportional to its partition function
  /// 1 + exp(-Delta_b / RT), so the joint Boltzmann distribution is stationary (detailed balance).
  std::vector<double> beta_class_weight;
};

class LandscapeModel {
public:
  explicit LandscapeModel(ModelParameters parameters);  ///< validates

  const ModelParameters& parameters() const { return parameters_; }
  int energy_classes() const { return parameters_.energy_bins; }
  int beta_classes() const { return static_cast<int>(beta_barrier_kj_.size()); }
  std::size_t state_count() const { return static_cast<std::size_t>(energy_classes() * beta_classes()) * 2; }
  static std::size_t index(int e, int b, int s, int beta_classes) {
    return (static_cast<std::size_t>(e) * static_cast<std::size_t>(beta_classes) + static_cast<std::size_t>(b)) * 2 + static_cast<std::size_t>(s);
  }

  double class_energy(int e) const { return energy_[static_cast<std::size_t>(e)]; }  ///< kJ/mol unit
  double beta_asymmetry(int b) const { return beta_asymmetry_kj_[static_cast<std::size_t>(b)]; }
  /// Energy of state (e, b, s): E_e + s * Delta_b (kJ/mol unit).
  double state_energy(int e, int b, int s) const { return class_energy(e) + s * beta_asymmetry(b); }

  /// Equilibrium mean alpha energy at T (continuum Gaussian DOS): -sigma^2 / (R T) (kJ/mol).
  double equilibrium_mean_energy(double temperature_K) const;
  /// Fictive temperature (K) whose equilibrium mean alpha energy equals `mean_energy`.
  double fictive_temperature(double mean_energy) const;
  /// Equilibrium alpha time tau0 exp(B / (T - T0)) (s).
  double vft_time(double temperature_K) const;
  /// Non-equilibrium cooperative time tau0 exp(B Tf / (T (Tf - T0))) (Scherer-Hodge/Adam-Gibbs) (s).
  double cooperative_time(double temperature_K, double fictive_K) const;
  /// Arrhenius beta time of barrier class b at zero asymmetry and kappa coupling (s).
  double beta_arrhenius_time(int b, double temperature_K) const;

  /// Occupations in equilibrium at T (sum 1): Boltzmann weights over the discrete states.
  std::vector<double> equilibrium_occupation(double temperature_K) const;
  /// Barrier factors of the step's stress: the static stress, or the cyclic waveform resolved
  /// within its cycle (phase-average quadrature accurate for barriers up to stiffest_x RT).
  StressCycleAverage stress_cycle(const LoadState& load, double stiffest_x) const;
  /// Rates for one step; every barrier is scaled by the stress (cycle-averaged rates under a
  /// cyclic load, exact over whole cycles when the rates do not change within one). `fictive_K` is the sample's current fictive temperature;
  /// `work_driven_rate` (1/s) is added to every alpha rate (dissipation-driven rearrangements).
  RateTable rates(const LoadState& load, double fictive_K, double work_driven_rate) const;

  double mean_alpha_energy(const std::vector<double>& occupation) const;      ///< kJ/mol unit
  /// Configurational enthalpy per mole of atoms (kJ/mol), reference: mean of the prior DOS.
  double enthalpy_per_atom(const std::vector<double>& occupation) const;
  /// Complex Young's modulus E' + i E'' (GPa) at angular frequency omega (rad/s) in the
  /// linear-response limit around the current occupation.
  std::complex<double> complex_modulus(const std::vector<double>& occupation, const RateTable& rates,
                                       double omega) const;
  /// Rate (1/s per unit) of alpha hops forced by the work dissipated under a cyclic stress:
  /// P = 1/2 omega sigma_a^2 J''(omega) per volume, divided by work_per_rearrangement.
  double work_driven_rate(const std::vector<double>& occupation, const RateTable& rates,
                          const LoadState& load) const;

private:

  ModelParameters parameters_;
  std::vector<double> energy_;          ///< class energies (kJ/mol unit)
  std::vector<double> prior_;           ///< Gaussian DOS weights per class (sum 1)
  std::vector<double> beta_barrier_kj_; ///< per beta class (kJ/mol unit)
  std::vector<double> beta_asymmetry_kj_;
  double reference_energy_ = 0.0;       ///< ebar(Tg): kappa coupling is measured from here
};

}  // namespace glassland::model
