#pragma once
// Running a program from a test: the `glassland` executable (GLASSLAND_BINARY) or a peer
// program such as LAMMPS' `lmp`, capturing its exit status and output.
#include <string>

namespace glassland::test {

struct CommandResult {
  int status = -1;   ///< exit status (-1 if the program did not exit normally)
  std::string out;   ///< standard output
  std::string err;   ///< standard error
};

/// Runs `command` through the shell in directory `dir` (stdout/stderr kept in files there).
CommandResult run_command(const std::string& dir, const std::string& command);
/// Runs `glassland ARGS` in `dir`.
CommandResult run_glassland(const std::string& dir, const std::string& args);
/// True if `program` is on the PATH.
bool have_program(const std::string& program);
/// Whole content of a text file ("" if it cannot be read).
std::string read_text(const std::string& path);

}  // namespace glassland::test
