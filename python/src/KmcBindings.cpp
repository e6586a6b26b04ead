// Kinetic Monte Carlo replay of a Catalog (kmc/Ensemble.hpp, kmc/Walker.hpp) under a thermal
// energy kT(t) and an optional shear stress: ensembles of runs observed at given times
// (occupancies, energies, strains, first passages) and single trajectories.
// Units: the catalog's: kT and energies (energy), times (time), stress (energy/length^3).
#include <cmath>
#include <memory>

#include <pybind11/stl.h>

#include "kmc/Ensemble.hpp"
#include "kmc/Walker.hpp"
#include "md/Error.hpp"
#include "python/src/Bindings.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;

kmc::StressProtocol stress_protocol(const std::string& stress) {
  return stress.empty() ? kmc::StressProtocol{} : kmc::StressProtocol::parse(stress, "stress");
}

/// Everything a replay needs, built in dependency order (the model points into the network).
struct Replay {
  Replay(const landscape::Catalog& catalog, const py::object& temperature, const std::string& stress,
         const std::string& bias_law)
      : network(kmc::RateNetwork::from_catalog(catalog)),
        model(network, thermal_energy(temperature, "temperature"), stress_protocol(stress), kmc::parse_bias_law(bias_law, "bias_law")) {
    if (model.homogeneous()) rates = std::make_unique<kmc::ConstantRates>(model);
  }
  kmc::RateNetwork network;
  kmc::RateModel model;
  std::unique_ptr<kmc::ConstantRates> rates;
};

template <class T, class Get>
py::array_t<T> matrix(std::size_t rows, std::size_t cols, Get get) {
  py::array_t<T> a({static_cast<py::ssize_t>(rows), static_cast<py::ssize_t>(cols)});
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) a.mutable_at(i, j) = static_cast<T>(get(i, j));
  return a;
}

py::dict ensemble(const landscape::Catalog& catalog, landscape::MinimumId start, const py::handle& times,
                  std::size_t runs, std::uint64_t seed, const py::object& temperature, const std::string& stress,
                  const std::string& bias_law, const py::object& target, bool superbasins, std::uint64_t max_events,
                  bool verbose) {
  const Replay replay(catalog, temperature, stress, bias_law);
  const kmc::RateNetwork& net = replay.network;
  kmc::EnsembleSpec spec;
  spec.start = net.require_state(start, "start");
  const auto t = vector_array(times, "times");
  spec.times.assign(t.data(), t.data() + t.size());
  if (spec.times.empty()) throw InputError("times", "give at least one time");
  if (runs < 1) throw InputError("runs", "must be >= 1");
  spec.runs = runs;
  spec.seed = seed;
  if (!target.is_none()) spec.target = net.require_state(target.cast<landscape::MinimumId>(), "target");
  spec.walker.superbasins = superbasins;
  spec.max_events_per_run = max_events;
  spec.progress = verbose;
  kmc::EnsembleResult result;
  {
    py::gil_scoped_release release;
    result = kmc::run_ensemble(replay.model, replay.rates.get(), spec);
  }
  const std::size_t n_times = spec.times.size(), n_states = net.state_count();
  std::vector<double> occupancy(n_times * n_states, 0.0), energy_mean(n_times), energy_error(n_times);
  for (std::size_t k = 0; k < n_times; ++k) {
    std::vector<double> energies;
    for (const auto& run : result.runs) {
      occupancy[k * n_states + run.states[k]] += 1.0 / static_cast<double>(runs);
      energies.push_back(net.energy(run.states[k]));
    }
    const auto e = kmc::mean_and_error(energies);
    energy_mean[k] = e.mean;
    energy_error[k] = e.standard_error;
  }
  const auto& r = result.runs;
  return py::dict(
      "times"_a = vector_copy(spec.times),
      "state_ids"_a = column<std::int64_t>(n_states, [&](std::size_t s) { return net.id_of(static_cast<kmc::StateIndex>(s)); }),
      "states"_a = matrix<std::int64_t>(runs, n_times, [&](std::size_t i, std::size_t k) { return net.id_of(r[i].states[k]); }),
      "occupancy"_a = matrix<double>(n_times, n_states, [&](std::size_t k, std::size_t s) { return occupancy[k * n_states + s]; }),
      "energy_mean"_a = vector_copy(energy_mean), "energy_stderr"_a = vector_copy(energy_error),
      "strain"_a = matrix<double>(runs, n_times, [&](std::size_t i, std::size_t k) { return r[i].strain[k]; }),
      "work"_a = matrix<double>(runs, n_times, [&](std::size_t i, std::size_t k) { return r[i].work[k]; }),
      "first_passage"_a = column<double>(runs, [&](std::size_t i) { return r[i].first_passage; }),
      "events"_a = column<std::uint64_t>(runs, [&](std::size_t i) { return r[i].events; }),
      "wall_seconds"_a = result.wall_seconds);
}

