#include "bridge/validate/EscapeSampler.hpp"

#include <cmath>
#include <random>

#include "bridge/validate/QuenchedMd.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

void EscapeSamplerOptions::validate() const {
  if (!(timestep > 0.0) || !std::isfinite(timestep)) throw InputError("timestep", "must be finite and > 0");
  if (!(damping > 0.0) || !std::isfinite(damping)) throw InputError("damping", "must be finite and > 0");
  if (quench_every < 1) throw InputError("quench_every", "must be >= 1");
  if (snapshots_per_interval < 1 || snapshots_per_interval > quench_every)
    throw InputError("snapshots_per_interval", "must be between 1 and quench_every");
  if (!(max_time > 0.0) || !std::isfinite(max_time)) throw InputError("max_time", "must be finite and > 0");
  if (persist_intervals < 0) throw InputError("persist_intervals", "must be >= 0");
  if (!(equilibration_time >= 0.0) || !std::isfinite(equilibration_time))
    throw InputError("equilibration_time", "must be finite and >= 0");
  if (!(skin > 0.0)) throw InputError("skin", "must be > 0");
  if (!(same.displacement > 0.0) || !(same.energy >= 0.0)) throw InputError("same", "tolerances must be > 0");
}

double EscapeSamplerOptions::resolution() const {
  return timestep * static_cast<double>(quench_every / snapshots_per_interval);
}

std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t temperature_index, std::uint64_t run,
                          std::uint64_t stream) {
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(temperature_index), static_cast<std::uint32_t>(run),
                         static_cast<std::uint32_t>(run >> 32), static_cast<std::uint32_t>(stream)};
  std::uint32_t words[2];
  sequence.generate(words, words + 2);
  return (static_cast<std::uint64_t>(words[0]) << 32) | words[1];
}

EscapeSampler::EscapeSampler(md::System prototype, md::PairPotential md_pair, md::PairPotential landscape_pair,
                             MinimumState start, EscapeSamplerOptions options)
    : prototype_(std::move(prototype)), md_pair_(std::move(md_pair)), landscape_pair_(std::move(landscape_pair)),
      start_(std::move(start)), options_(std::move(options)), space_(landscape::ConfigurationSpace::periodic(prototype_.box)) {
  options_.validate();
  if (start_.position.size() != static_cast<Eigen::Index>(3 * prototype_.size()))
    throw InputError("start", "minimum and system have different numbers of atoms");
  landscape::set_flat_positions(prototype_, start_.position);
}

namespace {

struct Snapshot {
  long step;
  Eigen::VectorXd x;
};

}  // namespace

EscapeRecord EscapeSampler::run(double temperature, std::uint64_t velocity_seed, std::uint64_t noise_seed) const {
  const EscapeSamplerOptions& o = options_;
  auto at_start = [&](const MinimumState& m) {
    return landscape::same_minimum(space_, m.position, m.energy, start_.position, start_.energy, o.same);
  };
  EscapeRecord record;
  // Warm-up: the run starts at the bottom of the well with kinetic energy only; the clock starts
  // once the thermostat has shared it out. A warm-up that ends outside the start minimum is
  // redrawn (exact for the escape-time law: an exponential forgets the time already spent).
  const long warmup_steps = static_cast<long>(std::ceil(o.equilibration_time / o.timestep));
  std::unique_ptr<QuenchedMd> run;
  for (long attempt = 0;; ++attempt) {
    run = std::make_unique<QuenchedMd>(prototype_, md_pair_, landscape_pair_, o, temperature,
                                       attempt == 0 ? velocity_seed : derive_seed(velocity_seed, 0, attempt, 0),
                                       attempt == 0 ? noise_seed : derive_seed(noise_seed, 0, attempt, 1));
    for (long k = 0; k < warmup_steps; ++k) run->step();
    record.md_steps += warmup_steps;
    if (warmup_steps == 0 || at_start(run->quench(run->positions()))) break;
    ++record.warmup_restarts;
    if (attempt >= 100)
      throw InputError("equilibration_time", "every warm-up of 100 left the start minimum: shorten the warm-up");
  }
  QuenchedMd& md = *run;
  md.restart_clock();
  const long max_steps = static_cast<long>(std::ceil(o.max_time / o.timestep));
  const long stride = std::max(1L, o.quench_every / o.snapshots_per_interval);
  std::vector<Snapshot> snapshots{{0, md.positions()}};
  while (md.steps() < max_steps) {
    md.step();
    const long s = md.steps();
    const bool check = s % o.quench_every == 0 || s == max_steps;
    if (s % stride == 0 || check) snapshots.push_back({s, md.positions()});
    if (!check) continue;
    MinimumState now = md.quench(snapshots.back().x);
    if (at_start(now)) {
      snapshots.erase(snapshots.begin(), snapshots.end() - 1);
      continue;
    }
    // The first snapshot outside the start minimum (the last one is known to be outside).
    std::size_t first = snapshots.size() - 1;
    MinimumState destination = now;
    for (std::size_t j = 1; j + 1 < snapshots.size(); ++j) {
      MinimumState m = md.quench(snapshots[j].x);
      if (!at_start(m)) {
        first = j;
        destination = std::move(m);
        break;
      }
    }
    bool returned = false;
    for (int p = 0; p < o.persist_intervals && !returned; ++p) {
      for (long k = 0; k < o.quench_every; ++k) md.step();
      returned = at_start(md.quench(md.positions()));
    }
    if (returned) {
      ++record.flickers;
      snapshots.assign(1, {md.steps(), md.positions()});
      continue;
    }
    record.escaped = true;
    record.time_low = static_cast<double>(snapshots[first - 1].step) * o.timestep;
    record.time_high = static_cast<double>(snapshots[first].step) * o.timestep;
    record.destination = std::move(destination);
    break;
  }
  if (!record.escaped) record.time_low = record.time_high = static_cast<double>(md.steps()) * o.timestep;
  record.md_steps += md.steps();
  record.quenches = md.quenches();
  return record;
}

