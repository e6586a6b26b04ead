// kill -9 and --resume: `glassland akmc` on the 256-atom Wahnström glass with a checkpoint after
// every event is killed with SIGKILL once its checkpoint holds a few events, then resumed with
// --resume. The resumed run must end with the same trajectory.csv, catalog and summary (timings
// aside) as an uninterrupted run with the same seed, and leave no temporary file in its
// directory (every output is written to a temporary and renamed; a resume removes the
// temporaries a killed run left behind). Likewise a run stopped by --wall-max: it stops between
// events, so its trajectory is a prefix of the uninterrupted one wherever the wall clock stopped
// it, and --resume continues it to the same end.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bridge/akmc/AkmcCheckpoint.hpp"
#include "tests/support/Cli.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

const std::string kGlass = std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data";
constexpr int kEvents = 8;

std::string akmc_args(const std::string& out) {
  return "akmc --data " + kGlass + " --potential wahnstrom-sf --temperature 0.45 --time-max 1e30 --events-max " +
         std::to_string(kEvents) + " --seed 3 --fixed-searches 4 --batch 4 --prefactor 1 --quiet --threads 1 "
         "--checkpoint-events 1 --out " + out;
}

/// Starts `glassland args` (stdout and stderr to `log`) without waiting for it.
pid_t start_glassland(const std::string& args, const std::string& log) {
  std::vector<std::string> words;
  std::istringstream in(args);
  for (std::string w; in >> w;) words.push_back(w);
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("OMP_NUM_THREADS", "1", 1);
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(GLASSLAND_BINARY)};
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    execv(GLASSLAND_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

/// Events recorded in the checkpoint of `dir` (0 while there is none).
std::size_t checkpointed_events(const std::string& dir) {
  if (!std::filesystem::exists(dir + "/checkpoint.akmc")) return 0;
  return bridge::load_akmc_checkpoint(dir + "/checkpoint.akmc").state.at("run").at("rows").size();
}

nlohmann::json without_timings(nlohmann::json summary) {
  summary.erase("wall_seconds");
  summary.erase("cpu_seconds");
  return summary;
}

}  // namespace

TEST_CASE("akmc killed with SIGKILL resumes to the uninterrupted trajectory", "[akmc][cli][resume]") {
  const std::string dir = test::scratch_dir("akmc_kill");
  const test::CliRun full = test::run_glassland(dir, akmc_args(dir + "/full"));
  INFO(full.err);
  REQUIRE(full.status == 0);

  const std::string killed = dir + "/killed";
  const pid_t pid = start_glassland(akmc_args(killed), dir + "/killed.log");
  REQUIRE(pid > 0);
  // Kill once 3 events are checkpointed (of 8): the run is then between checkpoints 3 and 8.
  bool exited = false;
  int status = 0;
  std::size_t seen = 0;
  while (!exited && seen < 3) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    exited = waitpid(pid, &status, WNOHANG) == pid;
    seen = checkpointed_events(killed);
  }
  if (!exited) {
    kill(pid, SIGKILL);
    REQUIRE(waitpid(pid, &status, 0) == pid);
  }
  INFO(test::slurp(dir + "/killed.log"));
  // The run must really have been killed mid-way (not finished before we looked).
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(WTERMSIG(status) == SIGKILL);
  const std::size_t at_kill = checkpointed_events(killed);
  CHECK(at_kill >= 3);
  // A loaded machine may deschedule this loop long enough for the run to checkpoint its last
  // event; it is still killed before its final outputs (no summary), which is what is tested.
  CHECK(at_kill <= static_cast<std::size_t>(kEvents));
  CHECK_FALSE(std::filesystem::exists(killed + "/summary.json"));

  const test::CliRun resumed = test::run_glassland(dir, akmc_args(killed) + " --resume --json");
  INFO(resumed.err);
  REQUIRE(resumed.status == 0);
  CHECK(test::slurp(killed + "/trajectory.csv") == test::slurp(dir + "/full/trajectory.csv"));
  CHECK(test::slurp(killed + "/catalog.glcat") == test::slurp(dir + "/full/catalog.glcat"));
  CHECK(test::slurp(killed + "/minima.dump") == test::slurp(dir + "/full/minima.dump"));
  const auto a = nlohmann::json::parse(test::slurp(killed + "/summary.json"));
  const auto b = nlohmann::json::parse(test::slurp(dir + "/full/summary.json"));
  CHECK(a["events"] == kEvents);
  CHECK(without_timings(a) == without_timings(b));
  for (const auto& entry : std::filesystem::directory_iterator(killed))
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
}

TEST_CASE("a run stopped by --wall-max is a prefix of the full trajectory and resumes to it", "[akmc][cli][resume]") {
  const std::string dir = test::scratch_dir("akmc_wall");
  const test::CliRun full = test::run_glassland(dir, akmc_args(dir + "/full"));
  INFO(full.err);
  REQUIRE(full.status == 0);
  const std::string expected = test::slurp(dir + "/full/trajectory.csv");
  // Where 0.5 wall seconds end depends on the machine; what it produced must not.
  const test::CliRun limited = test::run_glassland(dir, akmc_args(dir + "/wall") + " --wall-max 0.5");
  INFO(limited.err);
  REQUIRE(limited.status == 0);
  const std::string prefix = test::slurp(dir + "/wall/trajectory.csv");
  CHECK(expected.compare(0, prefix.size(), prefix) == 0);
  CHECK(prefix.back() == '\n');
  WARN("--wall-max 0.5 stopped after " << std::count(prefix.begin(), prefix.end(), '\n') - 1 << " of " << kEvents
                                       << " events");
  const test::CliRun resumed = test::run_glassland(dir, akmc_args(dir + "/wall") + " --resume");
  INFO(resumed.err);
  REQUIRE(resumed.status == 0);
  CHECK(test::slurp(dir + "/wall/trajectory.csv") == expected);
  CHECK(test::slurp(dir + "/wall/catalog.glcat") == test::slurp(dir + "/full/catalog.glcat"));
}
