// On-the-fly (adaptive) kinetic Monte Carlo from a glass (bridge/akmc/, docs/akmc.md), as
// `glassland akmc` runs it but in-process: glassland.Akmc holds the explorer, its growing
// catalog and the run, so a notebook can run, look at the trajectory and the current state's
// event table, and run on. Same system, potential, temperature, seed and options give the
// numbers of the command line's trajectory.csv (tests/python/test_akmc.py). No files are
// written; Catalog.save() and System.write_lammps_data() do that when wanted.
// Units: the potential's (energy, length, time; rates in 1/time); kT in energy.
#include <cmath>
#include <memory>

#include <pybind11/stl.h>

#include "bridge/akmc/AkmcOutputs.hpp"
#include "bridge/akmc/AkmcRun.hpp"
#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/EventTableBuilder.hpp"
#include "bridge/cli/ThermalSchedule.hpp"
#include "glassland/Version.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/Threads.hpp"
#include "python/src/AkmcOptions.hpp"
#include "python/src/Bindings.hpp"
#include "python/src/PotentialHandle.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;
using landscape::MinimumId;

/// kT(t) in the potential's energy unit from a float or Schedule given in `unit` (kT or K).
md::TemperatureSchedule akmc_thermal_energy(const py::object& temperature, const std::string& unit,
                                            const std::string& units) {
  const double per_unit = bridge::energy_per_temperature_unit(unit, units);
  std::vector<md::TemperatureSchedule::Point> points = thermal_energy(temperature, "temperature").points();
  for (auto& p : points) p.temperature *= per_unit;
  return md::TemperatureSchedule(std::move(points), "temperature");
}

void require_smooth(const PotentialHandle& potential) {
  if (!bridge::force_jumps_at_cutoff(potential.spec().pair)) return;
  std::string hint = "a force-shifted (lj/sf) potential";
  for (const auto& preset : md::potential_preset_names())
    if (preset == potential.spec().name + "-sf") hint = "'" + preset + "'";
  throw InputError("potential", "'" + potential.spec().name + "' has a force jump at its cutoff (truncated LJ): "
                                "saddle searches and Hessians need a smooth surface; use " + hint);
}

class AkmcSession {
public:
  AkmcSession(const md::System& start, PotentialHandle& potential, const py::object& temperature, std::uint64_t seed,
              const AkmcOptions& given, const std::string& temperature_unit)
      : reference_(start) {
    potential.check(start);
    require_smooth(potential);
    const md::PotentialSpec& spec = potential.spec();
    if (!spec.type_mass.empty()) md::apply_default_masses(reference_, spec.type_mass);
    const std::string units = md::unit_name(spec.units);
    md::TemperatureSchedule kT = akmc_thermal_energy(temperature, temperature_unit, units);
    AkmcOptions options = given.validated();
    options.exploration.seed = seed;
    bridge::set_engine_threads(options.threads > 0 ? options.threads : md::max_threads());
    bridge::Kinetics kinetics(kT, options.kinetics);
    catalog_ = landscape::Catalog(landscape::Provenance{spec.name, units, kT.temperature_at(0.0), seed, kVersion,
                                                        "glassland python akmc"});
    py::gil_scoped_release release;
    explorer_ = std::make_unique<bridge::StateExplorer>(bridge::atomic_surface(reference_, spec.pair, potential.skin()),
                                                        bridge::min_mode_searcher(options.search),
                                                        options.exploration, catalog_);
    const auto [x, energy] = bridge::relax_start(explorer_->surface(), landscape::flat_positions(reference_),
                                                 options.search.quench, 1e4, "system");
    const MinimumId first = explorer_->add_state(x, energy, landscape::kNoMinimum);
    run_ = std::make_unique<bridge::AkmcRun>(*explorer_, std::move(kinetics), first, seed);
  }

  void run(double time_max, const py::object& events_max, double wall_max, const py::object& progress,
           std::uint64_t progress_every) {
    if (!(time_max > 0.0) || !std::isfinite(time_max)) throw InputError("time_max", "must be a finite time > 0");
    const std::uint64_t events = events_max.is_none() ? UINT64_MAX : events_max.cast<std::uint64_t>();
    if (events < 1) throw InputError("events_max", "must be >= 1");
    if (!(wall_max >= 0.0)) throw InputError("wall_max", "must be >= 0 (seconds; 0: no limit)");
    auto report = progress_function<std::uint64_t, double, double, std::size_t>(progress);
    if (report && progress_every < 1) throw InputError("progress_every", "must be >= 1");
    // Called after every event: progress when due, else only a Ctrl-C check (a notebook user can
    // stop a long run between events and run on later).
    const auto each = [this, report, progress_every] {
      const std::size_t done = run_->rows().size();
      if (report && done % progress_every == 0)
        report(done, run_->time(), explorer_->energy(run_->state()), explorer_->state_count());
      else
        stop_if_interrupted();
    };
    py::gil_scoped_release release;
    run_->run(bridge::AkmcLimits{time_max, events, wall_max}, each, 1, 0.0, false);
  }

