#include "bridge/cli/StrainedMdSetup.hpp"

#include <filesystem>
#include <iostream>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/MdCommandParts.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/IntegratorRegistry.hpp"
#include "md/Thermo.hpp"

namespace glassland::bridge {

void add_strained_md_options(CLI::App& cmd, StrainedMdOptions& o) {
  cmd.add_option("--data", o.data, "LAMMPS data file (orthorhombic or with an xy tilt)")->required();
  cmd.add_option("--potential", o.potential, "preset name or TOML potential file (sets units lj or metal)")->required();
  cmd.add_option("--temperature", o.temperature, "thermostat target (temperature: K metal, eps/k_B lj)")->required()
      ->check(positive());
  cmd.add_option("--out", o.out, "output directory")->required();
  cmd.add_option("--ensemble", o.ensemble, "thermostat: nvt-nh (Nose-Hoover chain) or nvt-langevin (BAOAB)")
      ->capture_default_str();
  cmd.add_option("--dt", o.dt, "time step (time: ps metal, tau lj; default 0.002 ps or 0.005 tau)")
      ->check(positive());
  cmd.add_option("--tdamp", o.tdamp, "thermostat damping time (time; default 100 dt)")
      ->check(positive());
  cmd.add_option("--equilibrate-steps", o.equilibrate_steps, "thermostatted steps at zero strain before the test")
      ->capture_default_str();
  cmd.add_flag("--keep-velocities", o.keep_velocities,
               "start from the data file's velocities instead of Maxwell-Boltzmann ones at --temperature");
  cmd.add_option("--seed", o.seed, "seed of the initial velocities and of Langevin noise")->capture_default_str();
  cmd.add_option("--skin", o.skin, "neighbour skin (length; default 0.3 lj, 1.0 metal)")
      ->check(non_negative());
  cmd.add_option("--threads", o.threads, "OpenMP threads (0: default)")
      ->check(non_negative());
  cmd.add_flag("--json", o.json, "print the summary as JSON");
}

namespace {

md::IntegratorParameters thermostat_parameters(const StrainedMdOptions& o, double dt) {
  if (o.ensemble != "nvt-nh" && o.ensemble != "nvt" && o.ensemble != "nvt-langevin")
    throw InputError("--ensemble", "must be nvt-nh or nvt-langevin (the box shape is imposed)");
  md::IntegratorParameters p;
  p.timestep = dt;
  p.temperature = o.temperature;
  p.temperature_damping = o.tdamp > 0.0 ? o.tdamp : 100.0 * dt;
  p.seed = o.seed;
  return p;
}

}  // namespace

StrainedMd prepare_strained_md(const StrainedMdOptions& o) {
  set_thread_count(o.threads);
  if (!(o.temperature >= 0.0)) throw InputError("--temperature", "must be >= 0");
  if (o.equilibrate_steps < 0) throw InputError("--equilibrate-steps", "must be >= 0");
  StrainedMd md;
  md.spec = md::load_potential(o.potential);
  md.timestep = o.dt > 0.0 ? o.dt : (md.spec.units == md::UnitSystem::metal ? 0.002 : 0.005);
  require_positive("--dt", md.timestep);
  md.integrator = md::make_integrator(o.ensemble, thermostat_parameters(o, md.timestep));
  md.system = read_system_for(o.data, md.spec);
  if (!o.keep_velocities) md::assign_maxwell_velocities(md.system, o.temperature, o.seed);
  md.forces = std::make_unique<md::ForceCompute>(md.spec.pair, default_skin(md.spec.units, o.skin));
  return md;
}

void create_output_directory(const std::string& out) {
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error) throw InputError("--out", "cannot create directory " + out + ": " + error.message());
}

void equilibrate(StrainedMd& md, long steps) {
  if (steps <= 0) return;
  md.integrator->setup(md.system, *md.forces);
  for (long step = 0; step < steps; ++step) md.integrator->step(md.system, *md.forces);
}

nlohmann::json strained_md_summary(const StrainedMdOptions& o, const StrainedMd& md) {
  return {{"data", o.data},
          {"potential", md.spec.name},
          {"units", md::unit_name(md.spec.units)},
          {"natoms", md.system.size()},
          {"temperature", o.temperature},
          {"ensemble", md.integrator->name()},
          {"dt", md.timestep},
          {"equilibrate_steps", o.equilibrate_steps},
          {"seed", o.seed},
          {"stress_unit", md.spec.units == md::UnitSystem::metal ? "bar" : "eps/sigma^3"}};
}

void write_summary(const StrainedMdOptions& o, const nlohmann::json& summary, const std::string& text) {
  write_file_atomically(o.out + "/summary.json", [&](std::ostream& out) { out << summary.dump(2) << "\n"; });
  if (o.json) {
    print_json(summary);
  } else {
    std::cout << text;
  }
}

}  // namespace glassland::bridge
