// Thinning (Thinning.hpp): exit times under time-dependent kT against the analytic survival of a
// heating ramp that starts at kT = 0, and against the integrated-hazard sampler on a schedule with
// kinks, a hold, cooling and a stress step.
#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>
#include <tuple>
#include <vector>

#include "kmc/IntegratedHazard.hpp"
#include "kmc/Thinning.hpp"
#include "tests/kmc/KmcTestSupport.hpp"

using namespace glassland;

namespace {

// One barrier dE = 1 with prefactor 100, activation volume 2 (for the stress step).
const char* kBarrierNetwork = R"({"minima": [{"id": 0, "energy": 0.0}, {"id": 1, "energy": -5.0}],
  "saddles": [{"from": 0, "to": 1, "energy": 1.0, "prefactor_forward": 100.0, "prefactor_backward": 100.0,
               "activation_volume": 2.0}]})";

// integral of exp(-1/u) du = u exp(-1/u) + Ei(-1/u); 0 at u = 0 (both terms vanish).
double antiderivative(double u) { return u > 0.0 ? u * std::exp(-1.0 / u) + std::expint(-1.0 / u) : 0.0; }

/// 3000 exit times from state 0 at each start time, by thinning and by hazard inversion
/// (independent streams): two-sample KS, P(D > 1.95 sqrt(2/N)) ~ 0.001 for one distribution.
void check_thinning_matches_hazard(const kmc::RateModel& model, std::uint64_t seed, std::initializer_list<double> starts) {
  kmc::Rng rng_thinning = kmc::make_run_rng(seed, 0), rng_hazard = kmc::make_run_rng(seed, 1);
  for (double t0 : starts) {
    std::vector<double> thinned, inverted;
    for (int k = 0; k < 3000; ++k) {
      thinned.push_back(kmc::sample_exit_time_thinned(model, 0, t0, rng_thinning));
      inverted.push_back(kmc::solve_exit_time(model, 0, t0, kmc::unit_exponential(rng_hazard)));
    }
    INFO("t0 = " << t0);
    CHECK(test::ks_two_sample(thinned, inverted) < 1.95 * std::sqrt(2.0 / 3000.0));
  }
}

}  // namespace

TEST_CASE("thinning: exit times of a heating ramp from kT = 0 follow exp(-H(t))", "[kmc][thinning]") {
  const auto catalog = test::network_catalog(kBarrierNetwork);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  // kT = 0.01 t up to t = 30 (kT = 0.3), constant after: H(t) = 100/0.01 [F(0.01 t) - F(0)].
  const kmc::RateModel model(network, md::TemperatureSchedule::linear_ramp(0.0, 0.3, 0.01));
  REQUIRE(kmc::thinning_applies(model));
  const auto hazard = [](double t) {
    const double tr = std::min(t, 30.0);
    return 100.0 / 0.01 * antiderivative(0.01 * tr) + (t > 30.0 ? 100.0 * std::exp(-1.0 / 0.3) * (t - 30.0) : 0.0);
  };
  kmc::Rng rng = kmc::make_run_rng(21, 0);
  std::vector<double> exits;
  for (int k = 0; k < 4000; ++k) exits.push_back(kmc::sample_exit_time_thinned(model, 0, 0.0, rng));
  const double d = test::ks_distance(exits, [&](double t) { return 1.0 - std::exp(-hazard(t)); });
  // Kolmogorov-Smirnov: P(D > 1.95/sqrt(N)) ~ 0.001 for the true distribution.
  CHECK(d < 1.95 / std::sqrt(4000.0));
  // Started mid-ramp at t0 = 12: survival exp(-(H(t) - H(t0))).
  exits.clear();
  for (int k = 0; k < 4000; ++k) exits.push_back(kmc::sample_exit_time_thinned(model, 0, 12.0, rng));
  const double d0 = test::ks_distance(exits, [&](double t) { return 1.0 - std::exp(-(hazard(t) - hazard(12.0))); });
  CHECK(d0 < 1.95 / std::sqrt(4000.0));
}

TEST_CASE("thinning and hazard inversion sample the same exit times", "[kmc][thinning]") {
  const auto catalog = test::network_catalog(kBarrierNetwork);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  // Heat, hold, cool (kinks at 5, 10, 20) with a stress step at t = 7 lowering the barrier to 0.9.
  const md::TemperatureSchedule schedule({{0.0, 0.1}, {5.0, 0.3}, {10.0, 0.3}, {20.0, 0.12}});
  const kmc::RateModel model(network, schedule, kmc::StressProtocol::step(0.05, 7.0));
  REQUIRE(kmc::thinning_applies(model));
  check_thinning_matches_hazard(model, 22, {0.0, 6.0, 15.0});
}

TEST_CASE("thinning and hazard inversion agree under an oscillating stress", "[kmc][thinning]") {
  const auto catalog = test::network_catalog(kBarrierNetwork);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  // sigma(t) = 0.1 + 0.2 sin(2 pi 0.5 t): the barrier (V = 2) swings between 0.8 and 1.2, i.e.
  // the rate by e^{+-2} at kT = 0.2, during a heating ramp 0.15 -> 0.25 over 10 time units; and
  // the same stress at constant kT with both bias laws.
  for (const auto law : {kmc::BiasLaw::linear, kmc::BiasLaw::three_halves}) {
    const md::TemperatureSchedule ramp({{0.0, 0.15}, {10.0, 0.25}});
    const kmc::RateModel model(network, ramp, kmc::StressProtocol::sine(0.2, 0.5, 0.1), law);
    REQUIRE(kmc::thinning_applies(model));
    INFO("law " << static_cast<int>(law));
    check_thinning_matches_hazard(model, 23, {0.0, 0.7, 4.3});
  }
}

TEST_CASE("stress range over a window is exact", "[kmc][stress]") {
  const auto sine = kmc::StressProtocol::sine(2.0, 0.5, 1.0);  // 1 + 2 sin(pi t): max at t = 0.5, min at 1.5
  auto [lo, hi] = sine.range(0.1, 0.9);
  CHECK(hi == Approx(3.0).epsilon(1e-14));
  CHECK(lo == Approx(sine.stress_at(0.1)).epsilon(1e-14));
  std::tie(lo, hi) = sine.range(1.2, 1.4);  // monotone piece: the ends
  CHECK(lo == Approx(sine.stress_at(1.4)).epsilon(1e-14));
  CHECK(hi == Approx(sine.stress_at(1.2)).epsilon(1e-14));
  std::tie(lo, hi) = sine.range(0.3, 2.6);
  CHECK(lo == Approx(-1.0).epsilon(1e-14));
  CHECK(hi == Approx(3.0).epsilon(1e-14));
  // Brute force on a fine grid never leaves the range.
  for (double a : {0.0, 0.37, 1.9}) {
    const auto [l, h] = sine.range(a, a + 0.61);
    for (int k = 0; k <= 1000; ++k) {
      const double v = sine.stress_at(a + 0.61 * k / 1000.0);
      CHECK(v >= l - 1e-12);
      CHECK(v <= h + 1e-12);
    }
  }
}
