#pragma once
// Shared fixtures of the md_core tests.
#include <algorithm>
#include <cmath>

#include "md/PotentialRegistry.hpp"
#include "md/RandomLiquid.hpp"

namespace glassland::md {

/// A length on the scale of the nearest-neighbour distance of the model: sigma11 for LJ, the
/// zero of the 8-4 part (C2/C1)^(1/4) for lj84, 2.5 Angstrom for the Cu-Zr-like EAM models.
inline double length_scale(const PotentialSpec& spec) {
  if (spec.pair.eam()) return 2.5;
  const PairCoefficients& c = spec.pair.pair(1, 1);
  if (c.sigma > 0) return c.sigma;
  return std::pow(c.c2 / c.c1, 0.25);
}

/// A random liquid of the model at a liquid-like density (0.9 per length_scale^3: 0.058 per
/// Angstrom^3 for EAM, close to liquid Cu50Zr50), made triclinic by a shear of the box and
/// positions if asked. Types in equal shares. EAM boxes get at least 400 atoms so that the
/// sheared box is still wider than twice the 7.6 Angstrom cutoff.
inline System test_liquid(const PotentialSpec& spec, std::size_t n, bool triclinic, std::uint64_t seed) {
  if (spec.pair.eam()) n = std::max<std::size_t>(n, 400);
  const double sigma = length_scale(spec);
  const double density = 0.9 / (sigma * sigma * sigma);
  std::vector<double> fractions(static_cast<std::size_t>(spec.pair.ntypes()), 1.0);
  std::vector<double> masses = spec.type_mass;
  if (masses.empty()) masses.assign(fractions.size() + 1, 1.0);
  System s = random_liquid(fractions, n, density, masses, seed, 0.85 * sigma, spec.units);
  if (triclinic) {
    Mat3 f = Mat3::Identity();
    f(0, 1) = 0.21;
    f(0, 2) = -0.13;
    f(1, 2) = 0.17;
    for (auto& r : s.position) r = s.box.deform_point(r, f);
    s.box.deform(f);
  }
  return s;
}

/// An lj84 (Kobayashi–Maeda–Takeuchi form) potential in LJ units for tests: C2 = 4 sigma^8,
/// C1 = 4 sigma^4 per pair (zero at sigma, depth 1), C3 and C4 chosen so that energy and force
/// vanish at rc = 2.5 sigma. Two types with sigma 1, 0.9, 0.8.
inline PotentialSpec test_lj84() {
  PairPotential p(PairStyle::lj84, 2, false);
  const double sigmas[3] = {1.0, 0.9, 0.8};
  const int pairs[3][2] = {{1, 1}, {1, 2}, {2, 2}};
  for (int k = 0; k < 3; ++k) {
    PairCoefficients c;
    const double s = sigmas[k], rc = 2.5 * s;
    c.c1 = 4.0 * std::pow(s, 4);
    c.c2 = 4.0 * std::pow(s, 8);
    c.c3 = 8.0 * c.c2 / std::pow(rc, 9) - 4.0 * c.c1 / std::pow(rc, 5);  // E'(rc) = 0
    c.c4 = -(c.c2 / std::pow(rc, 8) - c.c1 / std::pow(rc, 4) + c.c3 * rc);  // E(rc) = 0
    c.cutoff = rc;
    p.set_pair(pairs[k][0], pairs[k][1], c);
  }
  return {"lj84-test", UnitSystem::lj, p, {0.0, 1.0, 1.0}};
}

/// Every registered preset plus the styles that have no preset (lj84, eam/alloy from
/// Debian's lammps-data CuNi.eam.alloy, Ni = type 1, Cu = type 2).
inline std::vector<PotentialSpec> every_style_potential() {
  std::vector<PotentialSpec> specs;
  for (const std::string& name : potential_preset_names()) specs.push_back(load_potential(name));
  specs.push_back(test_lj84());
  specs.push_back(eam_potential_spec("cu-ni-alloy", lammps_potential_file("CuNi.eam.alloy"), PairStyle::eam_alloy,
                                     {"Ni", "Cu"}, "test"));
  return specs;
}

}  // namespace glassland::md
