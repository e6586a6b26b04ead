#include "landscape/Disconnectivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <boost/pending/disjoint_sets.hpp>

#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

bool internal_on_level(const DisconnectivityNode& n, double level) { return n.minimum == kNoMinimum && n.energy == level; }

// Joins the groups whose top nodes are a and b at `level`; a node already on that level absorbs
// the other group (multi-way merge), otherwise a new node is created. Returns the joined node.
std::size_t join(DisconnectivityTree& tree, std::size_t a, std::size_t b, double level) {
  if (!internal_on_level(tree.nodes[a], level)) std::swap(a, b);
  std::size_t target = a;
  if (!internal_on_level(tree.nodes[a], level)) {
    tree.nodes.push_back(DisconnectivityNode{level, kNoMinimum, {a}, tree.nodes[a].size, tree.nodes[a].lowest_energy});
    target = tree.nodes.size() - 1;
  }
  DisconnectivityNode& joined = tree.nodes[target];
  const DisconnectivityNode& other = tree.nodes[b];
  if (internal_on_level(other, level)) {
    joined.children.insert(joined.children.end(), other.children.begin(), other.children.end());
    // `other` is left unreferenced; erase would renumber nodes, so it is emptied instead.
  } else {
    joined.children.push_back(b);
  }
  joined.size += other.size;
  joined.lowest_energy = std::min(joined.lowest_energy, other.lowest_energy);
  if (internal_on_level(other, level)) tree.nodes[b].children.clear(), tree.nodes[b].size = 0;
  return target;
}

}  // namespace

DisconnectivityTree disconnectivity_tree(const Catalog& catalog, double level_spacing) {
  if (!std::isfinite(level_spacing) || level_spacing < 0.0) throw InputError("level_spacing", "must be >= 0");
  const std::size_t n = catalog.minimum_count();
  DisconnectivityTree tree;
  double e_min = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const Minimum& m = catalog.minimum_at(i);
    tree.nodes.push_back(DisconnectivityNode{m.energy, m.id, {}, 1, m.energy});
    e_min = (i == 0) ? m.energy : std::min(e_min, m.energy);
  }
  std::vector<std::size_t> order(catalog.saddle_count());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return catalog.saddle(a).energy < catalog.saddle(b).energy; });
  std::vector<std::size_t> rank(n), parent(n), top(n);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  for (std::size_t i = 0; i < n; ++i) {
    sets.make_set(i);
    top[i] = i;
  }
  for (std::size_t k : order) {
    const Saddle& s = catalog.saddle(k);
    const std::size_t ra = sets.find_set(catalog.vertex(s.from));
    const std::size_t rb = sets.find_set(catalog.vertex(s.to));
    if (ra == rb) continue;
    const double level = level_spacing > 0.0 ? e_min + std::ceil((s.energy - e_min) / level_spacing) * level_spacing
                                             : s.energy;
    const std::size_t joined = join(tree, top[ra], top[rb], level);
    sets.link(ra, rb);
    top[sets.find_set(ra)] = joined;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (sets.find_set(i) == i) tree.roots.push_back(top[i]);
  return tree;
}

}  // namespace glassland::landscape
