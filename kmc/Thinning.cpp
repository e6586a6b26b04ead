#include "kmc/Thinning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace glassland::kmc {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Upper bound of R(t) on [a, b] (no breakpoint inside): every rate at the larger of the two
// end temperatures (kT is linear there) and at the end of the window's stress range that
// lowers its barrier (both bias laws lower a barrier monotonically with sigma * V).
double rate_bound(const RateModel& model, StateIndex s, double a, double b) {
  const double kT = std::max(model.kT_at(a), model.kT_at(b));
  const auto [sigma_lo, sigma_hi] = model.stress().range(a, b);
  const RateNetwork& net = model.network();
  double bound = 0.0;
  for (std::uint32_t e = net.first(s); e < net.first(s + 1); ++e)
    bound += model.rate(e, kT, net.activation_volume(e) >= 0.0 ? sigma_hi : sigma_lo);
  return bound;
}

}  // namespace

bool thinning_applies(const RateModel&) { return true; }

double sample_exit_time_thinned(const RateModel& model, StateIndex s, double t0, Rng& rng) {
  double a = t0;
  double window = 0.0;  // 0: start from one mean residence at the current rate
  const bool oscillating = model.stress().kind() == StressProtocol::Kind::sine;
  for (int guard = 0; guard < 100000000; ++guard) {
    const double rate_a = model.escape_rate(s, a);
    if (model.constant_after(a)) return rate_a > 0.0 ? a + unit_exponential(rng) / rate_a : kInfinity;
    const double breakpoint = model.next_breakpoint(a);
    if (window <= 0.0) window = rate_a > 0.0 ? 1.0 / rate_a : breakpoint - a;
    window = std::min(window, model.max_step());  // an oscillating stress: a tight bound per 1/16 period
    // Windows shorter than a few ulps of the clock would not advance it.
    const double shortest = 8.0 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(a));
    window = std::max(window, shortest);
    double b = a, bound = 0.0;
    for (;;) {
      b = window >= breakpoint - a ? breakpoint : a + window;  // land exactly on kinks
      // Cooling (or holding) at a stress constant in the window: the rates peak at a.
      bound = !oscillating && model.kT_at(b) <= model.kT_at(a) ? rate_a : rate_bound(model, s, a, b);
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
