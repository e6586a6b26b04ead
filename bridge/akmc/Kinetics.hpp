#pragma once
// The kinetic step of aKMC on the growing catalog: rates k = nu exp(-dE/kT(t)) of every saddle
// the catalog knows around the current state (kmc/RateNetwork, kmc/RateModel), the residence
// time drawn exactly (exponential at constant kT, thinning under a schedule: kmc/Thinning.hpp),
// and the event chosen in proportion to its rate at that time (BKL). Flickers: every
// `flicker_window` hops, if they visited at most `max_basin_states` explored states, the set
// becomes a superbasin whose exit is sampled exactly from the absorbing Markov chain
// (kmc/Superbasin.hpp), at constant temperature only.
// Times in the catalog's time unit, kT in its energy unit.
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kmc/ConstantRates.hpp"
#include "kmc/Random.hpp"
#include "kmc/RateModel.hpp"
#include "landscape/Catalog.hpp"
#include "md/TemperatureSchedule.hpp"

namespace glassland::bridge {

struct KineticsOptions {
  bool superbasins = true;
  std::size_t flicker_window = 64;   ///< hops examined per detection
  std::size_t max_basin_states = 8;  ///< at most this many distinct states in a window => basin
};

struct Hop {
  bool happened = false;             ///< false: no event before t_max (or rates vanished)
  landscape::MinimumId to = landscape::kNoMinimum;
  std::size_t saddle = 0;            ///< catalog index of the saddle crossed (last one of a basin exit)
  double time = 0.0;                 ///< time of the hop (time unit)
  double barrier = 0.0;              ///< of the saddle crossed, from the state left (energy)
  double rate_total = 0.0;           ///< escape rate of the state (or basin) left at the hop (1/time)
  bool superbasin_exit = false;
  landscape::MinimumId from = landscape::kNoMinimum;  ///< state the hop left (basin member for exits)
};

class Kinetics {
public:
  /// `kT` in the catalog's energy unit; validated by RateModel (InputError "--temperature").
  Kinetics(md::TemperatureSchedule kT, KineticsOptions options);

  /// Next hop out of `state` entered at `time`; `explored` says which states have complete tables.
  Hop next(const landscape::Catalog& catalog, landscape::MinimumId state, double time, double time_max,
           kmc::Rng& rng, const std::function<bool(landscape::MinimumId)>& explored);
  /// Records a hop taken (flicker detection).
  void record(landscape::MinimumId state);
  std::uint64_t superbasin_exits() const { return exits_; }
  bool homogeneous() const;
  double kT_at(double time) const { return schedule_.temperature_at(time); }

  nlohmann::json to_json() const;
  void restore(const nlohmann::json& saved);

private:
  void refresh(const landscape::Catalog& catalog);
  Hop plain_hop(const landscape::Catalog& catalog, kmc::StateIndex s, double time, double time_max, kmc::Rng& rng);
  Hop basin_exit(const landscape::Catalog& catalog, const std::vector<landscape::MinimumId>& basin,
                 landscape::MinimumId state, double time, double time_max, kmc::Rng& rng);
  Hop describe(const landscape::Catalog& catalog, std::uint32_t transition, double time) const;

  md::TemperatureSchedule schedule_;
  KineticsOptions options_;
  std::pair<std::size_t, std::size_t> built_for_{0, 0};  // catalog (minima, saddles) of the network
  std::unique_ptr<kmc::RateNetwork> network_;
  std::unique_ptr<kmc::RateModel> model_;
  std::unique_ptr<kmc::ConstantRates> rates_;
  std::vector<landscape::MinimumId> window_;
  std::vector<std::vector<landscape::MinimumId>> basins_;
  std::uint64_t exits_ = 0;
  std::vector<double> scratch_;
};

}  // namespace glassland::bridge
