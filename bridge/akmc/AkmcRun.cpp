#include "bridge/akmc/AkmcRun.hpp"

#include <cmath>
#include <ctime>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "bridge/akmc/Prefactors.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {

double process_cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

AkmcRun::AkmcRun(StateExplorer& explorer, Kinetics kinetics, landscape::MinimumId start, std::uint64_t seed)
    : explorer_(explorer), kinetics_(std::move(kinetics)), start_(start), state_(start),
      rng_(kmc::make_run_rng(seed, 0, 2)), started_(std::chrono::steady_clock::now()),
      cpu_started_(process_cpu_seconds()), prefactor_cpu_started_(bridge::prefactor_cpu_seconds()) {}

double AkmcRun::wall_seconds() const {
  return wall_before_ + std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}
double AkmcRun::cpu_seconds() const { return cpu_before_ + process_cpu_seconds() - cpu_started_; }
double AkmcRun::prefactor_cpu_seconds() const {
  return prefactor_cpu_before_ + bridge::prefactor_cpu_seconds() - prefactor_cpu_started_;
}

void AkmcRun::run(const AkmcLimits& limits, const std::function<void()>& checkpoint, std::uint64_t checkpoint_events,
                  double checkpoint_seconds, bool progress) {
  started_ = std::chrono::steady_clock::now();
  cpu_started_ = process_cpu_seconds();
  prefactor_cpu_started_ = bridge::prefactor_cpu_seconds();
  auto last_checkpoint = started_;
  auto last_progress = started_;
  while (!finished_ && time_ < limits.time_max && rows_.size() < limits.events_max) {
    if (limits.wall_seconds_max > 0.0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count() > limits.wall_seconds_max)
      break;
    step(limits);
    const auto now = std::chrono::steady_clock::now();
    const bool by_events = checkpoint_events > 0 && !rows_.empty() && rows_.size() % checkpoint_events == 0;
    const bool by_time =
        checkpoint_seconds > 0.0 && std::chrono::duration<double>(now - last_checkpoint).count() >= checkpoint_seconds;
    if (checkpoint && (by_events || by_time)) {
      checkpoint();
      last_checkpoint = now;
    }
    if (progress && std::chrono::duration<double>(now - last_progress).count() >= 2.0) {
      print_progress(limits);
      last_progress = now;
    }
  }
  if (progress) print_progress(limits);
}

void AkmcRun::step(const AkmcLimits& limits) {
  const double kT = kinetics_.kT_at(time_);
  explorer_.explore(state_, kT, arrival_);
  const Hop hop = kinetics_.next(explorer_.catalog(), state_, time_, limits.time_max, rng_,
                                 [this](landscape::MinimumId id) { return explorer_.explored(id); });
  if (!hop.happened) {
    time_ = limits.time_max;
    finished_ = !std::isfinite(hop.time) || hop.time >= limits.time_max;
    return;
  }
  const landscape::Saddle& saddle = explorer_.catalog().saddle(hop.saddle);
  TrajectoryRow row;
  row.event = rows_.size() + 1;
  row.time = hop.time;
  row.energy = explorer_.energy(hop.to);
  row.barrier = hop.barrier;
  row.rate_total = hop.rate_total;
  row.atoms_moved = static_cast<int>(saddle.atoms.size());
  row.state = hop.to;
  row.superbasin_exit = hop.superbasin_exit;
  row.kT = kinetics_.kT_at(hop.time);
  rows_.push_back(row);
  arrival_ = ArrivalStep{hop.from, hop.saddle, std::vector<int>(saddle.atoms.begin(), saddle.atoms.end())};
  kinetics_.record(hop.to);
  state_ = hop.to;
  time_ = hop.time;
}

void AkmcRun::print_progress(const AkmcLimits& limits) const {
  const double wall = wall_seconds();
  // ETA from the fraction done in events or in log simulated time, whichever is further along.
  double done = limits.events_max < UINT64_MAX ? static_cast<double>(rows_.size()) / static_cast<double>(limits.events_max) : 0.0;
  if (time_ > 0.0 && limits.time_max > 0.0) done = std::max(done, time_ / limits.time_max);
  const std::string eta = done > 0.0 && done < 1.0 ? fmt::format("{:.0f} s", wall * (1.0 - done) / done) : "-";
  const ExplorationTotals& t = explorer_.totals();
  std::cerr << fmt::format("akmc: events {}, time {:.4g} of {:.4g}, states {} (explored {}), searches {}, "
                           "superbasin exits {}, wall {:.0f} s, ETA {}\n",
                           rows_.size(), time_, limits.time_max, explorer_.state_count(), t.tables, t.searches,
                           kinetics_.superbasin_exits(), wall, eta);
}

nlohmann::json AkmcRun::to_json() const {
  std::ostringstream rng;
  rng << rng_;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : rows_)
    rows.push_back({r.event, fmt::format("{:a}", r.time), r.energy, r.barrier, r.rate_total, r.atoms_moved, r.state,
                    r.superbasin_exit, r.kT});
  nlohmann::json arrival = nullptr;
  if (arrival_) arrival = {arrival_->previous, arrival_->saddle, arrival_->moved_atoms};
  return {{"start", start_},     {"state", state_},         {"time", fmt::format("{:a}", time_)},
          {"finished", finished_}, {"rng", rng.str()},       {"rows", rows},
          {"arrival", arrival},  {"kinetics", kinetics_.to_json()}, {"wall_seconds", wall_seconds()},
          {"cpu_seconds", cpu_seconds()}, {"prefactor_cpu_seconds", prefactor_cpu_seconds()}};
}

void AkmcRun::restore(const nlohmann::json& saved) {
  const auto hex = [](const nlohmann::json& j) { return std::strtod(j.get<std::string>().c_str(), nullptr); };
  start_ = saved.at("start").get<landscape::MinimumId>();
  state_ = saved.at("state").get<landscape::MinimumId>();
  time_ = hex(saved.at("time"));
  finished_ = saved.at("finished").get<bool>();
  std::istringstream rng(saved.at("rng").get<std::string>());
  rng >> rng_;
  if (!rng) throw InputError("rng", "corrupt random-number state");
  rows_.clear();
  for (const auto& r : saved.at("rows"))
    rows_.push_back({r.at(0).get<std::uint64_t>(), hex(r.at(1)), r.at(2).get<double>(), r.at(3).get<double>(),
                     r.at(4).get<double>(), r.at(5).get<int>(), r.at(6).get<landscape::MinimumId>(),
                     r.at(7).get<bool>(), r.at(8).get<double>()});
  arrival_.reset();
  if (!saved.at("arrival").is_null()) {
    const auto& a = saved.at("arrival");
    arrival_ = ArrivalStep{a.at(0).get<landscape::MinimumId>(), a.at(1).get<std::size_t>(),
                           a.at(2).get<std::vector<int>>()};
  }
  kinetics_.restore(saved.at("kinetics"));
  wall_before_ = saved.at("wall_seconds").get<double>();
  cpu_before_ = saved.at("cpu_seconds").get<double>();
  prefactor_cpu_before_ = saved.value("prefactor_cpu_seconds", 0.0);  // absent in older checkpoints
}

}  // namespace glassland::bridge
