#include "md/MtkNpt.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"
#include "md/Thermo.hpp"

namespace glassland::md {

MtkNpt::MtkNpt(const IntegratorParameters& parameters)
    : parameters_(parameters),
      chain_(parameters.temperature, parameters.temperature_damping, parameters.chain_length) {
  parameters.validate();
}

ForceTotals MtkNpt::setup(System& system, ForceCompute& forces) {
  if (system.box.is_triclinic()) throw InputError("ensemble", "npt supports orthorhombic boxes only");
  return Integrator::setup(system, forces);
}

double MtkNpt::barostat_mass(const System& system) const {
  const double boltzmann = unit_constants(system.units).boltzmann;
  // Same floor as the thermostat so that a ramp to T = 0 keeps a finite barostat mass.
  const double t = std::max(chain_.target_temperature(), 1e-6);
  const double damping = parameters_.pressure_damping;
  return (static_cast<double>(system.size()) + 1.0) * boltzmann * t * damping * damping;
}

void MtkNpt::update_strain_rate(const System& system, double dt) {
  const int dof = degrees_of_freedom(system);
  const Thermo thermo = compute_thermo(system, totals_.energy, totals_.virial, dof);
  const double to_energy_density = 1.0 / unit_constants(system.units).pressure_factor;
  const double mass = barostat_mass(system);
  const double kinetic_term = 2.0 * thermo.kinetic_energy / dof;
  for (int a = 0; a < 3; ++a) {
    const double p = parameters_.coupling == BarostatCoupling::isotropic ? thermo.pressure
                                                                          : thermo.pressure_tensor(a, a);
    const double force = (p - parameters_.pressure) * thermo.volume * to_energy_density + kinetic_term;
    omega_[a] += dt * force / mass;
  }
}

void MtkNpt::scale_velocities(System& system, int dof, double dt) const {
  const double coupling = omega_.sum() / dof;
  const Vec3 factor((-dt * (omega_.array() + coupling)).exp());
  for (auto& v : system.velocity) v = v.cwiseProduct(factor);
}

void MtkNpt::dilate(System& system, double dt) const {
  const Mat3 f = Vec3((dt * omega_.array()).exp()).asDiagonal();
  for (auto& r : system.position) r = system.box.deform_point(r, f);
  system.box.deform(f);
}

ForceTotals MtkNpt::step(System& system, ForceCompute& forces) {
  const double dt = parameters_.timestep;
  const int dof = degrees_of_freedom(system);
  chain_.half_step(system, dof, dt);
  update_strain_rate(system, 0.5 * dt);
  scale_velocities(system, dof, 0.5 * dt);
  kick(system, 0.5 * dt);
  dilate(system, 0.5 * dt);
  drift(system, dt);
  dilate(system, 0.5 * dt);
  totals_ = forces.compute(system);
  kick(system, 0.5 * dt);
  scale_velocities(system, dof, 0.5 * dt);
  update_strain_rate(system, 0.5 * dt);
  chain_.half_step(system, dof, dt);

  const UnitConstants c = unit_constants(system.units);
  reservoir_ = chain_.energy(dof, c.boltzmann) + 0.5 * barostat_mass(system) * omega_.squaredNorm() +
               parameters_.pressure * system.box.volume() / c.pressure_factor;
  return totals_;
}

}  // namespace glassland::md
