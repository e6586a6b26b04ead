#pragma once
// Pieces shared by the MD commands (md, quench, analyze), registered together by
// register_md_commands() in MdCommands.cpp.
#include <string>

#include <CLI/CLI.hpp>

#include "bridge/RunInputs.hpp"

namespace glassland::bridge {

void register_md_run_command(CLI::App& app);   // md       (MdRunCommand.cpp)
void register_quench_command(CLI::App& app);   // quench   (QuenchCommand.cpp)
void register_analyze_command(CLI::App& app);  // analyze  (AnalyzeCommand.cpp)

/// Sets the OpenMP thread count (0 = leave the default). Throws InputError("--threads").
void set_thread_count(int threads);

}  // namespace glassland::bridge
