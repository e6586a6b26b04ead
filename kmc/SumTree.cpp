#include "kmc/SumTree.hpp"

namespace glassland::kmc {

SumTree::SumTree(const std::vector<double>& weights) : size_(weights.size()) {
  while (capacity_ < size_) capacity_ *= 2;
  node_.assign(2 * capacity_, 0.0);  // padding leaves weigh 0 and are never selected
  for (std::size_t i = 0; i < size_; ++i) node_[capacity_ + i] = weights[i];
  for (std::size_t i = capacity_ - 1; i >= 1; --i) node_[i] = node_[2 * i] + node_[2 * i + 1];
}

void SumTree::update(std::size_t i, double weight) {
  std::size_t node = capacity_ + i;
  node_[node] = weight;
  for (node /= 2; node >= 1; node /= 2) node_[node] = node_[2 * node] + node_[2 * node + 1];
}

}  // namespace glassland::kmc