py::dict trajectory(const landscape::Catalog& catalog, landscape::MinimumId start, double duration, std::uint64_t seed,
                    const py::object& temperature, const std::string& stress, const std::string& bias_law,
                    std::uint64_t max_events) {
  if (!(duration >= 0.0) || !std::isfinite(duration)) throw InputError("duration", "must be finite and >= 0 (time)");
  const Replay replay(catalog, temperature, stress, bias_law);
  kmc::WalkerOptions options;
  options.record_path = true;
  options.superbasins = false;  // every transition recorded individually
  kmc::Walker walker(replay.model, replay.rates.get(), replay.network.require_state(start, "start"), seed, 0, options);
  {
    py::gil_scoped_release release;
    while (walker.events() < max_events && walker.next_transition_time() <= duration) walker.step(1);
  }
  const auto& path = walker.path();  // starts with (0, start)
  const auto& net = replay.network;
  const std::size_t n = path.size();
  return py::dict("time"_a = column<double>(n, [&](std::size_t i) { return path[i].first; }),
                  "state"_a = column<std::int64_t>(n, [&](std::size_t i) { return net.id_of(path[i].second); }),
                  "energy"_a = column<double>(n, [&](std::size_t i) { return net.energy(path[i].second); }),
                  "strain"_a = walker.strain(),
                  "events"_a = walker.events());
}

}  // namespace

void bind_kmc(py::module_& m) {
  m.def("kmc", &ensemble, "catalog"_a, "start"_a, "times"_a, "runs"_a, "seed"_a, "temperature"_a,
        "stress"_a = "", "bias_law"_a = "linear", "target"_a = py::none(), "superbasins"_a = true,
        "max_events"_a = 1000000000ULL, "verbose"_a = false,
        "Replays `catalog` with rejection-free kMC, as `glassland kmc`: `runs` independent runs from minimum id "
        "`start` (seeded; same result for any thread count), observed at `times` (catalog time unit). "
        "temperature: thermal energy kT (catalog energy unit) as a float, or a Schedule of kT against time. "
        "stress: '' or 'constant:S', 'step:S@T', 'sine:A@F[+M]' (energy/length^3); bias_law 'linear' or "
        "'three-halves'. Returns numpy arrays: times, state_ids (network order), states (runs x times, minimum "
        "ids), occupancy (times x states, fractions), energy_mean, energy_stderr (energy), strain and work (runs "
        "x times), first_passage (runs, time; NaN if `target` was not reached or not given), events. The GIL is "
        "released.");
  m.def("kmc_trajectory", &trajectory, "catalog"_a, "start"_a, "duration"_a, "seed"_a, "temperature"_a,
        "stress"_a = "", "bias_law"_a = "linear", "max_events"_a = 10000000ULL,
        "One kMC trajectory from minimum id `start` up to `duration` (time) or max_events transitions, every "
        "transition recorded (no superbasin acceleration). temperature: kT (energy) or a Schedule of kT. Returns "
        "numpy arrays time (time of entering each state, starting with 0), state (minimum ids), energy "
        "(energy), and the final strain and event count.");
}

}  // namespace glassland::python
