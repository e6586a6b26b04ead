// `glassland harvest --trajectories K`: K independent MD trajectories distributed over MPI ranks
// (and threads), catalogs merged. One and two ranks give the same merged catalog, and that
// catalog holds what K separate plain harvests with the reported per-trajectory seeds, merged
// by `glassland catalog merge`, hold (an independent path: sequential runs + the merge command).
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "landscape/CatalogFile.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

std::string harvest_args(const std::string& out, const std::string& extra) {
  return "harvest --data " + std::string(GLASSLAND_SOURCE_DIR) +
         "/tests/data/wahnstrom_256_glass.data --potential wahnstrom --temperature 0.45 --quench-every 100 "
         "--steps 300 --checkpoint-every 0 --json --out " + out + " " + extra;
}

std::vector<double> minimum_energies(const landscape::Catalog& c) {
  std::vector<double> e;
  for (std::size_t i = 0; i < c.minimum_count(); ++i) e.push_back(c.minimum_at(i).energy);
  std::sort(e.begin(), e.end());
  return e;
}

std::vector<double> saddle_energies(const landscape::Catalog& c) {
  std::vector<double> e;
  for (std::size_t i = 0; i < c.saddle_count(); ++i) e.push_back(c.saddle(i).energy);
  std::sort(e.begin(), e.end());
  return e;
}

}  // namespace

TEST_CASE("harvest trajectories over one and two MPI ranks merge to the same catalog", "[harvest][cli][mpi]") {
  const std::string dir = test::scratch_dir("harvest_ranks");
  const std::string mpirun = "OMP_NUM_THREADS=1 mpirun --allow-run-as-root --oversubscribe -np ";
  const test::CommandResult one = test::run_glassland(dir, harvest_args(dir + "/np1.glcat", "--seed 7 --trajectories 2"),
                                               mpirun + "1");
  INFO(one.err);
  REQUIRE(one.status == 0);
  const test::CommandResult two = test::run_glassland(dir, harvest_args(dir + "/np2.glcat", "--seed 7 --trajectories 2"),
                                               mpirun + "2");
  INFO(two.err);
  REQUIRE(two.status == 0);
  const auto j1 = nlohmann::json::parse(one.out), j2 = nlohmann::json::parse(two.out);
  CHECK(j2["ranks"] == 2);
  CHECK(j1["trajectories"] == 2);
  CHECK(j1["md_steps"] == 600);  // both trajectories' steps
  for (const char* key : {"n_minima", "n_saddles", "md_steps", "quenches", "transitions", "events_added",
                          "events_rejected", "landscape_force_calls", "seeds"})
    CHECK(j1[key] == j2[key]);
  CHECK(test::read_text(dir + "/np1.glcat") == test::read_text(dir + "/np2.glcat"));

  // The same trajectories run one by one with the reported seeds, merged by the merge command.
  const auto seeds = j1["seeds"].get<std::vector<std::uint64_t>>();
  REQUIRE(seeds.size() == 2u);
  CHECK(seeds[0] == 7u);
  CHECK(seeds[1] != seeds[0]);
  for (std::size_t k = 0; k < 2; ++k) {
    const test::CommandResult single = test::run_glassland(
        dir, harvest_args(dir + "/single" + std::to_string(k) + ".glcat", "--seed " + std::to_string(seeds[k])));
    INFO(single.err);
    REQUIRE(single.status == 0);
  }
  const test::CommandResult merge = test::run_glassland(
      dir, "catalog merge " + dir + "/single0.glcat " + dir + "/single1.glcat --out " + dir + "/merged.glcat");
  INFO(merge.err);
  REQUIRE(merge.status == 0);
  const landscape::Catalog distributed = landscape::load_catalog(dir + "/np2.glcat");
  const landscape::Catalog sequential = landscape::load_catalog(dir + "/merged.glcat");
  CHECK(distributed.minimum_count() == sequential.minimum_count());
  CHECK(distributed.saddle_count() == sequential.saddle_count());
  // Same runs, same arithmetic (one thread each): identical energies, bit for bit.
  CHECK(minimum_energies(distributed) == minimum_energies(sequential));
  CHECK(saddle_energies(distributed) == saddle_energies(sequential));
  CHECK(distributed.saddle_count() > 0);
}
