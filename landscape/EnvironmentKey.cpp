#include "landscape/EnvironmentKey.hpp"

#include "landscape/Fnv1a.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>
#include <nauty/nauty.h>

#include "md/Error.hpp"

namespace glassland::landscape {

void EnvironmentKeyOptions::validate() const {
  if (!(radius > 0.0) || !std::isfinite(radius)) throw InputError("environment radius", "must be finite and > 0");
  if (!(bond_cutoff > 0.0) || !std::isfinite(bond_cutoff))
    throw InputError("environment bond_cutoff", "must be finite and > 0");
}

std::string EnvironmentKey::short_form() const { return fmt::format("env1-{:016x}", hash); }

namespace {

Eigen::Vector3d separation(const ConfigurationSpace& space, const Eigen::VectorXd& x, int a, int b) {
  Eigen::Vector3d d = x.segment<3>(3 * a) - x.segment<3>(3 * b);
  return space.box() ? space.box()->minimum_image(d) : d;
}

/// Environment atoms (central ones included) and their colours (type, central flag).
std::vector<std::pair<int, int>> environment(const ConfigurationSpace& space, const Eigen::VectorXd& x,
                                             const std::vector<int>& types, const std::vector<int>& central,
                                             double radius) {
  std::vector<std::pair<int, int>> atoms;  // (colour, atom)
  const int n = static_cast<int>(x.size() / 3);
  for (int a = 0; a < n; ++a) {
    const bool is_central = std::find(central.begin(), central.end(), a) != central.end();
    bool inside = is_central;
    for (int c : central) inside = inside || separation(space, x, a, c).norm() <= radius;
    if (inside) atoms.push_back({2 * types[static_cast<std::size_t>(a)] + (is_central ? 1 : 0), a});
  }
  std::sort(atoms.begin(), atoms.end());  // grouped by colour: nauty's partition cells
  return atoms;
}

}  // namespace

EnvironmentKey environment_key(const ConfigurationSpace& space, const Eigen::VectorXd& positions,
                               const std::vector<int>& types, const std::vector<int>& central,
                               const EnvironmentKeyOptions& options) {
  options.validate();
  if (central.empty()) throw InputError("environment", "no central atom");
  const auto atoms = environment(space, positions, types, central, options.radius);
  const int n = static_cast<int>(atoms.size());
  const int m = SETWORDSNEEDED(n);
  nauty_check(WORDSIZE, m, n, NAUTYVERSIONID);
  std::vector<graph> g(static_cast<std::size_t>(m) * static_cast<std::size_t>(n), 0), canonical(g.size(), 0);
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (separation(space, positions, atoms[static_cast<std::size_t>(i)].second,
                     atoms[static_cast<std::size_t>(j)].second).norm() < options.bond_cutoff) {
        ADDONEEDGE(g.data(), i, j, m);
      }
  std::vector<int> lab(static_cast<std::size_t>(n)), ptn(static_cast<std::size_t>(n)), orbits(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    lab[static_cast<std::size_t>(i)] = i;
    const bool cell_ends = i + 1 == n || atoms[static_cast<std::size_t>(i + 1)].first != atoms[static_cast<std::size_t>(i)].first;
    ptn[static_cast<std::size_t>(i)] = cell_ends ? 0 : 1;
  }
  DEFAULTOPTIONS_GRAPH(nauty_options);
  nauty_options.getcanon = TRUE;
  nauty_options.defaultptn = FALSE;
  statsblk stats;
  densenauty(g.data(), lab.data(), ptn.data(), orbits.data(), &nauty_options, &stats, m, n, canonical.data());
  // Colours in canonical order are the sorted colours (nauty keeps cells in place).
  EnvironmentKey key;
  key.vertices = n;
  key.canonical = fmt::format("n{};c", n);
  for (const auto& [colour, atom] : atoms) key.canonical += fmt::format("{},", colour);
  key.canonical += ";g";
  for (graph word : canonical) key.canonical += fmt::format("{:x}.", static_cast<unsigned long long>(word));
  key.hash = fnv1a(key.canonical);
  for (int position = 0; position < n; ++position)
    key.canonical_atoms.push_back(atoms[static_cast<std::size_t>(lab[static_cast<std::size_t>(position)])].second);
  return key;
}

}  // namespace glassland::landscape
