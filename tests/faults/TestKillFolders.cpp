// Multi-file outputs killed mid-commit (issue 16, fault injection): `landscape-model` and
// `catalog export` write a folder, `md` several files. Each is run once into outputs an earlier
// run left ("old"), killed with SIGKILL at every commit point (GLASSLAND_KILL_AT, see
// md/FaultInjection.hpp), and rerun. After the kill the folder must be entirely old or entirely
// new (md/AtomicFolder.hpp: staged, then swapped with one rename): old before the swap, new after
// it. md's files are renamed back to back in a documented order (thermo, correlations, dump, data
// file) once all are complete, so after a kill the new ones are exactly a prefix of that order.
// The rerun must give the uninterrupted run's files and leave no temporary.
#include <filesystem>
#include <map>

#include <catch2/catch.hpp>

#include "tests/faults/FaultSupport.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;
using namespace glassland::test;

namespace {

const std::string kSource = GLASSLAND_SOURCE_DIR;
const std::string kGlass = kSource + "/tests/data/wahnstrom_256_glass.data";
using Files = std::map<std::string, std::string>;

/// `old` with every file of `fresh` written over it: a commit keeps the files it does not write.
Files overlay(Files old, const Files& fresh) {
  for (const auto& [name, text] : fresh) old[name] = text;
  return old;
}

/// Kills `args` (writing folder `out`, which first holds what `old_args` wrote) at every commit
/// site from 1 to `commits`, checks the folder after each kill and after a clean rerun.
void check_folder_command(const std::string& root, const std::string& old_args, const std::string& args, int commits) {
  std::filesystem::create_directories(root + "/full");
  REQUIRE(exited_cleanly(run_glassland_with_kill_plan(args + " " + root + "/full/out", "commit:" + std::to_string(commits + 1), root + "/log")));
  const Files fresh = folder_content(root + "/full/out");
  REQUIRE(fresh.size() >= 2);
  for (const std::string& plan : every_kill_plan(commits)) {
    INFO("GLASSLAND_KILL_AT=" << plan);
    const std::string dir = root + "/" + plan_folder(plan);
    std::filesystem::create_directories(dir);
    REQUIRE(exited_cleanly(run_glassland_with_kill_plan(old_args + " " + dir + "/out", "", dir + "/log")));
    const Files old = folder_content(dir + "/out");
    REQUIRE(old != fresh);
    REQUIRE(killed_by_sigkill(run_glassland_with_kill_plan(args + " " + dir + "/out", plan, dir + "/log")));
    // The folder swap is the last commit: killed before it, the folder is the old one.
    const bool swapped = plan_pass(plan) == commits && !plan_before_rename(plan);
    CHECK(folder_content(dir + "/out") == (swapped ? overlay(old, fresh) : old));
    REQUIRE(exited_cleanly(run_glassland_with_kill_plan(args + " " + dir + "/out", "", dir + "/log")));
    CHECK(folder_content(dir + "/out") == overlay(old, fresh));
    CHECK(temporaries_in(dir).empty());
  }
}

}  // namespace

TEST_CASE("landscape-model killed at any commit leaves all old or all new files", "[faults][model]") {
  const std::string root = scratch_dir("faults_model");
  const std::string model = "landscape-model --no-plots --model " + kSource + "/examples/model/la_glass.toml --protocol ";
  // Commits: step01_dsc.csv, trajectory.csv and results.json in the staging folder, then the swap.
  check_folder_command(root, model + kSource + "/examples/model/two_step_kissinger.toml --out",
                       model + kSource + "/examples/model/dsc_cool_reheat.toml --out", 4);
}

TEST_CASE("catalog export killed at any commit leaves all old or all new files", "[faults][export]") {
  const std::string root = scratch_dir("faults_export");
  // A catalog with two minima: import of a two-state network is not enough (export needs the
  // configurations), so a short harvest makes one.
  std::filesystem::create_directories(root + "/h");
  REQUIRE(exited_cleanly(run_glassland_with_kill_plan("harvest --data " + kGlass + " --potential wahnstrom --temperature 0.45 "
                                            "--seed 1 --quench-every 100 --checkpoint-every 0 --steps 400 --out " + root + "/h/h.glcat",
                                            "", root + "/h/log")));
  const std::string export_args = "catalog export " + root + "/h/h.glcat --reference " + kGlass;
  // Commits: minimum_<id>.data for the two minima and minima.dump in the staging folder, then the swap.
  check_folder_command(root, export_args + " --minima 0 --out-dir", export_args + " --out-dir", 4);
}

namespace {

const std::vector<std::string> kMdOutputs{"thermo.csv", "corr.csv", "traj.dump", "final.data"};  // commit order

std::string md_args(const std::string& dir, int steps) {
  return "md --data " + kGlass + " --potential wahnstrom --ensemble nvt-langevin --temperature 0.45 --dt 0.005 --seed 4 "
         "--steps " + std::to_string(steps) + " --thermo-every 5 --dump-every 10 --fs-q 7 --thermo " + dir + "/thermo.csv "
         "--correlations " + dir + "/corr.csv --dump " + dir + "/traj.dump --write-data " + dir + "/final.data";
}

}  // namespace

TEST_CASE("md killed at any commit leaves a documented prefix of its outputs new", "[faults][md]") {
  const std::string root = scratch_dir("faults_md");
  const int commits = static_cast<int>(kMdOutputs.size());
  std::filesystem::create_directories(root + "/full");
  REQUIRE(exited_cleanly(run_glassland_with_kill_plan(md_args(root + "/full", 40), "commit:" + std::to_string(commits + 1), root + "/log")));
  const Files fresh = folder_content(root + "/full");
  for (const std::string& plan : every_kill_plan(commits)) {
    INFO("GLASSLAND_KILL_AT=" << plan);
    const std::string dir = root + "/" + plan_folder(plan);
    std::filesystem::create_directories(dir);
    REQUIRE(exited_cleanly(run_glassland_with_kill_plan(md_args(dir, 20), "", root + "/log")));
    const Files old = folder_content(dir);
    REQUIRE(killed_by_sigkill(run_glassland_with_kill_plan(md_args(dir, 40), plan, root + "/log")));
    const std::size_t renamed = plan_before_rename(plan) ? plan_pass(plan) - 1 : plan_pass(plan);
    for (std::size_t k = 0; k < kMdOutputs.size(); ++k) {
      INFO(kMdOutputs[k]);
      const std::string now = read_text(dir + "/" + kMdOutputs[k]);
      CHECK(now == (k < renamed ? fresh.at(kMdOutputs[k]) : old.at(kMdOutputs[k])));
    }
    REQUIRE(exited_cleanly(run_glassland_with_kill_plan(md_args(dir, 40), "", root + "/log")));
    CHECK(folder_content(dir) == fresh);
    CHECK(temporaries_in(dir).empty());
  }
}
