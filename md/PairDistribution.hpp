#pragma once
// Radial distribution function g(r), total and partial g_ab(r), averaged over frames.
//
//   g_ab(r) = V / (N_a N_b') < sum_{i in a} sum_{j in b, j != i} delta(r - r_ij) > / (4 pi r²)
//
// with N_b' = N_b - 1 when a == b, so that g -> 1 at large r for an ideal gas of N atoms
// (the exact finite-N normalisation). The total g(r) weights every pair equally
// (N' = N - 1). Distances are minimum-image (all pairs, O(N²) per frame), so r_max must not
// exceed half the smallest perpendicular box width. Units: r in length units.
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

class PairDistribution {
public:
  /// `bins` histogram bins on [0, r_max); `ntypes` atom types (1..ntypes).
  PairDistribution(double r_max, int bins, int ntypes);

  /// Adds one frame. Throws InputError("r_max", ...) if r_max exceeds half the smallest
  /// perpendicular width of the frame's box or the frame has a type above ntypes.
  void add_frame(const System& system);

  int bins() const { return static_cast<int>(total_.size()); }
  double bin_width() const { return bin_width_; }
  /// Centre of bin k (length).
  double r(int k) const { return (k + 0.5) * bin_width_; }
  /// Total g(r) of bin k (dimensionless); 0 before any frame.
  double total(int k) const;
  /// Partial g_ab(r) of bin k for types a, b in 1..ntypes (symmetric).
  double partial(int a, int b, int k) const;
  /// Running coordination number: mean number of b atoms within r_k+1 = (k+1) dr of an a atom.
  double coordination(int a, int b, int k) const;
  long frames() const { return frames_; }

private:
  std::size_t pair_index(int a, int b) const;
  double shell_volume(int k) const;

  double r_max_, bin_width_;
  int ntypes_;
  long frames_ = 0;
  std::vector<double> total_;                 // pair counts per bin (each pair counted once)
  std::vector<std::vector<double>> partial_;  // per unordered type pair
  // Sums over frames of the normalisations V / (N_a N_b') for the partials and the total.
  std::vector<double> partial_norm_;
  std::vector<double> count_sum_;  // per type: sum over frames of N_t
  double volume_sum_ = 0.0;
  double total_norm_ = 0.0;
};

}  // namespace glassland::md
