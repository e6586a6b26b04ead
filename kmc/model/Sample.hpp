#pragma once
// A sample that protocols drive and instruments observe. Implementations: MasterEquationSample
// and KmcSample (the landscape model, two solvers) and TnmSample (Tool-Narayanaswamy-Moynihan
// baseline). Units: s, K, kJ/mol per mole of atoms, GPa.
#include <memory>
#include <string>
#include <vector>

#include "kmc/model/LoadState.hpp"

namespace glassland::model {

class LandscapeModel;
struct RateTable;

class Sample {
public:
  virtual ~Sample() = default;
  virtual std::unique_ptr<Sample> clone() const = 0;
  /// Short name of the model/solver ("master_equation", "kmc", "tnm").
  virtual std::string solver_name() const = 0;

  /// Puts the sample in equilibrium at temperature_K.
  virtual void equilibrate(double temperature_K) = 0;
  /// Advances by dt (s) with `load` held constant over the step.
  virtual void advance(double dt, const LoadState& load) = 0;

  /// Configurational enthalpy per mole of atoms (kJ/mol); differences are what DSC measures.
  virtual double enthalpy_per_atom() const = 0;
  /// Fictive temperature (K) of the cooperative (alpha) state.
  virtual double fictive_temperature() const = 0;
  /// Vibrational heat-capacity baseline (kJ/(mol K) per mole of atoms).
  virtual double glass_heat_capacity() const = 0;
  /// Mean alpha rearrangement rate per unit (1/s) under `load` (1/tau_alpha in equilibrium).
  virtual double mean_alpha_rate(const LoadState& load) const = 0;

  /// Landscape access for mechanical instruments; nullptr for models without a landscape (TNM).
  virtual const LandscapeModel* landscape() const { return nullptr; }
  /// Occupation of the landscape states (sum 1); empty for TNM.
  virtual std::vector<double> occupation() const { return {}; }
};

/// Shared by both landscape solvers: observables are functions of the class occupation.
class LandscapeSample : public Sample {
public:
  explicit LandscapeSample(std::shared_ptr<const LandscapeModel> model) : model_(std::move(model)) {}
  const LandscapeModel* landscape() const override { return model_.get(); }
  double glass_heat_capacity() const override;
  double mean_alpha_rate(const LoadState& load) const override;
  /// Rates for the current state (Tf from the occupation; work-driven hops under cyclic load).
  RateTable current_rates(const LoadState& load, const std::vector<double>& occupation) const;

protected:
  std::shared_ptr<const LandscapeModel> model_;
};

}  // namespace glassland::model
