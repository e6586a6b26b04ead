#include "kmc/Thinning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace glassland::kmc {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Upper bound of R(t) on [a, b] (no breakpoint inside): all rates at the larger of the two
// end temperatures, at the stress inside the window (constant there).
double rate_bound(const RateModel& model, StateIndex s, double a, double b) {
  const double kT = std::max(model.kT_at(a), model.kT_at(b));
  const double sigma = model.stress_at(0.5 * (a + b));
  const RateNetwork& net = model.network();
  double bound = 0.0;
  for (std::uint32_t e = net.first(s); e < net.first(s + 1); ++e) bound += model.rate(e, kT, sigma);
  return bound;
}

}  // namespace

bool thinning_applies(const RateModel& model) { return model.stress().kind() != StressProtocol::Kind::sine; }

double sample_exit_time_thinned(const RateModel& model, StateIndex s, double t0, Rng& rng) {
  double a = t0;
  double window = 0.0;  // 0: start from one mean residence at the current rate
  for (int guard = 0; guard < 100000000; ++guard) {
    const double rate_a = model.escape_rate(s, a);
    if (model.constant_after(a)) return rate_a > 0.0 ? a + unit_exponential(rng) / rate_a : kInfinity;
    const double breakpoint = model.next_breakpoint(a);
    if (window <= 0.0) window = rate_a > 0.0 ? 1.0 / rate_a : breakpoint - a;
    // Windows shorter than a few ulps of the clock would not advance it.
    const double shortest = 8.0 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(a));
    window = std::max(window, shortest);
    double b = a, bound = 0.0;
    for (;;) {
      b = window >= breakpoint - a ? breakpoint : a + window;  // land exactly on kinks
      // Cooling (or holding): the rates peak at a, where the stress is the window's already.
      bound = model.kT_at(b) <= model.kT_at(a) ? rate_a : rate_bound(model, s, a, b);
      const bool tight = bound <= 2.0 * rate_a || bound * (b - a) <= 1.0;
      if (tight || window <= 2.0 * shortest) break;
      window *= 0.5;
    }
    if (bound > 0.0) {
      for (double t = a + unit_exponential(rng) / bound; t < b; t += unit_exponential(rng) / bound)
        if (uniform01(rng) * bound < model.escape_rate(s, t)) return t;
    }
    a = b;
    window *= 2.0;
  }
  return kInfinity;
}

}  // namespace glassland::kmc
