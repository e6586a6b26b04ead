#pragma once
// Direct-MD escape statistics from one minimum (the MD side of `glassland validate`).
//
// One run: the atoms start at the minimum with fresh Maxwell–Boltzmann velocities at T and are
// thermostatted for equilibration_time (the potential energy starts at its minimum, so the run
// reaches T only after a few damping times); a warm-up that ends outside the start minimum is
// redrawn. The clock starts after it: MD under the thermostat, a snapshot every
// quench_every / snapshots_per_interval steps, a quench every quench_every steps. When the
// quench is no longer the start minimum (landscape::same_minimum: energy and largest atomic
// displacement with the rigid drift removed), the stored snapshots of that interval are
// quenched in time order to find the first one outside: the escape happened in
// (t_{j-1}, t_j], one snapshot spacing wide (the estimator treats it as interval-censored).
// Recrossings: the run continues for `persist_intervals` more quench intervals; if any of
// their quenches is the start minimum again, the excursion is a flicker (counted, not an
// escape) and the run goes on from there. Otherwise the destination is the minimum of the
// first snapshot outside (the first minimum entered). Runs that reach max_time without an
// escape are right-censored.
//
// Dynamics use `md_pair`; quenches use `landscape_pair` (a smooth variant, so quenches
// converge tightly and minima are comparable with saddle-search results).
// Units: the system's (md/Units.hpp): time, temperature in its temperature unit.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bridge/akmc/Bytes.hpp"
#include "bridge/akmc/Distributed.hpp"
#include "bridge/validate/EscapeTable.hpp"
#include "landscape/ConfigurationSpace.hpp"
#include "landscape/InherentStructure.hpp"
#include "md/PairPotential.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

struct EscapeSamplerOptions {
  std::string ensemble = "nvt-langevin";  ///< md/IntegratorRegistry name (nvt-langevin, nvt-nh)
  double timestep = 0.005;                ///< dt (time)
  double damping = 1.0;                   ///< thermostat damping time (time)
  long quench_every = 100;                ///< K: MD steps between quenches
  int snapshots_per_interval = 10;        ///< snapshots per quench interval (time resolution K dt / this)
  double max_time = 1000.0;               ///< a run without escape stops here (time)
  int persist_intervals = 1;              ///< quench intervals an escape must persist (0: none)
  double equilibration_time = 10.0;       ///< warm-up before the clock starts (time; >= 2 damping)
  double skin = 0.3;                      ///< neighbour skin (length)
  landscape::QuenchOptions quench;
  landscape::SameMinimumTolerance same;
  /// Throws InputError naming the field.
  void validate() const;
  /// Time between snapshots: the resolution of escape times (time).
  double resolution() const;
};

struct EscapeRecord {
  bool escaped = false;
  double time_low = 0.0;   ///< escape after this time (time); censoring time if !escaped
  double time_high = 0.0;  ///< and no later than this (time)
  MinimumState destination;  ///< first minimum entered (empty position if !escaped)
  int flickers = 0;        ///< excursions that came back within the persistence window
  int warmup_restarts = 0; ///< warm-ups that ended outside the start minimum (redrawn)
  long md_steps = 0;
  long quenches = 0;
};

class EscapeSampler {
public:
  /// `prototype`: atoms, types, masses and box; its positions are replaced by `start`.
  EscapeSampler(md::System prototype, md::PairPotential md_pair, md::PairPotential landscape_pair,
                MinimumState start, EscapeSamplerOptions options);

  /// One run at `temperature`: velocities drawn with `velocity_seed`, thermostat noise with
  /// `noise_seed`. Deterministic for given seeds.
  EscapeRecord run(double temperature, std::uint64_t velocity_seed, std::uint64_t noise_seed) const;

  /// `runs` independent runs over MPI ranks and OpenMP threads (distributed_runs below). Run r
  /// draws its seeds from (seed, temperature_index, r), so the result does not depend on the
  /// number of ranks or threads. `progress(done, runs)` as in distributed_runs.
  std::vector<EscapeRecord> run_many(double temperature, std::size_t runs, std::uint64_t seed,
                                     std::uint64_t temperature_index,
                                     const std::function<void(std::size_t, std::size_t)>& progress = {}) const;

  /// E_IS(t) of one run at `temperature`: inherent-structure energies at t_g = g K dt for
  /// g = 0 .. relaxation_points(time_max) - 1 (K = quench_every), no escape logic (energy).
  std::vector<double> relaxation_curve(double temperature, double time_max, std::uint64_t velocity_seed,
                                       std::uint64_t noise_seed) const;
  /// `runs` curves in parallel, seeded like run_many (streams 2 and 3).
  std::vector<std::vector<double>> relaxation_many(double temperature, double time_max, std::size_t runs,
                                                   std::uint64_t seed, std::uint64_t temperature_index,
                                                   const std::function<void(std::size_t, std::size_t)>& progress = {}) const;
  /// The common time grid t_g = g K dt up to time_max (time).
  std::vector<double> relaxation_grid(double time_max) const;

  const MinimumState& start() const { return start_; }
  const landscape::ConfigurationSpace& space() const { return space_; }
  const EscapeSamplerOptions& options() const { return options_; }

private:
  md::System prototype_;
  md::PairPotential md_pair_, landscape_pair_;
  MinimumState start_;
  EscapeSamplerOptions options_;
  landscape::ConfigurationSpace space_;
};

/// Seed of stream `stream` of run `run` at temperature index `temperature_index` (std::seed_seq
/// over all four, so nearby seeds give unrelated streams).
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t temperature_index, std::uint64_t run,
                          std::uint64_t stream);

/// Runs `task(r)` for r in [0, count) over MPI ranks (run r on rank r % size) and OpenMP
/// threads (bridge/akmc/Distributed.hpp: engine_threads() per rank, force loops inside a run
/// on one thread) and returns every result on every rank, in run order. `progress(done, mine)`
/// is called on rank 0 after each of its own runs (serialized; `mine`: the runs rank 0 owns).
/// The first exception thrown by a task is rethrown after the loop.
template <class T>
std::vector<T> distributed_runs(std::size_t count, const std::function<T(std::size_t)>& task,
                                const std::function<void(ByteWriter&, const T&)>& encode,
                                const std::function<T(ByteReader&)>& decode,
                                const std::function<void(std::size_t, std::size_t)>& progress) {
  const Ranks& ranks = Ranks::world();
  const bool root = ranks.root();
  const std::size_t size = static_cast<std::size_t>(ranks.size());
  const std::size_t mine = (count + size - 1) / size;  // rank 0 owns runs 0, size, 2 size, ...
  std::size_t done = 0;
  return run_distributed<T>(
      static_cast<int>(count),
      [&](int r) {
        T result = task(static_cast<std::size_t>(r));
        if (root && progress) {
#pragma omp critical(glassland_distributed_runs)
          progress(++done, mine);
        }
        return result;
      },
      encode, decode);
}

/// E_IS(t) curves over ranks and threads (distributed_runs of std::vector<double>).
std::vector<std::vector<double>> distributed_curves(std::size_t count,
                                                    const std::function<std::vector<double>(std::size_t)>& task,
                                                    const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace glassland::bridge
