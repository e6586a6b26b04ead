// The `glassland catalog ...` and `glassland kmc` command lines: outputs, exit codes, one-line
// errors, no partial files, reproducibility and checkpoint resume.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/Tolerance.hpp"

namespace {

struct Result {
  int status;
  std::string out;
  std::string err;
};

Result run(const std::string& args, const std::string& dir) {
  const std::string err_file = dir + "/stderr.txt";
  const std::string command = std::string(GLASSLAND_BINARY) + " " + args + " 2>" + err_file;
  Result r{0, "", ""};
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) r.out += buffer.data();
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  return r;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }
bool exists(const std::string& path) { return std::ifstream(path).good(); }

const char* kNet = R"({"minima":[{"id":0,"energy":0.0},{"id":1,"energy":0.2},{"id":2,"energy":-0.1}],
 "saddles":[{"from":0,"to":1,"energy":0.7,"prefactor_forward":1.0,"prefactor_backward":1.0},
            {"from":1,"to":2,"energy":0.9,"prefactor_forward":2.0,"prefactor_backward":2.0}]})";

std::string kmc_args(const std::string& catalog) {
  return "kmc --catalog " + catalog + " --start 0 --temperature 0.2 --times 1,100,10000 --runs 400 --seed 5 --target 2 --json --quiet";
}

}  // namespace

TEST_CASE("catalog import and info", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("kmc_cli_info");
  write(dir + "/net.json", kNet);
  REQUIRE(run("catalog import --json " + dir + "/net.json --out " + dir + "/net.glcat", dir).status == 0);
  const Result info = run("catalog info " + dir + "/net.glcat --json", dir);
  REQUIRE(info.status == 0);
  const auto j = nlohmann::json::parse(info.out);
  CHECK(j["n_minima"] == 3);
  CHECK(j["n_saddles"] == 2);
  CHECK(j["barrier_min"].get<double>() == Approx(0.5));
  CHECK(j["barrier_median"].get<double>() == Approx(0.7));  // barriers 0.5 0.7 0.7 1.0
  CHECK(j["barrier_max"].get<double>() == Approx(1.0));
  CHECK(j["schema_version"] == 2);  // schema 2: saddle configurations (landscape/CatalogRecords.hpp)
  // merge with itself changes nothing
  REQUIRE(run("catalog merge " + dir + "/net.glcat " + dir + "/net.glcat --out " + dir + "/m.glcat", dir).status == 0);
  CHECK(nlohmann::json::parse(run("catalog info " + dir + "/m.glcat --json", dir).out) == j);
}

TEST_CASE("kmc prints occupancy, events, wall time and mfpt; same seed same result", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("kmc_cli_run");
  write(dir + "/net.json", kNet);
  REQUIRE(run("catalog import --json " + dir + "/net.json --out " + dir + "/net.glcat", dir).status == 0);
  const Result a = run(kmc_args(dir + "/net.glcat"), dir);
  REQUIRE(a.status == 0);
  auto ja = nlohmann::json::parse(a.out);
  REQUIRE(ja["occupancy"].size() == 3);
  for (const auto& at : ja["occupancy"]) {
    double sum = 0.0;
    for (const auto& [id, f] : at.items()) sum += f.get<double>();
    CHECK(sum == Approx(1.0));
  }
  CHECK(ja["events"].get<long>() > 0);
  CHECK(ja.contains("wall_seconds"));
  CHECK(ja["mfpt"].get<double>() > 0.0);
  CHECK(ja["mfpt_stderr"].get<double>() > 0.0);
  auto jb = nlohmann::json::parse(run(kmc_args(dir + "/net.glcat"), dir).out);
  ja.erase("wall_seconds");
  jb.erase("wall_seconds");
  CHECK(ja == jb);
  // Threads do not change results.
  auto jc = nlohmann::json::parse(run(kmc_args(dir + "/net.glcat") + " --threads 1", dir).out);
  jc.erase("wall_seconds");
  CHECK(ja == jc);
}

TEST_CASE("a killed ensemble resumed from its checkpoint gives the uninterrupted result", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("kmc_cli_checkpoint");
  write(dir + "/net.json", kNet);
  REQUIRE(run("catalog import --json " + dir + "/net.json --out " + dir + "/net.glcat", dir).status == 0);
  const std::string checkpoint = dir + "/ck.json";
  std::remove(checkpoint.c_str());
  auto full = nlohmann::json::parse(run(kmc_args(dir + "/net.glcat"), dir).out);
  REQUIRE(run(kmc_args(dir + "/net.glcat") + " --checkpoint " + checkpoint, dir).status == 0);
  // Simulate a kill: keep only the records of the first 150 runs in the checkpoint.
  auto ck = nlohmann::json::parse(std::ifstream(checkpoint));
  nlohmann::json kept = nlohmann::json::object();
  for (int r = 0; r < 150; ++r) kept[std::to_string(r)] = ck["records"][std::to_string(r)];
  ck["records"] = kept;
  std::ofstream(checkpoint) << ck.dump();
  auto resumed = nlohmann::json::parse(run(kmc_args(dir + "/net.glcat") + " --checkpoint " + checkpoint, dir).out);
  full.erase("wall_seconds");
  resumed.erase("wall_seconds");
  CHECK(full == resumed);
  // A checkpoint of a different run is refused.
  const Result other = run("kmc --catalog " + dir + "/net.glcat --start 0 --temperature 0.3 --times 1 --runs 4 --seed 5 --quiet --checkpoint " + checkpoint, dir);
  CHECK(other.status == 1);
  CHECK(other.err.find("different run") != std::string::npos);
}

