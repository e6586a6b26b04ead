#pragma once
// A key of an event's local environment, so the same kind of event is recognised at another
// site, in another glass sample or in another harvest: the graph of atoms within `radius` of
// the event's central atoms, with an edge between atoms closer than `bond_cutoff`, vertices
// coloured by atom type and by whether they are central, canonically labelled with nauty
// (McKay & Piperno, J. Symb. Comput. 60, 94 (2014)). Invariant under rotations, translations,
// periodic images and atom renumbering; changes when the bond topology or the types change.
// Units: radius and bond_cutoff in length units.
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"

namespace glassland::landscape {

struct EnvironmentKeyOptions {
  double radius = 2.0;       ///< environment: atoms within this of a central atom (length)
  double bond_cutoff = 1.5;  ///< edge when two environment atoms are closer (length)

  /// Throws InputError naming the field.
  void validate() const;
};

struct EnvironmentKey {
  std::string canonical;   ///< full canonical form (vertex colours + canonical adjacency)
  std::uint64_t hash = 0;  ///< FNV-1a 64 of `canonical` (stable across platforms)
  int vertices = 0;
  /// The environment's atoms (local indices) in canonical order: two environments with the
  /// same key correspond atom by atom, position by position in this list (up to the graph's
  /// automorphisms, which need not be rotations: SaddleReuse checks the geometry).
  std::vector<int> canonical_atoms;
  /// "env1-" followed by the 16 hex digits of `hash` (what catalogs store).
  std::string short_form() const;
};

/// `positions` flat (length), `types` per atom, `central` local atom indices.
EnvironmentKey environment_key(const ConfigurationSpace& space, const Eigen::VectorXd& positions,
                               const std::vector<int>& types, const std::vector<int>& central,
                               const EnvironmentKeyOptions& options);

}  // namespace glassland::landscape
