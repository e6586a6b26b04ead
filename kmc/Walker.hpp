#pragma once
// One kMC trajectory (BKL / Gillespie, rejection-free) on a RateNetwork under a RateModel.
// Residence times are exact: exponential at constant rates, and under time-dependent protocols
// sampled by thinning (Thinning.hpp) or, for an oscillating stress, from the integrated hazard
// (IntegratedHazard.hpp). The next transition time is drawn when a
// state is entered, so observing the state at given times never changes the trajectory.
// Flicker acceleration (Superbasin.hpp) switches on by itself at constant rates: every
// `flicker_window` hops, if those hops visited at most `max_basin_states` distinct states, the
// set becomes a superbasin whose exits are sampled exactly. Times in the catalog's time unit.
#include <limits>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kmc/Random.hpp"
#include "kmc/ConstantRates.hpp"
#include "kmc/RateModel.hpp"
#include "kmc/Superbasin.hpp"

namespace glassland::kmc {

struct WalkerOptions {
  bool superbasins = true;             ///< automatic flicker acceleration (constant rates, no stress)
  std::size_t flicker_window = 256;    ///< hops examined per detection
  std::size_t max_basin_states = 16;   ///< at most this many distinct states in a window => basin
  std::optional<StateIndex> target;    ///< state whose first-passage time is recorded
  bool record_path = false;            ///< keep (time, state) of every transition (tests)
  /// Time-dependent rates: sample residences by thinning (Thinning.hpp) where the protocol
  /// allows it, else (or if false) by inverting the integrated hazard (IntegratedHazard.hpp).
  bool thinning = true;
  /// advance_to stops after this many transitions in all (kmc --max-events): a time no run
  /// can reach (t = 1e300 without superbasins) must end, not hang. The caller checks
  /// next_transition_time() to tell a capped run from a finished one.
  std::uint64_t max_events = std::numeric_limits<std::uint64_t>::max();
};

class Walker {
public:
  /// `rates` must be the ConstantRates of `model` when model.homogeneous(), else nullptr.
  /// Random streams come from make_run_rng(seed, run, 0/1).
  Walker(const RateModel& model, const ConstantRates* rates, StateIndex start, std::uint64_t seed,
         std::uint64_t run, WalkerOptions options = {});

  /// Advances to `time` (never earlier than a previous query) and returns the state then.
  StateIndex advance_to(double time);
  /// Advances until the target is first reached, at most `max_events` further transitions.
  /// Returns true if reached (first_passage_time() is then finite).
  bool advance_to_target(std::uint64_t max_events);
  /// Executes exactly n transitions (fewer if the walker is frozen for ever).
  void step(std::uint64_t n);

  StateIndex state() const { return state_; }
  double time() const { return enter_time_; }                  ///< time of the last transition
  double next_transition_time() const { return exit_time_; }
  std::uint64_t events() const { return events_; }             ///< transitions (a basin exit is 1)
  std::uint64_t superbasin_exits() const { return basin_exits_; }
  std::size_t superbasin_count() const { return basins_.size(); }
  std::size_t distinct_states() const { return distinct_; }
  double first_passage_time() const { return first_passage_; }  ///< NaN until the target is hit
  double strain() const { return strain_; }  ///< sum of the strains of transitions taken
  double work() const { return work_; }      ///< sum of sigma * V over transitions taken (energy)
  const std::vector<std::pair<double, StateIndex>>& path() const { return path_; }

private:
  void transition();
  void enter(StateIndex s, double time);
  void sample_residence();
  void sample_constant_residence();
  bool visited(StateIndex s) const { return (visited_[s / 64] >> (s % 64)) & 1U; }
  std::uint32_t select_time_dependent(double time);
  void detect_flicker();
  bool basins_allowed() const;
  bool basins_allowed_ = false;
  bool stressed_ = false;
  bool thinning_ = false;

  const RateModel* model_;
  const RateNetwork* network_;
  const ConstantRates* rates_;
  WalkerOptions options_;
  Rng rng_, bridge_rng_;
  StateIndex state_ = 0;
  double enter_time_ = 0.0, exit_time_ = 0.0;
  std::uint64_t events_ = 0, basin_exits_ = 0;
  // Constant rates: the current state's record, and the transition already chosen on entry
  // (local index in the record) together with its target's record, prefetched meanwhile.
  ConstantRates::Record record_ = 0, next_record_ = 0;
  std::uint32_t next_local_ = 0;
  std::vector<std::uint64_t> visited_;  // one bit per state: 12.5 kB for 1e5 states stays in L1/L2
  std::size_t distinct_ = 0;
  double first_passage_;
  double strain_ = 0.0, work_ = 0.0;
  std::vector<StateIndex> window_;
  std::vector<Superbasin> basins_;
  std::vector<std::vector<StateIndex>> basin_sets_;
  std::unordered_map<StateIndex, int> basin_of_;
  int sojourn_basin_ = -1;  // basin being crossed (-1: plain state)
  Superbasin::Exit sojourn_exit_{};
  double cursor_time_ = 0.0;
  int cursor_local_ = 0;
  std::vector<double> scratch_rates_;
  std::vector<std::pair<double, StateIndex>> path_;
};

}  // namespace glassland::kmc
