#pragma once
// Thermodynamic observables of a System: potential, kinetic and total energy, temperature,
// pressure tensor (kinetic + virial part) and volume.
//
// Units: those of system.units (md/Units.hpp). Energies in energy units, temperature in
// temperature units (k_B from unit_constants), pressure in the pressure unit (ε/σ³ for lj,
// bar for metal), volume in length³.
#include <cstdint>

#include "md/System.hpp"

namespace glassland::md {

struct Thermo {
  double potential_energy = 0.0;
  double kinetic_energy = 0.0;
  double total_energy = 0.0;
  double temperature = 0.0;
  double pressure = 0.0;                       ///< trace(pressure_tensor) / 3
  Mat3 pressure_tensor = Mat3::Zero();         ///< (sum m v_a v_b + W_ab) / V
  double volume = 0.0;
  int degrees_of_freedom = 0;
};

/// Kinetic energy sum m v²/2 (energy).
double kinetic_energy(const System& system);
/// Kinetic tensor K_ab = sum m v_a v_b (energy); trace = 2 KE.
Mat3 kinetic_tensor(const System& system);
/// Degrees of freedom of a system whose total momentum is conserved and zero (3N - 3, as
/// LAMMPS' compute temp). Stochastic thermostats that do not conserve momentum use 3N.
int momentum_conserving_dof(const System& system);
/// T = 2 KE / (dof k_B) (temperature); 0 when dof <= 0.
double temperature_of(const System& system, int degrees_of_freedom);

/// All observables. `potential_energy` (energy) and `virial` (W_ab = sum_pairs r_ij,a f_ij,b,
/// energy) come from the force computation; `degrees_of_freedom` from the integrator.
Thermo compute_thermo(const System& system, double potential_energy, const Mat3& virial,
                      int degrees_of_freedom);

/// Draws Maxwell-Boltzmann velocities at `temperature` (seeded), removes the centre-of-mass
/// velocity and rescales so that temperature_of(system, 3N - 3) equals `temperature` exactly.
void assign_maxwell_velocities(System& system, double temperature, std::uint64_t seed);
/// Subtracts the mass-weighted mean velocity.
void remove_center_of_mass_velocity(System& system);

}  // namespace glassland::md
