// kill -9 and --resume: `glassland akmc` on the 256-atom Wahnström glass with a checkpoint after
// every event is killed with SIGKILL at seeded random points of its output sequence, then resumed
// with --resume. Every resumed run must end with the same trajectory.csv, catalog and summary
// (timings aside) as an uninterrupted run with the same seed, and leave no temporary file in its
// directory (every output is written to a temporary and renamed; a resume removes the
// temporaries a killed run left behind). The kill comes from inside (GLASSLAND_KILL_AT, see
// md/FaultInjection.hpp): a kill sent from the test raced the run on a loaded machine. Likewise
// a run stopped by --wall-max: it stops between events, so its trajectory is a prefix of the
// uninterrupted one wherever the wall clock stopped it, and --resume continues it to the same end.

#include <algorithm>
#include <filesystem>
#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bridge/akmc/AkmcCheckpoint.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;
using test::killed_by_sigkill;

namespace {

const std::string kGlass = std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data";
constexpr int kEvents = 8;

std::string akmc_args(const std::string& out) {
  return "akmc --data " + kGlass + " --potential wahnstrom-sf --temperature 0.45 --time-max 1e30 --events-max " +
         std::to_string(kEvents) + " --seed 3 --fixed-searches 4 --batch 4 --prefactor 1 --quiet --threads 1 "
         "--checkpoint-events 1 --out " + out;
}

// Atomic file commits of the run above: a checkpoint before the first event and after each of
// the kEvents events, then catalog.glcat, trajectory.csv, minima.dump and summary.json.
constexpr int kCommits = kEvents + 1 + 4;

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
  const test::CommandResult full = test::run_glassland(dir, akmc_args(dir + "/full"));
  INFO(full.err);
  REQUIRE(full.status == 0);

  // The count of commits is what the kill points are drawn from: the last one is killed, one more
  // is never reached.
  CHECK(killed_by_sigkill(test::run_glassland_with_kill_plan(akmc_args(dir + "/count_a"), "commit:" + std::to_string(kCommits), dir + "/a.log")));
  CHECK(test::run_glassland_with_kill_plan(akmc_args(dir + "/count_b"), "commit:" + std::to_string(kCommits + 1), dir + "/b.log") == 0);

  // Kill points: before a rename (the temporary is complete) or just after it, at seeded random
  // commits from the second on (killed at the first there is no checkpoint to resume from), and
  // always at summary.json, the last output.
  std::mt19937 draw(20261130);
  std::vector<std::string> plans{"commit:" + std::to_string(kCommits)};
  for (int i = 0; i < 3; ++i) plans.push_back("commit:" + std::to_string(std::uniform_int_distribution<int>(2, kCommits)(draw)));
  for (int i = 0; i < 2; ++i) plans.push_back("committed:" + std::to_string(std::uniform_int_distribution<int>(1, kCommits - 1)(draw)));
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const std::string killed = dir + "/killed" + std::to_string(k);
    INFO("GLASSLAND_KILL_AT=" << plans[k]);
    REQUIRE(killed_by_sigkill(test::run_glassland_with_kill_plan(akmc_args(killed), plans[k], dir + "/killed.log")));
    const bool before_rename = plans[k].rfind("commit:", 0) == 0;
    const int pass = std::stoi(plans[k].substr(plans[k].find(':') + 1));
    if (before_rename) CHECK_FALSE(std::filesystem::exists(killed + "/summary.json"));
    // Nothing committed is lost: killed just after the n-th checkpoint, it holds n - 1 events.
    if (!before_rename && pass <= kEvents + 1) CHECK(checkpointed_events(killed) == static_cast<std::size_t>(pass - 1));

    const test::CommandResult resumed = test::run_glassland(dir, akmc_args(killed) + " --resume --json");
    INFO(resumed.err);
    REQUIRE(resumed.status == 0);
    CHECK(test::read_text(killed + "/trajectory.csv") == test::read_text(dir + "/full/trajectory.csv"));
    CHECK(test::read_text(killed + "/catalog.glcat") == test::read_text(dir + "/full/catalog.glcat"));
    CHECK(test::read_text(killed + "/minima.dump") == test::read_text(dir + "/full/minima.dump"));
    const auto a = nlohmann::json::parse(test::read_text(killed + "/summary.json"));
    const auto b = nlohmann::json::parse(test::read_text(dir + "/full/summary.json"));
    CHECK(a["events"] == kEvents);
    CHECK(without_timings(a) == without_timings(b));
    for (const auto& entry : std::filesystem::directory_iterator(killed))
      CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
  }
}

TEST_CASE("a run stopped by --wall-max is a prefix of the full trajectory and resumes to it", "[akmc][cli][resume]") {
  const std::string dir = test::scratch_dir("akmc_wall");
  const test::CommandResult full = test::run_glassland(dir, akmc_args(dir + "/full"));
  INFO(full.err);
  REQUIRE(full.status == 0);
  const std::string expected = test::read_text(dir + "/full/trajectory.csv");
  // Where 0.5 wall seconds end depends on the machine; what it produced must not.
  const test::CommandResult limited = test::run_glassland(dir, akmc_args(dir + "/wall") + " --wall-max 0.5");
  INFO(limited.err);
  REQUIRE(limited.status == 0);
  const std::string prefix = test::read_text(dir + "/wall/trajectory.csv");
  CHECK(expected.compare(0, prefix.size(), prefix) == 0);
  CHECK(prefix.back() == '\n');
  WARN("--wall-max 0.5 stopped after " << std::count(prefix.begin(), prefix.end(), '\n') - 1 << " of " << kEvents
                                       << " events");
  const test::CommandResult resumed = test::run_glassland(dir, akmc_args(dir + "/wall") + " --resume");
  INFO(resumed.err);
  REQUIRE(resumed.status == 0);
  CHECK(test::read_text(dir + "/wall/trajectory.csv") == expected);
  CHECK(test::read_text(dir + "/wall/catalog.glcat") == test::read_text(dir + "/full/catalog.glcat"));
}
