// Force-kernel and MD-step benchmarks: the standard LJ system (fcc, density 0.8442, rc 2.5, skin 0.3, as
// LAMMPS' bench/in.lj) and a Wahnström liquid. Reports atom-evaluations per second.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "md/ForceCompute.hpp"
#include "md/IntegratorRegistry.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/RandomLiquid.hpp"
#include "md/SimdLevel.hpp"

using namespace glassland::md;

namespace {

// fcc lattice with `cells` unit cells per side at the given number density, types all 1,
// displaced by up to `jitter` lattice spacings (seeded) so the list is not perfectly regular.
System fcc_system(int cells, double density, double jitter, std::uint64_t seed) {
  const double a = std::cbrt(4.0 / density);
  System s;
  s.box = Box(Vec3::Zero(), Vec3::Constant(a * cells));
  s.type_mass = {0.0, 1.0};
  const Vec3 basis[4] = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-jitter, jitter);
  int id = 1;
  for (int z = 0; z < cells; ++z)
    for (int y = 0; y < cells; ++y)
      for (int x = 0; x < cells; ++x)
        for (const Vec3& b : basis) s.add_atom(id++, 1, (Vec3(x, y, z) + b + Vec3(u(rng), u(rng), u(rng))) * a);
  return s;
}

PairPotential lj_cut() {
  PairPotential p(PairStyle::lj, 1, false);
  p.set_pair(1, 1, PairCoefficients{1.0, 1.0, 2.5});
  return p;
}

void BM_ForceLJ32000(benchmark::State& state) {
  System s = fcc_system(20, 0.8442, 0.05, 1);
  ForceCompute fc(lj_cut(), 0.3);
  fc.compute(s);
  for (auto _ : state) benchmark::DoNotOptimize(fc.compute(s).energy);
  state.counters["atoms/s"] = benchmark::Counter(static_cast<double>(s.size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ForceLJ32000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_NeighborBuildLJ32000(benchmark::State& state) {
  System s = fcc_system(20, 0.8442, 0.05, 1);
  ForceCompute fc(lj_cut(), 0.3);
  for (auto _ : state) {
    fc.invalidate_neighbors();
    benchmark::DoNotOptimize(fc.compute(s).energy);
  }
  state.counters["atoms/s"] = benchmark::Counter(static_cast<double>(s.size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NeighborBuildLJ32000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ForceWahnstrom4000(benchmark::State& state) {
  const PotentialSpec spec = load_potential("wahnstrom");
  System s = random_liquid({0.5, 0.5}, 4000, 0.75, spec.type_mass, 3, 0.85);
  ForceCompute fc(spec.pair, 0.3);
  fc.compute(s);
  for (auto _ : state) benchmark::DoNotOptimize(fc.compute(s).energy);
  state.counters["atoms/s"] = benchmark::Counter(static_cast<double>(s.size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ForceWahnstrom4000)->Unit(benchmark::kMillisecond)->UseRealTime();

// One full MD step (velocity Verlet + forces + neighbour checks/rebuilds) on the LJ benchmark
// system, velocities from a seeded T = 1.44 distribution as in bench/in.lj.
void BM_StepNveLJ32000(benchmark::State& state) {
  System s = fcc_system(20, 0.8442, 0.0, 1);
  std::mt19937_64 rng(87287);
  std::normal_distribution<double> g(0.0, std::sqrt(1.44));
  for (auto& v : s.velocity) v = Vec3(g(rng), g(rng), g(rng));
  ForceCompute fc(lj_cut(), 0.3);
  IntegratorParameters parameters;
  parameters.timestep = 0.005;
  auto integrator = make_integrator("nve", parameters);
  integrator->setup(s, fc);
  for (auto _ : state) benchmark::DoNotOptimize(integrator->step(s, fc).energy);
  state.counters["atom-steps/s"] =
      benchmark::Counter(static_cast<double>(s.size()) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["rebuilds"] = static_cast<double>(fc.neighbor_builds());
}
BENCHMARK(BM_StepNveLJ32000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(100);

// The 8,192-atom Cu50Zr50 EAM case of compare_lammps.sh: B2 lattice (a = 3.26 A) with random
// types, jittered; Mendelev 2007 EAM/FS, skin 1 A.
void BM_ForceEamCuZr8192(benchmark::State& state) {
  const PotentialSpec spec = load_potential("cu-zr-mendelev2007");
  const double a = 3.26;
  System s;
  s.units = spec.units;
  s.type_mass = spec.type_mass;
  s.box = Box(Vec3::Zero(), Vec3::Constant(16 * a));
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(-0.03, 0.03);
  int id = 1;
  for (int z = 0; z < 16; ++z)
    for (int y = 0; y < 16; ++y)
      for (int x = 0; x < 16; ++x)
        for (double b : {0.0, 0.5})
          s.add_atom(id++, 1 + static_cast<int>(rng() % 2), (Vec3(x + b, y + b, z + b) + Vec3(u(rng), u(rng), u(rng))) * a);
  ForceCompute fc(spec.pair, 1.0);
  fc.compute(s);
  for (auto _ : state) benchmark::DoNotOptimize(fc.compute(s).energy);
  state.counters["atoms/s"] = benchmark::Counter(static_cast<double>(s.size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ForceEamCuZr8192)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  // Which kernels ran (GLASSLAND_SIMD caps the choice) and on what CPU.
  benchmark::AddCustomContext("glassland_simd", simd_level_name(simd_level()));
  benchmark::AddCustomContext("cpu_model", cpu_model_name());
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
