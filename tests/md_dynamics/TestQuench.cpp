// The quench protocol: the two-line Tg fit on exact hinge data, and a short linear quench
// whose bookkeeping (samples, final temperature, inherent structure) is checked.
#include <catch2/catch.hpp>

#include <cmath>

#include "md/LinearQuench.hpp"
#include "md/TwoLineFit.hpp"
#include "tests/md_dynamics/Fixtures.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;
using glassland::test::close;

TEST_CASE("two-line fit recovers an exact hinge") {
  std::vector<double> x, y;
  for (int i = 0; i <= 100; ++i) {
    const double t = 0.1 + 1.9 * i / 100.0;
    x.push_back(t);
    y.push_back(t < 0.47 ? -7.0 + 1.5 * (t - 0.47) : -7.0 + 3.2 * (t - 0.47));
  }
  const TwoLineFit fit = fit_two_lines(x, y);
  REQUIRE(fit.valid);
  // The break grid has spacing 0.8 * 1.9 / 400 / 20 = 1.9e-4, so the break is found to 2e-4
  // and slopes to ~1e-3 relative.
  CHECK(std::abs(fit.break_x - 0.47) < 2e-4);
  CHECK(close(fit.slope_low, 1.5, 2e-3));
  CHECK(close(fit.slope_high, 3.2, 2e-3));
  CHECK(fit.rms_residual < 1e-3);
  CHECK_FALSE(fit_two_lines({1, 2, 3}, {1, 2, 3}).valid);
}

TEST_CASE("linear quench: samples, final state and inherent structure") {
  auto liquid = glassland::test::wahnstrom_liquid(200, 1.5, 51, "wahnstrom");
  ForceCompute forces(liquid.pair, 0.3);
  LinearQuenchOptions options;
  options.integrator.timestep = 0.005;
  options.integrator.temperature_damping = 0.25;
  options.start_temperature = 1.5;
  options.end_temperature = 0.2;
  options.rate = 0.05;             // 26 time units = 5200 steps of cooling
  options.equilibration_time = 2.0;
  options.sample_every = 100;
  long reports = 0;
  const LinearQuenchResult r =
      run_linear_quench(liquid.system, forces, options, [&](const std::string&, const ThermoSample&, long) { ++reports; });
  CHECK(r.steps == 400 + 5200);
  CHECK(r.equilibration.size() == 4);
  CHECK(r.cooling.size() == 52);
  CHECK(reports == 56);
  CHECK(close(r.cooling.front().target_temperature, 1.5 - 0.05 * 0.25, 1e-9));  // block mean
  CHECK(close(r.cooling.back().target_temperature, 0.2 + 0.05 * 0.25, 1e-9));
  // Instantaneous T of 200 atoms fluctuates by sqrt(2/597) = 6 % (0.012 at T = 0.2): 5 sigma.
  CHECK(std::abs(r.final_temperature - 0.2) < 0.06);
  REQUIRE(r.has_inherent_structure);
  CHECK(r.inherent_structure_converged);
  // The minimum lies below the thermal state (by about (3/2) k T per atom of vibrations).
  CHECK(r.inherent_structure_energy_per_atom < r.final_potential_energy_per_atom);
  CHECK(r.final_potential_energy_per_atom - r.inherent_structure_energy_per_atom < 0.6);
  REQUIRE(r.energy_fit.valid);
  CHECK(r.energy_fit.break_x > 0.2);
  CHECK(r.energy_fit.break_x < 1.5);
  // E(T) of one chaotic 200-atom run: the two-line fit's high-T slope rests on the few noisy
  // samples above the break and changes sign with rounding (-O1 vs -O3), so the physics is
  // checked on block means instead. Potential energy rises with T by at least the harmonic
  // (3/2) k_B per atom: from the coldest ten samples (mean T 0.33) to the hottest ten
  // (mean T 1.38) by > 1.5; a block mean of 200 atoms scatters by ~0.03, so 0.5 is > 30 sigma
  // and still fails if the energy does not follow the thermostat.
  CHECK(r.energy_fit.slope_low > 0.0);
  double hottest = 0.0, coldest = 0.0;
  for (int i = 0; i < 10; ++i) {
    hottest += r.cooling[i].potential_energy_per_atom / 10.0;
    coldest += r.cooling[r.cooling.size() - 1 - i].potential_energy_per_atom / 10.0;
  }
  CHECK(hottest - coldest > 0.5);
  // Positions are wrapped at the end.
  for (const auto& p : liquid.system.position) {
    const Vec3 s = liquid.system.box.to_fractional(p);
    CHECK((s.minCoeff() >= 0.0 && s.maxCoeff() < 1.0));
  }
}
