#pragma once
// Independent kMC runs in parallel (OpenMP) and their statistics. Run r uses the random streams
// make_run_rng(seed, r, ...), and results are gathered in run order, so they do not depend on
// the number of threads. Long ensembles report progress on stderr and, with a checkpoint path,
// save the records of finished runs atomically so a killed ensemble resumes where it stopped
// (unfinished runs are redone from their seed, giving the same result as an uninterrupted run).
#include <limits>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kmc/Walker.hpp"

namespace glassland::kmc {

struct EnsembleSpec {
  StateIndex start = 0;
  std::vector<double> times;            ///< observation times (time unit), any order, >= 0
  std::size_t runs = 1;
  std::uint64_t seed = 0;
  std::optional<StateIndex> target;     ///< record first-passage times to this state
  WalkerOptions walker;                 ///< (its target is set from `target`)
  std::uint64_t max_events_per_run = 1000000000ULL;  ///< safety cap for first passages
  std::string checkpoint_path;          ///< "" = no checkpoint
  double checkpoint_seconds = 30.0;     ///< wall time between checkpoint writes
  std::string signature;                ///< identifies the run in its checkpoint (protocol, catalog)
  bool progress = true;                 ///< progress lines on stderr for runs > 2 s
};

/// What one run observed.
struct RunRecord {
  std::vector<StateIndex> states;   ///< state at each requested time (input order)
  std::vector<double> strain;       ///< accumulated strain at each requested time
  std::vector<double> work;         ///< accumulated work sigma*V (energy) at each requested time
  double first_passage = 0.0;       ///< NaN if the target was not reached
  std::uint64_t events = 0;
  std::uint64_t superbasin_exits = 0;
  std::size_t distinct_states = 0;
  double capped_at_time = std::numeric_limits<double>::quiet_NaN();  ///< time not reached within max_events (run discarded)
};

struct MeanAndError {
  double mean = 0.0;
  double standard_error = 0.0;  ///< sample standard deviation / sqrt(n) (0 for n < 2)
  std::size_t count = 0;
};
MeanAndError mean_and_error(const std::vector<double>& values);

struct EnsembleResult {
  std::vector<RunRecord> runs;
  double wall_seconds = 0.0;
};

/// Runs the ensemble. `rates` must be the model's ConstantRates when it is homogeneous.
/// Throws InputError("target") if the target cannot be reached from the start and
/// InputError("times") for negative or non-finite times.
EnsembleResult run_ensemble(const RateModel& model, const ConstantRates* rates, const EnsembleSpec& spec);

/// The command-line summary: occupancy (per requested time, state id -> fraction), energy and
/// strain means with standard errors, events, distinct states, and mfpt/mfpt_stderr with a target.
nlohmann::json summarize(const RateNetwork& network, const EnsembleSpec& spec, const EnsembleResult& result);

}  // namespace glassland::kmc
