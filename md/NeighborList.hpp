#pragma once
// Half Verlet list built from a cell list, with periodic images as explicit ghost atoms.
//
// Why ghosts: the pair loop then needs no minimum-image arithmetic and no per-pair image
// shift, only x_i - x_j. Local atoms are kept in an internal, spatially sorted order (sorted by
// cell at every rebuild) for cache locality; the System's own order is never changed.
// Coordinates are relative to the box origin `lo` (length units).
//
// Rebuild rule (automatic, checked at every update()): a rebuild happens when the number of
// atoms changed, invalidate() was called, or some atom moved more than half the skin since the
// last build. Under a box deformation F = H H0^-1 the test is the exact generalisation:
// rebuild if 2 max|u - F u0| > sigma_min(F) (rc + skin) - rc, with sigma_min(F) >= 1 - |F - I|.
// Any box whose perpendicular widths are all >= 2 * cutoff is handled (a pair may then appear
// with several images when the skin makes rc + skin exceed half a width); below that the
// build throws InputError("box", ...).
#include <cstddef>
#include <vector>

#include "md/SimdLevel.hpp"
#include "md/System.hpp"

namespace glassland::md {

/// One atom of the extended (local + ghost) set: position relative to box lo, and type.
struct Site {
  double x, y, z;
  int type;
  int unused;
};

class NeighborList {
public:
  /// cutoff, skin: length units; the list holds all pairs closer than cutoff + skin at build.
  NeighborList(double cutoff, double skin);

  /// Refreshes the internal positions from `system`, rebuilding first if the rule above says
  /// so. Returns true if it rebuilt. Throws InputError("box", ...) if the box is too small.
  bool update(const System& system);
  /// Forces a rebuild at the next update() (positions changed discontinuously).
  void invalidate() { valid_ = false; }

  long builds() const { return builds_; }
  double cutoff() const { return cutoff_; }
  double skin() const { return skin_; }
  std::size_t local_count() const { return system_index_.size(); }
  std::size_t extended_count() const { return sites_.size(); }
  /// Local atoms first (sorted order), then ghosts.
  const std::vector<Site>& sites() const { return sites_; }
  /// Local index k (sorted) -> index in the System.
  const std::vector<int>& system_index() const { return system_index_; }
  /// Ghost g (extended index nlocal + g) -> local index of the atom it images.
  const std::vector<int>& ghost_source() const { return ghost_source_; }
  /// Neighbours of local atom k are neighbors()[first()[k] .. first()[k+1]) (extended indices);
  /// every pair closer than cutoff + skin appears exactly once.
  const std::vector<int>& first() const { return first_; }
  const std::vector<int>& neighbors() const { return neighbors_; }

private:
  bool needs_rebuild(const System& system) const;
  void build(const System& system);
  void refresh(const System& system);
  void make_ghosts(const Vec3& halo);
  void order_by_cell();
  void bin_and_search();
  template <class Append>
  std::size_t search_atom(std::size_t i, std::vector<int>& list, std::size_t size, Append append) const;
  // The search loop over atoms begin..end per instruction set (SimdLevel.hpp).
  std::size_t search_block_scalar(std::size_t begin, std::size_t end, std::vector<int>& list, std::size_t size);
  std::size_t search_block_avx2(std::size_t begin, std::size_t end, std::vector<int>& list, std::size_t size);
  std::size_t search_block_avx512(std::size_t begin, std::size_t end, std::vector<int>& list, std::size_t size);

  double cutoff_, skin_;
  SimdLevel level_ = simd_level();  // kernel of the search (CellScan.hpp)
  bool valid_ = false;
  long builds_ = 0;
  // State of the last build.
  Mat3 h0_ = Mat3::Identity();
  Vec3 lo0_ = Vec3::Zero();
  std::vector<Vec3> u0_;          // local positions (relative to lo) at build
  std::vector<Vec3> s0_;          // same in fractional coordinates
  std::vector<Vec3> offset_;      // integer image offsets (as doubles) that wrapped each atom
  std::vector<int> system_index_;
  std::vector<Vec3> ghost_image_; // integer image of each ghost (as doubles)
  std::vector<int> ghost_source_;
  std::vector<Site> sites_;
  std::vector<int> cell_of_;      // extended atom -> linear cell index (build scratch)
  int grid_[3] = {1, 1, 1};       // cells per dimension, including halo layers
  int interior_[3] = {1, 1, 1};   // cells per dimension inside the box
  int layers_[3] = {1, 1, 1};     // halo layers = stencil reach
  // Copy of all sites in cell order (cells by linear index, extended order inside a cell),
  // so that a row of cells along x is one contiguous run for the search kernel.
  std::vector<int> cell_pos_;     // cell -> first position in cell order (ncells + 1)
  std::vector<int> order_;        // position in cell order -> extended index
  std::vector<int> local_pos_;    // local atom -> its position in cell order
  std::vector<double> xs_, ys_, zs_;
  std::vector<int> rows_;         // half stencil: offsets of the centre cells of whole rows
  std::vector<std::vector<int>> lists_;           // per-thread scratch of the search
  std::vector<int> first_, neighbors_;
};

}  // namespace glassland::md
