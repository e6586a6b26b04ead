#include "bridge/akmc/PrefactorRegion.hpp"

#include <algorithm>
#include <numeric>

#include "landscape/Hessian.hpp"

namespace glassland::bridge {

std::vector<int> displacement_core(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                                   const Eigen::VectorXd& saddle, const Eigen::VectorXd& product, double fraction) {
  const Eigen::VectorXd d =
      space.atom_displacements(saddle, minimum).cwiseMax(space.atom_displacements(saddle, product));
  std::vector<int> order(static_cast<std::size_t>(d.size()));
  std::iota(order.begin(), order.end(), 0);
  // Largest first; ties by index, so the core never depends on the sort's implementation.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return d[a] > d[b]; });
  const double total = d.squaredNorm();
  std::vector<int> core;
  double carried = 0.0;
  for (int a : order) {
    core.push_back(a);
    carried += d[a] * d[a];
    if (carried >= fraction * total) break;
  }
  std::sort(core.begin(), core.end());
  return core;
}

std::vector<int> with_neighbours(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& x,
                                 const std::vector<int>& atoms, double radius) {
  const int b = space.block_size();
  std::vector<int> region = atoms;
  for (int a : atoms) {
    const std::vector<int> shell = landscape::atoms_within(space, x, x.segment(Eigen::Index{a} * b, b), radius);
    region.insert(region.end(), shell.begin(), shell.end());
  }
  std::sort(region.begin(), region.end());
  region.erase(std::unique(region.begin(), region.end()), region.end());
  return region;
}

}  // namespace glassland::bridge
