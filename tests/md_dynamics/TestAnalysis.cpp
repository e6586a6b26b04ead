// Analysis observables against exact results: g(r) of an ideal gas (-> 1 within Poisson
// errors) and of a simple cubic lattice (exact shells), ballistic MSD, F_s(q,t) of free
// Maxwellian particles, and the kinetic pressure of an ideal gas.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "md/Error.hpp"
#include "md/Integrator.hpp"
#include "md/MeanSquaredDisplacement.hpp"
#include "md/PairDistribution.hpp"
#include "md/SelfIntermediateScattering.hpp"
#include "md/Thermo.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;
using glassland::test::close;
using glassland::test::within_standard_errors;

namespace {
System cubic_box(double length) {
  System s;
  s.box = Box(Vec3::Zero(), Vec3::Constant(length));
  s.type_mass = {0.0, 1.0, 2.0};
  return s;
}

System ideal_gas(std::size_t n, double length, std::uint64_t seed) {
  System s = cubic_box(length);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, length);
  for (std::size_t i = 0; i < n; ++i) s.add_atom(static_cast<int>(i + 1), i % 2 == 0 ? 1 : 2, Vec3(u(rng), u(rng), u(rng)));
  return s;
}
}  // namespace

TEST_CASE("g(r) of an ideal gas is 1 within Poisson errors") {
  PairDistribution rdf(4.9, 49, 2);
  const std::size_t n = 800;
  const double length = 10.0;
  for (int frame = 0; frame < 10; ++frame) rdf.add_frame(ideal_gas(n, length, 100 + frame));
  for (int k = 10; k < rdf.bins(); ++k) {
    // Expected pair count of the bin over all frames: frames * N(N-1)/2 * shell / V; the
    // relative Poisson error of g is 1/sqrt(count). Bound: 5 standard errors per bin.
    const double shell = 4.0 / 3.0 * M_PI * (std::pow((k + 1) * 0.1, 3) - std::pow(k * 0.1, 3));
    const double count = 10.0 * n * (n - 1) / 2.0 * shell / std::pow(length, 3);
    CHECK(within_standard_errors(rdf.total(k), 1.0, 1.0 / std::sqrt(count), 5.0));
    // Like pairs: N/2 atoms each, (N/2)(N/2 - 1)/2 pairs.
    const double like = 10.0 * (n / 2.0) * (n / 2.0 - 1) / 2.0 * shell / std::pow(length, 3);
    CHECK(within_standard_errors(rdf.partial(2, 2, k), 1.0, 1.0 / std::sqrt(like), 5.0));
    const double unlike = 10.0 * (n / 2.0) * (n / 2.0) * shell / std::pow(length, 3);
    CHECK(within_standard_errors(rdf.partial(1, 2, k), 1.0, 1.0 / std::sqrt(unlike), 5.0));
  }
}

TEST_CASE("g(r) of a simple cubic lattice has exact shells") {
  System s = cubic_box(6.0);
  int id = 1;
  for (int x = 0; x < 6; ++x)
    for (int y = 0; y < 6; ++y)
      for (int z = 0; z < 6; ++z) s.add_atom(id++, 1, Vec3(x + 0.5, y + 0.5, z + 0.5));
  PairDistribution rdf(2.95, 59, 1);
  rdf.add_frame(s);
  // Bins of width 0.05: r = 1 falls in bin 20 ([1.00, 1.05)), sqrt(2) in bin 28, sqrt(3) in 34.
  for (int k = 0; k < 19; ++k) CHECK(rdf.total(k) == 0.0);
  CHECK(rdf.total(20) > 0.0);
  CHECK(close(rdf.coordination(1, 1, 19), 0.0, 0.0, 1e-12));
  CHECK(close(rdf.coordination(1, 1, 20), 6.0, 1e-12));
  CHECK(close(rdf.coordination(1, 1, 28), 18.0, 1e-12));
  CHECK(close(rdf.coordination(1, 1, 34), 26.0, 1e-12));
  CHECK_THROWS_AS(PairDistribution(3.5, 10, 1).add_frame(s), glassland::InputError);
}

