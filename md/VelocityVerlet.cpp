#include "md/VelocityVerlet.hpp"

namespace glassland::md {

VelocityVerlet::VelocityVerlet(const IntegratorParameters& parameters) : dt_(parameters.timestep) {
  parameters.validate();
}

ForceTotals VelocityVerlet::step(System& system, ForceCompute& forces) {
  kick(system, 0.5 * dt_);
  drift(system, dt_);
  totals_ = forces.compute(system);
  kick(system, 0.5 * dt_);
  return totals_;
}

}  // namespace glassland::md
