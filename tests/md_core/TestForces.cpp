// Forces and virial of every registered preset and every style against finite differences.
#include <catch2/catch.hpp>

#include <cmath>

#include "md/ForceCompute.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/RandomLiquid.hpp"
#include "tests/support/Tolerance.hpp"
#include "tests/md_core/Helpers.hpp"

using namespace glassland::md;
using glassland::test::close;

namespace {

// Central difference of the energy along one coordinate.
double numeric_derivative(ForceCompute& fc, System s, std::size_t atom, int axis, double h) {
  s.position[atom][axis] += h;
  const double ep = fc.compute(s).energy;
  s.position[atom][axis] -= 2 * h;
  const double em = fc.compute(s).energy;
  return (ep - em) / (2 * h);
}

// dE/d(eps_ab) for the affine deformation F = I + eps e_a e_b^T (a <= b keeps H triangular).
double numeric_strain_derivative(ForceCompute& fc, const System& s, int a, int b, double h) {
  double e[2];
  for (int k = 0; k < 2; ++k) {
    System d = s;
    Mat3 f = Mat3::Identity();
    f(a, b) += (k == 0 ? h : -h);
    for (auto& r : d.position) r = d.box.deform_point(r, f);
    d.box.deform(f);
    fc.invalidate_neighbors();
    e[k] = fc.compute(d).energy;
  }
  return (e[0] - e[1]) / (2 * h);
}

}  // namespace

TEST_CASE("forces are minus the finite-difference gradient for every preset and style", "[forces]") {
  for (const PotentialSpec& spec : every_style_potential()) {
    for (bool triclinic : {false, true}) {
      DYNAMIC_SECTION(spec.name << (triclinic ? " triclinic" : " orthorhombic")) {
        System s = test_liquid(spec, 200, triclinic, 7);
        ForceCompute fc(spec.pair, 0.08 * length_scale(spec));
        fc.compute(s);
        const std::vector<Vec3> forces = s.force;
        // Central differences with h = 1e-6 sigma: truncation error ~h^2 E''' ~ 1e-10 relative,
        // round-off ~1e-16 |E| / h ~ 1e-8 absolute (EAM: |E| ~ 1e3 eV, ~1e-7 eV/A);
        // tolerance 1e-6 relative + 1e-5 absolute. EAM splines are C1 with jumps of the second
        // derivative at grid points; across a knot that adds ~h |jump| ~ 1e-6, still inside.
        const double h = 1e-6 * length_scale(spec);
        for (std::size_t i = 0; i < s.size(); i += 7)
          for (int axis = 0; axis < 3; ++axis) {
            const double fd = -numeric_derivative(fc, s, i, axis, h);
            INFO("atom " << i << " axis " << axis);
            CHECK(close(forces[i][axis], fd, 1e-6, 1e-5));
          }
      }
    }
  }
}

TEST_CASE("virial equals minus the finite-difference strain derivative", "[virial]") {
  for (const PotentialSpec& spec : every_style_potential()) {
    for (bool triclinic : {false, true}) {
      DYNAMIC_SECTION(spec.name << (triclinic ? " triclinic" : " orthorhombic")) {
        System s = test_liquid(spec, 200, triclinic, 11);
        ForceCompute fc(spec.pair, 0.3 * length_scale(spec));
        const ForceTotals totals = fc.compute(s);
        for (int a = 0; a < 3; ++a)
          for (int b = a; b < 3; ++b) {
            // Same error budget as the forces; the energy sum has ~N terms: 1e-6 relative.
            const double fd = -numeric_strain_derivative(fc, s, a, b, 1e-6);
            INFO("component " << a << b);
            CHECK(close(totals.virial(a, b), fd, 1e-6, 1e-5));
          }
      }
    }
  }
}
