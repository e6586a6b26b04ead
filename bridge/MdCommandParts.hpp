#pragma once
// Pieces shared by the MD commands (md, quench, analyze), registered together by
// register_md_commands() in MdCommands.cpp.
#include <string>

#include <CLI/CLI.hpp>

#include "md/PotentialRegistry.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

void register_md_run_command(CLI::App& app);   // md       (MdRunCommand.cpp)
void register_quench_command(CLI::App& app);   // quench   (QuenchCommand.cpp)
void register_analyze_command(CLI::App& app);  // analyze  (AnalyzeCommand.cpp)

/// Reads a LAMMPS data file in the potential's units, fills masses missing from the file
/// from the potential, and checks that the potential covers every atom type.
md::System read_system_for(const std::string& data_path, const md::PotentialSpec& spec);

/// Sets the OpenMP thread count (0 = leave the default). Throws InputError("--threads").
void set_thread_count(int threads);

/// Neighbour skin used by the commands: 0.3 σ (lj) or 1.0 Å (metal) unless given (> 0).
double default_skin(md::UnitSystem units, double requested);

}  // namespace glassland::bridge