TEST_CASE("bad input exits 1 with one line and writes nothing", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("kmc_cli_bad");
  write(dir + "/net.json", kNet);
  write(dir + "/bad.json", R"({"minima":[{"id":0,"energy":0.0},{"id":1,"energy":0.5}],
    "saddles":[{"from":0,"to":1,"energy":0.1,"prefactor_forward":1,"prefactor_backward":1}]})");
  write(dir + "/corrupt.json", "{\"minima\": [");
  REQUIRE(run("catalog import --json " + dir + "/net.json --out " + dir + "/net.glcat", dir).status == 0);
  for (const std::string& bad : {"bad", "corrupt"}) {
    const Result r = run("catalog import --json " + dir + "/" + bad + ".json --out " + dir + "/" + bad + ".glcat", dir);
    CHECK(r.status == 1);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(exists(dir + "/" + bad + ".glcat"));
  }
  const std::string cat = dir + "/net.glcat";
  const std::string base = "kmc --catalog " + cat + " --temperature 0.2 --times 1 --runs 4 --seed 1 --quiet";
  CHECK(run(base + " --start 9", dir).status == 1);
  CHECK(run(base + " --start 0 --target 9", dir).status == 1);
  CHECK(run("kmc --catalog " + cat + " --start 0 --temperature -1 --times 1 --runs 4 --seed 1", dir).status == 1);
  CHECK(run("kmc --catalog " + cat + " --start 0 --temperature 0.2 --times 1,nan --runs 4 --seed 1", dir).status == 1);
  write(dir + "/trunc.glcat", "GLCATLG\n\x01");
  const Result t = run("catalog info " + dir + "/trunc.glcat --json", dir);
  CHECK(t.status == 1);
  CHECK(t.err.find("trunc.glcat") != std::string::npos);
}

TEST_CASE("kmc --temperature-unit K on a metal catalog equals kT = kB T", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("kmc_cli_kelvin");
  std::string metal = kNet;
  metal.insert(1, R"("units": "metal", )");
  write(dir + "/metal.json", metal);
  write(dir + "/reduced.json", kNet);
  REQUIRE(run("catalog import --json " + dir + "/metal.json --out " + dir + "/metal.glcat", dir).status == 0);
  REQUIRE(run("catalog import --json " + dir + "/reduced.json --out " + dir + "/reduced.glcat", dir).status == 0);
  const std::string common = " --start 0 --times 1,100,10000 --runs 200 --seed 5 --target 2 --json --quiet";
  // 2000 K: kT = 8.617343e-5 eV/K * 2000 K (LAMMPS' metal-units constant, md/Units.hpp), printed
  // with 17 digits so the kT run sees the same double; same seed -> identical trajectories.
  char kT[64];
  std::snprintf(kT, sizeof kT, "%.17g", 8.617343e-5 * 2000.0);
  const Result kelvin = run("kmc --catalog " + dir + "/metal.glcat --temperature 2000 --temperature-unit K" + common, dir);
  const Result energy = run("kmc --catalog " + dir + "/metal.glcat --temperature " + kT + common, dir);
  REQUIRE(kelvin.status == 0);
  REQUIRE(energy.status == 0);
  const auto a = nlohmann::json::parse(kelvin.out);
  const auto b = nlohmann::json::parse(energy.out);
  CHECK(a["occupancy"] == b["occupancy"]);
  CHECK(a["mfpt"] == b["mfpt"]);
  CHECK(a["events"] == b["events"]);
  // A ramp in K (rate in K per time unit) equals the ramp in kT with every value times kB.
  char ramp[160];
  std::snprintf(ramp, sizeof ramp, "%.17g,%.17g,%.17g", 8.617343e-5 * 3000.0, 8.617343e-5 * 1000.0, 8.617343e-5 * 10.0);
  const Result ramp_k = run("kmc --catalog " + dir + "/metal.glcat --ramp 3000,1000,10 --temperature-unit K" + common, dir);
  const Result ramp_e = run("kmc --catalog " + dir + "/metal.glcat --ramp " + std::string(ramp) + common, dir);
  REQUIRE(ramp_k.status == 0);
  REQUIRE(ramp_e.status == 0);
  CHECK(nlohmann::json::parse(ramp_k.out)["occupancy"] == nlohmann::json::parse(ramp_e.out)["occupancy"]);
  // K on a reduced-unit catalog: one line naming the option, exit 1.
  const Result bad = run("kmc --catalog " + dir + "/reduced.glcat --temperature 300 --temperature-unit K" + common, dir);
  CHECK(bad.status == 1);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("--temperature-unit") != std::string::npos);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  const Result unknown = run("kmc --catalog " + dir + "/metal.glcat --temperature 300 --temperature-unit C" + common, dir);
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("--temperature-unit") != std::string::npos);
}
