// The pieces of the shear and DMA machinery against exact results: the affine remap keeps
// fractional coordinates and moves the tilt by γ ly; the non-affine displacement of a purely
// affine deformation is zero and that of one moved atom is known in closed form; the shear
// stress equals the strain derivative of the energy, σ_xy = (1/V) dE/dγ (athermal, central
// differences); the line and sinusoid fits recover exact coefficients; the tilt limit is
// enforced with an InputError.
#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "md/Error.hpp"
#include "md/ForceCompute.hpp"
#include "md/SimpleShear.hpp"
#include "md/StrainResponseFit.hpp"
#include "md/Thermo.hpp"
#include "tests/deformation/DeformationFixtures.hpp"

using namespace glassland;

namespace {

/// fcc crystal with every atom displaced at random by up to 0.05 sigma (seeded), so that
/// stresses and forces are not zero by symmetry.
md::System perturbed_crystal() {
  md::System s = test::fcc_crystal(4, 1.0);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-0.05, 0.05);
  for (auto& r : s.position) r += md::Vec3(u(rng), u(rng), u(rng));
  return s;
}

double energy(md::System s, md::ForceCompute& forces) { return forces.compute(s).energy; }

}  // namespace

TEST_CASE("the affine remap keeps fractional coordinates and sets xy = xy0 + gamma ly", "[shear]") {
  md::System s = perturbed_crystal();
  const md::System before = s;
  md::SimpleShear shear(s);
  shear.set_strain(s, 0.03);
  CHECK(s.box.xy() == Approx(0.03 * before.box.matrix()(1, 1)).epsilon(1e-14));
  CHECK(s.box.matrix()(0, 0) == before.box.matrix()(0, 0));
  CHECK(s.box.matrix()(1, 1) == before.box.matrix()(1, 1));
  for (std::size_t i = 0; i < s.size(); ++i)
    CHECK((s.box.to_fractional(s.position[i]) - before.box.to_fractional(before.position[i])).norm() < 1e-13);
  for (double d : shear.nonaffine_displacements(s)) CHECK(d < 1e-12);
  shear.set_strain(s, 0.0);  // back to the start
  for (std::size_t i = 0; i < s.size(); ++i) CHECK((s.position[i] - before.position[i]).norm() < 1e-12);
}

TEST_CASE("the non-affine displacement of one moved atom is |d|(1 - 1/N), of the others |d|/N", "[shear]") {
  md::System s = perturbed_crystal();
  md::SimpleShear shear(s);
  shear.set_strain(s, 0.05);
  // A move along x is unchanged by F^-1 = I - gamma e_x e_y^T, so H0 H^-1 d = d.
  const md::Vec3 d(0.3, 0.0, 0.0);
  s.position[5] += d;
  const auto n = static_cast<double>(s.size());
  const std::vector<double> u = shear.nonaffine_displacements(s);
  for (std::size_t i = 0; i < s.size(); ++i)
    CHECK(u[i] == Approx(i == 5 ? 0.3 * (1.0 - 1.0 / n) : 0.3 / n).epsilon(1e-10));
  CHECK(md::fraction_above(u, 0.2) == Approx(1.0 / n).epsilon(1e-15));
  CHECK(md::fraction_above(u, 0.5) == 0.0);
}

TEST_CASE("shear stress equals (1/V) dE/dgamma (athermal, central differences)", "[shear]") {
  md::System s = perturbed_crystal();
  md::ForceCompute forces(test::lj_potential().pair, 0.3);
  md::SimpleShear shear(s);
  for (double gamma : {0.0, 0.02}) {
    shear.set_strain(s, gamma);
    const md::ForceTotals totals = forces.compute(s);
    const md::Thermo t = md::compute_thermo(s, totals.energy, totals.virial, md::momentum_conserving_dof(s));
    const double h = 1e-5;
    // Strains of +-h relative to the sheared state (same derivative: simple shears add).
    md::System plus = s, minus = s;
    md::SimpleShear shear_plus(s), shear_minus(s);
    shear_plus.set_strain(plus, h);
    shear_minus.set_strain(minus, -h);
    const double derivative = (energy(plus, forces) - energy(minus, forces)) / (2.0 * h * s.box.volume());
    // Central differences: truncation h^2 E'''/6 ~ 1e-10 relative; round-off 1e-16 E / h ~ 1e-9.
    CHECK(md::shear_stress_xy(t.pressure_tensor) == Approx(derivative).epsilon(1e-6));
  }
}

TEST_CASE("shearing beyond the tilt limit |xy| <= lx/2 is an InputError", "[shear]") {
  md::System s = test::fcc_crystal(4, 1.0);
  md::SimpleShear shear(s);
  CHECK(shear.max_strain() == Approx(0.5).epsilon(1e-14));  // cubic box, no initial tilt
  CHECK_THROWS_AS(shear.set_strain(s, 0.51), InputError);
  CHECK(s.box.xy() == 0.0);  // nothing changed
}

TEST_CASE("line and sinusoid fits recover exact coefficients", "[fit]") {
  std::vector<double> x, y, t, z;
  const double omega = 2.0 * 3.141592653589793 / 7.0;
  for (int k = 0; k < 40; ++k) {
    x.push_back(0.001 * k);
    y.push_back(-0.3 + 42.0 * 0.001 * k);
    t.push_back(0.37 * k);  // 2.1 periods, not a whole number
    z.push_back(1.5 + 2.0 * std::sin(omega * t.back()) - 0.7 * std::cos(omega * t.back()));
  }
  const md::LineFit line = md::fit_line(x, y);
  CHECK(line.slope == Approx(42.0).epsilon(1e-12));
  CHECK(line.intercept == Approx(-0.3).epsilon(1e-12));
  CHECK(line.slope_stderr < 1e-9);
  const md::OscillationFit osc = md::fit_oscillation(t, z, omega);
  CHECK(osc.in_phase == Approx(2.0).epsilon(1e-12));
  CHECK(osc.out_of_phase == Approx(-0.7).epsilon(1e-12));
  CHECK(osc.offset == Approx(1.5).epsilon(1e-12));
  CHECK(osc.phase() == Approx(std::atan2(-0.7, 2.0)).epsilon(1e-12));
  CHECK_THROWS_AS(md::fit_line({1.0, 1.0}, {2.0, 3.0}), InputError);
  CHECK_THROWS_AS(md::fit_oscillation({0.0, 1.0}, {0.0, 1.0}, omega), InputError);
}
