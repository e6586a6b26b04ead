// MD (md/Integrator.hpp, md/ScheduleRunner.hpp, md/LinearQuench.hpp): temperature schedules,
// Maxwell velocities, runs of any registered integrator along a schedule, linear quenches.
#include <cmath>

#include <pybind11/stl.h>

#include "md/Error.hpp"
#include "md/IntegratorRegistry.hpp"
#include "md/LammpsData.hpp"
#include "md/LinearQuench.hpp"
#include "md/ScheduleRunner.hpp"
#include "md/TemperatureSchedule.hpp"
#include "md/Thermo.hpp"
#include "python/src/Bindings.hpp"
#include "python/src/PotentialHandle.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;

struct MdSettings {
  std::string ensemble;
  md::IntegratorParameters integrator;
  long sample_every;
};

md::IntegratorParameters integrator_parameters(double timestep, double temperature_damping, double pressure,
                                               double pressure_damping, std::uint64_t seed) {
  md::IntegratorParameters p;
  p.timestep = timestep;
  p.temperature_damping = temperature_damping;
  p.pressure = pressure;
  p.pressure_damping = pressure_damping;
  p.seed = seed;
  return p;
}

/// Block averages as a dict of equally long numpy columns.
py::dict thermo_columns(const std::vector<md::ThermoSample>& samples) {
  std::vector<double> step, time, target, temperature, pe, etot, volume, pressure;
  for (const auto& s : samples) {
    step.push_back(static_cast<double>(s.step));
    time.push_back(s.time);
    target.push_back(s.target_temperature);
    temperature.push_back(s.temperature);
    pe.push_back(s.potential_energy_per_atom);
    etot.push_back(s.total_energy_per_atom);
    volume.push_back(s.volume_per_atom);
    pressure.push_back(s.pressure);
  }
  return py::dict("step"_a = vector_copy(step), "time"_a = vector_copy(time), "target_temperature"_a = vector_copy(target),
                  "temperature"_a = vector_copy(temperature), "potential_energy_per_atom"_a = vector_copy(pe),
                  "total_energy_per_atom"_a = vector_copy(etot), "volume_per_atom"_a = vector_copy(volume),
                  "pressure"_a = vector_copy(pressure));
}

void prepare(md::System& system, const PotentialHandle& potential) {
  potential.check(system);
  md::apply_default_masses(system, potential.spec().type_mass);
}

py::dict run_schedule(md::System& system, PotentialHandle& potential, const md::TemperatureSchedule& schedule,
                      const std::string& ensemble, double timestep, long sample_every, double temperature_damping,
                      double pressure, double pressure_damping, std::uint64_t seed, const py::object& progress) {
  prepare(system, potential);
  auto integrator = md::make_integrator(
      ensemble, integrator_parameters(timestep, temperature_damping, pressure, pressure_damping, seed));
  if (sample_every < 1) throw InputError("sample_every", "must be >= 1");
  auto report = progress_function<long, long>(progress);
  std::vector<md::ThermoSample> samples;
  {
    py::gil_scoped_release release;
    auto forces = make_force_compute(potential.spec(), potential.skin());
    md::ScheduleProgress each;
    if (report) each = [&](const md::ThermoSample& s, long total) { report(s.step, total); };
    samples = md::run_schedule(system, *forces, *integrator, schedule, timestep, sample_every, each);
  }
  return thermo_columns(samples);
}

py::dict linear_quench(md::System& system, PotentialHandle& potential, double start_temperature,
                       double end_temperature, double rate, double equilibration_time, const py::object& schedule,
                       const std::string& ensemble, double timestep, long sample_every, double temperature_damping,
                       double pressure, std::uint64_t seed, bool inherent_structure, const py::object& progress) {
  prepare(system, potential);
  md::LinearQuenchOptions o;
  o.ensemble = ensemble;
  o.integrator = integrator_parameters(timestep, temperature_damping, pressure, 5.0, seed);
  o.start_temperature = start_temperature;
  o.end_temperature = end_temperature;
  o.rate = rate;
  o.equilibration_time = equilibration_time;
  if (!schedule.is_none()) o.schedule = schedule.cast<md::TemperatureSchedule>();
  o.sample_every = sample_every;
  o.velocity_seed = seed;
  o.compute_inherent_structure = inherent_structure;
  o.validate();
  auto report = progress_function<std::string, long, long>(progress);
  md::LinearQuenchResult r;
  {
    py::gil_scoped_release release;
    auto forces = make_force_compute(potential.spec(), potential.skin());
    md::QuenchProgress each;
    if (report) each = [&](const std::string& phase, const md::ThermoSample& s, long total) { report(phase, s.step, total); };
    r = md::run_linear_quench(system, *forces, o, each);
  }
  auto fit = [](const md::TwoLineFit& f) {
    return py::dict("valid"_a = f.valid, "break"_a = f.break_x, "value_at_break"_a = f.value_at_break,
                    "slope_low"_a = f.slope_low, "slope_high"_a = f.slope_high, "rms_residual"_a = f.rms_residual);
  };
  return py::dict("equilibration"_a = thermo_columns(r.equilibration), "cooling"_a = thermo_columns(r.cooling),
                  "tg"_a = r.energy_fit.valid ? r.energy_fit.break_x : NAN, "energy_fit"_a = fit(r.energy_fit),
                  "volume_fit"_a = fit(r.volume_fit), "steps"_a = r.steps,
                  "final_potential_energy_per_atom"_a = r.final_potential_energy_per_atom,
                  "inherent_structure_energy_per_atom"_a =
                      r.has_inherent_structure ? r.inherent_structure_energy_per_atom : NAN,
                  "inherent_structure_converged"_a = r.inherent_structure_converged);
}

