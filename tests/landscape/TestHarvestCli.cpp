// `glassland harvest` end to end: JSON summary, checkpoints, and --resume (extending a run keeps
// every minimum and saddle it had; a checkpoint made with other options is refused with one
// line and leaves the catalog untouched; no checkpoint -> exit 1).
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "landscape/CatalogFile.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

using Run = test::CommandResult;
using test::read_text;
using test::run_glassland;

std::string harvest_args(const std::string& dir, long steps, const std::string& extra = "") {
  return "harvest --data " + std::string(GLASSLAND_SOURCE_DIR) +
         "/tests/data/wahnstrom_256_glass.data --potential wahnstrom --temperature 0.45 --seed 1 --quench-every 100 "
         "--checkpoint-every 200 --steps " + std::to_string(steps) + " --out " + dir + "/h.glcat --json " + extra;
}

}  // namespace

TEST_CASE("harvest checkpoints and resumes; a resumed run keeps what it had", "[harvest][cli]") {
  const std::string dir = test::scratch_dir("harvest_cli");
  const Run first = run_glassland(dir, harvest_args(dir, 400));
  REQUIRE(first.status == 0);
  const auto j = nlohmann::json::parse(first.out);
  for (const char* key : {"n_minima", "n_saddles", "md_steps", "first_step", "events_added", "events_rejected",
                          "rejected_unconverged", "rejected_not_first_order", "rejected_prefactor",
                          "rejected_degenerate", "landscape_force_calls", "cpu_seconds"})
    CHECK(j.contains(key));
  CHECK(j["md_steps"] == 400);
  CHECK(std::filesystem::exists(dir + "/h.glcat.checkpoint.json"));
  CHECK(std::filesystem::exists(dir + "/h.glcat.checkpoint-400.data"));
  CHECK_FALSE(std::filesystem::exists(dir + "/h.glcat.checkpoint-200.data"));  // superseded, removed
  const landscape::Catalog before = landscape::load_catalog(dir + "/h.glcat");

  // Export for OVITO: each minimum as a data file whose energy, evaluated independently by
  // `glassland eval`, is the catalog's (1e-9 relative: only wrapping changes the coordinates),
  // and one dump frame per minimum.
  const Run exported = run_glassland(dir, "catalog export " + dir + "/h.glcat --reference " +
                                              std::string(GLASSLAND_SOURCE_DIR) +
                                              "/tests/data/wahnstrom_256_glass.data --out-dir " + dir + "/export");
  REQUIRE(exported.status == 0);
  for (std::size_t k = 0; k < before.minimum_count(); ++k) {
    const auto& m = before.minimum_at(k);
    const Run eval = run_glassland(dir, "eval --potential wahnstrom-sf --json --data " + dir + "/export/minimum_" +
                                            std::to_string(m.id) + ".data");
    REQUIRE(eval.status == 0);
    CHECK(nlohmann::json::parse(eval.out)["energy"].get<double>() == Approx(m.energy).epsilon(1e-9));
  }
  const std::string dump = read_text(dir + "/export/minima.dump");
  std::size_t frames = 0;
  for (std::size_t at = dump.find("ITEM: TIMESTEP"); at != std::string::npos; at = dump.find("ITEM: TIMESTEP", at + 1))
    ++frames;
  CHECK(frames == before.minimum_count());
  CHECK(run_glassland(dir, "catalog export " + dir + "/h.glcat --reference " + std::string(GLASSLAND_SOURCE_DIR) +
                               "/tests/data/wahnstrom_256_glass.data --out-dir " + dir + "/none --minima 99")
            .status == 1);
  CHECK_FALSE(std::filesystem::exists(dir + "/none"));

  // A checkpoint made with other options is refused; nothing is overwritten.
  const std::string bytes = read_text(dir + "/h.glcat");
  std::string other_args = harvest_args(dir, 800, "--resume");
  other_args.replace(other_args.find("0.45"), 4, "0.50");
  const Run other = run_glassland(dir, other_args);
  CHECK(other.status == 1);
  CHECK(other.err.find("--resume") != std::string::npos);
  CHECK(std::count(other.err.begin(), other.err.end(), '\n') == 1);
  CHECK(read_text(dir + "/h.glcat") == bytes);

  // Extending to more steps continues at the checkpoint and keeps every record.
  const Run more = run_glassland(dir, harvest_args(dir, 800, "--resume"));
  REQUIRE(more.status == 0);
  const auto k = nlohmann::json::parse(more.out);
  CHECK(k["first_step"] == 400);
  CHECK(k["md_steps"] == 400);
  landscape::Catalog after = landscape::load_catalog(dir + "/h.glcat");
  CHECK(after.minimum_count() >= before.minimum_count());
  const auto added = landscape::merge_catalog(after, before);  // nothing the first run found is lost
  CHECK(added.first == 0);
  CHECK(added.second == 0);
  CHECK(std::filesystem::exists(dir + "/h.glcat.checkpoint-800.data"));
  CHECK_FALSE(std::filesystem::exists(dir + "/h.glcat.checkpoint-400.data"));

  // --resume without a checkpoint exits 1 and writes nothing.
  const std::string empty = test::scratch_dir("harvest_cli_empty");
  const Run none = run_glassland(empty, harvest_args(empty, 400, "--resume"));
  CHECK(none.status == 1);
  CHECK(none.err.find("no checkpoint") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(empty + "/h.glcat"));
}
