#pragma once
// Drives a Sample along a temperature schedule (md::TemperatureSchedule, times in s, K).
// Ramps are cut into steps of at most max_step_K; holds use geometrically growing steps
// (ratio hold_growth from first_hold_step_s) so that hours of annealing cost a few hundred
// steps while the first milliseconds after a quench are still resolved. Each step uses the
// mid-step temperature (second order in the step for smooth histories).
#include <functional>

#include "kmc/model/LoadState.hpp"
#include "kmc/model/Sample.hpp"
#include "md/TemperatureSchedule.hpp"

namespace glassland::model {

struct StepControl {
  double max_step_K = 0.25;          ///< largest temperature change per step on ramps (K)
  double max_ramp_step_s = 1e30;     ///< largest step on ramps (s), e.g. a fraction of a load cycle
  double first_hold_step_s = 1e-4;   ///< first step of a hold (s)
  double hold_growth = 1.05;         ///< ratio of successive hold steps
};

/// Called after every step: elapsed protocol time (s), the load of the step, the sample.
using StepObserver = std::function<void(double time_s, const LoadState& load, const Sample& sample)>;

/// Advances `sample` through `schedule`; `load` supplies stress and cyclic load (its
/// temperature is overwritten). `clock` (s) is advanced by the schedule's duration.
void run_schedule(Sample& sample, const md::TemperatureSchedule& schedule, LoadState load,
                  const StepControl& control, double& clock, const StepObserver& observer);

}  // namespace glassland::model
