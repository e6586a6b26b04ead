#include "md/ConjugateGradient.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "md/Error.hpp"

namespace glassland::md {

ConjugateGradient::ConjugateGradient(MinimizerOptions options, LineSearchParameters line_search)
    : options_(std::move(options)), line_search_(line_search) {
  options_.validate();
}

namespace {

/// A point along the search line: step length, value, directional derivative, gradient.
struct LinePoint {
  double step = 0.0;
  double value = 0.0;
  double slope = 0.0;
  Eigen::VectorXd gradient;
};

/// Minimizer of the cubic through (a, fa, da) and (b, fb, db), kept inside the inner 80 % of
/// the bracket so that the bracket always shrinks; bisection if the cubic has no minimum.
double cubic_step(const LinePoint& a, const LinePoint& b) {
  const double lo = std::min(a.step, b.step), hi = std::max(a.step, b.step);
  const double d1 = a.slope + b.slope - 3.0 * (a.value - b.value) / (a.step - b.step);
  const double disc = d1 * d1 - a.slope * b.slope;
  double trial = 0.5 * (lo + hi);
  if (disc >= 0.0) {
    const double d2 = std::copysign(std::sqrt(disc), b.step - a.step);
    const double denom = b.slope - a.slope + 2.0 * d2;
    if (denom != 0.0) trial = b.step - (b.step - a.step) * (b.slope + d2 - d1) / denom;
  }
  const double margin = 0.1 * (hi - lo);
  if (!std::isfinite(trial)) trial = 0.5 * (lo + hi);
  return std::clamp(trial, lo + margin, hi - margin);
}

/// Strong-Wolfe line search along `direction` from `x`. Returns the accepted point, or a
/// point with step 0 if no decrease was found.
class LineSearch {
public:
  LineSearch(Objective& objective, const Eigen::VectorXd& x, const Eigen::VectorXd& direction,
             const LinePoint& origin, const LineSearchParameters& p)
      : objective_(objective), x_(x), direction_(direction), origin_(origin), p_(p) {
    // Energies within round-off of the origin count as no increase (near convergence the
    // decrease is below machine precision and only the slope is informative).
    slack_ = 1e-12 * std::max(1.0, std::abs(origin.value));
  }

  LinePoint run(double initial_step, double max_step) {
    LinePoint previous = origin_;
    double step = std::min(initial_step, max_step);
    for (int i = 0; evaluations_ < p_.max_evaluations; ++i) {
      LinePoint trial = evaluate(step);
      if (!armijo(trial) || (i > 0 && trial.value >= previous.value)) return zoom(previous, trial);
      if (std::abs(trial.slope) <= -p_.curvature * origin_.slope) return trial;
      if (trial.slope >= 0.0) return zoom(trial, previous);
      if (step >= max_step) return trial;  // capped by the largest allowed displacement
      previous = std::move(trial);
      step = std::min(2.0 * step, max_step);
    }
    return previous;
  }

private:
  LinePoint evaluate(double step) {
    ++evaluations_;
    LinePoint point;
    point.step = step;
    point.gradient.resize(x_.size());
    point.value = objective_.value_and_gradient(x_ + step * direction_, point.gradient);
    point.slope = point.gradient.dot(direction_);
    return point;
  }

  bool armijo(const LinePoint& t) const {
    return t.value <= origin_.value + p_.sufficient_decrease * t.step * origin_.slope + slack_;
  }

  LinePoint zoom(LinePoint lo, LinePoint hi) {
    while (evaluations_ < p_.max_evaluations) {
      LinePoint trial = evaluate(cubic_step(lo, hi));
      if (!armijo(trial) || trial.value >= lo.value + slack_) {
        hi = std::move(trial);
        continue;
      }
      if (std::abs(trial.slope) <= -p_.curvature * origin_.slope) return trial;
      if (trial.slope * (hi.step - lo.step) >= 0.0) hi = lo;
      lo = std::move(trial);
    }
    return lo;  // best point with sufficient decrease (may be the origin: step 0)
  }

  Objective& objective_;
  const Eigen::VectorXd& x_;
  const Eigen::VectorXd& direction_;
  const LinePoint& origin_;
  const LineSearchParameters& p_;
  double slack_ = 0.0;
  int evaluations_ = 0;
};

}  // namespace

MinimizerResult ConjugateGradient::minimize(Objective& objective, Eigen::VectorXd& x) {
  if (x.size() % options_.block_size != 0)
    throw InputError("block_size", "objective dimension is not a multiple of it");
  const long start_evaluations = objective.evaluations();
  LinePoint current;
  current.gradient.resize(x.size());
  current.value = objective.value_and_gradient(x, current.gradient);
  MinimizerResult result;
  result.max_force = force_measure(options_, x, current.gradient);
  Eigen::VectorXd direction = -current.gradient;
  double previous_step = 0.0, previous_slope = 0.0;

  for (long iteration = 1; iteration <= options_.max_iterations && result.max_force > options_.fmax;
       ++iteration) {
    result.iterations = iteration;
    current.slope = current.gradient.dot(direction);
    if (current.slope >= 0.0) {  // not a descent direction: restart along the force
      direction = -current.gradient;
      current.slope = -current.gradient.squaredNorm();
    }
    const double step_cap = options_.max_step / max_block_norm(direction, options_.block_size);
    // First trial: previous step rescaled by the slope ratio (N&W eq. 3.60), else the cap.
    double initial = previous_step > 0.0 ? previous_step * previous_slope / current.slope : step_cap;
    if (!(initial > 0.0) || !std::isfinite(initial)) initial = step_cap;
    current.step = 0.0;  // the line search measures steps from here
    LineSearch search(objective, x, direction, current, line_search_);
    LinePoint accepted = search.run(initial, step_cap);
    if (accepted.step == 0.0) {
      // No decrease along this direction; along the steepest descent that means we are at
      // round-off level, otherwise restart.
      if (direction.isApprox(-current.gradient)) break;
      direction = -current.gradient;
      previous_step = 0.0;
      continue;
    }
    x += accepted.step * direction;
    const double beta = std::max(
        0.0, accepted.gradient.dot(accepted.gradient - current.gradient) / current.gradient.squaredNorm());
    direction = -accepted.gradient + beta * direction;
    previous_step = accepted.step;
    previous_slope = current.slope;
    const double previous_value = current.value;
    current = std::move(accepted);
    result.max_force = force_measure(options_, x, current.gradient);
    if (options_.energy_tolerance > 0.0 &&
        std::abs(current.value - previous_value) <=
            options_.energy_tolerance * 0.5 * (std::abs(current.value) + std::abs(previous_value))) {
      result.converged = true;
      break;
    }
  }
  result.value = current.value;
  if (result.max_force <= options_.fmax) result.converged = true;
  result.evaluations = objective.evaluations() - start_evaluations;
  return result;
}

}  // namespace glassland::md
