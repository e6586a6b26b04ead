#include "md/PairDistribution.hpp"

#include <cmath>
#include <numbers>

#include "md/Error.hpp"

namespace glassland::md {

PairDistribution::PairDistribution(double r_max, int bins, int ntypes)
    : r_max_(r_max), bin_width_(r_max / bins), ntypes_(ntypes) {
  if (!std::isfinite(r_max) || r_max <= 0.0) throw InputError("r_max", "must be finite and > 0");
  if (bins <= 0) throw InputError("bins", "must be > 0");
  if (ntypes <= 0) throw InputError("ntypes", "must be > 0");
  const std::size_t npairs = static_cast<std::size_t>(ntypes) * static_cast<std::size_t>(ntypes + 1) / 2;
  total_.assign(static_cast<std::size_t>(bins), 0.0);
  partial_.assign(npairs, std::vector<double>(static_cast<std::size_t>(bins), 0.0));
  partial_norm_.assign(npairs, 0.0);
  count_sum_.assign(static_cast<std::size_t>(ntypes + 1), 0.0);
}

std::size_t PairDistribution::pair_index(int a, int b) const {
  if (a > b) std::swap(a, b);
  // Upper triangle of the 1-based type matrix, row by row.
  const int row = a - 1, col = b - 1;
  return static_cast<std::size_t>(row * ntypes_ - row * (row - 1) / 2 + (col - row));
}

double PairDistribution::shell_volume(int k) const {
  const double r0 = k * bin_width_, r1 = (k + 1) * bin_width_;
  return 4.0 / 3.0 * std::numbers::pi * (r1 * r1 * r1 - r0 * r0 * r0);
}

void PairDistribution::add_frame(const System& system) {
  if (2.0 * r_max_ > system.box.perpendicular_widths().minCoeff() * (1.0 + 1e-12))
    throw InputError("r_max", "exceeds half the smallest box width");
  std::vector<double> count(static_cast<std::size_t>(ntypes_ + 1), 0.0);
  for (int t : system.type) {
    if (t < 1 || t > ntypes_) throw InputError("type", "atom type " + std::to_string(t) + " above ntypes");
    count[static_cast<std::size_t>(t)] += 1.0;
  }
  const std::size_t n = system.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double r = system.box.minimum_image(system.position[j] - system.position[i]).norm();
      if (r >= r_max_) continue;
      const auto k = static_cast<std::size_t>(r / bin_width_);
      total_[k] += 1.0;
      partial_[pair_index(system.type[i], system.type[j])][k] += 1.0;
    }
  }
  const double volume = system.box.volume();
  const double nd = static_cast<double>(n);
  if (n > 1) total_norm_ += volume / (nd * (nd - 1.0));
  for (int t = 1; t <= ntypes_; ++t) count_sum_[static_cast<std::size_t>(t)] += count[static_cast<std::size_t>(t)];
  volume_sum_ += volume;
  for (int a = 1; a <= ntypes_; ++a) {
    for (int b = a; b <= ntypes_; ++b) {
      const double na = count[static_cast<std::size_t>(a)];
      const double nb = count[static_cast<std::size_t>(b)] - (a == b ? 1.0 : 0.0);
      const std::size_t p = pair_index(a, b);
      if (na > 0.0 && nb > 0.0) partial_norm_[p] += volume / (na * nb);
    }
  }
  ++frames_;
}

double PairDistribution::total(int k) const {
  if (frames_ == 0) return 0.0;
  // Each unordered pair was counted once: 2 * count / N (N-1) * V per frame, averaged.
  return 2.0 * total_[static_cast<std::size_t>(k)] * (total_norm_ / frames_) / frames_ / shell_volume(k);
}

double PairDistribution::partial(int a, int b, int k) const {
  if (frames_ == 0) return 0.0;
  const std::size_t p = pair_index(a, b);
  // For a == b each pair is counted once but contributes to both atoms' neighbour counts.
  const double ordered = (a == b ? 2.0 : 1.0) * partial_[p][static_cast<std::size_t>(k)];
  return ordered * (partial_norm_[p] / frames_) / frames_ / shell_volume(k);
}

double PairDistribution::coordination(int a, int b, int k) const {
  double sum = 0.0;
  if (frames_ == 0) return 0.0;
  // Density of the other b atoms seen from an a atom (one fewer when a == b).
  const double nb = count_sum_[static_cast<std::size_t>(b)] / frames_ - (a == b ? 1.0 : 0.0);
  const double density = nb / (volume_sum_ / frames_);
  for (int m = 0; m <= k; ++m) sum += partial(a, b, m) * shell_volume(m);
  return density * sum;
}

}  // namespace glassland::md
