#pragma once
// Random starting configurations: a cubic periodic box at a given number density, atoms of
// each type in the given proportions, placed uniformly at random with a minimum separation
// (random sequential insertion) so that the first force evaluation is finite.
#include <cstdint>
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

/// type_fractions[t-1]: fraction of type t (normalised here; counts rounded by largest
/// remainder so they sum to n_atoms). number_density: atoms per length^3. type_mass: index 0
/// unused (mass unit). min_separation (length): closest allowed distance; <= 0 means
/// 0.8 * number_density^(-1/3). Same seed -> same System. Velocities are zero; ids 1..N.
/// Throws InputError naming the field on bad arguments or if atoms cannot be placed.
System random_liquid(const std::vector<double>& type_fractions, std::size_t n_atoms, double number_density,
                     const std::vector<double>& type_mass, std::uint64_t seed, double min_separation = 0.0,
                     UnitSystem units = UnitSystem::lj);

/// Atom counts per type (index t-1) for the given fractions: largest-remainder rounding.
std::vector<std::size_t> type_counts(const std::vector<double>& type_fractions, std::size_t n_atoms);

}  // namespace glassland::md
