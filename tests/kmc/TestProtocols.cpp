// Time-dependent rates: the integrated-hazard solver against the analytic hazard of a linear
// ramp, first-passage distributions under ramps (Kolmogorov-Smirnov), barrier tilts, and the
// energy dissipated per cycle under an oscillating stress against linear response.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "kmc/Ensemble.hpp"
#include "kmc/IntegratedHazard.hpp"
#include "md/Error.hpp"
#include "tests/support/Tolerance.hpp"
#include "tests/kmc/KmcTestSupport.hpp"

using namespace glassland;

namespace {

constexpr double kBarrier = 1.0;
constexpr double kPrefactor = 100.0;

const char* kSingleBarrier = R"({"minima": [{"id": 0, "energy": 0.0}, {"id": 1, "energy": -5.0}],
  "saddles": [{"from": 0, "to": 1, "energy": 1.0, "prefactor_forward": 100.0, "prefactor_backward": 100.0}]})";

// Antiderivative of exp(-dE/u) in u: u exp(-dE/u) + dE Ei(-dE/u).
double antiderivative(double u) { return u * std::exp(-kBarrier / u) + kBarrier * std::expint(-kBarrier / u); }

// Analytic hazard integral_0^t nu exp(-dE/kT(s)) ds for kT = kT0 + rate s up to t_end, then constant.
double ramp_hazard(double t, double kT0, double rate, double t_end) {
  const double tr = std::min(t, t_end);
  double h = kPrefactor / rate * (antiderivative(kT0 + rate * tr) - antiderivative(kT0));
  if (t > t_end) h += kPrefactor * std::exp(-kBarrier / (kT0 + rate * t_end)) * (t - t_end);
  return h;
}

}  // namespace

TEST_CASE("exit times invert the analytic hazard of a heating ramp", "[kmc][protocol]") {
  const auto catalog = test::network_catalog(kSingleBarrier);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  const kmc::RateModel model(network, md::TemperatureSchedule::linear_ramp(0.1, 0.3, 0.01));
  REQUIRE(!model.homogeneous());
  for (double hazard : {1e-6, 1e-2, 0.5, 2.0, 10.0, 300.0}) {
    const double t = kmc::solve_exit_time(model, 0, 0.0, hazard);
    // The solver's target accuracy is 1e-10 relative per step; 1e-8 allows for accumulation.
    INFO("hazard " << hazard << " t " << t);
    CHECK(test::close(ramp_hazard(t, 0.1, 0.01, 20.0), hazard, 1e-8));
  }
  // Starting mid-ramp: H(t0 -> t) = H(t) - H(t0).
  const double t = kmc::solve_exit_time(model, 0, 7.5, 0.3);
  CHECK(test::close(ramp_hazard(t, 0.1, 0.01, 20.0) - ramp_hazard(7.5, 0.1, 0.01, 20.0), 0.3, 1e-8));
}

TEST_CASE("first-passage times under a ramp follow S(t) = exp(-H(t))", "[kmc][protocol]") {
  const auto catalog = test::network_catalog(kSingleBarrier);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  const kmc::RateModel model(network, md::TemperatureSchedule::linear_ramp(0.1, 0.3, 0.01));
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.target = 1;
  spec.times = {5.0};
  spec.runs = 4000;
  spec.seed = 11;
  spec.progress = false;
  const auto result = kmc::run_ensemble(model, nullptr, spec);
  std::vector<double> passages;
  for (const auto& run : result.runs) passages.push_back(run.first_passage);
  const double d = test::ks_distance(passages, [](double t) { return 1.0 - std::exp(-ramp_hazard(t, 0.1, 0.01, 20.0)); });
  // Kolmogorov-Smirnov: P(D > 1.95/sqrt(N)) ~ 0.001 for the true distribution.
  CHECK(d < 1.95 / std::sqrt(static_cast<double>(spec.runs)));
}

