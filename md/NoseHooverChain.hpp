#pragma once
// A Nosé–Hoover chain of M thermostats acting on the particle velocities (Martyna, Klein &
// Tuckerman, J. Chem. Phys. 97, 2635 (1992); integration scheme of Martyna, Tuckerman,
// Tobias & Klein, Mol. Phys. 87, 1117 (1996), one Trotter stage, as LAMMPS `fix nvt`).
//
// Masses follow LAMMPS: Q_1 = N_f k_B T Tdamp², Q_k = k_B T Tdamp² (k > 1), recomputed from
// the current target so that temperature schedules keep the same period. The chain's energy
// sum_k Q_k ξ_k²/2 + N_f k_B T η_1 + k_B T sum_{k>1} η_k makes H + chain_energy conserved.
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

class NoseHooverChain {
public:
  /// temperature (temperature units), damping Tdamp (time), chain_length M >= 1.
  NoseHooverChain(double temperature, double damping, int chain_length);

  void set_target_temperature(double temperature) { temperature_ = temperature; }
  double target_temperature() const { return temperature_; }

  /// Propagates the chain by dt/2 and scales all velocities accordingly; `dof` = N_f.
  /// Returns the velocity scale factor applied.
  double half_step(System& system, int dof, double dt);
  /// Energy of the chain variables (energy), see above.
  double energy(int dof, double boltzmann) const;

private:
  void update_masses(int dof, double kt);

  double temperature_, damping_;
  std::vector<double> eta_, eta_dot_, mass_, force_;
};

}  // namespace glassland::md
