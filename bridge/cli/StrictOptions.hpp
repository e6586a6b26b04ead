#pragma once
// Strict number options for every subcommand. CLI11 2.1 reads integers with strtoll in base 0:
// an overflowing `--steps 99999999999999999999` is clamped to 9.2e18, `-1` wraps for unsigned
// options, and `010` is octal; floating options accept `nan` and `inf`. None of these is ever
// meant by a user, so every numeric option of every command is checked here, in one place,
// after all commands are registered (the commands themselves then only check ranges).
#include <CLI/CLI.hpp>

namespace glassland::bridge {

/// Adds to every option of `app` and its subcommands (recursively), by the option's type:
/// integers must be plain decimal digits within the type's range (leading zeros are read as
/// decimal), floating-point numbers must be finite. Errors name the option and the value.
void require_strict_numbers(CLI::App& app);

/// A number >= 0 (a clean one-line message, unlike CLI::NonNegativeNumber's range text).
CLI::Validator non_negative();

/// A number > 0 (for integers: >= 1). Add after default_val: CLI11 checks defaults given later.
CLI::Validator positive();

/// A number strictly between 0 and 1 (confidence levels, significances).
CLI::Validator open_unit_interval();

}  // namespace glassland::bridge
