#include "landscape/Catalog.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

std::string minimum_where(MinimumId id) { return "minimum " + std::to_string(id); }
std::string saddle_where(const Saddle& s) {
  return "saddle " + std::to_string(s.from) + "->" + std::to_string(s.to);
}

bool same_minimum(const Minimum& a, const Minimum& b, const DedupTolerance& tolerance) {
  if (std::abs(a.energy - b.energy) > tolerance.energy) return false;
  if (!a.fingerprint.empty() || !b.fingerprint.empty()) return a.fingerprint == b.fingerprint;
  return a.id == b.id;
}

void check_saddle_values(const Saddle& s) {
  const std::string where = saddle_where(s);
  if (s.from == s.to) throw InputError(where, "joins a minimum to itself");
  if (!std::isfinite(s.energy)) throw InputError(where, "energy is not finite");
  for (double nu : {s.prefactor_forward, s.prefactor_backward})
    if (!std::isfinite(nu) || nu <= 0.0) throw InputError(where, "prefactors must be finite and > 0");
  for (double v : {s.max_displacement, s.total_displacement, s.activation_volume, s.activation_strain})
    if (!std::isfinite(v)) throw InputError(where, "non-finite displacement or activation value");
}

}  // namespace

Catalog::Catalog(Provenance provenance) : provenance_(std::move(provenance)) {}

Catalog::Catalog(const Catalog& other)
    : graph_(other.graph_), max_id_(other.max_id_), provenance_(other.provenance_),
      schema_version_(other.schema_version_) {
  rebuild_indices();
}

Catalog& Catalog::operator=(const Catalog& other) {
  if (this != &other) {
    graph_ = other.graph_;
    max_id_ = other.max_id_;
    provenance_ = other.provenance_;
    schema_version_ = other.schema_version_;
    rebuild_indices();
  }
  return *this;
}

// Edge descriptors point into the copied graph's storage, so a copy re-derives them in the
// original insertion order (kept in each saddle's position of the other catalog's list).
void Catalog::rebuild_indices() {
  vertex_of_.clear();
  by_fingerprint_.clear();
  for (Vertex v = 0; v < boost::num_vertices(graph_); ++v) {
    vertex_of_[graph_[v].id] = v;
    if (!graph_[v].fingerprint.empty()) by_fingerprint_.emplace(graph_[v].fingerprint, v);
  }
  // Boost copies the edge list in order, so iterating edges() reproduces insertion order.
  saddle_edges_.clear();
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) saddle_edges_.push_back(*it);
}

Catalog::Vertex Catalog::vertex(MinimumId id) const {
  const auto it = vertex_of_.find(id);
  if (it == vertex_of_.end()) throw InputError(minimum_where(id), "not in the catalog");
  return it->second;
}

MinimumId Catalog::add_minimum(Minimum m) {
  if (m.id == kNoMinimum) m.id = max_id_ + 1;
  const std::string where = minimum_where(m.id);
  if (m.id < 0) throw InputError(where, "ids must be >= 0");
  if (has_minimum(m.id)) throw InputError(where, "duplicate id");
  if (!std::isfinite(m.energy)) throw InputError(where, "energy is not finite");
  if (!std::isfinite(m.volume) || m.volume < 0.0) throw InputError(where, "volume must be finite and >= 0");
  const CompactCoordinates& c = m.coordinates;
  if (c.atoms.size() != c.positions.size()) throw InputError(where, "coordinate atoms and positions differ in length");
  if (c.parent != kNoMinimum && !has_minimum(c.parent))
    throw InputError(where, "coordinate parent " + std::to_string(c.parent) + " is not in the catalog");
  const Vertex v = boost::add_vertex(m, graph_);
  vertex_of_[m.id] = v;
  if (!m.fingerprint.empty()) by_fingerprint_.emplace(m.fingerprint, v);
  max_id_ = std::max(max_id_, m.id);
  return m.id;
}

std::optional<MinimumId> Catalog::find_minimum(const Minimum& m, const DedupTolerance& tolerance) const {
  if (m.fingerprint.empty()) {
    const auto it = vertex_of_.find(m.id);
    if (it != vertex_of_.end() && same_minimum(graph_[it->second], m, tolerance)) return m.id;
    return std::nullopt;
  }
  const auto [first, last] = by_fingerprint_.equal_range(m.fingerprint);
  for (auto it = first; it != last; ++it)
    if (same_minimum(graph_[it->second], m, tolerance)) return graph_[it->second].id;
  return std::nullopt;
}

std::pair<MinimumId, bool> Catalog::insert_minimum(Minimum m, const DedupTolerance& tolerance) {
  if (const auto found = find_minimum(m, tolerance)) return {*found, false};
  if (has_minimum(m.id)) m.id = kNoMinimum;  // id taken by a different minimum: assign a fresh one
  return {add_minimum(std::move(m)), true};
}

std::size_t Catalog::add_saddle(Saddle s) {
  check_saddle_values(s);
  const std::string where = saddle_where(s);
  if (!has_minimum(s.from) || !has_minimum(s.to)) throw InputError(where, "endpoint is not in the catalog");
  const Vertex a = vertex(s.from);
  const Vertex b = vertex(s.to);
  s.barrier_forward = s.energy - graph_[a].energy;
  s.barrier_backward = s.energy - graph_[b].energy;
  if (s.barrier_forward < 0.0 || s.barrier_backward < 0.0)
    throw InputError(where, "saddle energy " + std::to_string(s.energy) + " is below an endpoint minimum");
  if (!s.coordinates.empty() && s.coordinates.parent != s.from)
    throw InputError(where, "saddle coordinates must be relative to the from minimum");
  saddle_edges_.push_back(boost::add_edge(a, b, std::move(s), graph_).first);
  return saddle_edges_.size() - 1;
}

