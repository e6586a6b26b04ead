// Curve analysis against analytic cases.
#include <catch2/catch.hpp>

#include <cmath>

#include "kmc/LabUnits.hpp"
#include "kmc/model/Analysis.hpp"
#include "kmc/model/NormalQuantiles.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::model;

TEST_CASE("peak position and FWHM of a Gaussian", "[model][analysis]") {
  std::vector<double> x, y;
  for (double t = 400.0; t <= 500.0; t += 0.05) {
    x.push_back(t);
    y.push_back(3.0 * std::exp(-0.5 * std::pow((t - 451.3) / 4.0, 2)));
  }
  const PeakShape p = find_peak(x, y);
  REQUIRE(p.found);
  CHECK(std::abs(p.position - 451.3) <= 0.025);  // half the grid spacing
  CHECK(glassland::test::close(p.fwhm, 2.0 * std::sqrt(2.0 * std::log(2.0)) * 4.0, 1e-3));
  for (double& v : y) v = -v;
  CHECK(glassland::test::close(find_peak(x, y, true).height, -3.0, 1e-3));
  CHECK_FALSE(find_peak(x, y, false).found);
}

TEST_CASE("refined peak position is exact for a parabola and close for a coarse Gaussian", "[model][analysis]") {
  const std::vector<double> x{1.0, 1.7, 3.1}, parabola{-(0.3 * 0.3), -(0.4 * 0.4), -(1.8 * 1.8)};  // -(x - 1.3)^2
  CHECK(refined_peak_position(x, parabola, 1) == Approx(1.3).epsilon(1e-12));
  std::vector<double> t, y;
  for (double v = 430.0; v <= 470.0; v += 1.0) {
    t.push_back(v);
    y.push_back(std::exp(-0.5 * std::pow((v - 451.3) / 4.0, 2)));
  }
  // Grid spacing 1 K = sigma/4: the parabola through three samples of a Gaussian puts the
  // vertex within 0.01 K (the quartic term shifts it by ~ h^2 (x1 - mu) / (12 sigma^2) ~ 2e-3 K).
  CHECK(std::abs(find_peak(t, y).position - 451.3) < 0.01);
}

TEST_CASE("trapezoidal integral is exact for piecewise-linear data and clips the window", "[model][analysis]") {
  const std::vector<double> x{0, 1, 2, 3}, y{0, 2, 4, 6};  // y = 2x
  CHECK(integrate(x, y, 0.0, 3.0) == Approx(9.0).epsilon(1e-14));
  CHECK(integrate(x, y, 0.5, 2.5) == Approx(6.0).epsilon(1e-14));
}

TEST_CASE("Kissinger, Arrhenius and VFT fits recover synthetic parameters", "[model][analysis]") {
  const double r = glassland::kmc::lab::kGasConstantKJPerMolK;
  const double ea = 150.0, c = 20.0;  // ln(q/Tp^2) = -Ea/(R Tp) + c
  std::vector<double> rates{5, 10, 20, 40}, peaks;
  for (double q : rates) {
    double tp = 450.0;
    for (int i = 0; i < 100; ++i) {  // Newton on g(T) = ln(q/T^2) + Ea/(R T) - c
      const double g = std::log(q / (tp * tp)) + ea / (r * tp) - c;
      const double dg = -2.0 / tp - ea / (r * tp * tp);
      tp -= g / dg;
    }
    peaks.push_back(tp);
  }
  CHECK(glassland::test::close(kissinger_energy_kj_mol(rates, peaks), ea, 1e-9));

  const double kb = glassland::kmc::lab::kBoltzmannEvPerK;
  std::vector<double> f{0.5, 2, 8}, tb;
  for (double v : f) tb.push_back(-0.9 / (kb * std::log(v / 1e13)));
  CHECK(glassland::test::close(arrhenius_energy_ev(f, tb), 0.9, 1e-9));

  std::vector<double> t{450, 470, 490, 510, 530}, tau;
  for (double v : t) tau.push_back(1e-14 * std::exp(5907.0 / (v - 278.0)));
  const VftFit fit = fit_vft(t, tau);
  CHECK(std::abs(fit.T0_K - 278.0) < 0.2);  // T0 grid spacing is T_min / 4000 ~ 0.11 K
  CHECK(glassland::test::close(fit.B_K, 5907.0, 0.01));
}

TEST_CASE("normal quantiles", "[model][analysis]") {
  CHECK(standard_normal_quantile(0.5) == Approx(0.0).margin(1e-12));
  CHECK(standard_normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-10));
  const auto classes = equal_probability_classes(1.0, 0.1, 4);
  CHECK(classes.size() == 4);
  CHECK(classes[0] + classes[3] == Approx(2.0).epsilon(1e-12));  // symmetric about the mean
}