TEST_CASE("cooling to kT = 0 freezes the walker with the analytic escape probability", "[kmc][protocol]") {
  const auto catalog = test::network_catalog(kSingleBarrier);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  // kT from 0.2 to 0 at rate 0.01: survival for ever is exp(-H(20)).
  const kmc::RateModel model(network, md::TemperatureSchedule::linear_ramp(0.2, 0.0, 0.01));
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.target = 1;
  spec.times = {1000.0};
  spec.runs = 3000;
  spec.seed = 12;
  spec.progress = false;
  const auto result = kmc::run_ensemble(model, nullptr, spec);
  double escaped = 0.0;
  for (const auto& run : result.runs) escaped += std::isnan(run.first_passage) ? 0.0 : 1.0 / spec.runs;
  // H(20) = integral of nu exp(-dE/kT) with kT = 0.2 - 0.01 t, i.e. u from 0.2 down to 0.
  const double h = kPrefactor / 0.01 * (antiderivative(0.2) - 0.0);
  const double p = 1.0 - std::exp(-h);
  CHECK(std::abs(escaped - p) <= 4.5 * std::sqrt(p * (1 - p) / spec.runs) + 1.0 / spec.runs);
}

TEST_CASE("stress tilts barriers linearly or by the 3/2 law", "[kmc][protocol]") {
  using kmc::BiasLaw;
  CHECK(kmc::biased_barrier(1.0, 2.0, 0.1, BiasLaw::linear) == Approx(0.8));
  CHECK(kmc::biased_barrier(1.0, -2.0, 0.1, BiasLaw::linear) == Approx(1.2));
  CHECK(kmc::biased_barrier(1.0, 2.0, 1.0, BiasLaw::linear) == 0.0);
  // sigma_c = 1.5 dE / V = 0.75: dE (1 - 0.1/0.75)^1.5.
  CHECK(kmc::biased_barrier(1.0, 2.0, 0.1, BiasLaw::three_halves) == Approx(std::pow(1.0 - 0.1 / 0.75, 1.5)));
  CHECK(kmc::biased_barrier(1.0, 2.0, 0.8, BiasLaw::three_halves) == 0.0);
  // Same slope as the linear tilt at small stress (finite difference, step 1e-6).
  const double slope = (kmc::biased_barrier(1.0, 2.0, 1e-6, BiasLaw::three_halves) - 1.0) / 1e-6;
  CHECK(slope == Approx(-2.0).epsilon(1e-5));
  CHECK(kmc::StressProtocol::parse("sine:0.5@0.01+0.1", "--stress").stress_at(25.0) == Approx(0.6));
  CHECK(kmc::StressProtocol::parse("step:2@10", "--stress").stress_at(9.0) == 0.0);
  CHECK_THROWS_AS(kmc::StressProtocol::parse("wobble:1", "--stress"), InputError);
}

TEST_CASE("energy dissipated per stress cycle matches linear response", "[kmc][protocol]") {
  // Symmetric two-state system, barrier 0.5, kT = 0.1, V = 1, strain 1 per hop. For small
  // sigma0 V / kT the work per cycle is pi V^2 sigma0^2 k0 omega / (kT (4 k0^2 + omega^2)).
  const char* json = R"({"minima": [{"id": 0, "energy": 0.0}, {"id": 1, "energy": 0.0}],
    "saddles": [{"from": 0, "to": 1, "energy": 0.5, "prefactor_forward": 1.0, "prefactor_backward": 1.0,
                 "activation_volume": 1.0, "activation_strain": 1.0}]})";
  const auto catalog = test::network_catalog(json);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  const double kT = 0.1, sigma0 = 0.01, k0 = std::exp(-5.0), omega = 2.0 * k0;
  const double f = omega / (2.0 * std::numbers::pi);
  const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, kT}}), kmc::StressProtocol::sine(sigma0, f));
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.times = {10.0 / f, 110.0 / f};  // skip 10 cycles of transient, then average over 100
  spec.runs = 200;
  spec.seed = 13;
  spec.progress = false;
  spec.walker.superbasins = false;
  const auto result = kmc::run_ensemble(model, nullptr, spec);
  std::vector<double> per_cycle;
  for (const auto& run : result.runs) per_cycle.push_back((run.work[1] - run.work[0]) / 100.0);
  const auto w = kmc::mean_and_error(per_cycle);
  const double expected = std::numbers::pi * sigma0 * sigma0 * k0 * omega / (kT * (4 * k0 * k0 + omega * omega));
  INFO("work per cycle " << w.mean << " +- " << w.standard_error << " linear response " << expected);
  // Nonlinear corrections are O((sigma0 V/kT)^2) = 1 %: allow 4.5 standard errors + 3 %.
  CHECK(std::abs(w.mean - expected) <= 4.5 * w.standard_error + 0.03 * expected);
  CHECK(w.mean > 0.0);
}