std::optional<std::size_t> Catalog::find_saddle(MinimumId a, MinimumId b, double energy,
                                                const DedupTolerance& tolerance) const {
  if (!has_minimum(a) || !has_minimum(b)) return std::nullopt;
  const Vertex va = vertex(a);
  const Vertex vb = vertex(b);
  for (auto [it, end] = boost::out_edges(va, graph_); it != end; ++it) {
    if (boost::target(*it, graph_) != vb) continue;
    if (std::abs(graph_[*it].energy - energy) > tolerance.energy) continue;
    // Saddles are few per minimum; a linear search of the edge list finds its index.
    const auto pos = std::find(saddle_edges_.begin(), saddle_edges_.end(), *it);
    return static_cast<std::size_t>(pos - saddle_edges_.begin());
  }
  return std::nullopt;
}

std::pair<std::size_t, bool> Catalog::insert_saddle(Saddle s, const DedupTolerance& tolerance) {
  if (const auto found = find_saddle(s.from, s.to, s.energy, tolerance)) return {*found, false};
  return {add_saddle(std::move(s)), true};
}

std::vector<md::Vec3> Catalog::positions(MinimumId id) const {
  std::vector<const CompactCoordinates*> chain;
  for (MinimumId cur = id; cur != kNoMinimum;) {
    if (chain.size() > minimum_count()) throw InputError(minimum_where(id), "cyclic coordinate parents");
    const CompactCoordinates& c = minimum(cur).coordinates;
    chain.push_back(&c);
    cur = c.parent;
  }
  const CompactCoordinates& root = *chain.back();
  std::vector<md::Vec3> r(root.atoms.size(), md::Vec3::Zero());
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const CompactCoordinates& c = **it;
    for (std::size_t k = 0; k < c.atoms.size(); ++k) {
      const auto atom = static_cast<std::size_t>(c.atoms[k]);
      if (c.atoms[k] < 0 || atom >= r.size()) throw InputError(minimum_where(id), "coordinate atom index out of range");
      r[atom] = c.positions[k];
    }
  }
  return r;
}

std::vector<md::Vec3> Catalog::saddle_positions(std::size_t index) const {
  const Saddle& s = saddle(index);
  if (s.coordinates.empty())
    throw InputError(saddle_where(s), "has no stored configuration (catalogs before schema 2 and harvests store none)");
  std::vector<md::Vec3> r = positions(s.from);
  for (std::size_t k = 0; k < s.coordinates.atoms.size(); ++k) {
    const auto atom = static_cast<std::size_t>(s.coordinates.atoms[k]);
    if (s.coordinates.atoms[k] < 0 || atom >= r.size()) throw InputError(saddle_where(s), "coordinate atom index out of range");
    r[atom] = s.coordinates.positions[k];
  }
  return r;
}

bool Catalog::operator==(const Catalog& other) const {
  if (provenance_ != other.provenance_ || schema_version_ != other.schema_version_) return false;
  if (minimum_count() != other.minimum_count() || saddle_count() != other.saddle_count()) return false;
  for (std::size_t i = 0; i < minimum_count(); ++i)
    if (!(minimum_at(i) == other.minimum_at(i))) return false;
  for (std::size_t k = 0; k < saddle_count(); ++k)
    if (!(saddle(k) == other.saddle(k))) return false;
  return true;
}

std::pair<std::size_t, std::size_t> merge_catalog(Catalog& into, const Catalog& from,
                                                  const DedupTolerance& tolerance) {
  // Pass 1 maps every minimum of `from` to an id in `into`; new minima are added in pass 2 after
  // their parents, so coordinate parents can be remapped.
  std::unordered_map<MinimumId, MinimumId> id_map;
  std::vector<std::size_t> new_minima;
  MinimumId next_id = into.max_id() + 1;
  for (std::size_t i = 0; i < from.minimum_count(); ++i) {
    const Minimum& m = from.minimum_at(i);
    if (const auto found = into.find_minimum(m, tolerance)) {
      id_map[m.id] = *found;
    } else {
      id_map[m.id] = into.has_minimum(m.id) ? next_id++ : m.id;
      new_minima.push_back(i);
    }
  }
  std::size_t added = 0;
  while (added < new_minima.size()) {
    const std::size_t before = added;
    for (std::size_t& i : new_minima) {
      if (i == static_cast<std::size_t>(-1)) continue;
      Minimum m = from.minimum_at(i);
      if (m.coordinates.parent != kNoMinimum) {
        m.coordinates.parent = id_map.at(m.coordinates.parent);
        if (!into.has_minimum(m.coordinates.parent)) continue;  // parent added in a later sweep
      }
      m.id = id_map.at(m.id);
      into.add_minimum(std::move(m));
      i = static_cast<std::size_t>(-1);
      ++added;
    }
    if (added == before) throw InputError("merge", "cyclic coordinate parents in the merged catalog");
  }
  std::size_t saddles_added = 0;
  for (std::size_t k = 0; k < from.saddle_count(); ++k) {
    Saddle s = from.saddle(k);
    s.from = id_map.at(s.from);
    s.to = id_map.at(s.to);
    if (!s.coordinates.empty()) s.coordinates.parent = s.from;
    saddles_added += into.insert_saddle(std::move(s), tolerance).second ? 1 : 0;
  }
  return {added, saddles_added};
}

}  // namespace glassland::landscape
