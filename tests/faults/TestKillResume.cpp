// Kill and resume (issue 16, fault injection): `harvest` and `kmc --checkpoint` are killed with
// SIGKILL at seeded commit points of their output sequence (GLASSLAND_KILL_AT, see
// md/FaultInjection.hpp), then resumed. Each killed run must have lost at most the checkpoint
// it was writing (the checkpoint on disk is the last one committed before the kill), the resumed
// run must end with the same outputs as the reference below, and no temporary may be left.
// References: kmc ensembles draw one seeded stream per run, so a resumed ensemble equals the
// uninterrupted one exactly. A resumed harvest draws fresh thermostat noise seeded from (seed,
// checkpoint step) by design (landscape/Harvester.cpp), so its reference is the run stopped
// at that checkpoint (--steps S) and then resumed -- and the uninterrupted run itself when the
// kill came before the first checkpoint (rerun) or after the last one.
#include <filesystem>
#include <fstream>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/faults/FaultSupport.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;
using namespace glassland::test;

namespace {

const std::string kGlass = std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data";
constexpr long kHarvestSteps = 300, kHarvestEvery = 100;
// Commits of a harvest: each checkpoint writes its data file, its catalog and then the index
// (the checkpoint's commit); after the last one the catalog itself.
constexpr int kHarvestCommits = 3 * static_cast<int>(kHarvestSteps / kHarvestEvery) + 1;

std::string harvest_args(const std::string& dir, long steps) {
  return "harvest --data " + kGlass + " --potential wahnstrom --temperature 0.45 --seed 1 --quench-every 100 "
         "--checkpoint-every " + std::to_string(kHarvestEvery) + " --steps " + std::to_string(steps) + " --out " + dir +
         "/h.glcat --json";
}

/// Step of the checkpoint index in `dir` (0 while there is none).
long checkpoint_step(const std::string& dir) {
  std::ifstream in(dir + "/h.glcat.checkpoint.json");
  if (!in) return 0;
  return nlohmann::json::parse(in).at("step").get<long>();
}

/// The catalog a harvest resumed from its checkpoint at `step` ends with: run to `step`, resume.
std::string harvest_reference(const std::string& root, long step) {
  static std::map<long, std::string> cache;
  if (cache.count(step)) return cache[step];
  const std::string dir = root + "/reference" + std::to_string(step);
  std::filesystem::create_directories(dir);
  if (step > 0) REQUIRE(exited_cleanly(run_glassland_with_kill_plan(harvest_args(dir, step), "", dir + "/log")));
  const std::string resume = step > 0 && step < kHarvestSteps ? " --resume" : "";
  if (step < kHarvestSteps) REQUIRE(exited_cleanly(run_glassland_with_kill_plan(harvest_args(dir, kHarvestSteps) + resume, "", dir + "/log")));
  return cache[step] = read_text(dir + "/h.glcat");
}

}  // namespace

TEST_CASE("harvest killed at any commit resumes with at most the checkpoint being written lost", "[faults][harvest]") {
  const std::string root = scratch_dir("faults_harvest");
  // The uninterrupted run, with a kill plan one past its last commit: it must not be reached.
  std::filesystem::create_directories(root + "/full");
  REQUIRE(exited_cleanly(run_glassland_with_kill_plan(harvest_args(root + "/full", kHarvestSteps),
                                            "commit:" + std::to_string(kHarvestCommits + 1), root + "/full/log")));
  const std::string full = read_text(root + "/full/h.glcat");
  REQUIRE_FALSE(full.empty());

  const std::vector<std::string> plans = kill_plans(kHarvestCommits, 1, 3, 1611);
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const std::string& plan = plans[k];
    INFO("GLASSLAND_KILL_AT=" << plan);
    const std::string dir = root + "/killed" + std::to_string(k);
    std::filesystem::create_directories(dir);
    REQUIRE(killed_by_sigkill(run_glassland_with_kill_plan(harvest_args(dir, kHarvestSteps), plan, dir + "/log")));
    // Index commits are every third one: those before the kill (or at it, if after the rename)
    // are on disk, the one being written is the only loss.
    const int pass = plan_pass(plan);
    const long expected_step = kHarvestEvery * ((plan_before_rename(plan) ? pass - 1 : pass) / 3);
    CHECK(checkpoint_step(dir) == expected_step);
    CHECK(std::filesystem::exists(dir + "/h.glcat") == (pass == kHarvestCommits && !plan_before_rename(plan)));

    // Resume (rerun from scratch when no checkpoint was committed).
    const std::string resume = expected_step > 0 ? " --resume" : "";
    REQUIRE(exited_cleanly(run_glassland_with_kill_plan(harvest_args(dir, kHarvestSteps) + resume, "", dir + "/resume.log")));
    const std::string reference = expected_step == 0 || expected_step == kHarvestSteps ? full : harvest_reference(root, expected_step);
    CHECK(read_text(dir + "/h.glcat") == reference);
    CHECK(checkpoint_step(dir) == kHarvestSteps);
    CHECK(temporaries_in(dir).empty());
  }
}

