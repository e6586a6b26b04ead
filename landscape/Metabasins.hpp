#pragma once
// Metabasins: groups of minima joined by saddles that are crossed quickly in both directions,
// i.e. whose larger barrier (max of forward and backward) is at most `threshold` (energy unit).
// Union-find over the saddles, O(saddles * alpha).
#include <cstddef>
#include <vector>

#include "landscape/Catalog.hpp"

namespace glassland::landscape {

struct Metabasin {
  std::vector<MinimumId> members;   ///< ids, in catalog order
  MinimumId lowest = kNoMinimum;    ///< lowest-energy member
  double lowest_energy = 0.0;
};

struct MetabasinPartition {
  std::vector<std::size_t> basin_of;  ///< metabasin index of each minimum (catalog order)
  std::vector<Metabasin> basins;      ///< ordered by their lowest energy
};

MetabasinPartition find_metabasins(const Catalog& catalog, double threshold);

}  // namespace glassland::landscape
