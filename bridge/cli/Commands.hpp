#pragma once
// Every `glassland` subcommand is registered here, in one place (see Commands.cpp).
#include <CLI/CLI.hpp>

namespace glassland::bridge {

void register_all_commands(CLI::App& app);

// One function per command family; each lives in its own file.
void register_eval_command(CLI::App& app);        // eval                     (EvalCommand.cpp)
void register_md_commands(CLI::App& app);         // md, quench               (MdCommands.cpp)
void register_shear_command(CLI::App& app);       // shear                    (ShearCommand.cpp)
void register_dma_command(CLI::App& app);         // dma                      (DmaCommand.cpp)
void register_landscape_commands(CLI::App& app);  // neb, harvest              (LandscapeCommands.cpp)
void register_kmc_commands(CLI::App& app);        // catalog ..., kmc          (KmcCommands.cpp)
void register_akmc_command(CLI::App& app);        // akmc (on-the-fly kMC)     (AkmcCommand.cpp)
void register_model_commands(CLI::App& app);      // landscape-model, ... fit  (ModelCommands.cpp)
CLI::App* register_creep_fit_command(CLI::App& landscape_model);  // landscape-model creep-fit (CreepFitCommand.cpp)
void register_pipeline_command(CLI::App& app);    // pipeline (default job)    (PipelineCommand.cpp)
void register_validate_command(CLI::App& app);    // validate                  (ValidateCommand.cpp)
void register_info_command(CLI::App& app);        // info (binary facts)       (InfoCommand.cpp)

}  // namespace glassland::bridge
