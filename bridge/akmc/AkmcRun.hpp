#pragma once
// The adaptive kMC loop: explore the current state (its event table), draw the residence time
// and the event from the rates of every saddle the catalog knows around it, move, repeat.
// New minima and saddles enter the catalog as they are found; a state met again reuses its
// table. The run state (position in the trajectory, random stream, tables) can be saved and
// restored exactly, so a resumed run continues the same trajectory.
// Units: the surface's energy and time units; kT in energy.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/akmc/Kinetics.hpp"
#include "bridge/akmc/StateExplorer.hpp"
#include "kmc/Random.hpp"

namespace glassland::bridge {

struct AkmcLimits {
  double time_max = 0.0;                   ///< stop at this simulated time (time unit)
  std::uint64_t events_max = UINT64_MAX;   ///< or after this many events
  double wall_seconds_max = 0.0;           ///< > 0: also stop after this much wall time (pipeline)
};

/// One row of trajectory.csv.
struct TrajectoryRow {
  std::uint64_t event = 0;
  double time = 0.0;            ///< after the event (time unit)
  double energy = 0.0;          ///< of the state entered (energy)
  double barrier = 0.0;         ///< of the saddle crossed (energy)
  double rate_total = 0.0;      ///< escape rate of the state left (1/time)
  int atoms_moved = 0;
  landscape::MinimumId state = landscape::kNoMinimum;  ///< state entered
  bool superbasin_exit = false;
  double kT = 0.0;              ///< at the event
};

class AkmcRun {
public:
  /// Starts at the known minimum `start` of `explorer`. Random numbers from (seed, stream 2).
  AkmcRun(StateExplorer& explorer, Kinetics kinetics, landscape::MinimumId start, std::uint64_t seed);

  /// Advances until a limit; calls `checkpoint` every `checkpoint_events` events (0: never) and
  /// whenever `checkpoint_seconds` of wall time have passed (0: never). Progress on stderr.
  void run(const AkmcLimits& limits, const std::function<void()>& checkpoint, std::uint64_t checkpoint_events,
           double checkpoint_seconds, bool progress);

  const std::vector<TrajectoryRow>& rows() const { return rows_; }
  double time() const { return time_; }
  landscape::MinimumId state() const { return state_; }
  landscape::MinimumId start() const { return start_; }
  const Kinetics& kinetics() const { return kinetics_; }
  /// Wall and CPU seconds spent in run() (including those of a resumed-from run).
  double wall_seconds() const;
  double cpu_seconds() const;
  /// The part of this process's CPU seconds spent on prefactors (Prefactors.hpp
  /// prefactor_cpu_seconds(), over the same span as cpu_seconds()).
  double prefactor_cpu_seconds() const;

  nlohmann::json to_json() const;
  void restore(const nlohmann::json& saved);

private:
  void step(const AkmcLimits& limits);
  void print_progress(const AkmcLimits& limits) const;

  StateExplorer& explorer_;
  Kinetics kinetics_;
  landscape::MinimumId start_, state_;
  std::optional<ArrivalStep> arrival_;
  kmc::Rng rng_;
  double time_ = 0.0;
  bool finished_ = false;
  std::vector<TrajectoryRow> rows_;
  double wall_before_ = 0.0, cpu_before_ = 0.0;  // from runs before a resume
  std::chrono::steady_clock::time_point started_;
  double cpu_started_ = 0.0;
  double prefactor_cpu_before_ = 0.0, prefactor_cpu_started_ = 0.0;
};

}  // namespace glassland::bridge