namespace {

// The record's fields, listed once: S is ByteWriter (R const) to encode, ByteReader to decode.
template <class S, class R>
void record_fields(S& s, R& r) {
  transfer_fields(s, r.escaped, r.time_low, r.time_high, r.destination.position, r.destination.energy, r.flickers,
                  r.warmup_restarts, r.md_steps, r.quenches);
}

void encode_record(ByteWriter& w, const EscapeRecord& r) { record_fields(w, r); }

EscapeRecord decode_record(ByteReader& in) {
  EscapeRecord r;
  record_fields(in, r);
  return r;
}

}  // namespace

std::vector<std::vector<double>> distributed_curves(std::size_t count,
                                                    const std::function<std::vector<double>(std::size_t)>& task,
                                                    const std::function<void(std::size_t, std::size_t)>& progress) {
  return distributed_runs<std::vector<double>>(
      count, task,
      [](ByteWriter& w, const std::vector<double>& curve) {
        w.put_vector(Eigen::Map<const Eigen::VectorXd>(curve.data(), static_cast<Eigen::Index>(curve.size())));
      },
      [](ByteReader& in) {
        const Eigen::VectorXd v = in.get_vector();
        return std::vector<double>(v.data(), v.data() + v.size());
      },
      progress);
}

std::vector<EscapeRecord> EscapeSampler::run_many(double temperature, std::size_t runs, std::uint64_t seed,
                                                  std::uint64_t temperature_index,
                                                  const std::function<void(std::size_t, std::size_t)>& progress) const {
  return distributed_runs<EscapeRecord>(
      runs,
      [&](std::size_t r) {
        return run(temperature, derive_seed(seed, temperature_index, r, 0), derive_seed(seed, temperature_index, r, 1));
      },
      encode_record, decode_record, progress);
}

std::vector<double> EscapeSampler::relaxation_grid(double time_max) const {
  const double spacing = static_cast<double>(options_.quench_every) * options_.timestep;
  std::vector<double> grid;
  for (long g = 0; static_cast<double>(g) * spacing <= time_max * (1.0 + 1e-12); ++g)
    grid.push_back(static_cast<double>(g) * spacing);
  return grid;
}

std::vector<double> EscapeSampler::relaxation_curve(double temperature, double time_max, std::uint64_t velocity_seed,
                                                    std::uint64_t noise_seed) const {
  QuenchedMd md(prototype_, md_pair_, landscape_pair_, options_, temperature, velocity_seed, noise_seed);
  const std::size_t points = relaxation_grid(time_max).size();
  std::vector<double> energies{start_.energy};
  while (energies.size() < points) {
    for (long k = 0; k < options_.quench_every; ++k) md.step();
    energies.push_back(md.quench(md.positions()).energy);
  }
  return energies;
}

std::vector<std::vector<double>> EscapeSampler::relaxation_many(
    double temperature, double time_max, std::size_t runs, std::uint64_t seed, std::uint64_t temperature_index,
    const std::function<void(std::size_t, std::size_t)>& progress) const {
  return distributed_curves(
      runs,
      [&](std::size_t r) {
        return relaxation_curve(temperature, time_max, derive_seed(seed, temperature_index, r, 2),
                                derive_seed(seed, temperature_index, r, 3));
      },
      progress);
}

}  // namespace glassland::bridge
