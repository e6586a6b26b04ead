#include "kmc/IntegratedHazard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace glassland::kmc {

namespace {

constexpr double kRelativeTolerance = 1e-10;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Solves integral_a^x R = remaining for x in [a, b], where the integral over [a, b] exceeds it.
double invert_in_interval(const RateModel& model, StateIndex s, double a, double b, double remaining) {
  const auto rate = [&](double t) { return model.escape_rate(s, t); };
  double lo = a, hi = b;
  const double ra = rate(a);
  double x = ra > 0.0 ? std::min(b, a + remaining / ra) : 0.5 * (a + b);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double error = 0.0;
    const double f = gauss_kronrod15(rate, a, x, error) - remaining;
    if (std::abs(f) <= 1e-14 * remaining) return x;
    (f > 0.0 ? hi : lo) = x;
    if (hi - lo <= 4.0 * std::numeric_limits<double>::epsilon() * std::abs(hi)) return 0.5 * (lo + hi);
    const double r = rate(x);
    double next = r > 0.0 ? x - f / r : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);  // Newton left the bracket: bisect
    x = next;
  }
  return x;
}

}  // namespace

double solve_exit_time(const RateModel& model, StateIndex s, double t0, double hazard) {
  const auto rate = [&](double t) { return model.escape_rate(s, t); };
  double a = t0;
  double accumulated = 0.0;
  double step = 0.0;
  for (int guard = 0; guard < 10000000; ++guard) {
    const double remaining = hazard - accumulated;
    if (model.constant_after(a)) {
      const double r = rate(a);
      return r > 0.0 ? a + remaining / r : kInfinity;
    }
    const double breakpoint = model.next_breakpoint(a);
    const double limit = std::min(breakpoint - a, model.max_step());
    const double ra = rate(a);
    if (step <= 0.0) step = ra > 0.0 ? remaining / ra : limit;
    step = std::min(step, limit);
    double error = 0.0;
    const double piece = gauss_kronrod15(rate, a, a + step, error);
    if (error > kRelativeTolerance * (accumulated + piece) && step > 1e-12 * std::max(1.0, std::abs(a))) {
      step *= 0.5;  // rate varies too fast on this step: refine
      continue;
    }
    if (accumulated + piece >= hazard) return invert_in_interval(model, s, a, a + step, remaining);
    accumulated += piece;
    a = (step == breakpoint - a) ? breakpoint : a + step;  // land exactly on kinks
    step *= 2.0;
  }
  return kInfinity;
}

}  // namespace glassland::kmc
