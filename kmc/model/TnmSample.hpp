#pragma once
// Tool-Narayanaswamy-Moynihan baseline with a stretched-exponential (KWW) response
// (Tool 1946; Narayanaswamy 1971; Moynihan et al. 1976; Hodge 1994 review):
//   tau(T, Tf) = A exp(x dh/(R T) + (1 - x) dh/(R Tf)),
//   Tf(t) = T_start + sum_j dT_j [1 - exp(-(xi(t) - xi_j)^beta)],  xi = integral dt / tau,
//   H = dcp (Tf - Tg) per mole of atoms (configurational part), c_p = c_g + dcp dTf/dT.
// Top-down parameters: dh/R = B Tg^2 / (Tg - T0)^2 (the VFT slope at Tg), A such that
// tau(Tg, Tg) = tau_VFT(Tg). Thermal protocols only: no landscape, no mechanics.
#include <vector>

#include "kmc/model/Sample.hpp"

namespace glassland::model {

struct TnmParameters {
  double nonlinearity_x = 0.5;    ///< x in (0, 1]
  double kww_beta = 0.5;          ///< stretching exponent in (0, 1]
  double activation_K = 60000.0;  ///< dh / R (K)
  double log_prefactor = -100.0;  ///< ln(A / 1 s)
  double delta_cp_kj_mol_K = 0.012;  ///< configurational heat-capacity step per mole of atoms
  double glass_cp_kj_mol_K = 0.0249; ///< vibrational baseline per mole of atoms
  double reference_K = 440.0;     ///< enthalpy zero (Tf = reference)
  void validate(const std::string& where) const;
};

class TnmSample : public Sample {
public:
  TnmSample(TnmParameters parameters, double temperature_K);
  std::unique_ptr<Sample> clone() const override { return std::make_unique<TnmSample>(*this); }
  std::string solver_name() const override { return "tnm"; }
  void equilibrate(double temperature_K) override;
  void advance(double dt, const LoadState& load) override;
  double enthalpy_per_atom() const override;
  double fictive_temperature() const override { return fictive_; }
  double glass_heat_capacity() const override { return parameters_.glass_cp_kj_mol_K; }
  double mean_alpha_rate(const LoadState& load) const override;
  double relaxation_time(double temperature_K, double fictive_K) const;  ///< s

private:
  TnmParameters parameters_;
  double start_temperature_ = 0.0;
  double temperature_ = 0.0;
  double fictive_ = 0.0;
  double reduced_time_ = 0.0;            ///< xi (dimensionless)
  double settled_ = 0.0;                 ///< sum of temperature steps whose response is complete
  std::vector<double> step_size_;        ///< dT_j of steps still relaxing (K)
  std::vector<double> step_reduced_time_;///< xi_j at which they happened
};

}  // namespace glassland::model
