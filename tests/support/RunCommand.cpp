#include "tests/support/RunCommand.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace glassland::test {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult run_command(const std::string& dir, const std::string& command) {
  const std::string out = dir + "/command.stdout", err = dir + "/command.stderr";
  const std::string line = "cd '" + dir + "' && " + command + " > '" + out + "' 2> '" + err + "'";
  const int raw = std::system(line.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_text(out), read_text(err)};
}

CommandResult run_glassland(const std::string& dir, const std::string& args, const std::string& environment) {
  return run_command(dir, environment + " '" + GLASSLAND_BINARY + "' " + args);
}

bool have_program(const std::string& program) {
  return std::system(("command -v " + program + " > /dev/null 2>&1").c_str()) == 0;
}

}  // namespace glassland::test