  py::dict trajectory() const {
    const auto& r = run_->rows();
    const std::size_t n = r.size();
    return py::dict("event"_a = column<std::uint64_t>(n, [&](std::size_t i) { return r[i].event; }),
                    "time"_a = column<double>(n, [&](std::size_t i) { return r[i].time; }),
                    "energy"_a = column<double>(n, [&](std::size_t i) { return r[i].energy; }),
                    "barrier"_a = column<double>(n, [&](std::size_t i) { return r[i].barrier; }),
                    "rate_total"_a = column<double>(n, [&](std::size_t i) { return r[i].rate_total; }),
                    "atoms_moved"_a = column<std::int64_t>(n, [&](std::size_t i) { return r[i].atoms_moved; }),
                    "state"_a = column<std::int64_t>(n, [&](std::size_t i) { return r[i].state; }),
                    "superbasin_exit"_a = column<bool>(n, [&](std::size_t i) { return r[i].superbasin_exit; }),
                    "kT"_a = column<double>(n, [&](std::size_t i) { return r[i].kT; }));
  }

  /// The table of `state` (default: the current one). The current state's table is built now
  /// if the run stopped right after entering it, exactly as the run's next step would build it
  /// (same kT, same recycled guesses), so running on afterwards gives the same trajectory.
  py::dict event_table(const py::object& which) {
    const MinimumId state = which.is_none() ? run_->state() : which.cast<MinimumId>();
    if (!explorer_->explored(state)) {
      if (state != run_->state())
        throw InputError("state", "minimum " + std::to_string(state) + " has not been explored (only visited "
                                  "states and the current one have event tables)");
      py::gil_scoped_release release;
      explorer_->explore(state, run_->kinetics().kT_at(run_->time()), arrival());
    }
    const bridge::EventTable& t = explorer_->table(state);
    const auto& e = t.events();
    const std::size_t n = e.size();
    const double kT = run_->kinetics().kT_at(run_->time());
    py::list origin;
    for (const auto& event : e)
      origin.append(event.origin == bridge::EventOrigin::search ? "search"
                    : event.origin == bridge::EventOrigin::recycled ? "recycled" : "topology");
    return py::dict(
        "state"_a = state, "energy"_a = t.energy(), "kT"_a = kT, "searches"_a = t.searches,
        "successful"_a = t.successful, "force_calls"_a = t.force_calls, "confidence"_a = t.confidence,
        "barrier"_a = column<double>(n, [&](std::size_t i) { return e[i].barrier; }),
        "saddle_energy"_a = column<double>(n, [&](std::size_t i) { return e[i].saddle_energy; }),
        "product_energy"_a = column<double>(n, [&](std::size_t i) { return e[i].product_energy; }),
        "prefactor_forward"_a = column<double>(n, [&](std::size_t i) { return e[i].prefactor_forward; }),
        "prefactor_backward"_a = column<double>(n, [&](std::size_t i) { return e[i].prefactor_backward; }),
        "rate"_a = column<double>(n, [&](std::size_t i) { return e[i].prefactor_forward * std::exp(-e[i].barrier / kT); }),
        "product"_a = column<std::int64_t>(n, [&](std::size_t i) { return e[i].product_id; }),
        "saddle"_a = column<std::int64_t>(n, [&](std::size_t i) { return e[i].catalog_saddle; }),
        "hits"_a = column<std::int64_t>(n, [&](std::size_t i) { return e[i].hits; }),
        "atoms_moved"_a = column<std::int64_t>(n, [&](std::size_t i) { return e[i].moved_atoms.size(); }),
        "origin"_a = origin);
  }

  py::array_t<double> positions(const py::object& which) const {
    const Eigen::VectorXd& x = explorer_->positions(known_state(which));
    py::array_t<double> a({static_cast<py::ssize_t>(x.size() / 3), py::ssize_t{3}});
    std::copy(x.data(), x.data() + x.size(), a.mutable_data());
    return a;
  }

  /// A copy of the start System (box, ids, types, masses) at minimum `which`, wrapped into the box.
  md::System system(const py::object& which) const {
    md::System s = reference_;
    landscape::set_flat_positions(s, explorer_->positions(known_state(which)));
    for (std::size_t i = 0; i < s.size(); ++i) {
      s.image[i] = md::Image{0, 0, 0};
      s.position[i] = s.box.wrap(s.position[i], s.image[i]);
    }
    return s;
  }

  py::object summary() const {
    const nlohmann::json j = bridge::summary_json(*run_, *explorer_, run_->cpu_seconds(), run_->prefactor_cpu_seconds());
    return py::module_::import("json").attr("loads")(j.dump());
  }

