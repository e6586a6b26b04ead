#pragma once
// Rates at constant kT and stress, laid out for the kMC event loop (rates in 1/time, the time
// unit of the catalog). The random-catalog walker is memory-latency bound: every event visits a
// new state whose data is not in cache. So each state owns one *record* that starts on a 64-byte
// cache line and holds everything an event needs, and transitions point straight at the
// record of their target state:
//
//   words 0-1  escape rate R (double)          word 2  state index     word 3  degree d
//   d <= kLinearScanMaxDegree:  d-1 cumulative fractions (float), then d target records (u32)
//   d >  kLinearScanMaxDegree:  index of the state's SumTree (u32), then d target records (u32)
//
// A record of degree <= 6 fills one line (one cache miss per event), degree 7-14 two adjacent
// lines (both prefetched together), and so on. Transitions are stored in increasing order of
// rate (ties by transition index). The cumulative fractions c_k = (r_0 + ... + r_k) / R are
// floats: the selection probability of transition k is float(c_k) - float(c_{k-1}). Ascending
// order makes every interval at least c_k / (k + 1) wide, so the float rounding (2^-24 relative
// on each end) changes a probability by at most ~2^-23 (k+1) relative (about 1e-6 at d = 7,
// 4e-6 at d = 32) — far below anything a master-equation test can resolve — and small rates keep
// their full relative precision instead of vanishing next to large ones. The largest rate comes
// last, so no c_k with k < d-1 rounds to 1. High-degree states use a SumTree of double rates
// (exact to rounding, O(log d) selection instead of a long scan). Escape rates stay double so
// residence times -ln(u)/R are exact to rounding.
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#include "kmc/RateModel.hpp"
#include "kmc/SumTree.hpp"

namespace glassland::kmc {

class ConstantRates {
public:
  /// Index of a record (counted in 64-byte lines from the start of the table).
  using Record = std::uint32_t;
  /// States with more transitions than this select through a SumTree instead of a linear scan.
  static constexpr std::uint32_t kLinearScanMaxDegree = 32;

  /// Rates of `model` at `time` (kT and stress taken there). `model` (and its network) must
  /// outlive this table: rate() evaluates it.
  explicit ConstantRates(const RateModel& model, double time = 0.0);
  ConstantRates(const ConstantRates&) = delete;  // the table is aligned to its own buffer
  ConstantRates& operator=(const ConstantRates&) = delete;
  ConstantRates(ConstantRates&&) = default;

  // By state and network transition index (set-up, superbasins, tests).
  Record record_of(StateIndex s) const { return record_of_[s]; }
  /// Total escape rate of s (1/time).
  double escape(StateIndex s) const { return escape_at(record_of(s)); }
  /// Rate of network transition e (1/time).
  double rate(std::uint32_t e) const;

  // By record (the event loop).
  StateIndex state_at(Record r) const { return words(r)[2]; }
  std::uint32_t degree_at(Record r) const { return words(r)[3]; }
  double escape_at(Record r) const {
    double escape;
    std::memcpy(&escape, words(r), sizeof escape);
    return escape;
  }
  /// Local index k (0 <= k < degree) of the transition chosen by a uniform u in [0, 1): the one
  /// whose cumulative interval contains u. Requires escape_at(r) > 0.
  std::uint32_t select_at(Record r, double u) const {
    const std::uint32_t* w = words(r);
    const std::uint32_t degree = w[3];
    if (degree > kLinearScanMaxDegree) return select_in_tree(w[4], u);
    std::uint32_t k = 0;
    while (k + 1 < degree && !(u < static_cast<double>(std::bit_cast<float>(w[4 + k])))) ++k;
    return k;
  }
  /// Record of the target of the k-th transition of record r.
  Record target_at(Record r, std::uint32_t k) const {
    const std::uint32_t* w = words(r);
    return w[(w[3] > kLinearScanMaxDegree ? 5 : 3 + w[3]) + k];
  }
  /// Network transition index of the k-th transition of record r (for strain, work, tests).
  std::uint32_t transition_at(Record r, std::uint32_t k) const {
    return order_[network_->first(state_at(r)) + k];
  }
  /// Hints the cache to load record r (its first two lines) ahead of its use.
  void prefetch(Record r) const {
    __builtin_prefetch(words(r));
    __builtin_prefetch(words(r) + kWordsPerLine);
  }

  /// 64-byte lines taken by the records (each record starts a line).
  std::size_t line_count() const { return storage_.size() / kWordsPerLine - 2; }
  std::size_t memory_bytes() const;

private:
  static constexpr std::size_t kWordsPerLine = 16;
  const std::uint32_t* words(Record r) const { return table_ + kWordsPerLine * r; }
  std::uint32_t select_in_tree(std::uint32_t tree, double u) const {
    return static_cast<std::uint32_t>(trees_[tree].select(u * trees_[tree].total()));
  }
  void write_record(StateIndex s, const std::vector<std::pair<double, std::uint32_t>>& sorted);

  const RateModel* model_;
  const RateNetwork* network_;
  double kT_, sigma_;
  std::vector<std::uint32_t> storage_;  // records; over-allocated by one line for alignment
  std::uint32_t* table_ = nullptr;      // first 64-byte aligned word of storage_
  std::vector<Record> record_of_;       // state -> record
  std::vector<std::uint32_t> order_;    // network.first(s) + k -> network transition index
  std::vector<SumTree> trees_;          // per high-degree state
};

}  // namespace glassland::kmc
