#pragma once
// Shared fixtures of the md_core tests.
#include "md/PotentialRegistry.hpp"
#include "md/RandomLiquid.hpp"

namespace glassland::md {

/// A random liquid of the preset's model at a liquid-like density (0.9 per sigma11^3), made
/// triclinic by a shear of the box and positions if asked. Types alternate 50:50.
inline System test_liquid(const PotentialSpec& spec, std::size_t n, bool triclinic, std::uint64_t seed) {
  const double sigma = spec.pair.pair(1, 1).sigma;
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

}  // namespace glassland::md
