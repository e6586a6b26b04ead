// Cycle-resolved stress (kmc/model/StressCycle): the phase-average quadrature against closed
// forms and dense sums, and a cyclic load run with cycle-averaged rates against brute-force
// time stepping through the waveform.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "ModelFixtures.hpp"
#include "kmc/model/StressCycle.hpp"

using namespace glassland::kmc;
using namespace glassland::model;
using namespace glassland::model::test;

namespace {
// <exp(c |sin phi|)> over a cycle = I0(c) + L0(c) (modified Bessel and Struve functions,
// Abramowitz & Stegun 9.6.16 and 12.2.1); L0 by its power series (all terms positive).
double mean_exp_abs_sine(double c) {
  double struve = 0.0;
  for (int k = 0; k < 80; ++k) struve += std::pow(0.5 * c, 2 * k + 1) / std::pow(std::tgamma(k + 1.5), 2);
  return std::cyl_bessel_i(0.0, c) + struve;
}

// Dense midpoint sum of exp(-x g(sigma(phi))) over the whole cycle: error O(h^2) ~ 1e-11.
double dense_log_mean(double x, double static_MPa, double amplitude_MPa, double sigma0, BiasLaw law) {
  const int n = 1 << 20;
  const double g_top = barrier_factor(std::abs(static_MPa) + std::abs(amplitude_MPa), sigma0, law);
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    const double phi = 2.0 * std::numbers::pi * (i + 0.5) / n;
    sum += std::exp(-x * (barrier_factor(static_MPa + amplitude_MPa * std::sin(phi), sigma0, law) - g_top));
  }
  return -x * g_top + std::log(sum / n);
}
}  // namespace

TEST_CASE("linear-law cycle average equals the Bessel-Struve closed form", "[model][stress]") {
  const double sigma0 = 1500.0, amplitude = 120.0;
  for (double x : {1.0, 30.0, 90.0}) {
    const auto average = stress_cycle_average(0.0, amplitude, sigma0, BiasLaw::linear, x);
    const double exact = -x + std::log(mean_exp_abs_sine(1.5 * x * amplitude / sigma0));
    INFO("x = " << x << ", panels " << average.panels << ", estimate " << average.error_estimate);
    // 1e-10 requested of the quadrature; 1e-12 slack for the series and the logarithm.
    CHECK(average.log_mean_boltzmann(x) == Approx(exact).margin(1e-9 * std::abs(exact) + 1e-12));
    CHECK(average.error_estimate <= 1e-10);
  }
}

TEST_CASE("three-halves cycle average equals a dense sum over the waveform", "[model][stress]") {
  const double sigma0 = 1500.0;
  struct Case { double static_MPa, amplitude_MPa, x; };
  for (const Case c : {Case{0.0, 40.0, 60.0}, Case{0.0, 600.0, 40.0}, Case{150.0, 300.0, 50.0}, Case{-200.0, 100.0, 30.0}}) {
    const auto average = stress_cycle_average(c.static_MPa, c.amplitude_MPa, sigma0, BiasLaw::three_halves, c.x);
    const double dense = dense_log_mean(c.x, c.static_MPa, c.amplitude_MPa, sigma0, BiasLaw::three_halves);
    INFO("static " << c.static_MPa << " MPa, amplitude " << c.amplitude_MPa << " MPa, x " << c.x << ", panels " << average.panels);
    // The dense midpoint sum is good to ~1e-10 relative in the mean (h^2 with 2^20 points).
    CHECK(std::exp(average.log_mean_boltzmann(c.x) - dense) == Approx(1.0).margin(1e-8));
    // Weights are a probability measure over the cycle.
    double total = 0.0;
    for (double w : average.weight) total += w;
    CHECK(total == Approx(1.0).margin(1e-13));
  }
}

TEST_CASE("a static stress is one node and no stress leaves barriers unchanged", "[model][stress]") {
  const auto none = stress_cycle_average(0.0, 0.0, 1500.0, BiasLaw::three_halves, 50.0);
  CHECK(none.unstressed());
  CHECK(none.log_mean_boltzmann(50.0) == -50.0);
  const auto creep = stress_cycle_average(300.0, 0.0, 1500.0, BiasLaw::three_halves, 50.0);
  REQUIRE(creep.factor.size() == 1);
  CHECK(creep.factor[0] == Approx(std::pow(0.8, 1.5)).epsilon(1e-14));
  CHECK(barrier_factor(300.0, 1500.0, BiasLaw::linear) == Approx(0.7).epsilon(1e-14));
}

