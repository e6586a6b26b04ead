#include "tests/support/RunCommand.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

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

int run_glassland_with_kill_plan(const std::string& args, const std::string& kill_at, const std::string& log) {
  std::vector<std::string> words;
  std::istringstream in(args);
  for (std::string w; in >> w;) words.push_back(w);
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("OMP_NUM_THREADS", "1", 1);
    if (kill_at.empty()) unsetenv("GLASSLAND_KILL_AT");
    else setenv("GLASSLAND_KILL_AT", kill_at.c_str(), 1);
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(GLASSLAND_BINARY)};
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    execv(GLASSLAND_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1;
  return status;
}

bool killed_by_sigkill(int status) { return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL; }
bool exited_cleanly(int status) { return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0; }

bool have_program(const std::string& program) {
  return std::system(("command -v " + program + " > /dev/null 2>&1").c_str()) == 0;
}

}  // namespace glassland::test
