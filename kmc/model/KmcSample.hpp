#pragma once
// Stochastic solver: kinetic Monte Carlo over N explicit relaxation units. With rates frozen
// over a step (the same RateTable as the master equation), each unit's alpha hops are simulated
// exactly (exponential waiting times; after a hop the unit lands in energy class e' ~ q, a
// beta class drawn by its partition function and a beta level drawn from its equilibrium occupancy), then its
// beta level is propagated with the exact two-level transition probabilities. Units interact
// only through the fictive temperature (sample mean energy), frozen at the start of the step.
// Same seed -> same trajectory.
#include <cstdint>
#include <random>

#include "kmc/model/LandscapeModel.hpp"
#include "kmc/model/Sample.hpp"

namespace glassland::model {

class KmcSample : public LandscapeSample {
public:
  /// `units` >= 1 relaxation units drawn from equilibrium at temperature_K with `seed`.
  KmcSample(std::shared_ptr<const LandscapeModel> model, std::size_t units, double temperature_K,
            std::uint64_t seed);

  std::unique_ptr<Sample> clone() const override { return std::make_unique<KmcSample>(*this); }
  std::string solver_name() const override { return "kmc"; }
  void equilibrate(double temperature_K) override;
  void advance(double dt, const LoadState& load) override;
  double enthalpy_per_atom() const override;
  double fictive_temperature() const override;
  std::vector<double> occupation() const override;
  std::size_t units() const { return energy_class_.size(); }
  /// Alpha hops performed so far (all units).
  std::uint64_t alpha_hops() const { return alpha_hops_; }

private:
  double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  int draw_class(const std::vector<double>& cumulative);
  /// True with `probability`, exactly, from 32 random bits (a fresh draw only when needed).
  bool bernoulli(std::uint32_t bits, double probability);
  void hop_alpha(std::size_t unit, double first_wait, double dt, const RateTable& rates,
                 const std::vector<double>& destination_cdf, const std::vector<double>& beta_cdf);

  std::mt19937_64 rng_;
  std::vector<std::uint16_t> energy_class_;
  std::vector<std::uint8_t> beta_class_;
  std::vector<std::uint8_t> level_;
  double energy_sum_ = 0.0;  ///< sum of alpha energies (kJ/mol unit), kept incrementally
  std::uint64_t alpha_hops_ = 0;
};

}  // namespace glassland::model
