// Full DSC experiment on the La-based example glass (examples/model/la_glass.toml): cool from
// 520 K (80 K above Tg) to 320 K at 20 K/min and reheat to 520 K at 20 K/min, 0.25 K steps.
//  - BM_DscMasterEquation: the master equation over classes, i.e. any number of units
//    (10^6 and more) at the same cost.
//  - BM_DscKmc/N: kMC over N explicit units; it starts at 470 K (Tg + 30 K) because in the hot
//    liquid every unit hops hundreds of times per step, which the master equation handles
//    for free.
#include <benchmark/benchmark.h>

#include "kmc/model/Instruments.hpp"
#include "kmc/model/KmcSample.hpp"
#include "kmc/model/MasterEquationSample.hpp"
#include "kmc/model/ModelConfig.hpp"

using namespace glassland::model;

namespace {
std::shared_ptr<const LandscapeModel> example_model() {
  static const auto model = std::make_shared<const LandscapeModel>(
      load_model_config(std::string(GLASSLAND_SOURCE_DIR) + "/examples/model/la_glass.toml").landscape);
  return model;
}

double dsc_experiment(Sample& sample, double top_K) {
  StepControl control;
  double clock = 0.0;
  run_schedule(sample, glassland::md::TemperatureSchedule::linear_ramp(top_K, 320.0, 20.0 / 60.0), LoadState{}, control,
               clock, nullptr);
  DscOptions options;
  options.to_K = top_K;
  options.rate_K_s = 20.0 / 60.0;
  const DscResult result = run_dsc(sample, 320.0, options, control);
  return result.scan.heat_capacity.back();
}
}  // namespace

static void BM_DscMasterEquation(benchmark::State& state) {
  for (auto _ : state) {
    MasterEquationSample sample(example_model(), 520.0);
    benchmark::DoNotOptimize(dsc_experiment(sample, 520.0));
  }
}
BENCHMARK(BM_DscMasterEquation)->Unit(benchmark::kMillisecond);

static void BM_DscKmc(benchmark::State& state) {
  const auto units = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    KmcSample sample(example_model(), units, 470.0, 1);
    benchmark::DoNotOptimize(dsc_experiment(sample, 470.0));
  }
  state.counters["units"] = static_cast<double>(units);
}
BENCHMARK(BM_DscKmc)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kSecond)->Iterations(1);

BENCHMARK_MAIN();
