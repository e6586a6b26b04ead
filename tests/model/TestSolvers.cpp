// The two solvers of the landscape model describe one stochastic process: kMC over explicit
// units must agree with the master equation within statistical error, and be reproducible.
#include <catch2/catch.hpp>

#include <cmath>

#include "kmc/model/KmcSample.hpp"
#include "kmc/model/TnmSample.hpp"
#include "tests/model/ModelFixtures.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::model;
using namespace glassland::model::test;

namespace {
// Standard error of the per-atom enthalpy mean of N independent units with occupation p.
double enthalpy_standard_error(const LandscapeModel& m, const std::vector<double>& p, double units) {
  const int nb = m.beta_classes();
  double mean = 0.0, square = 0.0;
  for (int e = 0; e < m.energy_classes(); ++e)
    for (int b = 0; b < nb; ++b)
      for (int s = 0; s < 2; ++s) {
        const double h = m.state_energy(e, b, s) / m.parameters().atoms_per_unit;
        const double w = p[LandscapeModel::index(e, b, s, nb)];
        mean += w * h;
        square += w * h * h;
      }
  return std::sqrt((square - mean * mean) / units);
}
}  // namespace

TEST_CASE("kMC and master equation agree on cooling, annealing and reheating", "[model][solvers]") {
  auto model = la_model();
  const std::size_t units = 40000;
  // Start at 470 K (tau_alpha ~ 0.3 s): hotter starts only add millions of uninformative hops.
  MasterEquationSample exact(model, 470.0);
  KmcSample stochastic(model, units, 470.0, 2024);
  // A path through every regime: equilibrium liquid, glass transition on cooling, aging below
  // Tg, recovery on heating.
  const std::vector<std::array<double, 3>> legs = {{470, 400, 20.0 / 60}, {400, 430, 5.0}, {430, 465, 20.0 / 60}};
  for (const auto& leg : legs) {
    ramp(exact, leg[0], leg[1], leg[2]);
    ramp(stochastic, leg[0], leg[1], leg[2]);
    const double se = enthalpy_standard_error(*model, exact.occupation(), static_cast<double>(units));
    INFO("leg to " << leg[1] << " K: ME H " << exact.enthalpy_per_atom() << " kMC H " << stochastic.enthalpy_per_atom() << " SE " << se);
    // Units interact only through the mean field, so they are independent up to O(1/N):
    // 5 standard errors of the unit mean.
    CHECK(glassland::test::within_standard_errors(stochastic.enthalpy_per_atom(), exact.enthalpy_per_atom(), se, 5.0));
    CHECK(std::abs(stochastic.fictive_temperature() - exact.fictive_temperature()) < 1.0);
  }
}

TEST_CASE("kMC is reproducible: same seed, same trajectory", "[model][solvers]") {
  auto model = la_model();
  KmcSample a(model, 2000, 480.0, 11), b(model, 2000, 480.0, 11), c(model, 2000, 480.0, 12);
  for (auto* s : {&a, &b, &c}) ramp(*s, 480, 420, 1.0);
  CHECK(a.enthalpy_per_atom() == b.enthalpy_per_atom());
  CHECK(a.alpha_hops() == b.alpha_hops());
  CHECK(a.enthalpy_per_atom() != c.enthalpy_per_atom());
}

TEST_CASE("master-equation step keeps probability and equilibrium exactly", "[model][solvers]") {
  auto model = la_model();
  MasterEquationSample s(model, 470.0);
  const auto before = s.occupation();
  LoadState load;
  load.temperature_K = 470.0;
  s.advance(50.0, load);  // a step much longer than tau_alpha(470 K): stationarity must hold anyway
  const auto after = s.occupation();
  double total = 0.0, change = 0.0;
  for (std::size_t i = 0; i < after.size(); ++i) { total += after[i]; change += std::abs(after[i] - before[i]); }
  CHECK(std::abs(total - 1.0) < 1e-12);   // round-off only
  CHECK(change < 1e-10);                  // equilibrium is a fixed point of the exponential step
}

TEST_CASE("TNM baseline: slow cooling follows equilibrium, faster cooling freezes higher", "[model][tnm]") {
  const auto config = la_config();
  TnmSample slow(config.tnm, 520.0), fast(config.tnm, 520.0);
  ramp(slow, 520, 470, 1.0 / 60);
  // 470 K is 30 K above Tg: tau ~ 0.1 s, so at 1 K/min Tf lags T by far less than 1 K.
  CHECK(std::abs(slow.fictive_temperature() - 470.0) < 0.5);
  ramp(slow, 470, 350, 1.0 / 60);
  ramp(fast, 520, 350, 20.0 / 60);
  CHECK(fast.fictive_temperature() > slow.fictive_temperature() + 3.0);
  CHECK(slow.fictive_temperature() > 400.0);
}