namespace {

constexpr int kRuns = 24;
// Commits of the ensemble below: a checkpoint after every run (--checkpoint-seconds 0), the
// final checkpoint, then the CSV.
constexpr int kKmcCommits = kRuns + 2;

std::string kmc_args(const std::string& catalog, const std::string& dir) {
  return "kmc --catalog " + catalog + " --start 0 --temperature 0.2 --times 1,100,10000 --runs " + std::to_string(kRuns) +
         " --seed 5 --target 3 --json --quiet --checkpoint " + dir + "/ck.json --checkpoint-seconds 0 --csv " + dir +
         "/kmc.csv";
}

std::size_t checkpointed_runs(const std::string& dir) {
  std::ifstream in(dir + "/ck.json");
  if (!in) return 0;
  return nlohmann::json::parse(in).at("records").size();
}

nlohmann::json summary_without_timing(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text);
  j.erase("wall_seconds");
  return j;
}

}  // namespace

TEST_CASE("kmc --checkpoint killed at any commit resumes to the uninterrupted ensemble", "[faults][kmc]") {
  const std::string root = scratch_dir("faults_kmc");
  const std::string catalog = root + "/five.glcat";
  REQUIRE(exited_cleanly(run_glassland_with_kill_plan(
      "catalog import --json " + std::string(GLASSLAND_SOURCE_DIR) + "/examples/kmc/five_state.json --out " + catalog, "",
      root + "/import.log")));
  std::filesystem::create_directories(root + "/full");
  REQUIRE(exited_cleanly(run_glassland_with_kill_plan(kmc_args(catalog, root + "/full"), "commit:" + std::to_string(kKmcCommits + 1),
                                            root + "/full/out.json")));
  const nlohmann::json full = summary_without_timing(read_text(root + "/full/out.json"));
  const std::string full_csv = read_text(root + "/full/kmc.csv");

  const std::vector<std::string> plans = kill_plans(kKmcCommits, 1, 3, 1612);
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const std::string& plan = plans[k];
    INFO("GLASSLAND_KILL_AT=" << plan);
    const std::string dir = root + "/killed" + std::to_string(k);
    std::filesystem::create_directories(dir);
    REQUIRE(killed_by_sigkill(run_glassland_with_kill_plan(kmc_args(catalog, dir), plan, dir + "/killed.log")));
    // The n-th commit holds min(n, kRuns) runs; before its rename the previous one is on disk.
    const int committed = plan_before_rename(plan) ? plan_pass(plan) - 1 : plan_pass(plan);
    CHECK(checkpointed_runs(dir) == static_cast<std::size_t>(std::min(committed, kRuns)));
    CHECK(std::filesystem::exists(dir + "/kmc.csv") == (committed == kKmcCommits));

    REQUIRE(exited_cleanly(run_glassland_with_kill_plan(kmc_args(catalog, dir), "", dir + "/out.json")));
    CHECK(summary_without_timing(read_text(dir + "/out.json")) == full);
    CHECK(read_text(dir + "/kmc.csv") == full_csv);
    CHECK(temporaries_in(dir).empty());
  }
}
