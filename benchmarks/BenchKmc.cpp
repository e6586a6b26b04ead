// kMC throughput on a random 100,000-state catalog (~6 saddles per state), the superbasin
// speed-up on a flicker-dominated network, SumTree select+update scaling, and memory per state
// and per saddle.
//   cmake -S . -B build-bench -DGLASSLAND_BUILD_BENCHMARKS=ON && cmake --build build-bench --target bench_kmc
//   build-bench/benchmarks/bench_kmc
#include <benchmark/benchmark.h>

#include <random>

#include "kmc/NetworkImport.hpp"
#include "kmc/SumTree.hpp"
#include "kmc/Walker.hpp"
#include "landscape/CatalogFile.hpp"

using namespace glassland;

namespace {

// Minima with normal energies (sd 0.5); each state gets ~6 saddles to random partners, saddle
// energy = higher endpoint + exponential barrier (mean 1); prefactors 1. Seeded.
landscape::Catalog random_catalog(std::size_t states, std::size_t saddles_per_state, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> energy(0.0, 0.5);
  std::exponential_distribution<double> barrier(1.0);
  std::uniform_int_distribution<std::size_t> pick(0, states - 1);
  landscape::Catalog catalog;
  for (std::size_t i = 0; i < states; ++i) {
    landscape::Minimum m;
    m.id = static_cast<landscape::MinimumId>(i);
    m.energy = energy(rng);
    catalog.add_minimum(m);
  }
  const std::size_t saddles = states * saddles_per_state / 2;
  for (std::size_t k = 0; k < saddles; ++k) {
    landscape::Saddle s;
    s.from = static_cast<landscape::MinimumId>(k % states);
    do s.to = static_cast<landscape::MinimumId>(pick(rng));
    while (s.to == s.from);
    s.energy = std::max(catalog.minimum(s.from).energy, catalog.minimum(s.to).energy) + barrier(rng);
    s.prefactor_forward = s.prefactor_backward = 1.0;
    catalog.add_saddle(s);
  }
  return catalog;
}

struct RandomNetwork {
  landscape::Catalog catalog = random_catalog(100000, 6, 2026);
  kmc::RateNetwork network = kmc::RateNetwork::from_catalog(catalog);
  kmc::RateModel model{network, md::TemperatureSchedule({{0.0, 0.5}})};
  kmc::ConstantRates rates{model};
};

const RandomNetwork& random_network() {
  static const RandomNetwork net;
  return net;
}

void BM_EventsRandomCatalog(benchmark::State& state) {
  const RandomNetwork& net = random_network();
  kmc::WalkerOptions options;
  options.superbasins = state.range(0) != 0;
  kmc::Walker walker(net.model, &net.rates, 0, 1, 0, options);
  const std::uint64_t batch = 1000000;
  for (auto _ : state) walker.step(batch);
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(batch) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["distinct_states"] = static_cast<double>(walker.distinct_states());
}
BENCHMARK(BM_EventsRandomCatalog)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Arg 0: residences from the integrated hazard (Gauss-Kronrod + Newton); arg 1: by thinning.
void BM_EventsRampRandomCatalog(benchmark::State& state) {
  const RandomNetwork& net = random_network();
  const kmc::RateModel ramp(net.network, md::TemperatureSchedule::linear_ramp(0.6, 0.3, 1e-9));
  kmc::WalkerOptions options;
  options.thinning = state.range(0) != 0;
  kmc::Walker walker(ramp, nullptr, 0, 1, 0, options);
  const std::uint64_t batch = options.thinning ? 200000 : 20000;
  for (auto _ : state) walker.step(batch);
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(batch) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventsRampRandomCatalog)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Flicker trap: three states joined by barriers ~0.2 and left over a barrier ~1 at kT = 0.05
// (about 1e7 internal hops per exit); time to the first passage to the target.
const char* kFlicker = R"({
  "minima": [{"id": 0, "energy": 0.0}, {"id": 1, "energy": 0.05}, {"id": 2, "energy": 0.1},
             {"id": 3, "energy": 0.2}],
  "saddles": [{"from": 0, "to": 1, "energy": 0.2, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 1, "to": 2, "energy": 0.25, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 0, "to": 2, "energy": 0.3, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 1, "to": 3, "energy": 1.0, "prefactor_forward": 1.0, "prefactor_backward": 1.0}]})";

void BM_FirstPassageFlicker(benchmark::State& state) {
  const auto catalog = kmc::catalog_from_network_json(kFlicker, "flicker");
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, 0.07}}));
  const kmc::ConstantRates rates(model);
  kmc::WalkerOptions options;
  options.superbasins = state.range(0) != 0;
  options.target = 3;
  std::uint64_t run = 0, events = 0;
  for (auto _ : state) {
    kmc::Walker walker(model, &rates, 0, 7, run++, options);
    walker.advance_to_target(~0ULL);
    events += walker.events();
  }
  state.counters["events_per_passage"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FirstPassageFlicker)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_MemoryPerRecord(benchmark::State& state) {
  const RandomNetwork& net = random_network();
  std::size_t bytes = 0;
  for (auto _ : state) bytes = landscape::catalog_to_bytes(net.catalog).size();
  const double n = static_cast<double>(net.network.state_count());
  const double m = static_cast<double>(net.catalog.saddle_count());
  // RateNetwork: CSR arrays of the catalog (barriers, prefactors, volumes, strains, reverse);
  // ConstantRates: the cache-line records plus state -> record and the rate-order permutation.
  state.counters["network_bytes"] = static_cast<double>(net.network.memory_bytes());
  state.counters["rate_table_bytes"] = static_cast<double>(net.rates.memory_bytes());
  state.counters["kmc_bytes_total"] = static_cast<double>(net.network.memory_bytes() + net.rates.memory_bytes());
  state.counters["record_lines"] = static_cast<double>(net.rates.line_count());
  state.counters["file_bytes_per_saddle"] = static_cast<double>(bytes) / m;
  state.counters["states"] = n;
  state.counters["saddles"] = m;
}
BENCHMARK(BM_MemoryPerRecord)->Iterations(1)->Unit(benchmark::kMillisecond);

// One select (u * total) and one update of a random item per iteration on a tree of n rates
// spanning 9 decades: the cost grows with log n (the tree depth) until the tree leaves the cache.
void BM_SumTreeSelectUpdate(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> rates(n);
  for (double& r : rates) r = std::exp(20.0 * unit(rng) - 10.0);
  kmc::SumTree tree(rates);
  std::size_t chosen = 0;
  for (auto _ : state) {
    chosen = tree.select(unit(rng) * tree.total());
    tree.update(chosen, std::exp(20.0 * unit(rng) - 10.0));
  }
  benchmark::DoNotOptimize(chosen);
  state.counters["depth"] = std::ceil(std::log2(static_cast<double>(n)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_SumTreeSelectUpdate)->RangeMultiplier(10)->Range(1000, 1000000);

}  // namespace

BENCHMARK_MAIN();
