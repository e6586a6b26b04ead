#include "kmc/Ensemble.hpp"

#include "kmc/JsonMessage.hpp"

#include <algorithm>
#include <charconv>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>

#include "md/AtomicFile.hpp"
#include "md/Error.hpp"

namespace glassland::kmc {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

RunRecord run_one(const RateModel& model, const ConstantRates* rates, const EnsembleSpec& spec, std::size_t r) {
  WalkerOptions options = spec.walker;
  options.target = spec.target;
  options.max_events = spec.max_events_per_run;
  Walker walker(model, rates, spec.start, spec.seed, r, options);
  RunRecord record;
  record.states.resize(spec.times.size());
  record.strain.resize(spec.times.size());
  record.work.resize(spec.times.size());
  std::vector<std::size_t> order(spec.times.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return spec.times[a] < spec.times[b]; });
  for (std::size_t i : order) {
    record.states[i] = walker.advance_to(spec.times[i]);
    if (walker.next_transition_time() <= spec.times[i]) {  // stopped by the event cap
      record.capped_at_time = spec.times[i];
      return record;
    }
    record.strain[i] = walker.strain();
    record.work[i] = walker.work();
  }
  if (spec.target) walker.advance_to_target(spec.max_events_per_run);
  record.first_passage = walker.first_passage_time();
  record.events = walker.events();
  record.superbasin_exits = walker.superbasin_exits();
  record.distinct_states = walker.distinct_states();
  return record;
}

nlohmann::json record_to_json(const RunRecord& r) {
  return {{"states", r.states}, {"strain", r.strain}, {"work", r.work},
          {"first_passage", std::isnan(r.first_passage) ? nlohmann::json(nullptr) : nlohmann::json(r.first_passage)},
          {"events", r.events}, {"superbasin_exits", r.superbasin_exits}, {"distinct_states", r.distinct_states}};
}

// A checkpoint is user input: every record must fit this run (its times and its network),
// or a resumed run would report phantom states.
RunRecord record_from_json(const nlohmann::json& j, const std::string& where, std::size_t time_count,
                           std::size_t state_count) {
  RunRecord r;
  r.states = j.at("states").get<std::vector<StateIndex>>();
  r.strain = j.at("strain").get<std::vector<double>>();
  r.work = j.at("work").get<std::vector<double>>();
  r.first_passage = j.at("first_passage").is_null() ? NAN : j.at("first_passage").get<double>();
  r.events = j.at("events").get<std::uint64_t>();
  r.superbasin_exits = j.at("superbasin_exits").get<std::uint64_t>();
  r.distinct_states = j.at("distinct_states").get<std::size_t>();
  if (r.states.size() != time_count || r.strain.size() != time_count || r.work.size() != time_count)
    throw InputError(where, "records: a run has " + std::to_string(r.states.size()) + " states for " +
                                std::to_string(time_count) + " output times");
  for (const StateIndex s : r.states)
    if (s >= state_count) throw InputError(where, "records: state index " + std::to_string(s) + " out of range");
  for (std::size_t i = 0; i < time_count; ++i)
    if (!std::isfinite(r.strain[i]) || !std::isfinite(r.work[i])) throw InputError(where, "records: non-finite strain or work");
  return r;
}

void save_checkpoint(const EnsembleSpec& spec, const std::vector<std::optional<RunRecord>>& done) {
  nlohmann::json j = {{"format", "glassland-kmc-ensemble-checkpoint 1"}, {"signature", spec.signature}};
  nlohmann::json records = nlohmann::json::object();
  for (std::size_t r = 0; r < done.size(); ++r)
    if (done[r]) records[std::to_string(r)] = record_to_json(*done[r]);
  j["records"] = records;
  write_file_atomically(spec.checkpoint_path, [&](std::ostream& out) { out << j.dump() << '\n'; });
}

void load_checkpoint(const EnsembleSpec& spec, std::size_t state_count, std::vector<std::optional<RunRecord>>& done) {
  std::ifstream in(spec.checkpoint_path);
  if (!in) return;  // no checkpoint yet: start from scratch
  const std::string where = spec.checkpoint_path;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (j.at("format") != "glassland-kmc-ensemble-checkpoint 1") throw InputError(where, "not a kmc checkpoint");
    if (j.at("signature") != spec.signature)
      throw InputError(where, "checkpoint belongs to a different run (catalog, protocol or options differ)");
    for (const auto& [key, value] : j.at("records").items()) {
      std::size_t r = 0;
      const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), r);
      if (error != std::errc{} || end != key.data() + key.size() || r >= done.size())
        throw InputError(where, "records: run index '" + key + "' out of range");
      done[r] = record_from_json(value, where, spec.times.size(), state_count);
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(where, "corrupt checkpoint: " + json_error_text(e));
  }
}

}  // namespace

MeanAndError mean_and_error(const std::vector<double>& values) {
  MeanAndError m;
  m.count = values.size();
  if (values.empty()) return m;
  m.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  if (values.size() < 2) return m;
  double ss = 0.0;
  for (double v : values) ss += (v - m.mean) * (v - m.mean);
  const double n = static_cast<double>(values.size());
  m.standard_error = std::sqrt(ss / (n - 1.0) / n);
  return m;
}

