// Flicker acceleration gives the same first-passage distribution as plain kMC, and a walker
// restored from a checkpoint continues exactly as an uninterrupted one.
#include <catch2/catch.hpp>

#include "kmc/Ensemble.hpp"
#include "md/Error.hpp"
#include "tests/kmc/KmcTestSupport.hpp"

using namespace glassland;

namespace {

std::vector<double> passages(const kmc::RateModel& model, const kmc::ConstantRates& rates, bool superbasins,
                             std::uint64_t seed, std::uint64_t* events, std::uint64_t* basin_exits) {
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.target = model.network().require_state(3, "target");
  spec.times = {0.0};
  spec.runs = 1500;
  spec.seed = seed;
  spec.progress = false;
  spec.walker.superbasins = superbasins;
  const auto result = kmc::run_ensemble(model, &rates, spec);
  std::vector<double> t;
  *events = 0;
  *basin_exits = 0;
  for (const auto& run : result.runs) {
    t.push_back(run.first_passage);
    *events += run.events;
    *basin_exits += run.superbasin_exits;
  }
  return t;
}

}  // namespace

TEST_CASE("superbasin acceleration preserves the first-passage distribution", "[kmc][superbasin]") {
  const test::FlickerTrap trap;
  const auto& [catalog, network, model, rates] = trap;
  std::uint64_t plain_events = 0, fast_events = 0, plain_exits = 0, fast_exits = 0;
  const auto plain = passages(model, rates, false, 101, &plain_events, &plain_exits);
  const auto fast = passages(model, rates, true, 202, &fast_events, &fast_exits);
  CHECK(plain_exits == 0);
  CHECK(fast_exits > 0);
  CHECK(fast_events * 5 < plain_events);  // the acceleration actually happened
  // Two-sample KS at n = m = 1500: P(D > 1.95 sqrt(2/n)) ~ 0.001.
  CHECK(test::ks_two_sample(plain, fast) < 1.95 * std::sqrt(2.0 / 1500.0));
  const double exact = test::exact_mfpt(model, 0, network.require_state(3, "target"));
  const auto m = kmc::mean_and_error(fast);
  CHECK(std::abs(m.mean - exact) <= 4.5 * m.standard_error);
}

TEST_CASE("superbasin occupancies at observation times match the master equation", "[kmc][superbasin]") {
  const test::FlickerTrap trap;
  const auto& [catalog, network, model, rates] = trap;
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.times = {3000.0, 3001.0, 20000.0};
  spec.runs = 2000;
  spec.seed = 9;
  spec.progress = false;
  const auto result = kmc::run_ensemble(model, &rates, spec);
  for (std::size_t i = 0; i < spec.times.size(); ++i) {
    const Eigen::VectorXd p = test::master_equation(model, 0, spec.times[i]);
    for (kmc::StateIndex s = 0; s < network.state_count(); ++s) {
      double fraction = 0.0;
      for (const auto& run : result.runs) fraction += (run.states[i] == s) ? 1.0 / spec.runs : 0.0;
      INFO("t " << spec.times[i] << " state " << s << " fraction " << fraction << " exact " << p[s]);
      CHECK(std::abs(fraction - p[s]) <= 4.5 * std::sqrt(p[s] * (1 - p[s]) / spec.runs) + 1.0 / spec.runs);
    }
  }
}

TEST_CASE("two-time occupancies inside superbasin sojourns match the master equation", "[kmc][superbasin]") {
  // P(X(t1) = j, X(t2) = k) = [exp(G (t2 - t1))]_{kj} p_j(t1), with t2 - t1 shorter than the
  // internal relaxation: checks that successive bridge samples are chained correctly.
  const test::FlickerTrap trap;
  const auto& [catalog, network, model, rates] = trap;
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.times = {3000.0, 3001.0};
  spec.runs = 3000;
  spec.seed = 31;
  spec.progress = false;
  const auto result = kmc::run_ensemble(model, &rates, spec);
  std::uint64_t exits = 0;
  for (const auto& run : result.runs) exits += run.superbasin_exits;
  CHECK(exits > 0);
  const Eigen::VectorXd p1 = test::master_equation(model, 0, 3000.0);
  const Eigen::MatrixXd step = (test::generator(model) * 1.0).exp();
  for (kmc::StateIndex j = 0; j < 3; ++j)
    for (kmc::StateIndex k = 0; k < 3; ++k) {
      const double p = step(k, j) * p1[j];
      double fraction = 0.0;
      for (const auto& run : result.runs) fraction += (run.states[0] == j && run.states[1] == k) ? 1.0 / spec.runs : 0.0;
      INFO("j " << j << " k " << k << " fraction " << fraction << " exact " << p);
      CHECK(std::abs(fraction - p) <= 4.5 * std::sqrt(p * (1 - p) / spec.runs) + 1.0 / spec.runs);
    }
}

