#include "kmc/Walker.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "kmc/IntegratedHazard.hpp"
#include "kmc/Thinning.hpp"
#include "md/Error.hpp"

namespace glassland::kmc {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}  // namespace

Walker::Walker(const RateModel& model, const ConstantRates* rates, StateIndex start, std::uint64_t seed,
               std::uint64_t run, WalkerOptions options)
    : model_(&model), network_(&model.network()), rates_(rates), options_(std::move(options)),
      rng_(make_run_rng(seed, run, 0)), bridge_rng_(make_run_rng(seed, run, 1)),
      visited_((model.network().state_count() + 63) / 64, 0), first_passage_(std::numeric_limits<double>::quiet_NaN()) {
  window_.reserve(options_.flicker_window);
  basins_allowed_ = basins_allowed();
  stressed_ = model.stress().kind() != StressProtocol::Kind::none;
  thinning_ = rates_ == nullptr && options_.thinning && thinning_applies(model);
  if (rates_ != nullptr) record_ = rates_->record_of(start);
  enter(start, 0.0);
  events_ = 0;  // entering the start state is not a transition
  if (options_.record_path) path_.assign(1, {0.0, start});
}

bool Walker::basins_allowed() const {
  return options_.superbasins && rates_ != nullptr && model_->stress().kind() == StressProtocol::Kind::none;
}

StateIndex Walker::advance_to(double time) {
  while (exit_time_ <= time && events_ < options_.max_events) transition();
  if (sojourn_basin_ < 0) return state_;
  // Inside a superbasin: sample where the walker is, given where it was last seen and its exit.
  const Superbasin& basin = basins_[static_cast<std::size_t>(sojourn_basin_)];
  const double t = std::max(time, cursor_time_);
  cursor_local_ = basin.sample_bridge(cursor_local_, t - cursor_time_, sojourn_exit_.last_local,
                                      exit_time_ - cursor_time_, bridge_rng_);
  cursor_time_ = t;
  return basin.states()[static_cast<std::size_t>(cursor_local_)];
}

bool Walker::advance_to_target(std::uint64_t max_events) {
  const std::uint64_t limit = events_ + max_events;
  while (std::isnan(first_passage_) && events_ < limit && exit_time_ < kInfinity) transition();
  return !std::isnan(first_passage_);
}

void Walker::step(std::uint64_t n) {
  for (std::uint64_t k = 0; k < n && exit_time_ < kInfinity; ++k) transition();
}

void Walker::transition() {
  if (sojourn_basin_ < 0 && rates_ != nullptr) {  // the hot path: chosen and prefetched on entry
    if (stressed_) {
      const std::uint32_t e = rates_->transition_at(record_, next_local_);
      strain_ += network_->activation_strain(e);
      work_ += model_->stress_at(exit_time_) * network_->activation_volume(e);
    }
    record_ = next_record_;
    enter(rates_->state_at(record_), exit_time_);
    return;
  }
  std::uint32_t e;
  if (sojourn_basin_ >= 0) {
    e = sojourn_exit_.transition;
    sojourn_basin_ = -1;
    ++basin_exits_;
  } else {
    e = select_time_dependent(exit_time_);
  }
  if (stressed_) {
    strain_ += network_->activation_strain(e);
    work_ += model_->stress_at(exit_time_) * network_->activation_volume(e);
  }
  const StateIndex next = network_->target(e);
  if (rates_ != nullptr) record_ = rates_->record_of(next);
  enter(next, exit_time_);
}

std::uint32_t Walker::select_time_dependent(double time) {
  const double total = model_->transition_rates(state_, time, scratch_rates_);
  double r = uniform01(rng_) * total;
  const std::uint32_t first = network_->first(state_);
  for (std::uint32_t k = 0; k + 1 < scratch_rates_.size(); ++k) {
    if (r < scratch_rates_[k]) return first + k;
    r -= scratch_rates_[k];
  }
  return first + static_cast<std::uint32_t>(scratch_rates_.size()) - 1;
}

void Walker::enter(StateIndex s, double time) {
  state_ = s;
  enter_time_ = time;
  ++events_;
  if (!visited(s)) {
    visited_[s / 64] |= std::uint64_t{1} << (s % 64);
    ++distinct_;
  }
  if (options_.target && s == *options_.target && std::isnan(first_passage_)) first_passage_ = time;
  if (options_.record_path) path_.emplace_back(time, s);
  if (basins_allowed_) {
    window_.push_back(s);
    if (window_.size() >= options_.flicker_window) detect_flicker();
  }
  sample_residence();
}

void Walker::sample_residence() {
  if (!basin_of_.empty()) {
    const auto it = basin_of_.find(state_);
    if (it != basin_of_.end()) {
      const Superbasin& basin = basins_[static_cast<std::size_t>(it->second)];
      sojourn_basin_ = it->second;
      cursor_local_ = basin.local(state_);
      cursor_time_ = enter_time_;
      sojourn_exit_ = basin.sample_exit(cursor_local_, rng_, *rates_);
      exit_time_ = enter_time_ + sojourn_exit_.duration;
      window_.clear();  // a basin crossing is not a flicker of plain states
      return;
    }
  }
  if (rates_ != nullptr) {
    sample_constant_residence();
  } else {
    exit_time_ = thinning_ ? sample_exit_time_thinned(*model_, state_, enter_time_, rng_)
                           : solve_exit_time(*model_, state_, enter_time_, unit_exponential(rng_));
  }
}

// Draws both random numbers of the event on entry: the transition is chosen at once and the
// record of its target prefetched, so that the next event's cache miss overlaps the logarithm
// and the bookkeeping of this one. Exact: at constant rates the choice is independent of the
// residence time.
void Walker::sample_constant_residence() {
  const double u = uniform01(rng_);
  const double hazard = unit_exponential(rng_);
  const double escape = rates_->escape_at(record_);
  if (!(escape > 0.0)) {
    exit_time_ = kInfinity;
    return;
  }
  next_local_ = rates_->select_at(record_, u);
  next_record_ = rates_->target_at(record_, next_local_);
  rates_->prefetch(next_record_);
  exit_time_ = enter_time_ + hazard / escape;
}

void Walker::detect_flicker() {
  // Collect the distinct states of the window, giving up as soon as there are too many: on a
  // landscape without traps that happens after ~max_basin_states hops, so detection stays cheap.
  std::vector<StateIndex> states;
  for (StateIndex s : window_) {
    if (std::find(states.begin(), states.end(), s) != states.end()) continue;
    states.push_back(s);
    if (states.size() > options_.max_basin_states) break;
  }
  window_.clear();
  if (states.size() < 2 || states.size() > options_.max_basin_states) return;
  std::sort(states.begin(), states.end());
  for (StateIndex s : states)
    if (basin_of_.count(s) || (options_.target && s == *options_.target)) return;
  auto basin = Superbasin::build(*network_, *rates_, states);
  if (!basin) return;
  const int id = static_cast<int>(basins_.size());
  for (StateIndex s : states) basin_of_[s] = id;
  basins_.push_back(std::move(*basin));
  basin_sets_.push_back(std::move(states));
}


}  // namespace glassland::kmc