void bind_schedule(py::module_& m) {
  using S = md::TemperatureSchedule;
  py::class_<S>(m, "Schedule",
                "Piecewise-linear temperature history T(t). Units are the caller's: MD uses its time and "
                "temperature units (LJ tau and epsilon/k_B, or ps and K); kMC replay uses its time unit and "
                "thermal energy kT (energy); lab protocols s and K. Rates are temperature/time.")
      .def(py::init([](const py::handle& points) {
             const auto a = py::cast<py::array_t<double, py::array::c_style | py::array::forcecast>>(points);
             if (a.ndim() != 2 || a.shape(1) != 2) throw InputError("points", "expected shape (n, 2): time, temperature");
             std::vector<S::Point> p;
             for (py::ssize_t i = 0; i < a.shape(0); ++i) p.push_back({a.at(i, 0), a.at(i, 1)});
             return S(std::move(p), "points");
           }),
           "points"_a, "From (n, 2) rows (time, temperature): strictly increasing times, T >= 0.")
      .def_static("hold", &S::hold, "temperature"_a, "duration"_a)
      .def_static("linear_ramp", &S::linear_ramp, "start"_a, "end"_a, "rate"_a, "From start to end at |rate|.")
      .def_static("two_step_ramp", &S::two_step_ramp, "start"_a, "switch"_a, "end"_a, "rate_above"_a, "rate_below"_a,
                  "At |rate_above| down to the switch temperature, then |rate_below|.")
      .def_static("from_file", &S::from_file, "path"_a, "Two columns 'time temperature' per line.")
      .def("then", &S::then, "next"_a, "This schedule followed by `next` (shifted in time).")
      .def("temperature_at", py::vectorize(&S::temperature_at), "time"_a)
      .def_property_readonly("points",
                             [](const S& s) {
                               py::array_t<double> a({static_cast<py::ssize_t>(s.points().size()), py::ssize_t{2}});
                               for (std::size_t i = 0; i < s.points().size(); ++i) {
                                 a.mutable_at(i, 0) = s.points()[i].time;
                                 a.mutable_at(i, 1) = s.points()[i].temperature;
                               }
                               return a;
                             })
      .def_property_readonly("start_time", &S::start_time)
      .def_property_readonly("end_time", &S::end_time)
      .def_property_readonly("duration", &S::duration);
}

}  // namespace

void bind_dynamics(py::module_& m) {
  bind_schedule(m);
  m.def("integrator_names", &md::integrator_names, "Registered integrators (ensembles).");
  m.def(
      "assign_velocities",
      [](md::System& system, double temperature, std::uint64_t seed) {
        for (int t = 1; t <= system.ntypes(); ++t)
          if (!(system.type_mass[static_cast<std::size_t>(t)] > 0.0))
            throw InputError("masses", "atom type " + std::to_string(t) + " has no mass (set System.masses)");
        if (!(temperature >= 0.0) || !std::isfinite(temperature)) throw InputError("temperature", "must be finite and >= 0");
        md::assign_maxwell_velocities(system, temperature, seed);
      },
      "system"_a, "temperature"_a, "seed"_a,
        "Maxwell-Boltzmann velocities at `temperature` (temperature unit), zero total momentum, rescaled so "
        "the kinetic temperature (3N - 3 degrees of freedom) is exact. Needs masses.");
  m.def("run_schedule", &run_schedule, "system"_a, "potential"_a, "schedule"_a, "ensemble"_a = "nvt-nh",
        "timestep"_a = 0.005, "sample_every"_a = 100, "temperature_damping"_a = 0.5, "pressure"_a = 0.0,
        "pressure_damping"_a = 5.0, "seed"_a = 1, "progress"_a = py::none(),
        "Integrates `system` IN PLACE with `ensemble` (nve, nvt-nh, nvt-langevin, npt) for "
        "schedule.duration / timestep steps, the thermostat following the Schedule. Units of the system: "
        "timestep and damping times (time), pressure (LJ epsilon/sigma^3, metal bar). Masses not set in the "
        "System come from the potential. progress(step, total_steps) after each block of sample_every steps. "
        "Returns block averages as numpy columns: step, time, target_temperature, temperature, "
        "potential_energy_per_atom, total_energy_per_atom (energy), volume_per_atom (length^3), pressure. "
        "Positions stay unwrapped (continuous). The GIL is released.");
  m.def("linear_quench", &linear_quench, "system"_a, "potential"_a, "start_temperature"_a = 2.0,
        "end_temperature"_a = 0.1, "rate"_a = 2e-3, "equilibration_time"_a = 20.0, "schedule"_a = py::none(),
        "ensemble"_a = "nvt-nh", "timestep"_a = 0.005, "sample_every"_a = 200, "temperature_damping"_a = 0.5,
        "pressure"_a = 0.0, "seed"_a = 1, "inherent_structure"_a = true, "progress"_a = py::none(),
        "Melt quench IN PLACE (md/LinearQuench.hpp): Maxwell velocities (seed), hold at start_temperature for "
        "equilibration_time, cool at |rate| (temperature/time) to end_temperature (or along `schedule`), Tg "
        "from a two-line fit of E(T). progress(phase, step, total_steps). Returns a dict: equilibration, "
        "cooling (columns as run_schedule), tg (temperature; NaN if no fit), energy_fit, volume_fit, steps, "
        "final_potential_energy_per_atom, inherent_structure_energy_per_atom (energy).");
}

}  // namespace glassland::python
