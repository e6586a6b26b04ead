#pragma once
// Shared starting configurations for the dynamics tests: a small Wahnström liquid (reduced
// units, volume per atom 0.767 σ³ as in Derlet & Maaß 2019), relaxed by a short FIRE quench
// so the first MD step is gentle, then given Maxwell velocities.
#include <cstdint>
#include <string>

#include "md/InherentStructure.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/RandomLiquid.hpp"
#include "md/Thermo.hpp"

namespace glassland::test {

struct Liquid {
  md::System system;
  md::PairPotential pair;
};

inline Liquid wahnstrom_liquid(std::size_t natoms, double temperature, std::uint64_t seed,
                               const std::string& preset = "wahnstrom-sf") {
  const md::PotentialSpec spec = md::load_potential(preset);
  md::System s = md::random_liquid({0.5, 0.5}, natoms, 1.0 / 0.767, spec.type_mass, seed);
  md::MinimizerOptions loose = md::inherent_structure_options();
  loose.fmax = 0.5;  // only remove the worst overlaps of random insertion
  loose.max_iterations = 300;
  s = md::inherent_structure(s, spec.pair, 0.3, loose).minimum;
  md::assign_maxwell_velocities(s, temperature, seed + 1);
  return {s, spec.pair};
}

}  // namespace glassland::test
