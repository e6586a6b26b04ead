#include "kmc/ConstantRates.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "md/Error.hpp"

namespace glassland::kmc {

namespace {

// Words (u32) a record of the given degree occupies: header, fractions or tree index, targets.
std::size_t record_words(std::uint32_t degree) {
  const std::size_t middle = degree > ConstantRates::kLinearScanMaxDegree ? 1 : (degree > 0 ? degree - 1 : 0);
  return 4 + middle + degree;
}

}  // namespace

ConstantRates::ConstantRates(const RateModel& model, double time)
    : model_(&model), network_(&model.network()), kT_(model.kT_at(time)), sigma_(model.stress_at(time)) {
  const RateNetwork& net = *network_;
  const std::size_t n = net.state_count();
  // Place the records: each starts on a fresh line.
  record_of_.resize(n);
  std::size_t lines = 0;
  for (StateIndex s = 0; s < n; ++s) {
    record_of_[s] = static_cast<Record>(lines);
    lines += (record_words(net.degree(s)) + kWordsPerLine - 1) / kWordsPerLine;
  }
  if (lines >= std::numeric_limits<Record>::max())
    throw InputError("catalog", "too many transitions for the kMC rate table (2^32 cache lines)");
  // One spare line to align the start, one so prefetch(r) may touch the line after the last record.
  storage_.assign((lines + 2) * kWordsPerLine, 0);
  const auto address = reinterpret_cast<std::uintptr_t>(storage_.data());
  table_ = storage_.data() + ((64 - address % 64) % 64) / sizeof(std::uint32_t);
  order_.resize(net.transition_count());
  std::vector<std::pair<double, std::uint32_t>> sorted;
  for (StateIndex s = 0; s < n; ++s) {
    sorted.clear();
    for (std::uint32_t e = net.first(s); e < net.first(s + 1); ++e) sorted.emplace_back(rate(e), e);
    std::sort(sorted.begin(), sorted.end());  // ascending rate, ties by transition index
    write_record(s, sorted);
  }
}

void ConstantRates::write_record(StateIndex s, const std::vector<std::pair<double, std::uint32_t>>& sorted) {
  const RateNetwork& net = *network_;
  const auto degree = static_cast<std::uint32_t>(sorted.size());
  std::uint32_t* w = table_ + kWordsPerLine * record_of_[s];
  double escape = 0.0;  // summed smallest first: the most accurate order
  for (std::uint32_t k = 0; k < degree; ++k) {
    escape += sorted[k].first;
    order_[net.first(s) + k] = sorted[k].second;
  }
  std::memcpy(w, &escape, sizeof escape);
  w[2] = s;
  w[3] = degree;
  std::uint32_t* targets = w + (degree > kLinearScanMaxDegree ? 5 : 3 + degree);
  for (std::uint32_t k = 0; k < degree; ++k) targets[k] = record_of_[net.target(sorted[k].second)];
  if (degree > kLinearScanMaxDegree) {
    std::vector<double> weights;
    for (const auto& [r, e] : sorted) weights.push_back(r);
    w[4] = static_cast<std::uint32_t>(trees_.size());
    trees_.emplace_back(weights);
    return;
  }
  double cumulative = 0.0;
  for (std::uint32_t k = 0; k + 1 < degree; ++k) {
    cumulative += sorted[k].first;
    const float fraction = escape > 0.0 ? static_cast<float>(cumulative / escape) : 0.0f;
    w[4 + k] = std::bit_cast<std::uint32_t>(fraction);
  }
}

double ConstantRates::rate(std::uint32_t e) const { return model_->rate(e, kT_, sigma_); }

std::size_t ConstantRates::memory_bytes() const {
  std::size_t bytes = storage_.capacity() * sizeof(std::uint32_t) + record_of_.capacity() * sizeof(Record) +
                      order_.capacity() * sizeof(std::uint32_t);
  for (const SumTree& tree : trees_) bytes += tree.memory_bytes() + sizeof(SumTree);
  return bytes;
}

}  // namespace glassland::kmc
