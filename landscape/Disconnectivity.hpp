#pragma once
// Disconnectivity-graph data: the tree of superbasins. Leaves are minima at their energies; an
// internal node at energy E joins the groups of minima that become mutually reachable through
// saddles of energy <= E (Kruskal order over saddle energies). With level_spacing > 0, node
// energies are rounded up to levels E_min + k * spacing and merges on the same level share one
// node (the usual drawing at discrete energy levels); with 0 the tree is exact and binary.
// A disconnected catalog gives several roots. Energies in the catalog's energy unit.
#include <cstddef>
#include <vector>

#include "landscape/Catalog.hpp"

namespace glassland::landscape {

struct DisconnectivityNode {
  double energy = 0.0;                 ///< minimum energy (leaf) or joining level (internal)
  MinimumId minimum = kNoMinimum;      ///< the minimum of a leaf, kNoMinimum for internal nodes
  std::vector<std::size_t> children;   ///< node indices (empty for leaves)
  std::size_t size = 1;                ///< minima below this node
  double lowest_energy = 0.0;          ///< lowest minimum below this node
};

struct DisconnectivityTree {
  std::vector<DisconnectivityNode> nodes;  ///< leaves first (catalog order), then internal nodes
  std::vector<std::size_t> roots;
};

DisconnectivityTree disconnectivity_tree(const Catalog& catalog, double level_spacing = 0.0);

}  // namespace glassland::landscape
