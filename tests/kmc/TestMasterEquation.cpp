// kMC occupancies against the exact master-equation solution p(t) = exp(G t) p0, and the
// long-time occupancy against the Boltzmann distribution (detailed balance).
// Bounds: a fraction of R independent runs has standard error sqrt(p(1-p)/R); we allow
// 4.5 standard errors plus 1/R (about 60 comparisons, seeds fixed).
#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>

#include "kmc/Ensemble.hpp"
#ifdef _OPENMP
#include <omp.h>
#endif
#include "tests/kmc/KmcTestSupport.hpp"
#include "tests/support/ThreadCount.hpp"

using namespace glassland;

namespace {

double slowest_relaxation_time(const kmc::RateModel& model) {
  Eigen::EigenSolver<Eigen::MatrixXd> solver(test::generator(model));
  double slowest = 0.0;  // largest non-zero |Re lambda| closest to zero
  double best = 1e300;
  for (Eigen::Index i = 0; i < solver.eigenvalues().size(); ++i) {
    const double re = -solver.eigenvalues()[i].real();
    if (re > 1e-12 && re < best) best = re;
  }
  slowest = 1.0 / best;
  return slowest;
}

void check_fraction(double fraction, double p, std::size_t runs) {
  const double bound = 4.5 * std::sqrt(p * (1.0 - p) / static_cast<double>(runs)) + 1.0 / static_cast<double>(runs);
  INFO("fraction " << fraction << " exact " << p << " bound " << bound);
  CHECK(std::abs(fraction - p) <= bound);
}

}  // namespace

TEST_CASE("occupancies match the master equation at several temperatures", "[kmc]") {
  const auto catalog = test::network_catalog(test::kFiveStateNetwork);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  const bool superbasins = GENERATE(true, false);
  for (double kT : {0.15, 0.25, 0.5}) {
    const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, kT}}));
    const kmc::ConstantRates rates(model);
    const double tau = slowest_relaxation_time(model);
    kmc::EnsembleSpec spec;
    spec.start = network.require_state(10, "start");
    spec.times = {2.0 * tau, 0.05 * tau, 0.5 * tau};  // deliberately unsorted
    spec.runs = 3000;
    spec.seed = 20261121;
    spec.progress = false;
    spec.walker.superbasins = superbasins;
    const auto result = kmc::run_ensemble(model, &rates, spec);
    for (std::size_t i = 0; i < spec.times.size(); ++i) {
      const Eigen::VectorXd p = test::master_equation(model, spec.start, spec.times[i]);
      for (kmc::StateIndex s = 0; s < network.state_count(); ++s) {
        double fraction = 0.0;
        for (const auto& run : result.runs) fraction += (run.states[i] == s) ? 1.0 / spec.runs : 0.0;
        INFO("kT " << kT << " t " << spec.times[i] << " state " << network.id_of(s) << " superbasins " << superbasins);
        check_fraction(fraction, p[s], spec.runs);
      }
    }
  }
}

TEST_CASE("long-time occupancy is the Boltzmann distribution", "[kmc]") {
  const auto catalog = test::network_catalog(test::kFiveStateNetwork);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  const double kT = 0.3;
  const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, kT}}));
  const kmc::ConstantRates rates(model);
  kmc::EnsembleSpec spec;
  spec.start = network.require_state(13, "start");
  spec.times = {40.0 * slowest_relaxation_time(model)};  // memory of the start < e^-40
  spec.runs = 4000;
  spec.seed = 5;
  spec.progress = false;
  const auto result = kmc::run_ensemble(model, &rates, spec);
  double z = 0.0;
  for (kmc::StateIndex s = 0; s < network.state_count(); ++s) z += std::exp(-network.energy(s) / kT);
  for (kmc::StateIndex s = 0; s < network.state_count(); ++s) {
    double fraction = 0.0;
    for (const auto& run : result.runs) fraction += (run.states[0] == s) ? 1.0 / spec.runs : 0.0;
    check_fraction(fraction, std::exp(-network.energy(s) / kT) / z, spec.runs);
  }
}

TEST_CASE("mean first-passage time matches the exact linear solve", "[kmc]") {
  const auto catalog = test::network_catalog(test::kFiveStateNetwork);
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, 0.25}}));
  const kmc::ConstantRates rates(model);
  kmc::EnsembleSpec spec;
  spec.start = network.require_state(10, "start");
  spec.target = network.require_state(13, "target");
  spec.times = {0.0};
  spec.runs = 3000;
  spec.seed = 77;
  spec.progress = false;
  const auto result = kmc::run_ensemble(model, &rates, spec);
  std::vector<double> passages;
  for (const auto& run : result.runs) passages.push_back(run.first_passage);
  const auto m = kmc::mean_and_error(passages);
  const double exact = test::exact_mfpt(model, spec.start, *spec.target);
  INFO("mfpt " << m.mean << " +- " << m.standard_error << " exact " << exact);
  CHECK(std::abs(m.mean - exact) <= 4.5 * m.standard_error);
}

TEST_CASE("ensembles do not depend on the number of threads", "[kmc]") {
  const test::FlickerTrap trap;
  const auto& [catalog, network, model, rates] = trap;
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.target = network.require_state(3, "target");
  spec.times = {10.0, 1000.0};
  spec.runs = 16;
  spec.seed = 3;
  spec.progress = false;
  test::ScopedThreadCount threads(1);
  const auto one = kmc::run_ensemble(model, &rates, spec);
  threads.set(2);
  const auto two = kmc::run_ensemble(model, &rates, spec);
  for (std::size_t r = 0; r < spec.runs; ++r) {
    CHECK(one.runs[r].states == two.runs[r].states);
    CHECK(one.runs[r].first_passage == two.runs[r].first_passage);
    CHECK(one.runs[r].events == two.runs[r].events);
  }
}
