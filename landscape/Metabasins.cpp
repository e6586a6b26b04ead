#include "landscape/Metabasins.hpp"

#include <algorithm>
#include <numeric>

#include <boost/pending/disjoint_sets.hpp>

namespace glassland::landscape {

MetabasinPartition find_metabasins(const Catalog& catalog, double threshold) {
  const std::size_t n = catalog.minimum_count();
  std::vector<std::size_t> rank(n), parent(n);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  for (std::size_t i = 0; i < n; ++i) sets.make_set(i);
  for (std::size_t k = 0; k < catalog.saddle_count(); ++k) {
    const Saddle& s = catalog.saddle(k);
    if (std::max(s.barrier_forward, s.barrier_backward) <= threshold)
      sets.union_set(catalog.vertex(s.from), catalog.vertex(s.to));
  }
  // Representatives -> basins; then order basins by their lowest energy for stable output.
  std::vector<std::size_t> basin_of_root(n, n);
  std::vector<Metabasin> basins;
  std::vector<std::size_t> raw_basin(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t root = sets.find_set(i);
    if (basin_of_root[root] == n) {
      basin_of_root[root] = basins.size();
      basins.emplace_back();
    }
    Metabasin& b = basins[basin_of_root[root]];
    const Minimum& m = catalog.minimum_at(i);
    b.members.push_back(m.id);
    if (b.lowest == kNoMinimum || m.energy < b.lowest_energy) {
      b.lowest = m.id;
      b.lowest_energy = m.energy;
    }
    raw_basin[i] = basin_of_root[root];
  }
  std::vector<std::size_t> order(basins.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return basins[a].lowest_energy < basins[b].lowest_energy; });
  std::vector<std::size_t> rename(basins.size());
  MetabasinPartition partition;
  for (std::size_t k = 0; k < order.size(); ++k) {
    rename[order[k]] = k;
    partition.basins.push_back(std::move(basins[order[k]]));
  }
  for (std::size_t i = 0; i < n; ++i) partition.basin_of.push_back(rename[raw_basin[i]]);
  return partition;
}

}  // namespace glassland::landscape
