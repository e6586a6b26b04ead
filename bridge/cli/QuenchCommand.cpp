// `glassland quench` (also stage 1 of the pipeline). Makes a small Wahnström glass (50:50, volume per atom
// 0.767 σ³, N = 500) by equilibrating a random liquid at high temperature and quenching it
// linearly under a Nosé–Hoover thermostat; records E(T), estimates Tg from a two-line fit,
// computes the inherent-structure energy, and writes quench.csv, summary.json, glass.data
// and quench.png into --out.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/MdCommandParts.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/InherentStructure.hpp"
#include "md/LammpsData.hpp"
#include "md/LinearQuench.hpp"
#include "md/RandomLiquid.hpp"

namespace glassland::bridge {

namespace {

struct QuenchOptions {
  std::string out = "glassland-quench", potential = "wahnstrom", data, schedule, ensemble = "nvt-nh";
  std::size_t natoms = 500;
  double volume_per_atom = 0.767, fraction_type1 = 0.5;
  double t_start = 2.0, t_end = 0.1, rate = 5e-3, equilibrate = 25.0;
  double t_switch = -1.0, rate_below = -1.0;  // two-step ramp
  double dt = 0.005, tdamp = 0.0, pressure = 0.0, pdamp = 0.0, skin = 0.0, fit_max = 0.0;
  long sample_every = 400;
  std::uint64_t seed = 1;
  int threads = 0;
  bool json = false, no_plot = false;
};

md::System initial_system(const QuenchOptions& o, const md::PotentialSpec& spec) {
  if (!o.data.empty()) return read_system_for(o.data, spec);
  if (spec.pair.ntypes() != 2) throw InputError("--potential", "a random start needs a two-type potential (or --data)");
  if (!(o.fraction_type1 >= 0.0 && o.fraction_type1 <= 1.0)) throw InputError("--fraction", "must be in [0, 1]");
  if (o.natoms < 1) throw InputError("--natoms", "must be >= 1");
  // Positions, velocities, forces, images, neighbour lists and minimizer vectors: ~1 kB per atom.
  require_memory("--natoms", 1024.0 * static_cast<double>(o.natoms), std::to_string(o.natoms) + " atoms");
  md::System s = md::random_liquid({o.fraction_type1, 1.0 - o.fraction_type1}, o.natoms,
                                   1.0 / require_positive("--volume-per-atom", o.volume_per_atom), spec.type_mass,
                                   o.seed, 0.0, spec.units);
  // Remove the worst overlaps of random insertion before dynamics.
  md::MinimizerOptions loose = md::inherent_structure_options();
  loose.fmax = 1.0;
  loose.max_iterations = 500;
  return md::inherent_structure(s, spec.pair, 0.3, loose).minimum;
}

md::LinearQuenchOptions quench_options(const QuenchOptions& o) {
  md::LinearQuenchOptions q;
  // nve has no thermostat: the ramp would never cool, yet a Tg would be fitted and reported.
  if (o.ensemble != "nvt-nh" && o.ensemble != "nvt" && o.ensemble != "nvt-langevin" && o.ensemble != "npt")
    throw InputError("--ensemble", "'" + o.ensemble + "' cannot follow a cooling ramp: use nvt-nh, nvt-langevin or npt");
  q.ensemble = o.ensemble;
  q.integrator.timestep = require_positive("--dt", o.dt);
  q.integrator.temperature_damping = o.tdamp > 0.0 ? o.tdamp : 100.0 * o.dt;
  q.integrator.pressure_damping = o.pdamp > 0.0 ? o.pdamp : 1000.0 * o.dt;
  q.integrator.pressure = o.pressure;
  q.integrator.seed = o.seed;
  q.start_temperature = o.t_start;
  q.end_temperature = o.t_end;
  q.rate = o.rate;
  q.equilibration_time = o.equilibrate;
  q.sample_every = o.sample_every;
  q.velocity_seed = o.seed;
  q.fit_max_temperature = o.fit_max;
  if (!o.schedule.empty()) {
    q.schedule = md::TemperatureSchedule::from_file(o.schedule);
  } else if (o.t_switch >= 0.0) {
    q.schedule = md::TemperatureSchedule::two_step_ramp(o.t_start, o.t_switch, o.t_end, o.rate,
                                                        require_positive("--rate-below", o.rate_below));
  }
  q.validate();
  return q;
}

std::string samples_csv(const md::LinearQuenchResult& r) {
  std::string text =
      "phase,step,time,target_temperature,temperature,potential_energy_per_atom,total_energy_per_atom,"
      "volume_per_atom,pressure\n";
  auto add = [&](const char* phase, const std::vector<md::ThermoSample>& samples, long offset) {
    for (const auto& s : samples)
      text += fmt::format("{},{},{},{},{},{},{},{},{}\n", phase, s.step + offset, s.time, s.target_temperature,
                          s.temperature, s.potential_energy_per_atom, s.total_energy_per_atom, s.volume_per_atom,
                          s.pressure);
  };
  add("equilibrate", r.equilibration, 0);
  add("cool", r.cooling, r.equilibration.empty() ? 0 : r.equilibration.back().step);
  return text;
}

nlohmann::json fit_json(const md::TwoLineFit& f) {
  return {{"valid", f.valid},         {"break_temperature", f.break_x}, {"value_at_break", f.value_at_break},
          {"slope_low", f.slope_low}, {"slope_high", f.slope_high},     {"rms_residual", f.rms_residual}};
}

nlohmann::json summary_json(const QuenchOptions& o, const md::PotentialSpec& spec, const md::System& glass,
                            const md::LinearQuenchResult& r, double seconds) {
  nlohmann::json j = {{"natoms", glass.size()},
                      {"potential", spec.name},
                      {"units", md::unit_name(spec.units)},
                      {"ensemble", o.ensemble},
                      {"t_start", o.t_start},
                      {"t_end", o.t_end},
                      {"rate", o.rate},
                      {"dt", o.dt},
                      {"steps", r.steps},
                      {"seed", o.seed},
                      {"tg_energy", r.energy_fit.valid ? nlohmann::json(r.energy_fit.break_x) : nlohmann::json()},
                      {"energy_fit", fit_json(r.energy_fit)},
                      {"fit_max_temperature", r.fit_max_temperature},
                      {"final_temperature", r.final_temperature},
                      {"final_potential_energy_per_atom", r.final_potential_energy_per_atom},
                      {"final_volume_per_atom", r.final_volume_per_atom},
                      {"inherent_structure_energy_per_atom", r.inherent_structure_energy_per_atom},
                      {"inherent_structure_converged", r.inherent_structure_converged},
                      {"wall_seconds", seconds}};
  if (o.t_switch >= 0.0) j["t_switch"] = o.t_switch, j["rate_below"] = o.rate_below;
  if (o.ensemble == "npt") {
    j["volume_fit"] = fit_json(r.volume_fit);
    j["tg_volume"] = r.volume_fit.valid ? nlohmann::json(r.volume_fit.break_x) : nlohmann::json();
    j["pressure"] = o.pressure;
  }
  return j;
}

void run_quench(const QuenchOptions& o) {
  set_thread_count(o.threads);
  const auto started = std::chrono::steady_clock::now();
  const md::PotentialSpec spec = md::load_potential(o.potential);
  const md::LinearQuenchOptions q = quench_options(o);
  md::System system = initial_system(o, spec);
  md::ForceCompute forces(spec.pair, default_skin(spec.units, o.skin));
  std::cerr << fmt::format("quench: {} atoms of {}, {} from T = {} to {} at rate {} (dt {})\n", system.size(),
                           spec.name, o.ensemble, o.t_start, o.t_end, o.rate, o.dt);
  long next_report = 0;
  const md::LinearQuenchResult r = md::run_linear_quench(
      system, forces, q, [&](const std::string& phase, const md::ThermoSample& s, long total) {
        const long percent = total > 0 ? 100 * s.step / total : 100;
        if (phase == "equilibrate" && s.step + o.sample_every <= total) return;
        if (phase == "cool") {
          if (percent < next_report) return;
          next_report = percent + 10;
        }
        std::cerr << fmt::format("quench: {:11s} {:3d}%  T_target {:.4f}  T {:.4f}  E_pot/N {:.5f}  V/N {:.4f}\n",
                                 phase, percent, s.target_temperature, s.temperature, s.potential_energy_per_atom,
                                 s.volume_per_atom);
      });
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::filesystem::create_directories(o.out);
  const std::string csv = o.out + "/quench.csv", summary = o.out + "/summary.json";
  const nlohmann::json j = summary_json(o, spec, system, r, seconds);
  write_file_atomically(csv, [&](std::ostream& out) { out << samples_csv(r); });
  md::write_lammps_data(o.out + "/glass.data", system);
  write_file_atomically(summary, [&](std::ostream& out) { out << j.dump(2) << "\n"; });
  if (!o.no_plot) run_plot_script("tools/plots/plot_quench.py", {csv, summary, o.out + "/quench.png"});
  if (o.json) {
    print_json(j);
  } else {
    std::cout << fmt::format(
        "glass: {} atoms, E_pot/N = {:.5f} at T = {:.4f}; inherent structure E/N = {:.5f}; Tg (E-T slope change) "
        "= {:.4f}\nwrote {}/quench.csv, summary.json, glass.data{}\n",
        system.size(), r.final_potential_energy_per_atom, r.final_temperature, r.inherent_structure_energy_per_atom,
        r.energy_fit.break_x, o.out, o.no_plot ? "" : ", quench.png");
  }
}

}  // namespace

void register_quench_command(CLI::App& app) {
  auto o = std::make_shared<QuenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "quench",
      "Make a glass by a linear (or two-step) melt quench; report its energy, inherent-structure energy and Tg. "
      "Defaults: 500-atom Wahnstrom 50:50, V/N = 0.767 sigma^3, NVT Nose-Hoover, T 2.0 -> 0.1 at 5e-3 per tau");
  cmd->add_option("--out", o->out, "output directory (quench.csv, summary.json, glass.data, quench.png)")
      ->capture_default_str();
  cmd->add_option("--natoms", o->natoms, "number of atoms of the random start")->capture_default_str();
  cmd->add_option("--rate", o->rate, "cooling rate |dT/dt| (temperature/time; above T* for two-step)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--potential", o->potential, "preset or TOML potential (two types for a random start)")
      ->capture_default_str();
  cmd->add_option("--data", o->data, "start from this LAMMPS data file instead of a random liquid");
  cmd->add_option("--volume-per-atom", o->volume_per_atom, "volume per atom of the random start (length^3)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--fraction", o->fraction_type1, "fraction of type-1 atoms of the random start")
      ->capture_default_str();
  cmd->add_option("--t-start", o->t_start, "liquid temperature (temperature)")->capture_default_str()
      ->check(positive());
  cmd->add_option("--t-end", o->t_end, "final temperature (temperature)")->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--t-switch", o->t_switch, "two-step ramp: temperature T* where the rate switches")
      ->check(positive());
  cmd->add_option("--rate-below", o->rate_below, "two-step ramp: cooling rate below T* (temperature/time)")
      ->check(positive());
  cmd->add_option("--schedule", o->schedule, "cooling schedule file 'time temperature' (replaces the ramp)");
  cmd->add_option("--equilibrate", o->equilibrate, "time at --t-start before cooling (time)")->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--ensemble", o->ensemble, "nvt-nh, nvt-langevin or npt")->capture_default_str();
  cmd->add_option("--pressure", o->pressure, "npt target pressure (pressure)")->capture_default_str();
  cmd->add_option("--dt", o->dt, "time step (time)")->capture_default_str()
      ->check(positive());
  cmd->add_option("--tdamp", o->tdamp, "thermostat damping (time; default 100 dt)")
      ->check(positive());
  cmd->add_option("--pdamp", o->pdamp, "barostat damping (time; default 1000 dt)")
      ->check(positive());
  cmd->add_option("--fit-max", o->fit_max,
                  "Tg fit window: only samples with T_target <= this (default: lower half of the ramp)")
      ->check(positive());
  cmd->add_option("--sample-every", o->sample_every, "steps per averaged row of quench.csv")->capture_default_str();
  cmd->add_option("--skin", o->skin, "neighbour skin (length; default 0.3 lj, 1.0 metal)")
      ->check(non_negative());
  cmd->add_option("--seed", o->seed, "seed of the random start, velocities and Langevin noise")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: default)");
  cmd->add_flag("--no-plot", o->no_plot, "do not run the plot script");
  cmd->add_flag("--json", o->json, "print summary.json on stdout");
  cmd->callback([o] { run_quench(*o); });
}

}  // namespace glassland::bridge
