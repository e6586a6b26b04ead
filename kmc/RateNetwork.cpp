#include "kmc/RateNetwork.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"

namespace glassland::kmc {

RateNetwork RateNetwork::from_catalog(const landscape::Catalog& catalog) {
  if (catalog.minimum_count() == 0) throw InputError("catalog", "has no minima");
  RateNetwork net;
  const std::size_t n = catalog.minimum_count();
  for (std::size_t i = 0; i < n; ++i) {
    net.id_.push_back(catalog.minimum_at(i).id);
    net.energy_.push_back(catalog.minimum_at(i).energy);
    net.sorted_ids_.emplace_back(catalog.minimum_at(i).id, static_cast<StateIndex>(i));
  }
  std::sort(net.sorted_ids_.begin(), net.sorted_ids_.end());
  // Two passes: count the degree of each state, then fill the CSR slices.
  std::vector<std::uint32_t> degree(n, 0);
  const std::size_t m = catalog.saddle_count();
  for (std::size_t k = 0; k < m; ++k) {
    const auto& s = catalog.saddle(k);
    ++degree[catalog.vertex(s.from)];
    ++degree[catalog.vertex(s.to)];
  }
  net.offset_.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) net.offset_[i + 1] = net.offset_[i] + degree[i];
  const std::size_t ne = net.offset_[n];
  net.target_.resize(ne);
  net.barrier_.resize(ne);
  net.prefactor_.resize(ne);
  net.activation_volume_.resize(ne);
  net.activation_strain_.resize(ne);
  net.reverse_.resize(ne);
  std::vector<std::uint32_t> fill(net.offset_.begin(), net.offset_.end() - 1);
  for (std::size_t k = 0; k < m; ++k) {
    const auto& s = catalog.saddle(k);
    const std::string where = "saddle " + std::to_string(s.from) + "->" + std::to_string(s.to);
    if (!(s.barrier_forward >= 0.0) || !(s.barrier_backward >= 0.0) || !std::isfinite(s.energy))
      throw InputError(where, "negative or non-finite barrier");
    const auto a = static_cast<StateIndex>(catalog.vertex(s.from));
    const auto b = static_cast<StateIndex>(catalog.vertex(s.to));
    const std::uint32_t ef = fill[a]++;
    const std::uint32_t eb = fill[b]++;
    net.target_[ef] = b;
    net.target_[eb] = a;
    net.barrier_[ef] = s.barrier_forward;
    net.barrier_[eb] = s.barrier_backward;
    net.prefactor_[ef] = s.prefactor_forward;
    net.prefactor_[eb] = s.prefactor_backward;
    net.activation_volume_[ef] = s.activation_volume;
    net.activation_volume_[eb] = -s.activation_volume;
    net.activation_strain_[ef] = s.activation_strain;
    net.activation_strain_[eb] = -s.activation_strain;
    net.reverse_[ef] = eb;
    net.reverse_[eb] = ef;
  }
  return net;
}

std::optional<StateIndex> RateNetwork::state_of(landscape::MinimumId id) const {
  const auto it = std::lower_bound(sorted_ids_.begin(), sorted_ids_.end(), std::make_pair(id, StateIndex{0}));
  if (it == sorted_ids_.end() || it->first != id) return std::nullopt;
  return it->second;
}

StateIndex RateNetwork::require_state(landscape::MinimumId id, const std::string& option) const {
  const auto s = state_of(id);
  if (!s) throw InputError(option, "unknown state " + std::to_string(id));
  return *s;
}

bool RateNetwork::reachable(StateIndex from, StateIndex to) const {
  std::vector<char> seen(state_count(), 0);
  std::vector<StateIndex> stack{from};
  seen[from] = 1;
  while (!stack.empty()) {
    const StateIndex s = stack.back();
    stack.pop_back();
    if (s == to) return true;
    for (std::uint32_t e = first(s); e < first(s + 1); ++e)
      if (!seen[target_[e]]) {
        seen[target_[e]] = 1;
        stack.push_back(target_[e]);
      }
  }
  return false;
}

std::size_t RateNetwork::memory_bytes() const {
  return id_.capacity() * sizeof(landscape::MinimumId) + energy_.capacity() * sizeof(double) +
         offset_.capacity() * sizeof(std::uint32_t) + target_.capacity() * sizeof(StateIndex) +
         (barrier_.capacity() + prefactor_.capacity() + activation_volume_.capacity() +
          activation_strain_.capacity()) * sizeof(double) +
         reverse_.capacity() * sizeof(std::uint32_t) + sorted_ids_.capacity() * sizeof(sorted_ids_[0]);
}

}  // namespace glassland::kmc
