#pragma once
// A sum tree: non-negative weights (rates, 1/time) of n items in a flat complete binary tree,
// so that changing one weight, reading the total and choosing an item with probability
// weight/total each cost O(log n). Leaves sit at [capacity, capacity + n) of one array and every
// inner node holds the sum of its two children. update() recomputes the parents from their
// children instead of adding a difference, so rounding never accumulates: after any sequence of
// updates every node equals the sum a fresh build would give (tested bit-for-bit).
//
// Where glassland uses it: the constant-rate table (ConstantRates) selects the transitions of
// states with more than ConstantRates::kLinearScanMaxDegree transitions through one SumTree per
// such state. A single kMC walker only ever needs the rates of its current state, so a global
// tree over all transitions would buy nothing: see docs/catalog-kmc.md.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace glassland::kmc {

class SumTree {
public:
  SumTree() = default;
  /// A tree over `weights` (each >= 0 and finite; not checked in the hot path), built in O(n).
  explicit SumTree(const std::vector<double>& weights);

  std::size_t size() const { return size_; }
  /// Sum of all weights (same unit as the weights).
  double total() const { return node_.empty() ? 0.0 : node_[1]; }
  double weight(std::size_t i) const { return node_[capacity_ + i]; }

  /// Sets the weight of item i (>= 0, finite) and recomputes its ancestors: O(log n).
  void update(std::size_t i, double weight);

  /// The item whose cumulative interval [W_{i-1}, W_i) contains x, for 0 <= x < total().
  /// Never returns an item of weight 0, even when rounding puts x at an interval's edge or x is
  /// pushed past total(); requires total() > 0. O(log n).
  std::size_t select(double x) const {
    std::size_t i = 1;
    while (i < capacity_) {
      const double left = node_[2 * i];
      // Descend into a child with positive weight only: a positive node has one at least.
      if (x < left || !(node_[2 * i + 1] > 0.0)) {
        i = 2 * i;
      } else {
        x -= left;
        i = 2 * i + 1;
      }
    }
    return i - capacity_;
  }

  std::size_t memory_bytes() const { return node_.capacity() * sizeof(double); }

private:
  std::size_t size_ = 0;
  std::size_t capacity_ = 1;  // number of leaf slots: a power of two >= size_
  std::vector<double> node_;  // node_[1] is the root; node_[0] is unused
};

}  // namespace glassland::kmc
