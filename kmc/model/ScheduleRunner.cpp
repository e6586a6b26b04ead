#include "kmc/model/ScheduleRunner.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "md/Error.hpp"

namespace glassland::model {

namespace {
// A protocol whose step control asks for more steps than this is a typo (max_step_K = 1e-300),
// not a run anyone can wait for: refused before the first step instead of hanging.
constexpr double kMaxSteps = 1e8;

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
  const double by_temperature = std::ceil(span / control.max_step_K);
  const double steps = std::max(by_temperature, std::ceil(duration / control.max_ramp_step_s));
  if (!(steps <= kMaxSteps))
    throw InputError(by_temperature >= steps ? "max_step_K" : "step", "a ramp of " + std::to_string(span) + " K over " +
                                                                          std::to_string(duration) + " s needs more than 1e8 steps");
  const long n = std::max(1L, static_cast<long>(steps));
  const double dt = duration / static_cast<double>(n);
  for (long k = 0; k < n; ++k) {
    const double fraction = (k + 0.5) / static_cast<double>(n);
    take_step(sample, load, from.temperature + fraction * (to.temperature - from.temperature), dt, clock, observer);
  }
}

void run_hold(Sample& sample, double temperature, double duration, LoadState& load, const StepControl& control,
              double& clock, const StepObserver& observer) {
  // Steps grow geometrically: n steps cover first * (growth^n - 1) / (growth - 1).
  const double growth = control.hold_growth;
  const double steps = std::log1p(duration / control.first_hold_step_s * (growth - 1.0)) / std::log(growth);
  if (!(steps <= kMaxSteps))
    throw InputError("first_hold_step_s", "a hold of " + std::to_string(duration) + " s needs more than 1e8 steps");
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

}  // namespace glassland::model
