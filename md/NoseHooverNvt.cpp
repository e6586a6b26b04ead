#include "md/NoseHooverNvt.hpp"

namespace glassland::md {

NoseHooverNvt::NoseHooverNvt(const IntegratorParameters& parameters)
    : dt_(parameters.timestep),
      chain_(parameters.temperature, parameters.temperature_damping, parameters.chain_length) {
  parameters.validate();
}

ForceTotals NoseHooverNvt::step(System& system, ForceCompute& forces) {
  const int dof = degrees_of_freedom(system);
  chain_.half_step(system, dof, dt_);
  kick(system, 0.5 * dt_);
  drift(system, dt_);
  totals_ = forces.compute(system);
  kick(system, 0.5 * dt_);
  chain_.half_step(system, dof, dt_);
  chain_energy_ = chain_.energy(dof, unit_constants(system.units).boltzmann);
  return totals_;
}

}  // namespace glassland::md
