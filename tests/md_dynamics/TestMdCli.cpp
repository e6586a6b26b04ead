// The md / quench / analyze commands end to end: outputs exist and are consistent, runs are
// reproducible for a fixed seed and thread count, and bad input gives one line, exit 1 and
// no output file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

namespace {
using Run = glassland::test::CommandResult;
using glassland::test::read_text;
Run run(const std::string& dir, const std::string& args) { return glassland::test::run_glassland(dir, args); }

// One small glass shared by the cases below (made once).
std::string glass(const std::string& dir) {
  const std::string path = dir + "/q/glass.data";
  if (!std::filesystem::exists(path)) {
    const Run r = run(dir, "quench --out " + dir + "/q --natoms 200 --t-start 1.5 --t-end 0.3 --rate 0.1 "
                           "--equilibrate 1 --sample-every 50 --threads 1 --no-plot --json");
    REQUIRE(r.status == 0);
  }
  return path;
}
}  // namespace

TEST_CASE("quench writes csv, summary and glass; summary is consistent") {
  const std::string dir = glassland::test::scratch_dir("md-cli-quench");
  const std::string data = glass(dir);
  CHECK(std::filesystem::exists(dir + "/q/quench.csv"));
  const auto j = nlohmann::json::parse(read_text(dir + "/q/summary.json"));
  CHECK(j["natoms"] == 200);
  CHECK(j["steps"] == 200 + 2400);
  CHECK(j["inherent_structure_energy_per_atom"].get<double>() < j["final_potential_energy_per_atom"].get<double>());
  CHECK(j["energy_fit"]["valid"] == true);
  CHECK(std::filesystem::exists(data));
}

TEST_CASE("md: nve conserves energy, seeded runs are identical, dump has every frame") {
  const std::string dir = glassland::test::scratch_dir("md-cli-md");
  const std::string data = glass(dir);
  const Run nve = run(dir, "md --data " + data + " --potential wahnstrom-sf --ensemble nve --dt 0.002 --steps 500 "
                           "--init-temperature 0.3 --dump " + dir + "/nve.dump --dump-every 100 --json --threads 1");
  REQUIRE(nve.status == 0);
  const auto j = nlohmann::json::parse(nve.out);
  // Force-shifted potential, dt = 0.002: energy error ~1e-5 per atom; bound 1e-4 per atom.
  CHECK(std::abs(j["energy_total_final"].get<double>() - j["energy_total_initial"].get<double>()) / 200 < 1e-4);
  const std::string dump = read_text(dir + "/nve.dump");
  std::size_t frames = 0;
  for (auto at = dump.find("ITEM: TIMESTEP"); at != std::string::npos; at = dump.find("ITEM: TIMESTEP", at + 1)) ++frames;
  CHECK(frames == 6);
  CHECK(dump.find("ITEM: ATOMS id type x y z") != std::string::npos);

  const std::string langevin = "md --data " + data + " --potential wahnstrom --ensemble nvt-langevin --temperature 0.4 "
                               "--dt 0.005 --steps 300 --seed 5 --threads 1 --json --dump ";
  const Run a = run(dir, langevin + dir + "/a.dump");
  const Run b = run(dir, langevin + dir + "/b.dump");
  REQUIRE(a.status == 0);
  // Identical apart from the wall-clock and CPU timings of the run loop.
  auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
  CHECK(ja.contains("timing"));
  ja.erase("timing");
  jb.erase("timing");
  CHECK(ja == jb);
  CHECK(read_text(dir + "/a.dump") == read_text(dir + "/b.dump"));
}

TEST_CASE("md: bad input gives one line, exit 1, no output") {
  const std::string dir = glassland::test::scratch_dir("md-cli-bad");
  const std::string data = glass(dir);
  const Run missing = run(dir, "md --data " + dir + "/none.data --potential wahnstrom --ensemble nve --dt 0.005 "
                               "--steps 10 --dump " + dir + "/x.dump --dump-every 1");
  CHECK(missing.status == 1);
  CHECK(missing.err.find("none.data") != std::string::npos);
  CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(dir + "/x.dump"));
  const Run bad_dt = run(dir, "md --data " + data + " --potential wahnstrom --ensemble nve --dt -1 --steps 10 --dump " +
                                  dir + "/y.dump");
  CHECK(bad_dt.status == 1);
  CHECK(bad_dt.err.find("--dt") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/y.dump"));
  const Run bad_ensemble = run(dir, "md --data " + data + " --potential wahnstrom --ensemble nph --dt 0.005 --steps 1");
  CHECK(bad_ensemble.status == 1);
  CHECK(bad_ensemble.err.find("--ensemble") != std::string::npos);
}

TEST_CASE("analyze: g(r) file and inherent-structure energy") {
  const std::string dir = glassland::test::scratch_dir("md-cli-analyze");
  const std::string data = glass(dir);
  const Run r = run(dir, "analyze --data " + data + " --potential wahnstrom --rdf " + dir + "/rdf.csv --bins 50 "
                         "--inherent --json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["inherent_structure_converged"] == true);
  CHECK(j["inherent_structure_energy"].get<double>() <= j["energy_potential"].get<double>());
  CHECK(read_text(dir + "/rdf.csv").rfind("r,g_total,g_11,g_12,g_22\n", 0) == 0);
}
