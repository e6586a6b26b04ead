#pragma once
// "nvt-nh": velocity Verlet inside two half steps of a Nosé–Hoover chain (NoseHooverChain),
// the Trotter splitting of LAMMPS `fix nvt`. Samples the canonical ensemble with N_f = 3N - 3.
#include "md/Integrator.hpp"
#include "md/NoseHooverChain.hpp"

namespace glassland::md {

class NoseHooverNvt : public Integrator {
public:
  explicit NoseHooverNvt(const IntegratorParameters& parameters);
  std::string name() const override { return "nvt-nh"; }
  ForceTotals step(System& system, ForceCompute& forces) override;
  void set_target_temperature(double temperature) override { chain_.set_target_temperature(temperature); }
  double reservoir_energy() const override { return chain_energy_; }

private:
  double dt_;
  NoseHooverChain chain_;
  double chain_energy_ = 0.0;
};

}  // namespace glassland::md
