// Gumbel creep spectra (kmc/model/GumbelSpectrum, CreepSpectrumFit; study 4's analysis): the
// quadrature against a closed form, analytic derivatives against finite differences, the fit
// recovering known three-family spectra from J(t) made by the same formula (exact and noisy),
// and bad curves as one error.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <random>

#include "kmc/model/CreepSpectrumFit.hpp"
#include "md/Error.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::model;

namespace {
// Three well-separated families, with the paper's S1 widths (B = 0.36, 0.46, 0.58).
GumbelCreepSpectrum known_spectrum() {
  GumbelCreepSpectrum s;
  s.instant_per_GPa = 0.0285;
  s.families = {{0.003, 0.02, 0.36}, {0.02, 300.0, 0.46}, {0.05, 2.0e6, 0.58}};
  return s;
}

// 161 points log-spaced over 1e-5 .. 1e11 s (every family retards fully inside the window).
CreepCurve curve_of(const GumbelCreepSpectrum& s) {
  CreepCurve c;
  for (int k = 0; k <= 160; ++k) {
    const double t = std::pow(10.0, -5.0 + 0.1 * k);
    c.time_s.push_back(t);
    c.compliance_per_GPa.push_back(s.compliance_per_GPa(t));
  }
  return c;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const glassland::InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("Gumbel retardation matches the B = 1 closed form and its limits", "[model][creep-fit]") {
  // B = 1: tau = tau0 E with E ~ Exp(1), so 1 - phi = E[exp(-s/E)] = 2 sqrt(s) K1(2 sqrt(s)).
  for (double s = 1e-10; s < 1e4; s *= 3.7) {
    const double x = 2.0 * std::sqrt(s);
    CHECK(gumbel_retardation(s, 1.0, 1.0).fraction == Approx(1.0 - x * std::cyl_bessel_k(1.0, x)).margin(1e-12));
  }
  // Short times: phi ~ s^B (the small-tau tail of the Weibull law), within 2 % at s = 1e-8.
  CHECK(gumbel_retardation(1e-8, 1.0, 0.4).fraction == Approx(std::tgamma(1.0 - 0.4) * std::pow(1e-8, 0.4)).epsilon(0.02));
  // Narrow spectrum (B = 40): a single Debye time tau0 within 3 % of tau (Gamma(1 + 1/40) = 0.986).
  CHECK(gumbel_retardation(1.0, 1.0, 40.0).fraction == Approx(1.0 - std::exp(-1.0)).margin(0.02));
  // Mean times: Weibull mean tau0 Gamma(1 + 1/B); B = 1 gives tau0 and exp(-gamma) tau0.
  const GumbelFamily f{1.0, 2.0, 1.0};
  CHECK(f.mean_tau_s() == Approx(2.0).epsilon(1e-12));
  CHECK(f.log_mean_tau_s() == Approx(2.0 * std::exp(-0.5772156649)).epsilon(1e-9));
}

TEST_CASE("Gumbel retardation derivatives agree with central differences", "[model][creep-fit]") {
  // Central differences with h = 1e-5 in ln units: truncation ~h^2 and rounding ~1e-16/h,
  // both below 1e-8.
  const double h = 1e-5;
  for (double shape : {0.3, 0.8, 2.5})
    for (double t : {1e-3, 0.5, 40.0, 1e4}) {
      const auto g = gumbel_retardation(t, 3.0, shape);
      const double dtau = (gumbel_retardation(t, 3.0 * std::exp(h), shape).fraction -
                           gumbel_retardation(t, 3.0 * std::exp(-h), shape).fraction) / (2 * h);
      const double dshape = (gumbel_retardation(t, 3.0, shape * std::exp(h)).fraction -
                             gumbel_retardation(t, 3.0, shape * std::exp(-h)).fraction) / (2 * h);
      CHECK(g.d_ln_tau0 == Approx(dtau).margin(1e-8));
      CHECK(g.d_ln_shape == Approx(dshape).margin(1e-8));
    }
}

TEST_CASE("creep-fit recovers three Gumbel families from an exact curve", "[model][creep-fit]") {
  const auto truth = known_spectrum();
  for (bool relative : {false, true}) {
    CreepFitOptions options;
    options.relative = relative;  // residuals in J or relative to J: the exact curve fits both
    const auto fit = fit_creep_spectrum(curve_of(truth), options, "synthetic");
    INFO((relative ? "relative: " : "absolute: ") << fit.status << ", chi^2 " << fit.chi_squared);
    // Exact data: what remains is the minimiser's stopping rule (xtol 1e-12); 1e-5 relative.
    REQUIRE(fit.spectrum.families.size() == 3);
    CHECK(fit.spectrum.instant_per_GPa == Approx(truth.instant_per_GPa).epsilon(1e-5));
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& got = fit.spectrum.families[i];
      const auto& want = truth.families[i];
      CHECK(got.compliance_per_GPa == Approx(want.compliance_per_GPa).epsilon(1e-5));
      CHECK(got.tau0_s == Approx(want.tau0_s).epsilon(1e-5));
      CHECK(got.shape == Approx(want.shape).epsilon(1e-5));
      CHECK(got.mean_tau_s() == Approx(want.mean_tau_s()).epsilon(1e-5));
    }
    CHECK(fit.rms_residual_per_GPa < 1e-9);
  }
}

TEST_CASE("creep-fit on a noisy curve stays within its stated uncertainties", "[model][creep-fit]") {
  // Gaussian noise sigma = 2e-5 1/GPa (0.02 % of the final J; seed fixed). With the noise
  // known, chi^2 / (m - p) has mean 1 and standard deviation sqrt(2 / (m - p)) = 0.12 for
  // m - p = 151: the bound 1 +- 0.5 is 4 standard deviations. Each parameter lies within 4 of
  // its standard errors of the truth (the linearised covariance; 4 sigma: a 6e-5 chance per
  // parameter for a Gaussian estimate), and those errors are small: below 5 % of dJ, 0.1 in
  // ln tau0 and 5 % of B, so the check is not satisfied by huge error bars.
  const auto truth = known_spectrum();
  auto curve = curve_of(truth);
  std::mt19937_64 rng(20261130);
  std::normal_distribution<double> noise(0.0, 2e-5);
  for (auto& j : curve.compliance_per_GPa) j += noise(rng);
  CreepFitOptions options;
  options.sigma_per_GPa = 2e-5;
  const auto fit = fit_creep_spectrum(curve, options, "noisy");
  REQUIRE(fit.spectrum.families.size() == 3);
  const double dof = static_cast<double>(curve.time_s.size() - 10);
  CHECK(std::abs(fit.chi_squared / dof - 1.0) < 0.5);
  CHECK(std::abs(fit.spectrum.instant_per_GPa - truth.instant_per_GPa) < 4 * fit.instant_uncertainty_per_GPa);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& got = fit.spectrum.families[i];
    const auto& want = truth.families[i];
    const auto& u = fit.uncertainty[i];
    INFO("family " << i << ": dJ " << got.compliance_per_GPa << " +- " << u.compliance_per_GPa << ", tau0 " << got.tau0_s
                   << " (ln +- " << u.ln_tau0 << "), B " << got.shape << " +- " << u.shape);
    CHECK(std::abs(got.compliance_per_GPa - want.compliance_per_GPa) < 4 * u.compliance_per_GPa);
    CHECK(std::abs(std::log(got.tau0_s / want.tau0_s)) < 4 * u.ln_tau0);
    CHECK(std::abs(got.shape - want.shape) < 4 * u.shape);
    CHECK(u.compliance_per_GPa < 0.05 * want.compliance_per_GPa);
    CHECK(u.ln_tau0 < 0.1);
    CHECK(u.shape < 0.05 * want.shape);
  }
}

