#pragma once
// Deterministic solver: the master equation over (energy class, beta class, beta level)
// occupations, i.e. the N -> infinity limit of KmcSample. Cost per step is independent of the
// number of units, which is what makes 10^6-unit DSC runs cheap.
//
// One step of length dt with rates frozen (operator splitting, alpha then beta):
//  alpha: p_i <- p_i exp(-k_e dt) + q_e w_b pi_s(b) R (1 - exp(-k_e dt)) / k_e, with the inflow
//         R chosen so that probability is conserved exactly (this also keeps any stationary
//         distribution exactly stationary for any dt);
//  beta:  exact two-level relaxation toward pi(b) with rate k_up + k_down of class (e, b).
#include "kmc/model/LandscapeModel.hpp"
#include "kmc/model/Sample.hpp"

namespace glassland::model {

class MasterEquationSample : public LandscapeSample {
public:
  MasterEquationSample(std::shared_ptr<const LandscapeModel> model, double temperature_K);

  std::unique_ptr<Sample> clone() const override { return std::make_unique<MasterEquationSample>(*this); }
  std::string solver_name() const override { return "master_equation"; }
  void equilibrate(double temperature_K) override;
  void advance(double dt, const LoadState& load) override;
  double enthalpy_per_atom() const override { return model_->enthalpy_per_atom(p_); }
  double fictive_temperature() const override;
  std::vector<double> occupation() const override { return p_; }

private:
  void advance_alpha(double dt, const RateTable& rates);
  void advance_beta(double dt, const RateTable& rates);

  std::vector<double> p_;
};

}  // namespace glassland::model
