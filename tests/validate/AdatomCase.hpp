#pragma once
// The HTST-accurate test case of `glassland validate`, built independently of the command: an
// adatom on the (111) surface of a small force-shifted Lennard-Jones slab (90 atoms + adatom),
// hopping from its fcc hollow to one of the three neighbouring hcp hollows. Each hop by CI-NEB,
// saddle refined and checked first-order on the full Hessian, Vineyard prefactor; written with
// the potential and the slab into a scratch directory, the hops also as a catalog.
// Units: LJ (epsilon, sigma, tau; mass 1).
#include <string>
#include <vector>

#include "landscape/InherentStructure.hpp"

namespace glassland::test {

struct AdatomHop {
  double barrier, prefactor;  ///< epsilon, 1/tau (Vineyard, full Hessian)
  landscape::QuenchResult product;
};

struct AdatomCase {
  std::string dir;             ///< lj.toml, adatom.data, adatom.glcat
  std::vector<AdatomHop> hops; ///< the three fcc -> hcp hops
  double start_energy = 0.0;
};

/// Builds the case once per test binary (CHECKs the three hops are equivalent).
const AdatomCase& adatom_case();

}  // namespace glassland::test
