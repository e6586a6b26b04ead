#include "md/Fire.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"

namespace glassland::md {

Fire::Fire(MinimizerOptions options, FireParameters parameters)
    : options_(std::move(options)), parameters_(parameters) {
  options_.validate();
}

namespace {

bool energy_converged(double tolerance, double previous, double current) {
  return tolerance > 0.0 &&
         std::abs(current - previous) <= tolerance * 0.5 * (std::abs(current) + std::abs(previous));
}

}  // namespace

MinimizerResult Fire::minimize(Objective& objective, Eigen::VectorXd& x) {
  if (x.size() % options_.block_size != 0)
    throw InputError("block_size", "objective dimension is not a multiple of it");
  const long start_evaluations = objective.evaluations();
  const double dt_max = parameters_.dt_max_factor * options_.timestep;
  const double dt_min = parameters_.dt_min_factor * options_.timestep;
  double dt = options_.timestep;
  double alpha = parameters_.alpha_start;
  int positive_steps = 0, negative_steps = 0;
  long last_negative = 0;

  Eigen::VectorXd gradient(x.size()), velocity = Eigen::VectorXd::Zero(x.size());
  MinimizerResult result;
  result.value = objective.value_and_gradient(x, gradient);
  result.max_force = force_measure(options_, x, gradient);
  double previous_value = result.value;

  for (long step = 1; step <= options_.max_iterations && result.max_force > options_.fmax; ++step) {
    result.iterations = step;
    const double power = -gradient.dot(velocity);
    if (power > 0.0) {
      ++positive_steps;
      negative_steps = 0;
      if (positive_steps > parameters_.delay_steps) {
        dt = std::min(dt * parameters_.dt_increase, dt_max);
        alpha *= parameters_.alpha_decrease;
      }
    } else {
      positive_steps = 0;
      last_negative = step;
      if (++negative_steps > parameters_.max_negative_steps) break;
      if (!(parameters_.initial_delay && step < parameters_.delay_steps)) {
        if (dt * parameters_.dt_decrease >= dt_min) dt *= parameters_.dt_decrease;
        alpha = parameters_.alpha_start;
      }
      x -= 0.5 * dt * velocity;  // back off half a step: the uphill move overshot
      velocity.setZero();
    }
    // Semi-implicit Euler with mixing applied to the updated velocity (FIRE 2.0, Alg. 2).
    velocity -= dt * gradient;
    const double force_norm = gradient.norm();
    if (force_norm > 0.0)
      velocity = (1.0 - alpha) * velocity - alpha * velocity.norm() / force_norm * gradient;
    Eigen::VectorXd displacement = dt * velocity;
    if (limit_step(displacement, options_.max_step, options_.block_size) < 1.0)
      velocity = displacement / dt;
    x += displacement;

    result.value = objective.value_and_gradient(x, gradient);
    result.max_force = force_measure(options_, x, gradient);
    // Energy criterion only well after an uphill reset, when FIRE has momentum again
    // (right after a reset tiny steps would fake a stalled energy).
    if (step - last_negative > parameters_.delay_steps &&
        energy_converged(options_.energy_tolerance, previous_value, result.value)) {
      result.converged = true;
      break;
    }
    previous_value = result.value;
  }
  if (result.max_force <= options_.fmax) result.converged = true;
  result.evaluations = objective.evaluations() - start_evaluations;
  return result;
}

}  // namespace glassland::md
