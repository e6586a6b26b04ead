#pragma once
// The integrator interface (one MD time step of a System under a ForceCompute) and its
// parameters. Implementations, registered by name in register_integrators()
// (IntegratorRegistry.cpp):
//   nve           velocity Verlet
//   nvt-nh        Nosé–Hoover chain thermostat (Martyna, Klein, Tuckerman 1992/1996), like
//                 LAMMPS `fix nvt` (chain length 3, Tdamp)
//   nvt-langevin  Langevin dynamics, BAOAB splitting (Leimkuhler & Matthews 2013), seeded
//   npt           MTK barostat (Martyna, Tobias, Klein 1994; Tuckerman et al. 2006) with a
//                 Nosé–Hoover chain on the particles, isotropic or orthorhombic coupling
//
// Units: those of the system (md/Units.hpp): time step and damping times in time units,
// temperature in temperature units, pressure in pressure units. Positions are NOT wrapped
// during a run (image flags stay as they are); call wrap_positions() when a wrapped copy is
// needed. That keeps trajectories continuous and avoids spurious neighbour-list rebuilds.
#include <cstdint>
#include <string>

#include "md/ForceCompute.hpp"
#include "md/System.hpp"

namespace glassland::md {

enum class BarostatCoupling { isotropic, orthorhombic };

struct IntegratorParameters {
  double timestep = 0.005;          ///< dt (time)
  double temperature = 1.0;         ///< target temperature (thermostatted integrators)
  double temperature_damping = 0.5; ///< Tdamp (time): NH period / Langevin 1/friction
  int chain_length = 3;             ///< Nosé–Hoover chain length
  double pressure = 0.0;            ///< target pressure (npt)
  double pressure_damping = 5.0;    ///< Pdamp (time) of the barostat (npt)
  BarostatCoupling coupling = BarostatCoupling::isotropic;
  std::uint64_t seed = 1;           ///< Langevin noise seed

  /// Throws InputError naming the field ("timestep", "temperature", ...) if out of range.
  void validate() const;
};

class Integrator {
public:
  virtual ~Integrator() = default;
  virtual std::string name() const = 0;

  /// Computes the initial forces; call once before the first step (and after any external
  /// change of positions or box). Returns energy and virial.
  virtual ForceTotals setup(System& system, ForceCompute& forces);
  /// Advances one time step; returns energy and virial at the new positions.
  virtual ForceTotals step(System& system, ForceCompute& forces) = 0;

  /// Changes the thermostat target (used by temperature schedules); no-op for nve.
  virtual void set_target_temperature(double /*temperature*/) {}
  /// Degrees of freedom for the instantaneous temperature (3N - 3 when momentum is conserved).
  virtual int degrees_of_freedom(const System& system) const;
  /// Energy stored in (or exchanged with) thermostat/barostat variables, so that
  /// potential + kinetic + reservoir_energy() is conserved at fixed targets (energy).
  virtual double reservoir_energy() const { return 0.0; }

  /// Last force totals (from setup() or step()).
  const ForceTotals& last_totals() const { return totals_; }

protected:
  ForceTotals totals_;
};

/// v += dt · F / m (with the unit system's force-to-acceleration factor).
void kick(System& system, double dt);
/// x += dt · v.
void drift(System& system, double dt);
/// Maps every position into the primary cell, updating image flags (unwrapped positions
/// are unchanged). Invalidate the force's neighbour list afterwards.
void wrap_positions(System& system);

}  // namespace glassland::md
