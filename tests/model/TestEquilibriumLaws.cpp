// Equilibrium laws prescribed by the model parameters: alpha times follow VFT, beta times
// follow Arrhenius, and the instruments' fits recover them.
#include <catch2/catch.hpp>

#include <cmath>

#include "kmc/LabUnits.hpp"
#include "kmc/model/KmcSample.hpp"
#include "tests/model/ModelFixtures.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::model;
using namespace glassland::model::test;

TEST_CASE("equilibrium alpha time follows the prescribed VFT law", "[model][laws]") {
  auto model = la_model();
  for (double t : {445.0, 470.0, 500.0, 540.0}) {
    MasterEquationSample s(model, t);
    LoadState load;
    load.temperature_K = t;
    const double tau = 1.0 / s.mean_alpha_rate(load);
    INFO("T " << t << " tau " << tau << " VFT " << model->vft_time(t));
    // The law is exact for the continuum Gaussian DOS; the 96-class midpoint grid changes the
    // mean rate by < 1e-3 relative. 1 % tolerance.
    CHECK(glassland::test::close(tau, model->vft_time(t), 0.01));
    CHECK(std::abs(s.fictive_temperature() - t) < 0.05);  // equilibrium: Tf = T (grid error only)
  }
}

TEST_CASE("kMC hop counting measures the VFT alpha time", "[model][laws]") {
  auto model = la_model();
  const double t = 480.0, tau = model->vft_time(t);
  const std::size_t units = 100000;
  KmcSample s(model, units, t, 99);
  LoadState load;
  load.temperature_K = t;
  const double duration = 10.0 * tau;
  for (int i = 0; i < 50; ++i) s.advance(duration / 50, load);
  const double hops = static_cast<double>(s.alpha_hops());
  const double rate = hops / (static_cast<double>(units) * duration);
  INFO("hops " << hops << " rate " << rate << " 1/tau " << 1.0 / tau << " Tf " << s.fictive_temperature());
  // Two error sources: Poisson counting (sqrt(hops)) and the collective fluctuation of the
  // mean-field fictive temperature, std(Tf) = T (sigma / sqrt(N)) / |ebar(T)| ~ 0.43 K, which
  // moves every rate by d ln k / dTf = B T0 / (T (Tf - T0)^2) ~ 0.084 /K and is correlated over
  // the whole run (no averaging). Bound: 3 such standard errors.
  const auto& a = model->parameters().alpha;
  const double tf_std = t * (a.dos_width_kj_mol / std::sqrt(static_cast<double>(units))) / std::abs(model->equilibrium_mean_energy(t));
  const double sensitivity = a.vft_B_K * a.vft_T0_K / (t * std::pow(t - a.vft_T0_K, 2));
  const double relative_error = sensitivity * tf_std + 1.0 / std::sqrt(hops);
  CHECK(std::abs(rate * tau - 1.0) < 3.0 * relative_error);
}

TEST_CASE("beta relaxation follows Arrhenius with the prescribed barrier", "[model][laws]") {
  auto parameters = la_config().landscape;
  parameters.beta.barrier_width_eV = 0.0;
  parameters.beta.asymmetry_kj_mol = 0.0;
  parameters.beta.asymmetry_width_kj_mol = 0.0;
  parameters.beta.coupling_kappa = 0.0;
  const LandscapeModel model(parameters);
  std::vector<double> inverse_t, log_tau;
  for (double t : {300.0, 350.0, 400.0}) {
    LoadState load;
    load.temperature_K = t;
    const auto rates = model.rates(load, t, 0.0);
    // Symmetric two-level system: k_up + k_down = 2 exp(-E/RT) / tau0 (exact).
    const double tau = 1.0 / rates.beta_relaxation[0];
    CHECK(glassland::test::close(tau, 0.5 * model.beta_arrhenius_time(0, t), 1e-12));
    inverse_t.push_back(1.0 / t);
    log_tau.push_back(std::log(tau));
  }
  const double barrier_ev = fit_line(inverse_t, log_tau).slope * glassland::kmc::lab::kBoltzmannEvPerK;
  CHECK(glassland::test::close(barrier_ev, parameters.beta.barrier_eV, 1e-9));
}

TEST_CASE("DMA recovers E_beta (Arrhenius) and the alpha VFT law from loss peaks", "[model][laws]") {
  auto model = la_model();
  MasterEquationSample s(model, 520);
  ramp(s, 520, 300, 20.0 / 60);
  const auto dma = run_dma(s, 300, 520, 2.0 / 60, {0.5, 2.0, 8.0, 32.0}, StepControl{}, "dma");
  INFO("E_beta fit " << dma.beta_energy_eV << " eV; beta peak at 2 Hz " << dma.beta_peak_K[1] << " K");
  for (double p : dma.beta_peak_K) CHECK(p > 0.0);
  // The Arrhenius fit of peak positions differs from the mean barrier through the
  // temperature-dependent relaxation strength 4p(1-p) and the barrier spread: 10 %.
  CHECK(glassland::test::close(dma.beta_energy_eV, model->parameters().beta.barrier_eV, 0.10));
  // The alpha loss peak sits where omega equals the median alpha rate, exp(-s^2/2) / tau_VFT
  // with s = lambda sigma / RT the spread of ln k (the mean rate is 1/tau_VFT). The sample is
  // in equilibrium there (40 K above Tg); 2 K allows for the 0.25 K steps and peak asymmetry.
  const double omega = 2.0 * M_PI * 2.0;
  const auto& a = model->parameters().alpha;
  double t_median = 440.0;
  for (; t_median < 560.0; t_median += 0.01) {
    const double s = a.coupling_lambda * a.dos_width_kj_mol / (glassland::kmc::lab::kGasConstantKJPerMolK * t_median);
    if (std::exp(-0.5 * s * s) / model->vft_time(t_median) > omega) break;
  }
  INFO("alpha peak " << dma.alpha_peak_K[1] << " K, median-rate point " << t_median << " K");
  CHECK(std::abs(dma.alpha_peak_K[1] - t_median) < 2.0);
}

TEST_CASE("VFT fit of equilibrium alpha times recovers B and T0", "[model][laws]") {
  auto model = la_model();
  std::vector<double> temperatures, times;
  for (double t = 440.0; t <= 560.0; t += 20.0) {
    MasterEquationSample s(model, t);
    LoadState load;
    load.temperature_K = t;
    temperatures.push_back(t);
    times.push_back(1.0 / s.mean_alpha_rate(load));
  }
  const VftFit fit = fit_vft(temperatures, times);
  // T0 is scanned on a 0.1 K grid; B follows to ~1 %.
  CHECK(std::abs(fit.T0_K - model->parameters().alpha.vft_T0_K) < 1.0);
  CHECK(glassland::test::close(fit.B_K, model->parameters().alpha.vft_B_K, 0.02));
}
