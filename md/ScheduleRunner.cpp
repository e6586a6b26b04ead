#include "md/ScheduleRunner.hpp"

#include <cmath>

#include "md/Error.hpp"
#include "md/Thermo.hpp"

namespace glassland::md {

namespace {
struct BlockSums {
  double target = 0, temperature = 0, potential = 0, total = 0, volume = 0, pressure = 0;
  long count = 0;
  void add(double target_t, const Thermo& t) {
    target += target_t;
    temperature += t.temperature;
    potential += t.potential_energy;
    total += t.total_energy;
    volume += t.volume;
    pressure += t.pressure;
    ++count;
  }
  ThermoSample average(long step, double time, double natoms) const {
    const double c = static_cast<double>(count);
    return {step, time, target / c, temperature / c, potential / c / natoms, total / c / natoms,
            volume / c / natoms, pressure / c};
  }
};
}  // namespace

std::vector<ThermoSample> run_schedule(System& system, ForceCompute& forces, Integrator& integrator,
                                       const TemperatureSchedule& schedule, double timestep, long sample_every,
                                       const ScheduleProgress& progress) {
  if (!(timestep > 0.0)) throw InputError("timestep", "must be > 0");
  if (sample_every < 1) throw InputError("sample_every", "must be >= 1");
  const long steps = std::lround(schedule.duration() / timestep);
  const double natoms = static_cast<double>(std::max<std::size_t>(1, system.size()));
  std::vector<ThermoSample> samples;
  integrator.set_target_temperature(schedule.temperature_at(schedule.start_time()));
  integrator.setup(system, forces);
  BlockSums block;
  for (long step = 1; step <= steps; ++step) {
    // Target at the middle of the step: exact mean of a linear ramp over the step.
    const double target = schedule.temperature_at(schedule.start_time() + (step - 0.5) * timestep);
    integrator.set_target_temperature(target);
    const ForceTotals totals = integrator.step(system, forces);
    block.add(target, compute_thermo(system, totals.energy, totals.virial, integrator.degrees_of_freedom(system)));
    if (block.count == sample_every) {
      samples.push_back(block.average(step, schedule.start_time() + step * timestep, natoms));
      block = BlockSums{};
      if (progress) progress(samples.back(), steps);
    }
  }
  return samples;
}

}  // namespace glassland::md