TEST_CASE("MSD of ballistic free particles is <v²> t², across periodic boundaries") {
  System s = ideal_gas(500, 5.0, 7);
  std::mt19937_64 rng(8);
  std::normal_distribution<double> normal(0.0, 1.0);
  double v2 = 0.0;
  for (auto& v : s.velocity) {
    v = Vec3(normal(rng), normal(rng), normal(rng));
    v2 += v.squaredNorm();
  }
  v2 /= static_cast<double>(s.size());
  const MeanSquaredDisplacement msd(s);
  for (int step = 1; step <= 40; ++step) {
    drift(s, 0.25);       // t = 10 at the end: most atoms cross the box several times
    wrap_positions(s);    // image flags carry the crossings
  }
  // Exact up to round-off of the wrapping arithmetic (relative 1e-10).
  CHECK(close(msd.total(s), v2 * 100.0, 1e-10));
  const auto per_type = msd.by_type(s);
  CHECK(per_type.size() == 3);
  CHECK(close(0.5 * (per_type[1] + per_type[2]), v2 * 100.0, 0.2));
}

TEST_CASE("F_s(q,t) of free Maxwellian particles is exp(-q² kT t² / 2m)") {
  // Δr = v t with each velocity component Gaussian of variance kT/m, so
  // <exp(i q·Δr)> = exp(-q² (kT/m) t² / 2) = exp(-q² <v²> t² / 6). The sinc estimator is the
  // same average over directions. Bound: 4 standard errors of the per-atom mean.
  System s = ideal_gas(20000, 20.0, 11);
  s.type_mass = {0.0, 1.0, 1.0};
  assign_maxwell_velocities(s, 1.5, 12);  // kT/m = 1.5 (lj units, m = 1)
  const double q = 7.25;
  const SelfIntermediateScattering fs(s, q);
  const SelfIntermediateScattering fs_directions(s, q, 64);
  System moved = s;
  for (double t : {0.05, 0.1, 0.2}) {
    moved.position = s.position;
    drift(moved, t);
    const double expected = std::exp(-q * q * 1.5 * t * t / 2.0);
    double sum2 = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const double x = q * s.velocity[i].norm() * t;
      sum2 += std::pow(std::sin(x) / x, 2);
    }
    const double mean = fs.compute(moved);
    const double stderr_ = std::sqrt((sum2 / s.size() - mean * mean) / s.size());
    CHECK(within_standard_errors(mean, expected, stderr_, 4.0));
    // 64 directions: same mean, with a little extra direction noise (4 SE + 0.01).
    CHECK(std::abs(fs_directions.compute(moved) - expected) < 4.0 * stderr_ + 0.01);
  }
  // Uniform translation by d: F_s = sin(q d)/(q d) exactly.
  moved.position = s.position;
  for (auto& r : moved.position) r += Vec3(0.1, 0.2, -0.05);
  const double d = Vec3(0.1, 0.2, -0.05).norm();
  CHECK(close(fs.compute(moved), std::sin(q * d) / (q * d), 1e-12));
}

TEST_CASE("thermo: ideal-gas kinetic pressure and temperature") {
  System s = ideal_gas(1000, 10.0, 21);
  assign_maxwell_velocities(s, 2.0, 22);
  const Thermo t = compute_thermo(s, 0.0, Mat3::Zero(), momentum_conserving_dof(s));
  CHECK(close(t.temperature, 2.0, 1e-12));  // assign_maxwell_velocities rescales exactly
  // P V = 2 KE / 3 = N_f k T / 3 (exact identity of the estimator).
  CHECK(close(t.pressure * t.volume, (3.0 * 1000 - 3) * 2.0 / 3.0, 1e-12));
  CHECK(close(t.pressure_tensor.trace(), 3.0 * t.pressure, 1e-12));
  CHECK(close(t.total_energy, t.kinetic_energy, 1e-15));
  // Metal units: same state in eV/Å³ -> bar with LAMMPS' nktv2p = 1.6021765e6.
  s.units = UnitSystem::metal;
  const Thermo m = compute_thermo(s, -1.0, Mat3::Identity() * 3.0, momentum_conserving_dof(s));
  const double ke = kinetic_energy(s);
  CHECK(close(m.pressure, (2.0 * ke / 3.0 + 3.0) / 1000.0 * 1.6021765e6, 1e-12));
  CHECK(close(m.temperature, 2.0 * ke / ((3.0 * 1000 - 3) * 8.617343e-5), 1e-12));
}