  landscape::Catalog catalog() const { return catalog_; }
  MinimumId state() const { return run_->state(); }
  MinimumId start() const { return run_->start(); }
  double time() const { return run_->time(); }
  std::size_t events() const { return run_->rows().size(); }

private:
  MinimumId known_state(const py::object& which) const {
    const MinimumId id = which.is_none() ? run_->state() : which.cast<MinimumId>();
    if (id < 0 || static_cast<std::size_t>(id) >= explorer_->state_count())
      throw InputError("state", "no minimum " + std::to_string(id) + " (the run knows " +
                                    std::to_string(explorer_->state_count()) + ")");
    return id;
  }

  /// The step that led into the current state, as the run saved it (AkmcRun::to_json).
  std::optional<bridge::ArrivalStep> arrival() const {
    const nlohmann::json a = run_->to_json().at("arrival");
    if (a.is_null()) return std::nullopt;
    return bridge::ArrivalStep{a.at(0).get<MinimumId>(), a.at(1).get<std::size_t>(), a.at(2).get<std::vector<int>>()};
  }

  md::System reference_;
  landscape::Catalog catalog_;  // the explorer adds to it; declared before explorer_ (which refers to it)
  std::unique_ptr<bridge::StateExplorer> explorer_;
  std::unique_ptr<bridge::AkmcRun> run_;
};

}  // namespace

void bind_akmc(py::module_& m) {
  bind_akmc_options(m);
  py::class_<AkmcSession>(
      m, "Akmc",
      "On-the-fly kinetic Monte Carlo from a glass, as `glassland akmc` (docs/akmc.md): per-state event tables from "
      "min-mode saddle searches, rates k = nu exp(-dE/kT), BKL time steps, the catalog grown as it goes. "
      "Akmc(system, potential, temperature, seed, options=AkmcOptions(), temperature_unit='kT') relaxes the start "
      "(the System is not modified). potential: a smooth Potential (e.g. 'wahnstrom-sf'); temperature: kT "
      "(energy unit) as a float or a Schedule of kT against time (time unit), or kelvin with "
      "temperature_unit='K' (metal units). Same inputs and seed give the command line's trajectory.csv for any "
      "thread count. Long calls release the GIL.")
      .def(py::init<const md::System&, PotentialHandle&, const py::object&, std::uint64_t, const AkmcOptions&,
                    const std::string&>(),
           "system"_a, "potential"_a, "temperature"_a, "seed"_a,
           "options"_a = AkmcOptions::command_line_defaults(), "temperature_unit"_a = "kT")
      .def("run", &AkmcSession::run, "time_max"_a, "events_max"_a = py::none(), "wall_max"_a = 0.0,
           "progress"_a = py::none(), "progress_every"_a = 1,
           "Runs on until the simulated time reaches time_max (time unit), the run has events_max events in all "
           "(None: no limit) or wall_max seconds pass (0: no limit). May be called again with larger limits to "
           "continue; a run whose next event lies beyond time_max is finished. progress(events, time, energy, "
           "n_minima) every progress_every events (energy unit). The GIL is released; Ctrl-C (KeyboardInterrupt) "
           "stops the run after the current event, and it can be run on.")
      .def("trajectory", &AkmcSession::trajectory,
           "The events so far as numpy columns, those of trajectory.csv: event, time (after the event, time), "
           "energy (of the state entered), barrier (crossed, energy), rate_total (escape rate of the state left, "
           "1/time), atoms_moved, state (minimum id entered), superbasin_exit, kT (energy).")
      .def("event_table", &AkmcSession::event_table, "state"_a = py::none(),
           "Escape events of a minimum (default: the current state; built now if the run stopped on entering "
           "it, as its next step would) as numpy columns: barrier, saddle_energy, product_energy (energy), "
           "prefactor_forward/backward (1/time), rate (forward, at the current kT; 1/time), product (minimum id), "
           "saddle (catalog index), hits, atoms_moved, origin ('search', 'recycled', 'topology'); plus state, "
           "energy, kT, searches, successful, force_calls, confidence.")
      .def("positions", &AkmcSession::positions, "state"_a = py::none(),
           "Positions (N, 3) of minimum `state` (default: current), continuous with the start (length).")
      .def("system", &AkmcSession::system, "state"_a = py::none(),
           "A System (copy of the start's box, ids, types, masses) at minimum `state`, wrapped into the box.")
      .def("summary", &AkmcSession::summary, "Totals as summary.json of `glassland akmc` (dict).")
      .def_property_readonly("catalog", &AkmcSession::catalog, "A copy of the catalog grown so far.")
      .def_property_readonly("state", &AkmcSession::state, "Current minimum id.")
      .def_property_readonly("start", &AkmcSession::start, "Minimum id of the relaxed start.")
      .def_property_readonly("time", &AkmcSession::time, "Simulated time (time unit).")
      .def_property_readonly("events", &AkmcSession::events, "Events so far.");
}

}  // namespace glassland::python
