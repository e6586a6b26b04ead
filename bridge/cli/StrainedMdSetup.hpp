#pragma once
// What `glassland shear` and `glassland dma` share: the options of a thermostatted MD run on a
// data file (potential, temperature, time step, thermostat, equilibration, seed), and the
// loaded system, forces and integrator that both then drive with a shear strain
// (md/ShearDrivenDynamics).
#include <cstdint>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "md/ForceCompute.hpp"
#include "md/Integrator.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

struct StrainedMdOptions {
  std::string data, potential, out, ensemble = "nvt-nh";
  double temperature = -1.0;  ///< thermostat target (temperature unit)
  double dt = 0.0;            ///< time step (time); 0: 0.002 ps (metal) or 0.005 tau (lj)
  double tdamp = 0.0;         ///< thermostat damping (time); 0: 100 dt
  double skin = 0.0;          ///< neighbour skin (length); 0: default_skin()
  long equilibrate_steps = 2000;
  std::uint64_t seed = 1;
  int threads = 0;
  bool keep_velocities = false, json = false;
};

/// Adds the shared options (--data, --potential, --temperature, --out, --dt, ...) to `cmd`.
void add_strained_md_options(CLI::App& cmd, StrainedMdOptions& o);

struct StrainedMd {
  md::PotentialSpec spec;
  md::System system;
  std::unique_ptr<md::ForceCompute> forces;
  std::unique_ptr<md::Integrator> integrator;
  double timestep = 0.0;
};

/// Validates the options, reads the system, draws velocities at --temperature (unless
/// --keep-velocities) and creates the thermostat.
StrainedMd prepare_strained_md(const StrainedMdOptions& o);

/// Creates the --out directory (called once the run has succeeded, so a failed run leaves none).
void create_output_directory(const std::string& out);

/// Runs the thermostat for `steps` steps at zero imposed strain.
void equilibrate(StrainedMd& md, long steps);

/// The shared part of a command's summary.json (natoms, units, stress unit, temperature, dt, ...).
nlohmann::json strained_md_summary(const StrainedMdOptions& o, const StrainedMd& md);

/// Writes --out/summary.json and prints it (--json) or else `text`.
void write_summary(const StrainedMdOptions& o, const nlohmann::json& summary, const std::string& text);

}  // namespace glassland::bridge
