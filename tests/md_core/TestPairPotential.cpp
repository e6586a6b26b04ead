// Lennard-Jones pair energies and forces against hand-derived values.
#include <catch2/catch.hpp>

#include <cmath>

#include "md/Error.hpp"
#include "md/ForceCompute.hpp"
#include "md/PairPotential.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;
using glassland::test::close;

namespace {

PairPotential single(PairStyle style, bool shift, double eps = 1.5, double sigma = 1.2, double rc = 3.0) {
  PairPotential p(style, 1, shift);
  p.set_pair(1, 1, PairCoefficients{eps, sigma, rc});
  return p;
}

// Two atoms at distance r along a body diagonal of a large cubic box, straddling a face.
System dimer(double r, double length = 10.0) {
  System s;
  s.box = Box(Vec3::Zero(), Vec3::Constant(length));
  s.type_mass = {0.0, 1.0};
  const Vec3 u = Vec3(1, 2, 2) / 3.0;  // unit vector
  s.add_atom(1, 1, Vec3(0.2, 0.3, 0.1));
  s.add_atom(2, 1, Vec3(0.2, 0.3, 0.1) - r * u + Vec3::Constant(length));  // image across faces
  return s;
}

}  // namespace

TEST_CASE("plain LJ has its textbook values", "[pair]") {
  const PairPotential p = single(PairStyle::lj, false);
  const double eps = 1.5, sigma = 1.2;
  double f = 0.0;
  // E(sigma) = 0, -E'(sigma) = 24 eps / sigma; minimum -eps at 2^(1/6) sigma with zero force.
  // Closed forms evaluated in double: 1e-14 relative.
  CHECK(std::abs(p.evaluate(1, 1, sigma, f)) < 1e-14);
  CHECK(close(f * sigma, 24.0 * eps / sigma, 1e-14));
  const double rmin = std::pow(2.0, 1.0 / 6.0) * sigma;
  CHECK(close(p.evaluate(1, 1, rmin, f), -eps, 1e-14));
  CHECK(std::abs(f) < 1e-13);
  CHECK(p.evaluate(1, 1, 3.0, f) == 0.0);
  CHECK(f == 0.0);
}

TEST_CASE("shifted LJ is continuous at the cutoff; lj/sf also has zero force there", "[pair]") {
  const double rc = 3.0, below = rc * (1 - 1e-9);
  double f = 0.0;
  const PairPotential shifted = single(PairStyle::lj, true);
  // E(rc - d) ~ F(rc) d with d = 3e-9 and |F(rc)| < 0.1: below 1e-9.
  CHECK(std::abs(shifted.evaluate(1, 1, below, f)) < 1e-9);
  CHECK(std::abs(f) > 1e-3);  // the force still jumps
  const PairPotential smooth = single(PairStyle::lj_sf, false);
  // E_sf ~ (rc - r)^2: 1e-18 scale; force ~ (rc - r): 1e-9 scale.
  CHECK(std::abs(smooth.evaluate(1, 1, below, f)) < 1e-15);
  CHECK(std::abs(f) < 1e-8);
  // Away from rc lj/sf = LJ + linear correction: E_sf(r) = E(r) - E(rc) + (r - rc) F(rc).
  const PairPotential plain = single(PairStyle::lj, false);
  double fp = 0, fc = 0;
  const double e = plain.evaluate(1, 1, 1.4, fp), ec = plain.evaluate(1, 1, rc * (1 - 1e-15), fc);
  const double esf = smooth.evaluate(1, 1, 1.4, f);
  CHECK(close(esf, e - ec + (1.4 - rc) * fc * rc, 1e-9));
}

