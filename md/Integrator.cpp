#include "md/Integrator.hpp"

#include <cmath>

#include "md/Error.hpp"
#include "md/Thermo.hpp"
#include "md/Threads.hpp"

namespace glassland::md {

namespace {
void require_positive(const char* field, double value) {
  if (!std::isfinite(value) || value <= 0.0) throw InputError(field, "must be finite and > 0");
}
}  // namespace

void IntegratorParameters::validate() const {
  require_positive("timestep", timestep);
  if (!std::isfinite(temperature) || temperature < 0.0) throw InputError("temperature", "must be finite and >= 0");
  require_positive("temperature_damping", temperature_damping);
  if (chain_length < 1) throw InputError("chain_length", "Nosé–Hoover chain length must be >= 1");
  if (!std::isfinite(pressure)) throw InputError("pressure", "must be finite");
  require_positive("pressure_damping", pressure_damping);
}

ForceTotals Integrator::setup(System& system, ForceCompute& forces) {
  totals_ = forces.compute(system);
  return totals_;
}

int Integrator::degrees_of_freedom(const System& system) const { return momentum_conserving_dof(system); }

void kick(System& system, double dt) {
  const double ftm2v = 1.0 / unit_constants(system.units).mvv_to_energy;
  // Element-wise, so threads do not change the result (md perf: serial share of a step).
#pragma omp parallel for schedule(static) if (static_cast<long>(system.size()) > kParallelAtoms)
  for (std::size_t i = 0; i < system.size(); ++i)
    system.velocity[i] += (dt * ftm2v / system.mass(i)) * system.force[i];
}

void drift(System& system, double dt) {
#pragma omp parallel for schedule(static) if (static_cast<long>(system.size()) > kParallelAtoms)
  for (std::size_t i = 0; i < system.size(); ++i) system.position[i] += dt * system.velocity[i];
}

void wrap_positions(System& system) {
  for (std::size_t i = 0; i < system.size(); ++i)
    system.position[i] = system.box.wrap(system.position[i], system.image[i]);
}

}  // namespace glassland::md
