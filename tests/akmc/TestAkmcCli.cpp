// `glassland akmc` end to end on the 256-atom Wahnström glass (few searches per state, a few
// events): the documented outputs and summary keys, trajectories identical for 1 and 2 threads
// and for 1 and 2 MPI ranks, resume identity, export of saddles, and every bad input refused
// with one line, a non-zero exit and nothing written.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "landscape/CatalogFile.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

const std::string kGlass = std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data";

std::string akmc_args(const std::string& out, int events, const std::string& extra = "") {
  return "akmc --data " + kGlass + " --potential wahnstrom-sf --temperature 0.45 --time-max 1e30 --events-max " +
         std::to_string(events) + " --seed 3 --fixed-searches 4 --batch 4 --prefactor 1 --quiet --out " + out + " " + extra;
}

/// trajectory.csv without nothing run-dependent (it holds no timings).
std::string trajectory(const std::string& dir) { return test::read_text(dir + "/trajectory.csv"); }

void require_one_line_error(const test::CommandResult& r, const std::string& mention) {
  INFO(r.err);
  CHECK(r.status != 0);
  CHECK(r.err.find(mention) != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

}  // namespace

TEST_CASE("akmc writes the documented outputs; threads and resume do not change the trajectory", "[akmc][cli]") {
  const std::string dir = test::scratch_dir("akmc_cli");
  const test::CommandResult one = test::run_glassland(dir, akmc_args(dir + "/one", 4, "--threads 1 --json"));
  INFO(one.err);
  REQUIRE(one.status == 0);
  const auto summary = nlohmann::json::parse(one.out);
  for (const char* key : {"events", "simulated_time", "energy_initial", "energy_final", "searches",
                          "searches_successful", "force_calls", "force_calls_per_search_median", "saddles_found",
                          "distinct_minima", "reused_guesses", "superbasin_exits", "wall_seconds", "cpu_seconds"})
    CHECK(summary.contains(key));
  CHECK(summary["events"] == 4);
  CHECK(summary == nlohmann::json::parse(test::read_text(dir + "/one/summary.json")));
  const std::string csv = trajectory(dir + "/one");
  CHECK(csv.rfind("event,time,energy,barrier,rate_total,atoms_moved", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 5);
  // minima.dump: frame 0 (start) + one per event, each "ITEM: ATOMS id type x y z".
  const std::string dump = test::read_text(dir + "/one/minima.dump");
  std::size_t frames = 0;
  for (std::size_t at = dump.find("ITEM: ATOMS id type x y z"); at != std::string::npos;
       at = dump.find("ITEM: ATOMS id type x y z", at + 1))
    ++frames;
  CHECK(frames == 5);
  const landscape::Catalog catalog = landscape::load_catalog(dir + "/one/catalog.glcat");
  CHECK(catalog.minimum_count() == summary["distinct_minima"].get<std::size_t>());
  CHECK(catalog.saddle_count() >= 4);

  SECTION("two threads") {
    const test::CommandResult two = test::run_glassland(dir, akmc_args(dir + "/two", 4, "--threads 2"), "OMP_NUM_THREADS=2");
    INFO(two.err);
    REQUIRE(two.status == 0);
    CHECK(trajectory(dir + "/two") == csv);
    CHECK(test::read_text(dir + "/two/catalog.glcat") == test::read_text(dir + "/one/catalog.glcat"));
  }
  SECTION("resume continues the same trajectory") {
    REQUIRE(test::run_glassland(dir, akmc_args(dir + "/split", 2, "--threads 1")).status == 0);
    const test::CommandResult resumed = test::run_glassland(dir, akmc_args(dir + "/split", 4, "--threads 1 --resume"));
    INFO(resumed.err);
    REQUIRE(resumed.status == 0);
    CHECK(trajectory(dir + "/split") == csv);
  }
  SECTION("a checkpoint whose run state is damaged is refused with one line naming it") {
    // checkpoint.akmc: "GLAKMC1\n", JSON length (uint64 LE), JSON, catalog (AkmcCheckpoint.hpp).
    const std::string bytes = test::read_text(dir + "/one/checkpoint.akmc");
    std::uint64_t length = 0;
    for (int i = 0; i < 8; ++i) length |= std::uint64_t(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    const nlohmann::json state = nlohmann::json::parse(bytes.substr(16, length));
    nlohmann::json bad_rng = state, bad_rows = state;
    bad_rng["run"]["rng"] = "not a random-number state";  // the run's own check
    bad_rows["run"]["rows"] = 5;                           // a JSON type error
    for (const nlohmann::json& damaged : {bad_rng, bad_rows}) {
      std::filesystem::remove_all(dir + "/damaged");
      std::filesystem::copy(dir + "/one", dir + "/damaged");
      const std::string text = damaged.dump();
      std::string rewritten = bytes.substr(0, 8);
      for (int i = 0; i < 8; ++i) rewritten.push_back(static_cast<char>((text.size() >> (8 * i)) & 0xff));
      rewritten += text + bytes.substr(16 + length);
      std::ofstream(dir + "/damaged/checkpoint.akmc", std::ios::binary) << rewritten;
      require_one_line_error(test::run_glassland(dir, akmc_args(dir + "/damaged", 6, "--threads 1 --resume")),
                             "damaged/checkpoint.akmc: corrupt akmc checkpoint (run state)");
      CHECK(trajectory(dir + "/damaged") == csv);
    }
  }
  SECTION("export writes saddle configurations") {
    const test::CommandResult exported = test::run_glassland(
        dir, "catalog export " + dir + "/one/catalog.glcat --reference " + kGlass + " --out-dir " + dir + "/export --saddles");
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    CHECK(std::filesystem::exists(dir + "/export/saddle_0.data"));
  }
}

TEST_CASE("one and two MPI ranks give the same trajectory", "[akmc][cli][mpi]") {
  const std::string dir = test::scratch_dir("akmc_mpi");
  const std::string mpirun = "OMP_NUM_THREADS=1 mpirun --allow-run-as-root --oversubscribe -np ";
  const test::CommandResult one = test::run_glassland(dir, akmc_args(dir + "/np1", 3), mpirun + "1");
  INFO(one.err);
  REQUIRE(one.status == 0);
  const test::CommandResult two = test::run_glassland(dir, akmc_args(dir + "/np2", 3, "--json"), mpirun + "2");
  INFO(two.err);
  REQUIRE(two.status == 0);
  CHECK(nlohmann::json::parse(two.out)["ranks"] == 2);
  CHECK(trajectory(dir + "/np2") == trajectory(dir + "/np1"));
  CHECK(test::read_text(dir + "/np2/catalog.glcat") == test::read_text(dir + "/np1/catalog.glcat"));
}

TEST_CASE("akmc refuses bad input with one line and writes nothing", "[akmc][cli]") {
  const std::string dir = test::scratch_dir("akmc_bad");
  const std::string out = dir + "/never";
  const auto bad = [&](const std::string& args) { return test::run_glassland(dir, args); };
  const std::string base = "akmc --data " + kGlass + " --time-max 10 --seed 1 --out " + out;
  require_one_line_error(bad(base + " --potential wahnstrom --temperature 0.4"), "wahnstrom-sf");
  require_one_line_error(bad(base + " --potential wahnstrom-sf --temperature 0"), "--temperature");
  require_one_line_error(bad(base + " --potential wahnstrom-sf --temperature nan"), "--temperature");
  require_one_line_error(bad(base + " --potential wahnstrom-sf --temperature -1"), "--temperature");
  require_one_line_error(bad(base + " --potential wahnstrom-sf --ramp 0.4,0.3"), "--ramp");
  require_one_line_error(bad(base + " --potential wahnstrom-sf --ramp 0.4,0,-1e-3"), "--temperature");
  for (const char* fraction : {"0", "nan", "1.5", "-0.2"})
    require_one_line_error(bad(base + " --potential wahnstrom-sf --temperature 0.4 --hessian-fraction " + fraction),
                           "--hessian-fraction");
  {
    std::ofstream(dir + "/empty.txt") << "# nothing\n";
    require_one_line_error(bad(base + " --potential wahnstrom-sf --schedule " + dir + "/empty.txt"), "empty.txt");
    std::ofstream(dir + "/backwards.txt") << "0 0.4\n10 0.4\n5 0.3\n";
    require_one_line_error(bad(base + " --potential wahnstrom-sf --schedule " + dir + "/backwards.txt"),
                           "backwards.txt:3");
  }
  {
    // Atom 2 moved onto atom 1: forces explode, nothing can be minimized.
    std::istringstream in(test::read_text(kGlass));
    std::ostringstream data;
    std::string line, first_atom;
    bool atoms = false;
    while (std::getline(in, line)) {
      if (line.rfind("Atoms", 0) == 0) atoms = true;
      std::istringstream fields(line);
      int id = 0, type = 0;
      if (atoms && (fields >> id >> type)) {
        std::string rest;
        std::getline(fields, rest);
        if (id == 1) first_atom = rest;
        if (id == 2) line = "2 " + std::to_string(type) + first_atom;
      }
      data << line << '\n';
    }
    std::ofstream(dir + "/overlap.data") << data.str();
    require_one_line_error(bad("akmc --data " + dir + "/overlap.data --potential wahnstrom-sf --temperature 0.4 "
                               "--time-max 10 --seed 1 --out " + out),
                           "overlap.data");
  }
  CHECK_FALSE(std::filesystem::exists(out));
  // An existing, non-empty output directory is never overwritten.
  std::filesystem::create_directories(dir + "/taken");
  std::ofstream(dir + "/taken/keep.txt") << "mine\n";
  require_one_line_error(bad("akmc --data " + kGlass + " --potential wahnstrom-sf --temperature 0.4 --time-max 10 "
                             "--seed 1 --out " + dir + "/taken"),
                         "--out");
  CHECK(test::read_text(dir + "/taken/keep.txt") == "mine\n");
}
