#include "md/Thermo.hpp"

#include <cmath>
#include <random>

namespace glassland::md {

Mat3 kinetic_tensor(const System& system) {
  Mat3 k = Mat3::Zero();
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3& v = system.velocity[i];
    k.noalias() += system.mass(i) * (v * v.transpose());
  }
  return k * unit_constants(system.units).mvv_to_energy;
}

double kinetic_energy(const System& system) {
  double sum = 0.0;
  for (std::size_t i = 0; i < system.size(); ++i) sum += system.mass(i) * system.velocity[i].squaredNorm();
  return 0.5 * sum * unit_constants(system.units).mvv_to_energy;
}

int momentum_conserving_dof(const System& system) {
  const int n = static_cast<int>(system.size());
  return n > 1 ? 3 * n - 3 : 3 * n;
}

double temperature_of(const System& system, int degrees_of_freedom) {
  if (degrees_of_freedom <= 0) return 0.0;
  return 2.0 * kinetic_energy(system) / (degrees_of_freedom * unit_constants(system.units).boltzmann);
}

Thermo compute_thermo(const System& system, double potential_energy, const Mat3& virial,
                      int degrees_of_freedom) {
  Thermo t;
  const Mat3 k = kinetic_tensor(system);
  t.potential_energy = potential_energy;
  t.kinetic_energy = 0.5 * k.trace();
  t.total_energy = t.potential_energy + t.kinetic_energy;
  t.degrees_of_freedom = degrees_of_freedom;
  t.temperature = degrees_of_freedom > 0
                      ? k.trace() / (degrees_of_freedom * unit_constants(system.units).boltzmann)
                      : 0.0;
  t.volume = system.box.volume();
  // Symmetrised virial: for pair forces W is symmetric up to round-off.
  t.pressure_tensor = (k + 0.5 * (virial + virial.transpose())) / t.volume *
                      unit_constants(system.units).pressure_factor;
  t.pressure = t.pressure_tensor.trace() / 3.0;
  return t;
}

void remove_center_of_mass_velocity(System& system) {
  Vec3 momentum = Vec3::Zero();
  double mass = 0.0;
  for (std::size_t i = 0; i < system.size(); ++i) {
    momentum += system.mass(i) * system.velocity[i];
    mass += system.mass(i);
  }
  if (mass <= 0.0) return;
  const Vec3 v_cm = momentum / mass;
  for (auto& v : system.velocity) v -= v_cm;
}

void assign_maxwell_velocities(System& system, double temperature, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  const UnitConstants c = unit_constants(system.units);
  for (std::size_t i = 0; i < system.size(); ++i) {
    // sigma_v = sqrt(kT / m) with m v² converted to energy by mvv_to_energy.
    const double sigma = std::sqrt(c.boltzmann * temperature / (system.mass(i) * c.mvv_to_energy));
    const double vx = normal(rng), vy = normal(rng), vz = normal(rng);
    system.velocity[i] = sigma * Vec3(vx, vy, vz);
  }
  remove_center_of_mass_velocity(system);
  const double current = temperature_of(system, momentum_conserving_dof(system));
  if (current > 0.0) {
    const double scale = std::sqrt(temperature / current);
    for (auto& v : system.velocity) v *= scale;
  }
}

}  // namespace glassland::md
