#pragma once
// Runs MD under a temperature schedule: before every step the integrator's target is set to
// T(t) of the schedule (md/TemperatureSchedule.hpp), and thermodynamic block averages are
// recorded every `sample_every` steps. This is the protocol runner behind linear and
// two-step quenches, isothermal aging and heating scans.
// Units: those of the system (time, temperature, energy, length³, pressure).
#include <functional>
#include <vector>

#include "md/ForceCompute.hpp"
#include "md/Integrator.hpp"
#include "md/System.hpp"
#include "md/TemperatureSchedule.hpp"

namespace glassland::md {

/// Block average over `sample_every` steps (per-atom values are divided by N).
struct ThermoSample {
  long step = 0;                  ///< last step of the block (counted from the run's start)
  double time = 0.0;              ///< time at the end of the block (schedule time)
  double target_temperature = 0.0;     ///< mean schedule temperature over the block
  double temperature = 0.0;            ///< mean kinetic temperature
  double potential_energy_per_atom = 0.0;
  double total_energy_per_atom = 0.0;  ///< potential + kinetic
  double volume_per_atom = 0.0;
  double pressure = 0.0;               ///< mean pressure (kinetic + virial)
};

/// Called after each recorded sample, with the step count and the total step count.
using ScheduleProgress = std::function<void(const ThermoSample& sample, long total_steps)>;

/// Integrates for round(schedule.duration() / dt) steps (dt = the integrator's time step,
/// passed as `timestep`), starting at schedule.start_time(). Calls integrator.setup() first.
/// Returns one sample per complete block.
std::vector<ThermoSample> run_schedule(System& system, ForceCompute& forces, Integrator& integrator,
                                       const TemperatureSchedule& schedule, double timestep, long sample_every,
                                       const ScheduleProgress& progress = {});

}  // namespace glassland::md
