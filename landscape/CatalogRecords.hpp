#pragma once
// The records stored in an energy-landscape catalog: minima (graph vertices), saddles (graph
// edges) and the catalog's provenance. Plain value types; validation and graph bookkeeping live
// in Catalog. Energies are in the catalog's energy unit (Provenance::units: LJ epsilon, eV for
// "metal", or the unit of a hand-made "reduced" network); times in its time unit (LJ tau, ps);
// lengths in its length unit (sigma, Angstrom); prefactors in 1/time.
#include <cstdint>
#include <string>
#include <vector>

#include "md/Box.hpp"

namespace glassland::landscape {

/// Version of the on-disk schema written by this build (landscape/proto/catalog.proto).
/// Bump it when a field changes meaning; older files stay readable, newer ones are refused.
/// 1: minima, saddles, provenance. 2: saddles may carry their configuration (Saddle::coordinates).
inline constexpr std::uint32_t kCatalogSchemaVersion = 2;

/// A stable identifier of a minimum inside one catalog (not a graph index).
using MinimumId = std::int64_t;
inline constexpr MinimumId kNoMinimum = -1;

/// Where and how a record was found (free-form method plus the numbers needed to redo it).
struct Discovery {
  std::string method;        ///< e.g. "harvest", "neb", "import", "merge"
  double temperature = 0.0;  ///< temperature of the MD that found it (catalog units; 0 = n/a)
  std::uint64_t seed = 0;    ///< seed of the run that found it
  std::int64_t md_step = -1; ///< MD step at which it was seen (-1 = n/a)
  bool operator==(const Discovery&) const = default;
};

/// Coordinates stored compactly: a root minimum stores every atom; a child stores only the atoms
/// whose positions differ from its parent minimum (local atom indices + positions, length unit).
struct CompactCoordinates {
  MinimumId parent = kNoMinimum;     ///< kNoMinimum: `atoms` lists every atom (0..n-1)
  std::vector<std::int32_t> atoms;   ///< local atom indices with stored positions
  std::vector<md::Vec3> positions;   ///< same length as atoms (length unit)
  bool empty() const { return atoms.empty() && parent == kNoMinimum; }
  bool operator==(const CompactCoordinates&) const = default;
};

struct Minimum {
  MinimumId id = kNoMinimum;  ///< kNoMinimum on insertion: Catalog assigns the next free id
  double energy = 0.0;        ///< potential energy of the minimum (energy unit)
  double volume = 0.0;        ///< box volume (length^3; 0 = not recorded)
  std::string fingerprint;    ///< structural fingerprint (empty = none); equal => same minimum
  CompactCoordinates coordinates;
  Discovery found;
  bool operator==(const Minimum&) const = default;
};

/// A first-order saddle joining minimum `from` to minimum `to`. "Forward" means from -> to.
struct Saddle {
  MinimumId from = kNoMinimum;
  MinimumId to = kNoMinimum;
  double energy = 0.0;              ///< saddle energy (energy unit)
  double barrier_forward = 0.0;     ///< energy - E(from); set by Catalog::add_saddle
  double barrier_backward = 0.0;    ///< energy - E(to); set by Catalog::add_saddle
  double prefactor_forward = 0.0;   ///< attempt frequency from -> to (1/time), > 0
  double prefactor_backward = 0.0;  ///< attempt frequency to -> from (1/time), > 0
  std::vector<std::int32_t> atoms;  ///< local indices of the atoms involved
  double max_displacement = 0.0;    ///< largest single-atom displacement from -> to (length)
  double total_displacement = 0.0;  ///< sqrt(sum of squared displacements) (length)
  md::Vec3 location = md::Vec3::Zero();  ///< centre of the event (length)
  std::string environment_key;      ///< canonical label of the local environment ("" = none)
  double activation_volume = 0.0;   ///< dE/dsigma under shear (length^3): barrier -= sigma*V
  double activation_strain = 0.0;   ///< shear strain carried by the forward event (dimensionless)
  Discovery found;
  /// The saddle configuration (schema 2): parent = `from`, the atoms whose positions differ from
  /// that minimum's, exactly (length unit). Empty: not stored (schema-1 files, harvests).
  CompactCoordinates coordinates;
  bool operator==(const Saddle&) const = default;
};

/// Who made a catalog and with what. Units: "lj", "metal" or "reduced" (hand-made networks).
struct Provenance {
  std::string potential;     ///< potential name/preset ("" for hand-made networks)
  std::string units = "reduced";
  double temperature = 0.0;  ///< harvest temperature (catalog temperature unit; 0 = n/a)
  std::uint64_t seed = 0;
  std::string program_version;  ///< glassland version that created it (kVersion)
  std::string created_by;       ///< command or tool, e.g. "glassland harvest", "catalog import"
  bool operator==(const Provenance&) const = default;
};

/// When two records count as the same (used by find_* and merge).
struct DedupTolerance {
  double energy = 1e-6;  ///< |E_a - E_b| <= energy (energy unit)
};

}  // namespace glassland::landscape
