// `glassland md --data FILE --potential P --ensemble nve --dt DT --steps N --dump OUT
//  --dump-every K [--json]`: integrates a configuration, optionally writing a LAMMPS dump, a
// thermo CSV, time correlations (MSD, F_s) and the final configuration.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <unistd.h>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "bridge/cli/MdCommandParts.hpp"
#include "md/AtomicFile.hpp"
#include "md/DumpWriter.hpp"
#include "md/Error.hpp"
#include "md/IntegratorRegistry.hpp"
#include "md/LammpsData.hpp"
#include "md/MeanSquaredDisplacement.hpp"
#include "md/SimdLevel.hpp"
#include "md/Threads.hpp"
#include "md/SelfIntermediateScattering.hpp"
#include "md/TemperatureSchedule.hpp"
#include "md/Thermo.hpp"

namespace glassland::bridge {

namespace {

struct MdOptions {
  std::string data, potential, ensemble = "nve", dump, thermo_file, correlations, write_data, schedule;
  double dt = 0.0, temperature = -1.0, tdamp = 0.0, pressure = 0.0, pdamp = 0.0, skin = 0.0;
  double init_temperature = -1.0;
  std::string coupling = "iso";
  std::vector<double> fs_q;
  long steps = 0, dump_every = 0, thermo_every = 0;
  std::uint64_t seed = 1;
  int threads = 0;
  bool json = false;
};

md::IntegratorParameters integrator_parameters(const MdOptions& o, const std::optional<md::TemperatureSchedule>& schedule) {
  // An unknown ensemble is reported before any option that depends on it.
  md::make_integrator(o.ensemble, md::IntegratorParameters{});
  md::IntegratorParameters p;
  p.timestep = require_positive("--dt", o.dt);
  const bool thermostatted = o.ensemble != "nve";
  if (thermostatted && o.temperature < 0.0 && !schedule)
    throw InputError("--temperature", "required for ensemble '" + o.ensemble + "' (or give --schedule)");
  p.temperature = schedule ? schedule->temperature_at(0.0) : std::max(0.0, o.temperature);
  // LAMMPS' usual choices: Tdamp = 100 dt, Pdamp = 1000 dt.
  p.temperature_damping = o.tdamp > 0.0 ? o.tdamp : 100.0 * o.dt;
  p.pressure_damping = o.pdamp > 0.0 ? o.pdamp : 1000.0 * o.dt;
  p.pressure = o.pressure;
  if (o.coupling != "iso" && o.coupling != "ortho") throw InputError("--coupling", "must be 'iso' or 'ortho'");
  p.coupling = o.coupling == "iso" ? md::BarostatCoupling::isotropic : md::BarostatCoupling::orthorhombic;
  p.seed = o.seed;
  return p;
}

/// Steps at which time correlations are sampled: ~10 per decade, plus every thermo_every.
std::set<long> correlation_steps(long steps) {
  std::set<long> out;
  for (int k = 0; k <= 200; ++k) {
    const long s = std::lround(std::pow(10.0, k / 10.0));
    if (s > steps) break;
    out.insert(s);
  }
  out.insert(steps);
  return out;
}

class MdRun {
public:
  explicit MdRun(const MdOptions& o) : o_(o), spec_(md::load_potential(o.potential)) {
    if (o.steps < 0) throw InputError("--steps", "must be >= 0");
    if (o.dump_every < 0) throw InputError("--dump-every", "must be >= 0");
    if (o.thermo_every < 0) throw InputError("--thermo-every", "must be >= 0");
    if (!o.schedule.empty()) schedule_ = md::TemperatureSchedule::from_file(o.schedule);
    parameters_ = integrator_parameters(o, schedule_);
    integrator_ = md::make_integrator(o.ensemble, parameters_);
    system_ = read_system_for(o.data, spec_);
    if (o.init_temperature >= 0.0) md::assign_maxwell_velocities(system_, o.init_temperature, o.seed);
    forces_ = std::make_unique<md::ForceCompute>(spec_.pair, default_skin(spec_.units, o.skin));
    for (double q : o.fs_q) require_positive("--fs-q", q);
  }

