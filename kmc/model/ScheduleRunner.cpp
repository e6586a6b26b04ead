#include "kmc/model/ScheduleRunner.hpp"

#include <algorithm>
#include <cmath>

namespace glassland::kmc::model {

namespace {
void take_step(Sample& sample, LoadState& load, double temperature, double dt, double& clock,
               const StepObserver& observer) {
  load.temperature_K = temperature;
  sample.advance(dt, load);
  clock += dt;
  if (observer) observer(clock, load, sample);
}

void run_ramp(Sample& sample, const md::TemperatureSchedule::Point& from, const md::TemperatureSchedule::Point& to,
              LoadState& load, const StepControl& control, double& clock, const StepObserver& observer) {
  const double duration = to.time - from.time;
  const double span = std::abs(to.temperature - from.temperature);
  const auto steps = static_cast<long>(std::max(std::ceil(span / control.max_step_K), std::ceil(duration / control.max_ramp_step_s)));
  const long n = std::max(1L, steps);
  const double dt = duration / static_cast<double>(n);
  for (long k = 0; k < n; ++k) {
    const double fraction = (k + 0.5) / static_cast<double>(n);
    take_step(sample, load, from.temperature + fraction * (to.temperature - from.temperature), dt, clock, observer);
  }
}

void run_hold(Sample& sample, double temperature, double duration, LoadState& load, const StepControl& control,
              double& clock, const StepObserver& observer) {
  double elapsed = 0.0;
  double dt = std::min(control.first_hold_step_s, duration);
  while (elapsed < duration * (1.0 - 1e-12)) {
    dt = std::min(dt, duration - elapsed);
    // Cyclic loads enter through cycle-averaged rates, so the step only resolves the relaxation.
    take_step(sample, load, temperature, dt, clock, observer);
    elapsed += dt;
    dt *= control.hold_growth;
  }
}
}  // namespace

void run_schedule(Sample& sample, const md::TemperatureSchedule& schedule, LoadState load,
                  const StepControl& control, double& clock, const StepObserver& observer) {
  const auto& points = schedule.points();
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    if (points[i].temperature == points[i + 1].temperature)
      run_hold(sample, points[i].temperature, points[i + 1].time - points[i].time, load, control, clock, observer);
    else
      run_ramp(sample, points[i], points[i + 1], load, control, clock, observer);
  }
}

}  // namespace glassland::kmc::model
