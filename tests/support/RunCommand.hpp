#pragma once
// The one way a test runs a program: the `glassland` executable (GLASSLAND_BINARY) or a peer
// program such as LAMMPS' `lmp`, capturing its exit status and output.
#include <string>

namespace glassland::test {

struct CommandResult {
  int status = -1;   ///< exit status (-1 if the program did not exit normally, e.g. killed)
  std::string out;   ///< standard output
  std::string err;   ///< standard error
};

/// Runs `command` through the shell in directory `dir` (stdout/stderr kept in files there).
CommandResult run_command(const std::string& dir, const std::string& command);
/// Runs `environment glassland ARGS` in `dir`. One OpenMP thread unless the arguments say
/// otherwise (--threads), so results do not depend on the machine running the tests.
CommandResult run_glassland(const std::string& dir, const std::string& args,
                            const std::string& environment = "OMP_NUM_THREADS=1");
/// Runs `glassland ARGS` (one OpenMP thread) with the fault-injection plan
/// GLASSLAND_KILL_AT=`kill_at` (md/FaultInjection.hpp; none if empty), stdout and stderr to
/// `log`; returns the raw wait status (-1 if it could not be started). The kill lands at the same
/// output commit every time, where a kill sent from the test would race the run.
int run_glassland_with_kill_plan(const std::string& args, const std::string& kill_at, const std::string& log);
/// For a raw wait status: killed by SIGKILL / exited with status 0.
bool killed_by_sigkill(int status);
bool exited_cleanly(int status);
/// True if `program` is on the PATH.
bool have_program(const std::string& program);
/// Whole content of a file, byte for byte ("" if it cannot be read).
std::string read_text(const std::string& path);

}  // namespace glassland::test