TEST_CASE("ForceCompute reproduces the analytic dimer across periodic faces", "[pair][forces]") {
  for (PairStyle style : {PairStyle::lj, PairStyle::lj_sf}) {
    for (double r : {1.1, 1.35, 2.0, 2.9}) {
      const PairPotential p = single(style, true);
      System s = dimer(r);
      ForceCompute fc(p, 0.3);
      fc.set_per_atom(true);
      const ForceTotals t = fc.compute(s);
      double f_over_r = 0.0;
      const double e = p.evaluate(1, 1, r, f_over_r);
      // Only round-off separates the two paths: 1e-12 relative.
      CHECK(close(t.energy, e, 1e-12, 1e-15));
      const Vec3 d = s.box.minimum_image(s.position[0] - s.position[1]);
      CHECK(close(d.norm(), r, 1e-12));
      for (int k = 0; k < 3; ++k) {
        CHECK(close(s.force[0][k], f_over_r * d[k], 1e-12, 1e-14));
        CHECK(close(s.force[1][k], -f_over_r * d[k], 1e-12, 1e-14));
      }
      // Virial W = r (x) f for the single pair; per-atom halves add up to the totals.
      const Mat3 w = d * (f_over_r * d).transpose();
      CHECK((t.virial - w).norm() <= 1e-12 * (1 + w.norm()));
      CHECK(close(fc.per_atom_energy()[0] + fc.per_atom_energy()[1], e, 1e-12, 1e-15));
      CHECK((fc.per_atom_virial()[0] + fc.per_atom_virial()[1] - w).norm() <= 1e-12 * (1 + w.norm()));
    }
  }
}

TEST_CASE("bad pair parameters are InputErrors naming the field", "[pair][bad-input]") {
  PairPotential p(PairStyle::lj, 2, false);
  CHECK_THROWS_WITH(p.set_pair(1, 3, PairCoefficients{1, 1, 2.5}, "pair[1]"), Catch::Contains("pair[1]"));
  CHECK_THROWS_WITH(p.set_pair(1, 1, PairCoefficients{1, -1, 2.5}), Catch::Contains("sigma"));
  CHECK_THROWS_WITH(p.set_pair(1, 1, PairCoefficients{NAN, 1, 2.5}), Catch::Contains("epsilon"));
  CHECK_THROWS_WITH(p.set_pair(1, 1, PairCoefficients{1, 1, 0}), Catch::Contains("cutoff"));
  p.set_pair(1, 1, PairCoefficients{1, 1, 2.5});
  CHECK_THROWS_AS(ForceCompute(p, 0.3), glassland::InputError);
  CHECK_THROWS_WITH(p.validate("model.toml"), Catch::Contains("missing pair 1-2"));
}

TEST_CASE("per-atom energies and virials sum to the totals", "[forces]") {
  PairPotential p(PairStyle::lj, 2, true);
  p.set_pair(1, 1, PairCoefficients{1.0, 1.0, 2.5});
  p.set_pair(1, 2, PairCoefficients{1.5, 0.8, 2.0});
  p.set_pair(2, 2, PairCoefficients{0.5, 0.88, 2.2});
  System s;
  s.box = Box(Vec3::Zero(), Vec3(6.1, 6.4, 6.7), 0.9, -0.4, 0.6);
  s.type_mass = {0, 1, 1};
  int id = 1;
  for (int x = 0; x < 5; ++x)
    for (int y = 0; y < 5; ++y)
      for (int z = 0; z < 5; ++z) s.add_atom(id++, 1 + (x + y + z) % 2, s.box.from_fractional(Vec3(x + 0.1 * y, y + 0.07 * z, z + 0.05 * x) / 5.0));
  ForceCompute fc(p, 0.3);
  fc.set_per_atom(true);
  const ForceTotals t = fc.compute(s);
  double e = 0.0;
  Mat3 w = Mat3::Zero();
  for (std::size_t i = 0; i < s.size(); ++i) {
    e += fc.per_atom_energy()[i];
    w += fc.per_atom_virial()[i];
  }
  // Sums of ~10^3 terms in a different order: 1e-11 relative.
  CHECK(close(e, t.energy, 1e-11));
  CHECK((w - t.virial).norm() <= 1e-11 * t.virial.norm());
  Vec3 total_force = Vec3::Zero();
  for (const Vec3& f : s.force) total_force += f;
  CHECK(total_force.norm() < 1e-10);  // Newton's third law
}