  void run() {
    const md::ForceTotals initial = integrator_->setup(system_, *forces_);
    const md::Thermo first = thermo(initial);
    std::unique_ptr<md::DumpWriter> dump;
    if (!o_.dump.empty()) {
      dump = std::make_unique<md::DumpWriter>(temporary_path(o_.dump), true);
      dump->write(system_, 0);
    }
    record_thermo(0, first);
    const md::MeanSquaredDisplacement msd(system_);
    std::vector<md::SelfIntermediateScattering> fs;
    for (double q : o_.fs_q) fs.emplace_back(system_, q);
    const auto sample_at = correlation_steps(o_.steps);
    correlations_ << "step,time,msd" << q_header() << "\n";
    const long progress_every = o_.thermo_every > 0 ? o_.thermo_every : (o_.steps >= 20000 ? o_.steps / 10 : 0);
    md::ForceTotals totals = initial;
    const auto loop_start = std::chrono::steady_clock::now();
    const std::vector<double> cpu_start = md::thread_cpu_seconds();
    for (long step = 1; step <= o_.steps; ++step) {
      if (schedule_) integrator_->set_target_temperature(schedule_->temperature_at((step - 0.5) * o_.dt));
      totals = integrator_->step(system_, *forces_);
      if (dump && o_.dump_every > 0 && step % o_.dump_every == 0) dump->write(system_, step);
      if (o_.thermo_every > 0 && step % o_.thermo_every == 0) record_thermo(step, thermo(totals));
      if (!o_.correlations.empty() && sample_at.count(step)) record_correlations(step, msd, fs);
      if (progress_every > 0 && step % progress_every == 0) print_progress(step, thermo(totals));
    }
    // Wall clock of the step loop alone (like LAMMPS' "Loop time"): compare_lammps.sh rates.
    loop_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - loop_start).count();
    loop_thread_cpu_ = md::thread_cpu_seconds();
    for (std::size_t t = 0; t < loop_thread_cpu_.size() && t < cpu_start.size(); ++t) loop_thread_cpu_[t] -= cpu_start[t];
    const md::Thermo last = thermo(totals);
    finish_files(dump);
    report(first, last);
  }

private:
  md::Thermo thermo(const md::ForceTotals& t) const {
    return md::compute_thermo(system_, t.energy, t.virial, integrator_->degrees_of_freedom(system_));
  }
  std::string q_header() const {
    std::string h;
    for (double q : o_.fs_q) h += fmt::format(",fs_q{}", q);
    return h;
  }
  void record_thermo(long step, const md::Thermo& t) {
    thermo_ << fmt::format("{},{},{},{},{},{},{},{},{}\n", step, step * o_.dt, t.temperature, t.potential_energy,
                           t.kinetic_energy, t.total_energy, t.pressure, t.volume,
                           t.total_energy + integrator_->reservoir_energy());
  }
  void record_correlations(long step, const md::MeanSquaredDisplacement& msd,
                           const std::vector<md::SelfIntermediateScattering>& fs) {
    correlations_ << fmt::format("{},{},{}", step, step * o_.dt, msd.total(system_));
    for (const auto& f : fs) correlations_ << fmt::format(",{}", f.compute(system_));
    correlations_ << "\n";
  }
  void print_progress(long step, const md::Thermo& t) const {
    std::cerr << fmt::format("md: step {}/{}  T {:.5g}  E_pot {:.8g}  E_tot {:.8g}  P {:.5g}  V {:.6g}\n", step,
                             o_.steps, t.temperature, t.potential_energy, t.total_energy, t.pressure, t.volume);
  }
  // Every output is complete as a temporary before the first is renamed, and the renames follow
  // back to back in a documented order -- thermo, correlations, dump, data file -- so a failure
  // while writing changes none, and a kill between renames leaves a prefix of that order new.
  void finish_files(std::unique_ptr<md::DumpWriter>& dump) {
    md::wrap_positions(system_);
    std::vector<std::pair<std::string, std::string>> staged;  // (temporary, output)
    if (!o_.thermo_file.empty())
      staged.emplace_back(write_temporary(o_.thermo_file, [&](std::ostream& out) {
                            out << "step,time,temperature,potential_energy,kinetic_energy,total_energy,pressure,volume,conserved\n"
                                << thermo_.str();
                          }), o_.thermo_file);
    if (!o_.correlations.empty())
      staged.emplace_back(write_temporary(o_.correlations, [&](std::ostream& out) { out << correlations_.str(); }),
                          o_.correlations);
    if (dump) {
      staged.emplace_back(dump->path(), o_.dump);
      dump.reset();  // closes the file
    }
    if (!o_.write_data.empty()) {
      const std::string text = md::format_lammps_data(system_);
      staged.emplace_back(write_temporary(o_.write_data, [&](std::ostream& out) { out << text; }), o_.write_data);
    }
    for (const auto& [temporary, output] : staged) commit_temporary(temporary, output);
  }
  void report(const md::Thermo& first, const md::Thermo& last) const {
    if (!o_.json) {
      std::cout << fmt::format("energy_total_initial {:.17g}\nenergy_total_final {:.17g}\n", first.total_energy,
                               last.total_energy);
      return;
    }
    print_json({{"natoms", system_.size()},
                {"steps", o_.steps},
                {"ensemble", integrator_->name()},
                {"units", md::unit_name(spec_.units)},
                {"energy_total_initial", first.total_energy},
                {"energy_total_final", last.total_energy},
                {"energy_potential_final", last.potential_energy},
                {"temperature_final", last.temperature},
                {"pressure_final", last.pressure},
                {"volume_final", last.volume},
                {"neighbor_builds", forces_->neighbor_builds()},
                // Timing varies from run to run; everything else is reproducible.
                {"timing", {{"loop_seconds", loop_seconds_}, {"loop_thread_cpu_seconds", loop_thread_cpu_}}},
                {"simd", md::simd_level_name(forces_->kernel_level())}});
  }

