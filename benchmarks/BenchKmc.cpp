// kMC throughput on a random 100,000-state catalog (~6 saddles per state), the superbasin
// speed-up on a flicker-dominated network, and memory per state / per saddle.
//   cmake -S . -B build-bench -DGLASSLAND_BUILD_BENCHMARKS=ON && cmake --build build-bench --target bench_kmc
//   build-bench/benchmarks/bench_kmc
#include <benchmark/benchmark.h>

#include <random>

#include "kmc/NetworkImport.hpp"
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

void BM_EventsRampRandomCatalog(benchmark::State& state) {
  const RandomNetwork& net = random_network();
  const kmc::RateModel ramp(net.network, md::TemperatureSchedule::linear_ramp(0.6, 0.3, 1e-9));
  kmc::Walker walker(ramp, nullptr, 0, 1, 0, {});
  const std::uint64_t batch = 20000;
  for (auto _ : state) walker.step(batch);
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(batch) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventsRampRandomCatalog)->Unit(benchmark::kMillisecond);

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
  // In-memory kMC arrays: per state id+energy+offset+escape+first+sorted id = 48 bytes; per
  // saddle two transitions of target+4 doubles+reverse+slot = 112 bytes (checked below).
  state.counters["kmc_bytes_total"] = static_cast<double>(net.network.memory_bytes() + net.rates.memory_bytes());
  state.counters["kmc_bytes_model"] = 48.0 * n + 112.0 * m;
  state.counters["file_bytes_per_saddle"] = static_cast<double>(bytes) / m;
  state.counters["states"] = n;
  state.counters["saddles"] = m;
}
BENCHMARK(BM_MemoryPerRecord)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
