#pragma once
// Configurations and the potential shared by the deformation tests: a single-type
// Lennard-Jones solid (fcc) and liquid in reduced units, cutoff 2.5 sigma, energy shifted.
#include <string>

#include "md/PotentialRegistry.hpp"
#include "md/System.hpp"

namespace glassland::test {

/// TOML text of the LJ potential (eps = sigma = m = 1, rc = 2.5, shift = true).
std::string lj_potential_toml();
/// Writes lj_potential_toml() to dir/lj.toml and returns its path.
std::string write_lj_potential(const std::string& dir);
md::PotentialSpec lj_potential();

/// fcc crystal of cells^3 cubic cells (4 atoms each) at number density `density`, type 1.
md::System fcc_crystal(int cells, double density);
/// LJ liquid of n atoms at `density`: random insertion, then a loose energy minimisation so
/// that the first MD steps are stable (seeded).
md::System lj_liquid(std::size_t n, double density, std::uint64_t seed);

}  // namespace glassland::test
