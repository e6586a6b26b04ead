#pragma once
// "nve": velocity Verlet (kick dt/2, drift dt, forces, kick dt/2). Time-reversible and
// symplectic: the energy error stays bounded and scales as dt².
#include "md/Integrator.hpp"

namespace glassland::md {

class VelocityVerlet : public Integrator {
public:
  explicit VelocityVerlet(const IntegratorParameters& parameters);
  std::string name() const override { return "nve"; }
  ForceTotals step(System& system, ForceCompute& forces) override;

private:
  double dt_;
};

}  // namespace glassland::md
