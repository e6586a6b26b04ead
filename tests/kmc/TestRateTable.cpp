// The constant-rate table of the event loop: a hub with d neighbours (d = 3 fits one cache line,
// 7 and 14 two lines, 40 goes through a SumTree). Each leaf only leads back to the hub, so every
// second event leaves the hub: its choice frequencies must be k_e / R and its mean residence 1/R.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "kmc/Walker.hpp"

using namespace glassland;

namespace {

// Hub 0 (energy 0) and leaves 1..d (energy 0.05 j); saddle to leaf j at 0.3 + 0.12 j, prefactor
// 1 + j, so rates at kT = 0.5 span ~4 decades and are all distinct.
landscape::Catalog hub_catalog(std::uint32_t degree) {
  landscape::Catalog catalog;
  for (std::uint32_t j = 0; j <= degree; ++j) {
    landscape::Minimum m;
    m.id = j;
    m.energy = 0.05 * j;
    catalog.add_minimum(m);
  }
  for (std::uint32_t j = 1; j <= degree; ++j) {
    landscape::Saddle s;
    s.from = 0;
    s.to = j;
    s.energy = 0.3 + 0.12 * j;
    s.prefactor_forward = s.prefactor_backward = 1.0 + j;
    s.activation_volume = 0.1 * j;
    s.activation_strain = 0.01 * j;
    catalog.add_saddle(s);
  }
  return catalog;
}

}  // namespace

TEST_CASE("rate table: hub choices follow k_e/R at every degree layout", "[kmc][rates]") {
  for (std::uint32_t degree : {3U, 7U, 14U, 40U}) {
    const auto catalog = hub_catalog(degree);
    const auto network = kmc::RateNetwork::from_catalog(catalog);
    const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, 0.5}}));
    const kmc::ConstantRates rates(model);
    const kmc::StateIndex hub = network.require_state(0, "hub");
    CHECK(rates.degree_at(rates.record_of(hub)) == degree);
    double escape = 0.0;
    for (std::uint32_t e = network.first(hub); e < network.first(hub + 1); ++e) escape += rates.rate(e);
    CHECK(std::abs(rates.escape(hub) - escape) <= 1e-14 * escape);  // summation order only

    kmc::WalkerOptions options;
    options.superbasins = false;
    options.record_path = true;
    kmc::Walker walker(model, &rates, hub, 17, degree, options);
    const std::uint64_t exits = 200000;
    walker.step(2 * exits);
    std::vector<double> count(network.state_count(), 0.0);
    double residence = 0.0;
    const auto& path = walker.path();
    for (std::size_t k = 0; k + 1 < path.size(); k += 2) {
      REQUIRE(path[k].second == hub);
      ++count[path[k + 1].second];
      residence += path[k + 1].first - path[k].first;
    }
    INFO("degree " << degree);
    for (std::uint32_t e = network.first(hub); e < network.first(hub + 1); ++e) {
      const double p = rates.rate(e) / escape;
      // Binomial count, 4.5 standard deviations (~1e-5 false alarms per transition).
      const double sd = std::sqrt(exits * p * (1.0 - p));
      CHECK(std::abs(count[network.target(e)] - exits * p) <= 4.5 * sd);
    }
    // Mean of 2e5 exponential residences: standard error (1/R)/sqrt(N); 4.5 of them.
    const double mean = residence / exits;
    CHECK(std::abs(mean - 1.0 / escape) <= 4.5 / escape / std::sqrt(double(exits)));
  }
}

TEST_CASE("rate table: strain and work under constant stress follow the transitions taken", "[kmc][rates]") {
  // The walker maps its chosen record slot back to the network transition (rate order differs
  // from catalog order): strain and work must be those of the hops in the path.
  for (std::uint32_t degree : {7U, 40U}) {
    const auto catalog = hub_catalog(degree);
    const auto network = kmc::RateNetwork::from_catalog(catalog);
    const double sigma = 0.3;
    const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, 0.5}}), kmc::StressProtocol::constant(sigma));
    REQUIRE(model.homogeneous());
    const kmc::ConstantRates rates(model);
    kmc::WalkerOptions options;
    options.record_path = true;
    kmc::Walker walker(model, &rates, 0, 3, 0, options);
    // Hub -> leaf -> hub cancels, so compare after every single hop (odd hops end on a leaf).
    double strain = 0.0, work = 0.0;
    int mismatches = 0, nonzero = 0;
    for (int hop = 0; hop < 2000; ++hop) {
      walker.step(1);
      const auto& path = walker.path();
      const kmc::StateIndex from = path[path.size() - 2].second, to = path.back().second;
      for (std::uint32_t e = network.first(from); e < network.first(from + 1); ++e)
        if (network.target(e) == to) {
          strain += network.activation_strain(e);
          work += sigma * network.activation_volume(e);
        }
      // Same terms added in the same order: equal up to rounding of the accumulation.
      if (std::abs(walker.strain() - strain) > 1e-12 || std::abs(walker.work() - work) > 1e-12) ++mismatches;
      if (std::abs(strain) > 1e-9) ++nonzero;
    }
    INFO("degree " << degree);
    CHECK(mismatches == 0);
    CHECK(nonzero == 1000);  // every out-hop leaves a leaf's strain: the comparison has teeth
  }
}