TEST_CASE("creep-fit refuses bad curves in one line", "[model][creep-fit]") {
  CreepCurve empty;
  CHECK(error_of([&] { fit_creep_spectrum(empty, {}, "c.csv"); }).find("c.csv: has no data rows") != std::string::npos);
  auto curve = curve_of(known_spectrum());
  auto nan = curve;
  nan.compliance_per_GPa[7] = NAN;
  CHECK(error_of([&] { fit_creep_spectrum(nan, {}, "c.csv"); }).find("c.csv (row 8): is not a finite number") != std::string::npos);
  auto backwards = curve;
  std::swap(backwards.time_s[4], backwards.time_s[5]);
  CHECK(error_of([&] { fit_creep_spectrum(backwards, {}, "c.csv"); }).find("(row 6): time must increase") != std::string::npos);
  CreepFitOptions five;
  five.families = 5;
  CHECK(error_of([&] { fit_creep_spectrum(curve, five, "c.csv"); }).find("families: must be 1 to 4") != std::string::npos);
  auto short_curve = curve;
  short_curve.time_s.resize(10);
  short_curve.compliance_per_GPa.resize(10);
  CHECK(error_of([&] { fit_creep_spectrum(short_curve, {}, "c.csv"); }).find("3 families need at least 11") != std::string::npos);
  auto zero = curve;
  zero.compliance_per_GPa[3] = 0.0;
  CreepFitOptions relative;
  relative.relative = true;
  CHECK(error_of([&] { fit_creep_spectrum(zero, relative, "c.csv"); }).find("relative: needs J != 0") != std::string::npos);

  // From a file: the line of the bad row, and a missing column by name.
  const std::string dir = glassland::test::scratch_dir("creep-fit-bad");
  std::ofstream(dir + "/back.csv") << "# comment\ntime_s,J_per_GPa\n1,0.03\n3,0.04\n2,0.05\n";
  CHECK(error_of([&] { read_creep_curve(dir + "/back.csv", "time_s", "J_per_GPa"); }).find("back.csv:5: 'time_s' must increase strictly") !=
        std::string::npos);
  std::ofstream(dir + "/nan.csv") << "time_s,J_per_GPa\n1,0.03\n2,nan\n";
  CHECK(error_of([&] { read_creep_curve(dir + "/nan.csv", "time_s", "J_per_GPa"); }).find("nan.csv:3:") != std::string::npos);
  std::ofstream(dir + "/zero.csv") << "time_s,J_per_GPa\n0,0.03\n2,0.04\n";
  CHECK(error_of([&] { read_creep_curve(dir + "/zero.csv", "time_s", "J_per_GPa"); }).find("zero.csv:2: 'time_s' must be > 0") !=
        std::string::npos);
  CHECK(error_of([&] { read_creep_curve(dir + "/zero.csv", "t", "J_per_GPa"); }).find("has no column 't'") != std::string::npos);
}
