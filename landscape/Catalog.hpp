#pragma once
// The energy-landscape catalog: a Boost.Graph whose vertices are minima and whose edges are
// the saddles between them (bundled properties CatalogRecords.hpp). Written by the harvester
// and by `catalog import`, read by kMC and the analyses (metabasins, spectra, disconnectivity),
// stored on disk by CatalogFile. Units are the catalog's (see Provenance::units).
//
// Identity rules (used by insert_* and by merge):
//  - two minima are the same when their fingerprints are equal and non-empty and their energies
//    agree within DedupTolerance::energy; a minimum without fingerprint matches only a minimum
//    with the same id and energy (hand-made networks get fingerprints "id:<id>" on import);
//  - two saddles are the same when they join the same two minima (either direction) and their
//    energies agree within DedupTolerance::energy.
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "landscape/CatalogRecords.hpp"

namespace glassland::landscape {

class Catalog {
public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, Minimum, Saddle>;
  using Vertex = Graph::vertex_descriptor;
  using Edge = Graph::edge_descriptor;

  explicit Catalog(Provenance provenance = {});
  // No move operations: boost::adjacency_list has none (a "move" copies the graph), so a
  // defaulted move left saddle_edges_ pointing into the moved-from graph. std::move therefore
  // selects the copy, which re-derives the edge descriptors.
  Catalog(const Catalog& other);
  Catalog& operator=(const Catalog& other);

  const Provenance& provenance() const { return provenance_; }
  void set_provenance(Provenance provenance) { provenance_ = std::move(provenance); }
  /// Schema version of the file this catalog was read from (kCatalogSchemaVersion if built here).
  std::uint32_t schema_version() const { return schema_version_; }
  void set_schema_version(std::uint32_t version) { schema_version_ = version; }

  /// Adds a minimum (no deduplication). Assigns the next free id if m.id == kNoMinimum.
  /// Throws InputError("minimum <id>", ...) for a duplicate id, a non-finite energy or volume,
  /// or a coordinate parent that is not in the catalog. Returns the id.
  MinimumId add_minimum(Minimum m);
  /// Returns the id of an equal minimum already present (identity rules above), else adds it.
  /// `.second` is true when it was added.
  std::pair<MinimumId, bool> insert_minimum(Minimum m, const DedupTolerance& tolerance = {});
  std::optional<MinimumId> find_minimum(const Minimum& m, const DedupTolerance& tolerance = {}) const;

  /// Adds a saddle (no deduplication); sets its barriers from the endpoint energies.
  /// Throws InputError("saddle <from>-><to>", ...) for unknown endpoints, from == to,
  /// non-finite values, a saddle energy below either minimum, or prefactors that are not > 0.
  /// Returns the saddle's index (insertion order).
  std::size_t add_saddle(Saddle s);
  std::pair<std::size_t, bool> insert_saddle(Saddle s, const DedupTolerance& tolerance = {});
  std::optional<std::size_t> find_saddle(MinimumId a, MinimumId b, double energy,
                                         const DedupTolerance& tolerance = {}) const;

  std::size_t minimum_count() const { return boost::num_vertices(graph_); }
  std::size_t saddle_count() const { return saddle_edges_.size(); }
  bool has_minimum(MinimumId id) const { return vertex_of_.count(id) != 0; }
  /// Graph vertex of a minimum; throws InputError("minimum <id>", "not in the catalog").
  Vertex vertex(MinimumId id) const;
  const Minimum& minimum(MinimumId id) const { return graph_[vertex(id)]; }
  /// The index-th minimum in insertion order (0 <= index < minimum_count()).
  const Minimum& minimum_at(std::size_t index) const { return graph_[index]; }
  /// The index-th saddle in insertion order (0 <= index < saddle_count()).
  const Saddle& saddle(std::size_t index) const { return graph_[saddle_edges_[index]]; }
  const Graph& graph() const { return graph_; }
  /// Largest id in use (kNoMinimum when empty).
  MinimumId max_id() const { return max_id_; }

  /// Full positions of a minimum (length unit), rebuilt through its chain of parents.
  /// Throws InputError if the chain does not reach a root or an atom index is out of range.
  std::vector<md::Vec3> positions(MinimumId id) const;
  /// Full positions of the index-th saddle: its `from` minimum with the stored atoms replaced
  /// (length unit). Throws InputError if the saddle stores no configuration.
  std::vector<md::Vec3> saddle_positions(std::size_t index) const;

  /// Same records in the same order, same provenance and schema version (exact comparison).
  bool operator==(const Catalog& other) const;

private:
  void rebuild_indices();

  Graph graph_;
  std::vector<Edge> saddle_edges_;
  std::unordered_map<MinimumId, Vertex> vertex_of_;
  std::unordered_multimap<std::string, Vertex> by_fingerprint_;
  MinimumId max_id_ = kNoMinimum;
  Provenance provenance_;
  std::uint32_t schema_version_ = kCatalogSchemaVersion;
};

/// Union of `into` and `from` with deduplication (identity rules above): minima of `from` that
/// match keep the existing record; new minima keep their id when it is free, else get a fresh
/// one (their coordinate parents and saddle endpoints are remapped). Idempotent: merging the
/// same catalog twice changes nothing. Returns the number of {minima, saddles} added.
std::pair<std::size_t, std::size_t> merge_catalog(Catalog& into, const Catalog& from,
                                                  const DedupTolerance& tolerance = {});

}  // namespace glassland::landscape