TEST_CASE("cycle-averaged rates match brute-force stepping through the stress waveform", "[model][stress]") {
  auto config = la_config();
  config.landscape.mechanics.work_per_rearrangement_kj_mol = 1e300;  // no forced hops: barriers only
  const auto model = std::make_shared<const LandscapeModel>(config.landscape);
  const double frequency = 1.0, amplitude = 100.0, temperature = 400.0;
  const int cycles = 20;
  MasterEquationSample glass(model, 520.0);
  ramp(glass, 520.0, temperature, 20.0 / 60.0);

  auto brute_force = [&](int steps_per_cycle) {
    MasterEquationSample s = glass;
    const double dt = 1.0 / (frequency * steps_per_cycle);
    LoadState load;
    load.temperature_K = temperature;
    for (long k = 0; k < static_cast<long>(cycles) * steps_per_cycle; ++k) {
      load.stress_MPa = amplitude * std::sin(2.0 * std::numbers::pi * frequency * (k + 0.5) * dt);  // mid-step stress
      s.advance(dt, load);
    }
    return s;
  };
  MasterEquationSample averaged = glass;
  LoadState cyclic;
  cyclic.temperature_K = temperature;
  cyclic.cyclic_amplitude_MPa = amplitude;
  cyclic.cyclic_frequency_Hz = frequency;
  for (int k = 0; k < cycles; ++k) averaged.advance(1.0 / frequency, cyclic);
  MasterEquationSample unloaded = glass;
  hold(unloaded, temperature, cycles / frequency);

  const MasterEquationSample fine = brute_force(512), coarse = brute_force(256);
  const double h0 = glass.enthalpy_per_atom();
  const double change = fine.enthalpy_per_atom() - h0;
  const double stress_effect = fine.enthalpy_per_atom() - unloaded.enthalpy_per_atom();
  const double discretisation = std::abs(fine.enthalpy_per_atom() - coarse.enthalpy_per_atom());
  const double difference = averaged.enthalpy_per_atom() - fine.enthalpy_per_atom();
  INFO("H change " << change << ", stress effect " << stress_effect << ", brute-force 256 vs 512 " << discretisation
                   << ", averaged - brute force " << difference << " kJ/mol");
  REQUIRE(std::abs(stress_effect) > 0.2 * std::abs(change));  // the stress matters in this case
  // The average is exact for the beta levels and each class's survival over whole cycles; what
  // remains is the order of alpha refills within a cycle (second order in k/f) and the brute
  // force's own midpoint error. 1 % of the relaxation during the hold bounds both here.
  CHECK(std::abs(difference) < 0.01 * std::abs(change));
  CHECK(discretisation < 0.01 * std::abs(difference) + 1e-6);
  CHECK(averaged.fictive_temperature() == Approx(fine.fictive_temperature()).margin(0.05));
}

TEST_CASE("stress_lowers = beta leaves alpha rates alone and lowers beta barriers", "[model][stress]") {
  auto config = la_config();
  const LandscapeModel all(config.landscape);
  config.landscape.mechanics.stress_lowers_alpha = false;
  const LandscapeModel beta_only(config.landscape);
  LoadState free, loaded;
  free.temperature_K = loaded.temperature_K = 400.0;
  loaded.stress_MPa = 300.0;
  const double tf = 440.0;
  const auto r0 = all.rates(free, tf, 0.0), r_all = all.rates(loaded, tf, 0.0), r_beta = beta_only.rates(loaded, tf, 0.0);
  const std::size_t e = static_cast<std::size_t>(all.energy_classes() / 2);
  CHECK(r_beta.alpha_rate[e] == r0.alpha_rate[e]);   // exactly unchanged
  CHECK(r_all.alpha_rate[e] > 10.0 * r0.alpha_rate[e]);
  // Beta: exp(-x g) with g = 0.8^1.5 in both cases, so the two stressed tables agree.
  CHECK(r_beta.beta_relaxation[e] == Approx(r_all.beta_relaxation[e]).epsilon(1e-14));
  CHECK(r_beta.beta_relaxation[e] > 10.0 * r0.beta_relaxation[e]);
}
