#pragma once
// The linear (or any scheduled) melt quench: equilibrate at the start temperature, cool along
// a temperature schedule under a thermostat (or barostat), record E(T) (and V(T)), estimate
// the glass transition temperature Tg as the break point of a two-line fit of the potential
// energy (and volume, under npt) against the target temperature, and finally quench a copy
// to its inherent structure. Used by `glassland quench` and by `glassland pipeline`.
//
// Units: those of the system: temperatures, rate in temperature/time, times in time units.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "md/ForceCompute.hpp"
#include "md/Integrator.hpp"
#include "md/ScheduleRunner.hpp"
#include "md/TemperatureSchedule.hpp"
#include "md/TwoLineFit.hpp"

namespace glassland::md {

struct LinearQuenchOptions {
  std::string ensemble = "nvt-nh";     ///< nvt-nh, nvt-langevin or npt (see IntegratorRegistry)
  IntegratorParameters integrator;     ///< dt, damping, pressure...; temperature is overridden
  double start_temperature = 2.0;      ///< liquid temperature (temperature)
  double end_temperature = 0.1;        ///< final temperature (temperature)
  double rate = 2e-3;                  ///< cooling rate |dT/dt| (temperature/time)
  double equilibration_time = 20.0;    ///< hold at start_temperature before cooling (time); 0: none
  /// Replaces the ramp (but not the equilibration) when set, e.g. a two-step ramp.
  std::optional<TemperatureSchedule> schedule;
  long sample_every = 200;             ///< steps per recorded block average
  bool assign_velocities = true;       ///< Maxwell velocities at start_temperature first
  std::uint64_t velocity_seed = 1;
  bool compute_inherent_structure = true;
  /// Tg fits use only samples with target temperature <= this (temperature). The liquid's
  /// E(T) is curved far above Tg (Rosenfeld–Tarazona), which a two-line fit over the whole
  /// ramp would mistake for the glass transition. <= 0: automatic, the lower half of the
  /// ramp, T_end + (T_start - T_end) / 2.
  double fit_max_temperature = 0.0;

  /// Throws InputError naming the option ("rate", "start_temperature", ...) if out of range.
  void validate() const;
  /// The cooling schedule (without the equilibration hold).
  TemperatureSchedule cooling_schedule() const;
};

struct LinearQuenchResult {
  std::vector<ThermoSample> equilibration;  ///< block averages of the hold
  std::vector<ThermoSample> cooling;        ///< block averages of the cooling schedule
  TwoLineFit energy_fit;    ///< potential energy per atom vs target temperature -> Tg
  TwoLineFit volume_fit;    ///< volume per atom vs target temperature (npt only)
  double fit_max_temperature = 0.0;  ///< upper end of the fitted temperature window
  double final_temperature = 0.0;
  double final_potential_energy_per_atom = 0.0;
  double final_volume_per_atom = 0.0;
  bool has_inherent_structure = false;
  double inherent_structure_energy_per_atom = 0.0;
  bool inherent_structure_converged = false;
  long steps = 0;
};

/// Called with a phase name ("equilibrate", "cool"), the sample and the phase's step count.
using QuenchProgress = std::function<void(const std::string& phase, const ThermoSample& sample, long total_steps)>;

/// Runs the protocol on `system` in place (it ends as the quenched glass, positions wrapped).
LinearQuenchResult run_linear_quench(System& system, ForceCompute& forces, const LinearQuenchOptions& options,
                                     const QuenchProgress& progress = {});

}  // namespace glassland::md
