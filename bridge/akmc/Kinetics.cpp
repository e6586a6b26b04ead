#include "bridge/akmc/Kinetics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kmc/Superbasin.hpp"
#include "kmc/Thinning.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

Kinetics::Kinetics(md::TemperatureSchedule kT, KineticsOptions options)
    : schedule_(std::move(kT)), options_(options) {
  for (const auto& p : schedule_.points())
    if (!(p.temperature > 0.0)) throw InputError("temperature", "must be > 0 at every time");
}

bool Kinetics::homogeneous() const { return schedule_.points().size() == 1; }

void Kinetics::refresh(const landscape::Catalog& catalog) {
  const std::pair<std::size_t, std::size_t> size{catalog.minimum_count(), catalog.saddle_count()};
  if (network_ && size == built_for_) return;
  rates_.reset();
  model_.reset();
  network_ = std::make_unique<kmc::RateNetwork>(kmc::RateNetwork::from_catalog(catalog));
  model_ = std::make_unique<kmc::RateModel>(*network_, schedule_);
  if (model_->homogeneous()) rates_ = std::make_unique<kmc::ConstantRates>(*model_);
  built_for_ = size;
}

Hop Kinetics::next(const landscape::Catalog& catalog, landscape::MinimumId state, double time, double time_max,
                   kmc::Rng& rng, const std::function<bool(landscape::MinimumId)>& explored) {
  refresh(catalog);
  if (options_.superbasins && rates_)
    for (const auto& basin : basins_)
      if (std::find(basin.begin(), basin.end(), state) != basin.end() &&
          std::all_of(basin.begin(), basin.end(), explored))
        return basin_exit(catalog, basin, state, time, time_max, rng);
  return plain_hop(catalog, network_->require_state(state, "akmc"), time, time_max, rng);
}

Hop Kinetics::plain_hop(const landscape::Catalog& catalog, kmc::StateIndex s, double time, double time_max,
                        kmc::Rng& rng) {
  double exit_time;
  std::uint32_t transition = 0;
  double total;
  if (rates_) {
    total = rates_->escape(s);
    exit_time = total > 0.0 ? time + kmc::unit_exponential(rng) / total : std::numeric_limits<double>::infinity();
    if (exit_time <= time_max) {
      const auto record = rates_->record_of(s);
      transition = rates_->transition_at(record, rates_->select_at(record, kmc::uniform01(rng)));
    }
  } else {
    exit_time = kmc::sample_exit_time_thinned(*model_, s, time, rng);
    total = model_->transition_rates(s, std::min(exit_time, time_max), scratch_);
    if (exit_time <= time_max) {
      double r = kmc::uniform01(rng) * total;
      std::uint32_t k = 0;
      while (k + 1 < scratch_.size() && !(r < scratch_[k])) r -= scratch_[k++];
      transition = network_->first(s) + k;
    }
  }
  if (!(exit_time <= time_max)) {
    Hop none;
    none.time = time_max;
    none.rate_total = total;
    return none;
  }
  Hop hop = describe(catalog, transition, exit_time);
  hop.rate_total = total;
  return hop;
}

Hop Kinetics::basin_exit(const landscape::Catalog& catalog, const std::vector<landscape::MinimumId>& basin,
                         landscape::MinimumId state, double time, double time_max, kmc::Rng& rng) {
  std::vector<kmc::StateIndex> members;
  for (auto id : basin) members.push_back(network_->require_state(id, "akmc"));
  const std::optional<kmc::Superbasin> sb = kmc::Superbasin::build(*network_, *rates_, members);
  if (!sb) return plain_hop(catalog, network_->require_state(state, "akmc"), time, time_max, rng);
  const kmc::Superbasin::Exit exit = sb->sample_exit(sb->local(network_->require_state(state, "akmc")), rng, *rates_);
  if (!(time + exit.duration <= time_max)) {
    Hop none;
    none.time = time_max;
    return none;
  }
  Hop hop = describe(catalog, exit.transition, time + exit.duration);
  hop.superbasin_exit = true;
  hop.rate_total = rates_->escape(members[static_cast<std::size_t>(exit.last_local)]);
  ++exits_;
  window_.clear();
  return hop;
}

Hop Kinetics::describe(const landscape::Catalog& catalog, std::uint32_t transition, double time) const {
  Hop hop;
  hop.happened = true;
  hop.time = time;
  hop.to = network_->id_of(network_->target(transition));
  hop.from = network_->id_of(network_->target(network_->reverse(transition)));
  hop.barrier = network_->barrier(transition);
  const double saddle_energy = network_->energy(network_->target(network_->reverse(transition))) + hop.barrier;
  const auto found = catalog.find_saddle(hop.from, hop.to, saddle_energy, landscape::DedupTolerance{1e-9});
  if (!found) throw InternalError("the saddle of a network transition is not in the catalog");
  hop.saddle = *found;
  return hop;
}

void Kinetics::record(landscape::MinimumId state) {
  if (!options_.superbasins || !homogeneous()) return;
  window_.push_back(state);
  if (window_.size() < options_.flicker_window) return;
  std::set<landscape::MinimumId> distinct(window_.begin(), window_.end());
  window_.clear();
  if (distinct.size() < 2 || distinct.size() > options_.max_basin_states) return;
  const std::vector<landscape::MinimumId> basin(distinct.begin(), distinct.end());
  // A state belongs to at most one basin: the newer, larger set replaces overlapping ones.
  std::erase_if(basins_, [&](const auto& b) {
    return std::any_of(b.begin(), b.end(), [&](auto id) { return distinct.count(id) != 0; });
  });
  basins_.push_back(basin);
}

nlohmann::json Kinetics::to_json() const {
  return {{"window", window_}, {"basins", basins_}, {"exits", exits_}};
}

void Kinetics::restore(const nlohmann::json& saved) {
  window_ = saved.at("window").get<std::vector<landscape::MinimumId>>();
  basins_ = saved.at("basins").get<std::vector<std::vector<landscape::MinimumId>>>();
  exits_ = saved.at("exits").get<std::uint64_t>();
}

}  // namespace glassland::bridge
