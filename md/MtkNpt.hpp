#pragma once
// "npt": Martyna–Tobias–Klein barostat (J. Chem. Phys. 101, 4177 (1994)) in the
// measure-preserving splitting of Tuckerman et al. (J. Phys. A 39, 5629 (2006)), arranged
// like LAMMPS `fix npt`: thermostat half step, barostat half step, velocity kick and
// barostat scaling, box dilation exp(ω dt/2) around a drift, forces, and the mirror image.
//
// Per box dimension a (all equal for isotropic coupling) the strain rate ω_a obeys
//   W dω_a/dt = V (P_aa - P_target) + 2 KE / N_f        (P_aa averaged for isotropic)
// with W = (N + 1) k_B T Tdamp_p² (LAMMPS' choice), particle velocities feel
//   dv_a/dt = F_a/m - (ω_a + sum_b ω_b / N_f) v_a - (chain friction) v_a,
// and the box edges grow as dL_a/dt = ω_a L_a. Particles are thermostatted by a
// Nosé–Hoover chain; the barostat itself is not (limitation: its kinetic energy equilibrates
// only through the coupling). Orthorhombic boxes only.
#include "md/Integrator.hpp"
#include "md/NoseHooverChain.hpp"

namespace glassland::md {

class MtkNpt : public Integrator {
public:
  explicit MtkNpt(const IntegratorParameters& parameters);
  std::string name() const override { return "npt"; }
  ForceTotals setup(System& system, ForceCompute& forces) override;
  ForceTotals step(System& system, ForceCompute& forces) override;
  void set_target_temperature(double temperature) override { chain_.set_target_temperature(temperature); }
  /// Chain energy + barostat kinetic energy + P_target V (energy).
  double reservoir_energy() const override { return reservoir_; }
  /// Current strain rates ω_a (1/time).
  const Vec3& strain_rate() const { return omega_; }

private:
  double barostat_mass(const System& system) const;
  void update_strain_rate(const System& system, double dt);
  void scale_velocities(System& system, int dof, double dt) const;
  void dilate(System& system, double dt) const;

  IntegratorParameters parameters_;
  NoseHooverChain chain_;
  Vec3 omega_ = Vec3::Zero();
  double reservoir_ = 0.0;
};

}  // namespace glassland::md
