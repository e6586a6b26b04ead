#pragma once
// Running the `glassland` executable from a test (path GLASSLAND_BINARY): exit status and what
// it printed. Header-only so any test binary can use it.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace glassland::test {

struct CliRun {
  int status = 0;
  std::string out, err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `prefix glassland args` in a shell (prefix: environment or a launcher such as mpirun),
/// stdout and stderr captured through files in `dir`.
inline CliRun run_glassland(const std::string& dir, const std::string& args, const std::string& prefix = "OMP_NUM_THREADS=1") {
  const std::string command = prefix + " " + std::string(GLASSLAND_BINARY) + " " + args + " > " + dir + "/cli_out.txt 2> " +
                              dir + "/cli_err.txt";
  const int status = std::system(command.c_str());
  return {WEXITSTATUS(status), slurp(dir + "/cli_out.txt"), slurp(dir + "/cli_err.txt")};
}

}  // namespace glassland::test
