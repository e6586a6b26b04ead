#pragma once
// "nvt-langevin": Langevin dynamics with friction γ = 1/Tdamp, integrated by the BAOAB
// splitting (Leimkuhler & Matthews, Appl. Math. Res. Express 2013, 34): kick dt/2, drift
// dt/2, exact Ornstein–Uhlenbeck velocity update over dt, drift dt/2, forces, kick dt/2.
// Configurational averages are accurate to O(dt²) and the kinetic temperature is exact for
// harmonic forces. The noise does not conserve momentum, so N_f = 3N.
// Random numbers: one std::mt19937_64 seeded with `seed`, drawn in atom order (same seed ->
// same trajectory, independent of the thread count).
#include <random>

#include "md/Integrator.hpp"

namespace glassland::md {

class LangevinBaoab : public Integrator {
public:
  explicit LangevinBaoab(const IntegratorParameters& parameters);
  std::string name() const override { return "nvt-langevin"; }
  ForceTotals step(System& system, ForceCompute& forces) override;
  void set_target_temperature(double temperature) override { temperature_ = temperature; }
  int degrees_of_freedom(const System& system) const override { return 3 * static_cast<int>(system.size()); }
  /// Minus the kinetic energy the heat bath has added so far (energy).
  double reservoir_energy() const override { return heat_to_bath_; }

private:
  void ornstein_uhlenbeck(System& system);

  double dt_, friction_, temperature_;
  std::mt19937_64 rng_;
  std::normal_distribution<double> normal_{0.0, 1.0};
  double heat_to_bath_ = 0.0;
};

}  // namespace glassland::md
