#pragma once
// Voronoi analysis of a configuration (voro++ from Debian's voro++-dev): per-atom cell volume
// and Voronoi index <n3, n4, n5, n6> (number of faces with 3, 4, 5, 6 edges), the standard
// descriptor of local order in metallic glasses: <0,0,12,0> is a full icosahedron, the motif
// whose population anti-correlates with the inherent-structure energy in aged Wahnström glasses
// (studies/study5). Plain Voronoi by default; radical (Laguerre) tessellation when per-type
// radii are given. Tiny faces (numerical slivers of near-degenerate vertices) are dropped below
// a fraction of the cell's total face area, like OVITO's relative face-area threshold.
// Units: volume in length^3. Orthorhombic periodic boxes only.
#include <array>
#include <map>
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

struct VoronoiOptions {
  /// Faces whose area is below this fraction of the cell's total face area are not counted.
  double face_area_fraction = 0.0;
  /// Radical tessellation radius per type (index = type, 0 unused; empty = plain Voronoi).
  std::vector<double> type_radius;
  /// Throws InputError naming the option.
  void validate(int ntypes) const;
};

struct VoronoiCell {
  double volume = 0.0;             ///< length^3
  std::array<int, 4> index{};      ///< faces with 3, 4, 5, 6 edges (after the area threshold)
  int faces = 0;                   ///< all counted faces (the Voronoi coordination number)
  std::vector<int> neighbors;      ///< atom index across each counted face (Voronoi neighbours)
  bool icosahedral() const { return index == std::array<int, 4>{0, 0, 12, 0}; }
};

/// One cell per atom, in atom order. Throws InputError for a triclinic box.
std::vector<VoronoiCell> voronoi_cells(const System& system, const VoronoiOptions& options = {});

struct VoronoiSummary {
  double icosahedral_fraction = 0.0;           ///< of all atoms
  std::vector<double> icosahedral_by_type;     ///< index = type (0 unused): fraction of that type
  std::vector<std::pair<std::array<int, 4>, int>> most_common;  ///< (index, count), descending
  double total_volume = 0.0;                   ///< sum of cell volumes (= box volume)
};

/// Fractions of <0,0,12,0> centres overall and per type, and the `top` most common indices.
VoronoiSummary summarize_voronoi(const System& system, const std::vector<VoronoiCell>& cells, int top = 10);

}  // namespace glassland::md
