#include "md/LangevinBaoab.hpp"

#include <cmath>

#include "md/Thermo.hpp"

namespace glassland::md {

LangevinBaoab::LangevinBaoab(const IntegratorParameters& parameters)
    : dt_(parameters.timestep),
      friction_(1.0 / parameters.temperature_damping),
      temperature_(parameters.temperature),
      rng_(parameters.seed) {
  parameters.validate();
}

void LangevinBaoab::ornstein_uhlenbeck(System& system) {
  const UnitConstants c = unit_constants(system.units);
  const double decay = std::exp(-friction_ * dt_);
  const double noise = std::sqrt(1.0 - decay * decay);
  const double before = kinetic_energy(system);
  for (std::size_t i = 0; i < system.size(); ++i) {
    // Equilibrium velocity spread per component: sqrt(k_B T / m) in length/time.
    const double sigma = std::sqrt(c.boltzmann * temperature_ / (system.mass(i) * c.mvv_to_energy));
    const double rx = normal_(rng_), ry = normal_(rng_), rz = normal_(rng_);
    system.velocity[i] = decay * system.velocity[i] + (noise * sigma) * Vec3(rx, ry, rz);
  }
  heat_to_bath_ -= kinetic_energy(system) - before;
}

ForceTotals LangevinBaoab::step(System& system, ForceCompute& forces) {
  kick(system, 0.5 * dt_);
  drift(system, 0.5 * dt_);
  ornstein_uhlenbeck(system);
  drift(system, 0.5 * dt_);
  totals_ = forces.compute(system);
  kick(system, 0.5 * dt_);
  return totals_;
}

}  // namespace glassland::md
