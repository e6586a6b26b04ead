#include "md/LinearQuench.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"
#include "md/InherentStructure.hpp"
#include "md/IntegratorRegistry.hpp"
#include "md/Thermo.hpp"

namespace glassland::md {

void LinearQuenchOptions::validate() const {
  integrator.validate();
  if (!std::isfinite(start_temperature) || start_temperature <= 0.0) throw InputError("start_temperature", "must be > 0");
  if (!std::isfinite(end_temperature) || end_temperature < 0.0) throw InputError("end_temperature", "must be >= 0");
  if (!schedule && !(start_temperature > end_temperature)) throw InputError("end_temperature", "must be below the start temperature");
  if (!std::isfinite(rate) || rate <= 0.0) throw InputError("rate", "must be finite and > 0");
  if (!std::isfinite(equilibration_time) || equilibration_time < 0.0)
    throw InputError("equilibration_time", "must be finite and >= 0");
  if (sample_every < 1) throw InputError("sample_every", "must be >= 1");
}

TemperatureSchedule LinearQuenchOptions::cooling_schedule() const {
  return schedule ? *schedule : TemperatureSchedule::linear_ramp(start_temperature, end_temperature, rate);
}

namespace {
TwoLineFit fit_samples(const std::vector<ThermoSample>& samples, bool volume, double max_temperature) {
  std::vector<double> x, y;
  for (const auto& s : samples) {
    if (s.target_temperature > max_temperature) continue;
    x.push_back(s.target_temperature);
    y.push_back(volume ? s.volume_per_atom : s.potential_energy_per_atom);
  }
  return fit_two_lines(x, y);
}

void report(const QuenchProgress& progress, const std::string& phase,
                                   const ThermoSample& sample, long total) {
  if (progress) progress(phase, sample, total);
}
}  // namespace

LinearQuenchResult run_linear_quench(System& system, ForceCompute& forces, const LinearQuenchOptions& options,
                                     const QuenchProgress& progress) {
  options.validate();
  const TemperatureSchedule cooling = options.cooling_schedule();
  const double t_start = cooling.temperature_at(cooling.start_time());
  IntegratorParameters parameters = options.integrator;
  parameters.temperature = t_start;
  auto integrator = make_integrator(options.ensemble, parameters);
  if (options.assign_velocities) assign_maxwell_velocities(system, t_start, options.velocity_seed);

  LinearQuenchResult result;
  const double dt = parameters.timestep;
  if (options.equilibration_time > 0.0) {
    result.equilibration = run_schedule(system, forces, *integrator,
                                        TemperatureSchedule::hold(t_start, options.equilibration_time), dt,
                                        options.sample_every, [&](const ThermoSample& s, long total) {
                                          report(progress, "equilibrate", s, total);
                                        });
    result.steps += std::lround(options.equilibration_time / dt);
  }
  result.cooling = run_schedule(system, forces, *integrator, cooling, dt, options.sample_every,
                                [&](const ThermoSample& s, long total) { report(progress, "cool", s, total); });
  result.steps += std::lround(cooling.duration() / dt);

  const double t_low = std::min(cooling.points().front().temperature, cooling.points().back().temperature);
  const double t_high = std::max(cooling.points().front().temperature, cooling.points().back().temperature);
  const double fit_max = options.fit_max_temperature > 0.0 ? options.fit_max_temperature : 0.5 * (t_low + t_high);
  result.fit_max_temperature = fit_max;
  result.energy_fit = fit_samples(result.cooling, false, fit_max);
  if (options.ensemble == "npt") result.volume_fit = fit_samples(result.cooling, true, fit_max);
  const ForceTotals& totals = integrator->last_totals();
  const double n = static_cast<double>(system.size());
  result.final_temperature = temperature_of(system, integrator->degrees_of_freedom(system));
  result.final_potential_energy_per_atom = totals.energy / n;
  result.final_volume_per_atom = system.box.volume() / n;
  wrap_positions(system);
  forces.invalidate_neighbors();
  if (options.compute_inherent_structure) {
    const InherentStructureResult is = inherent_structure(system, forces.potential(), forces.skin());
    result.has_inherent_structure = true;
    result.inherent_structure_energy_per_atom = is.energy_per_atom;
    result.inherent_structure_converged = is.converged;
  }
  return result;
}

}  // namespace glassland::md