  MdOptions o_;
  md::PotentialSpec spec_;
  std::optional<md::TemperatureSchedule> schedule_;
  md::IntegratorParameters parameters_;
  std::unique_ptr<md::Integrator> integrator_;
  md::System system_;
  std::unique_ptr<md::ForceCompute> forces_;
  double loop_seconds_ = 0.0;
  std::vector<double> loop_thread_cpu_;  // CPU time of the step loop per OpenMP thread
  std::ostringstream thermo_, correlations_;
};

void run_md(const MdOptions& options) {
  // Every output's folder is checked before the run, so a bad --write-data cannot fail after
  // --thermo was already (over)written.
  const std::vector<std::pair<const char*, const std::string*>> outputs{
      {"--dump", &options.dump}, {"--thermo", &options.thermo_file}, {"--correlations", &options.correlations},
      {"--write-data", &options.write_data}};
  for (const auto& [flag, path] : outputs) require_output_folder(flag, *path);
  set_thread_count(options.threads);
  MdRun run(options);
  // Temporaries a killed run left (the dump's grows during the run) are removed first.
  for (const auto& [flag, path] : outputs)
    if (!path->empty()) remove_stale_temporaries(*path);
  try {
    run.run();
  } catch (...) {
    std::error_code ignored;
    for (const auto& [flag, path] : outputs)
      if (!path->empty()) std::filesystem::remove(temporary_path(*path), ignored);
    throw;
  }
}

}  // namespace

void register_md_run_command(CLI::App& app) {
  auto o = std::make_shared<MdOptions>();
  CLI::App* cmd = app.add_subcommand("md", "Molecular dynamics from the positions and velocities of a data file");
  cmd->add_option("--data", o->data, "LAMMPS data file (atom_style atomic; Velocities used if present)")->required();
  cmd->add_option("--potential", o->potential, "preset name or TOML potential file (sets units lj or metal)")
      ->required();
  cmd->add_option("--ensemble", o->ensemble,
                  "nve (velocity Verlet), nvt-nh (alias nvt: Nose-Hoover chain of 3), nvt-langevin (BAOAB), "
                  "npt (MTK barostat + Nose-Hoover chain)")
      ->capture_default_str();
  cmd->add_option("--dt", o->dt, "time step (time: tau for lj, ps for metal)")->required();
  cmd->add_option("--steps", o->steps, "number of time steps")->required();
  cmd->add_option("--dump", o->dump,
                  "LAMMPS text dump 'ITEM: ATOMS id type x y z', positions WRAPPED into the box; frame 0 and every "
                  "--dump-every steps");
  cmd->add_option("--dump-every", o->dump_every, "steps between dump frames (0: only the initial frame)");
  cmd->add_flag("--json", o->json,
                "print JSON with energy_total_initial, energy_total_final (potential + kinetic, energy units) "
                "and final temperature, pressure, volume");
  cmd->add_option("--temperature", o->temperature, "thermostat target (temperature: eps/k_B for lj, K for metal)")
      ->check(non_negative());
  cmd->add_option("--tdamp", o->tdamp, "thermostat damping time (time; default 100 dt)")
      ->check(positive());
  cmd->add_option("--pressure", o->pressure, "barostat target (pressure: eps/sigma^3 for lj, bar for metal)")
      ->capture_default_str();
  cmd->add_option("--pdamp", o->pdamp, "barostat damping time (time; default 1000 dt)")
      ->check(positive());
  cmd->add_option("--coupling", o->coupling, "npt coupling: iso or ortho (each box length separately)")
      ->capture_default_str();
  cmd->add_option("--schedule", o->schedule,
                  "temperature schedule file 'time temperature' per line (time from the run's start); overrides "
                  "--temperature");
  cmd->add_option("--init-temperature", o->init_temperature,
                  "replace the file's velocities by Maxwell-Boltzmann ones at this temperature (seeded by --seed)")
      ->check(non_negative());
  cmd->add_option("--seed", o->seed, "seed for Langevin noise and --init-temperature")->capture_default_str();
  cmd->add_option("--thermo", o->thermo_file,
                  "CSV of step,time,temperature,potential_energy,kinetic_energy,total_energy,pressure,volume,"
                  "conserved every --thermo-every steps");
  cmd->add_option("--thermo-every", o->thermo_every, "steps between thermo rows and progress lines on stderr");
  cmd->add_option("--correlations", o->correlations,
                  "CSV of step,time,msd(length^2),fs_q<q>... at ~10 log-spaced steps per decade (origin: step 0; "
                  "unwrapped positions)");
  cmd->add_option("--fs-q", o->fs_q, "wave number(s) |q| (1/length) for F_s(q,t) in --correlations");
  cmd->add_option("--write-data", o->write_data, "write the final configuration (wrapped) as a LAMMPS data file");
  cmd->add_option("--skin", o->skin, "neighbour skin (length; default 0.3 lj, 1.0 metal)")
      ->check(non_negative());
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: OMP_NUM_THREADS or all cores)");
  cmd->callback([o] { run_md(*o); });
}

}  // namespace glassland::bridge
