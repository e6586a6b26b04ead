#pragma once
// Library code names what is wrong by the field of its options ("timestep: must be > 0"); the
// user of the command line knows only its flags. main() rewrites an InputError from the command
// that ran: a field is named by the command's flag from the standard spelling table below when
// the command has that flag, or by the command's own override (harvest spells the NEB's `fmax`
// as --neb-fmax). Fields a command has no flag for keep their names; so do file and TOML
// locations.
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "md/Error.hpp"

namespace glassland::bridge {

/// Flags of `command` (a leaf subcommand name such as "harvest" or "info") that spell a
/// library field otherwise than the standard table; call from the command's register function.
void register_option_names(const std::string& command, std::map<std::string, std::string> field_to_flag);

/// `error` in the terms of the subcommand of `app` that was run.
InputError in_command_terms(const CLI::App& app, const InputError& error);

}  // namespace glassland::bridge