EnsembleResult run_ensemble(const RateModel& model, const ConstantRates* rates, const EnsembleSpec& spec) {
  for (double t : spec.times)
    if (!std::isfinite(t) || t < 0.0) throw InputError("times", "times must be finite and >= 0");
  if (spec.runs == 0) throw InputError("runs", "must be >= 1");
  if (spec.target && !model.network().reachable(spec.start, *spec.target))
    throw InputError("target", "state " + std::to_string(model.network().id_of(*spec.target)) +
                                     " cannot be reached from the start state");
  const auto start = Clock::now();
  std::vector<std::optional<RunRecord>> done(spec.runs);
  if (!spec.checkpoint_path.empty()) load_checkpoint(spec, model.network().state_count(), done);
  std::atomic<std::size_t> finished{static_cast<std::size_t>(std::count_if(done.begin(), done.end(), [](auto& d) { return d.has_value(); }))};
  auto last_report = Clock::now();
  auto last_checkpoint = Clock::now();
  const auto runs = static_cast<long>(spec.runs);
  std::atomic<double> capped_at{NAN};  // exceptions must not leave the parallel loop
#pragma omp parallel for schedule(dynamic, 1)
  for (long r = 0; r < runs; ++r) {
    if (done[static_cast<std::size_t>(r)] || !std::isnan(capped_at.load())) continue;
    RunRecord record = run_one(model, rates, spec, static_cast<std::size_t>(r));
    if (!std::isnan(record.capped_at_time)) {
      capped_at = record.capped_at_time;
      continue;
    }
#pragma omp critical(glassland_kmc_ensemble)
    {
      done[static_cast<std::size_t>(r)] = std::move(record);
      ++finished;
      if (spec.progress && seconds_since(last_report) > 2.0) {
        std::cerr << "kmc: " << finished << "/" << spec.runs << " runs, " << seconds_since(start) << " s" << std::endl;
        last_report = Clock::now();
      }
      if (!spec.checkpoint_path.empty() && seconds_since(last_checkpoint) > spec.checkpoint_seconds) {
        save_checkpoint(spec, done);
        last_checkpoint = Clock::now();
      }
    }
  }
  if (!std::isnan(capped_at.load())) {
    std::ostringstream what;
    what << "a run made " << spec.max_events_per_run << " transitions before t = " << capped_at.load()
         << " (raise the cap, shorten the observation times or keep superbasin acceleration on)";
    throw InputError("max_events_per_run", what.str());
  }
  if (!spec.checkpoint_path.empty()) save_checkpoint(spec, done);
  EnsembleResult result;
  for (auto& d : done) result.runs.push_back(std::move(*d));
  result.wall_seconds = seconds_since(start);
  return result;
}

nlohmann::json summarize(const RateNetwork& network, const EnsembleSpec& spec, const EnsembleResult& result) {
  const double n = static_cast<double>(result.runs.size());
  nlohmann::json occupancy = nlohmann::json::array();
  nlohmann::json energy = nlohmann::json::array();
  nlohmann::json strain = nlohmann::json::array();
  nlohmann::json work = nlohmann::json::array();
  for (std::size_t i = 0; i < spec.times.size(); ++i) {
    std::map<landscape::MinimumId, std::size_t> counts;
    std::vector<double> energies, strains, works;
    for (const auto& run : result.runs) {
      ++counts[network.id_of(run.states[i])];
      energies.push_back(network.energy(run.states[i]));
      strains.push_back(run.strain[i]);
      works.push_back(run.work[i]);
    }
    nlohmann::json at = nlohmann::json::object();
    for (const auto& [id, c] : counts) at[std::to_string(id)] = static_cast<double>(c) / n;
    occupancy.push_back(at);
    const auto e = mean_and_error(energies);
    const auto s = mean_and_error(strains);
    const auto w = mean_and_error(works);
    work.push_back({{"time", spec.times[i]}, {"mean", w.mean}, {"stderr", w.standard_error}});
    energy.push_back({{"time", spec.times[i]}, {"mean", e.mean}, {"stderr", e.standard_error}});
    strain.push_back({{"time", spec.times[i]}, {"mean", s.mean}, {"stderr", s.standard_error}});
  }
  std::uint64_t events = 0, basin_exits = 0;
  std::vector<double> distinct, passages;
  for (const auto& run : result.runs) {
    events += run.events;
    basin_exits += run.superbasin_exits;
    distinct.push_back(static_cast<double>(run.distinct_states));
    if (!std::isnan(run.first_passage)) passages.push_back(run.first_passage);
  }
  nlohmann::json j = {{"times", spec.times}, {"occupancy", occupancy}, {"energy", energy}, {"strain", strain}, {"work", work},
                      {"events", events}, {"superbasin_exits", basin_exits}, {"runs", result.runs.size()},
                      {"distinct_states", mean_and_error(distinct).mean}, {"wall_seconds", result.wall_seconds}};
  if (spec.target) {
    const auto fpt = mean_and_error(passages);
    j["mfpt"] = passages.empty() ? nlohmann::json(nullptr) : nlohmann::json(fpt.mean);
    j["mfpt_stderr"] = passages.empty() ? nlohmann::json(nullptr) : nlohmann::json(fpt.standard_error);
    j["target_reached"] = passages.size();
  }
  return j;
}

}  // namespace glassland::kmc
