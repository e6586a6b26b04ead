#pragma once
// Rates of the transitions of a RateNetwork under a protocol: k = nu exp(-dE(sigma(t))/kT(t)).
// Temperatures are thermal energies kT in the catalog's energy unit; times in its time unit.
// When neither kT nor sigma depends on time the model is homogeneous and the engine uses a
// precomputed ConstantRates table (ConstantRates.hpp); otherwise it integrates the hazard exactly (IntegratedHazard).
#include <vector>

#include "kmc/RateNetwork.hpp"
#include "kmc/StressProtocol.hpp"
#include "md/TemperatureSchedule.hpp"

namespace glassland::kmc {

class RateModel {
public:
  /// `thermal_energy`: kT(t) as a piecewise-linear schedule (a one-point schedule is constant).
  /// Throws InputError("temperature") if kT < 0 anywhere or kT = 0 with no later rise.
  RateModel(const RateNetwork& network, md::TemperatureSchedule thermal_energy,
            StressProtocol stress = {}, BiasLaw law = BiasLaw::linear);

  const RateNetwork& network() const { return *network_; }
  double kT_at(double time) const { return schedule_.temperature_at(time); }
  double stress_at(double time) const { return stress_.stress_at(time); }
  const StressProtocol& stress() const { return stress_; }
  bool homogeneous() const { return homogeneous_; }

  /// Rate of transition e (1/time) at thermal energy kT and stress sigma. kT <= 0 gives 0.
  double rate(std::uint32_t e, double kT, double sigma) const;
  /// Total escape rate of state s at time t, and the rates of its transitions (written to out).
  double escape_rate(StateIndex s, double time) const;
  double transition_rates(StateIndex s, double time, std::vector<double>& out) const;

  /// The first time > t where kT(t) or sigma(t) has a kink or jump (+infinity if none).
  double next_breakpoint(double time) const;
  /// True if rates no longer change after `time`.
  bool constant_after(double time) const;
  /// Longest step the hazard integration may take (resolves an oscillating stress).
  double max_step() const { return stress_.max_step(); }

private:
  const RateNetwork* network_;
  md::TemperatureSchedule schedule_;
  StressProtocol stress_;
  BiasLaw law_;
  std::vector<double> breakpoints_;
  bool homogeneous_ = true;
};

}  // namespace glassland::kmc
