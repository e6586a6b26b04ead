#include "bridge/validate/EscapeTable.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"

namespace glassland::bridge {

std::vector<EscapeDestination> destinations_at(const EscapeTable& table, double kT, double prefactor_scale,
                                         const landscape::ConfigurationSpace& space,
                                         const landscape::SameMinimumTolerance& same) {
  std::vector<EscapeDestination> destinations;
  for (const EscapeEvent& e : table.events) {
    const double rate = prefactor_scale * e.prefactor * std::exp(-e.barrier / kT);
    const int k = match_destination(destinations, e.product, space, same);
    if (k < 0) {
      destinations.push_back({e.product, rate, 1, e.barrier});
    } else {
      EscapeDestination& d = destinations[static_cast<std::size_t>(k)];
      d.rate += rate;
      ++d.events;
      d.barrier = std::min(d.barrier, e.barrier);
    }
  }
  return destinations;
}

int match_destination(const std::vector<EscapeDestination>& destinations, const MinimumState& minimum,
                      const landscape::ConfigurationSpace& space, const landscape::SameMinimumTolerance& same) {
  for (std::size_t k = 0; k < destinations.size(); ++k) {
    const MinimumState& p = destinations[k].product;
    if (landscape::same_minimum(space, p.position, p.energy, minimum.position, minimum.energy, same))
      return static_cast<int>(k);
  }
  return -1;
}

namespace {
MinimumState catalog_minimum(const landscape::Catalog& catalog, landscape::MinimumId id, Eigen::Index dimension,
                             const std::string& where) {
  const std::vector<md::Vec3> r = catalog.positions(id);
  if (3 * static_cast<Eigen::Index>(r.size()) != dimension)
    throw InputError(where, "its minima have " + std::to_string(r.size()) + " atoms, the configuration " +
                                std::to_string(dimension / 3));
  MinimumState m;
  m.position.resize(dimension);
  for (std::size_t i = 0; i < r.size(); ++i) m.position.segment<3>(3 * static_cast<Eigen::Index>(i)) = r[i];
  m.energy = catalog.minimum(id).energy;
  return m;
}
}  // namespace

landscape::MinimumId find_catalog_minimum(const landscape::Catalog& catalog, const MinimumState& start,
                                          const landscape::ConfigurationSpace& space,
                                          const landscape::SameMinimumTolerance& same, const std::string& where) {
  for (std::size_t k = 0; k < catalog.minimum_count(); ++k) {
    const landscape::Minimum& m = catalog.minimum_at(k);
    if (std::abs(m.energy - start.energy) > same.energy) continue;  // cheap filter before positions
    const MinimumState candidate = catalog_minimum(catalog, m.id, start.position.size(), where);
    if (landscape::same_minimum(space, candidate.position, candidate.energy, start.position, start.energy, same))
      return m.id;
  }
  throw InputError(where, "no minimum of the catalog is the start configuration's minimum (energy " +
                              std::to_string(start.energy) + ")");
}

EscapeTable catalog_escape_table(const landscape::Catalog& catalog, const MinimumState& start,
                               const landscape::ConfigurationSpace& space,
                               const landscape::SameMinimumTolerance& same, const std::string& where) {
  const landscape::MinimumId start_id = find_catalog_minimum(catalog, start, space, same, where);
  EscapeTable table;
  table.source = "catalog";
  for (std::size_t k = 0; k < catalog.saddle_count(); ++k) {
    const landscape::Saddle& s = catalog.saddle(k);
    if (s.from != start_id && s.to != start_id) continue;
    const bool forward = s.from == start_id;
    EscapeEvent e;
    e.barrier = s.energy - catalog.minimum(start_id).energy;
    e.prefactor = forward ? s.prefactor_forward : s.prefactor_backward;
    e.product = catalog_minimum(catalog, forward ? s.to : s.from, start.position.size(), where);
    table.events.push_back(std::move(e));
  }
  return table;
}

}  // namespace glassland::bridge
