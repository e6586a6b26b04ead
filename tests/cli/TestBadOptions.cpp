// Bad command-line values across commands: each gives exit status 1..127 (never a crash, never
// exit 0), one stderr line naming the command's own option, and leaves existing outputs as they
// were. Values are the kinds a fuzzing probe found accepted or crashing before: overflowing and
// octal-looking integers, nan/inf, negative damping times, junk suffixes in lists, a huge type
// count in a data file, a kMC checkpoint with an impossible state.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

namespace {
using glassland::test::read_text;
using glassland::test::run_glassland;

const std::string kGlass = std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data";

std::string md_args(const std::string& extra) {
  return "md --data " + kGlass + " --potential wahnstrom --dt 0.002 --steps 2 " + extra;
}

// Exit 1..127 (not a signal, not success) and exactly one stderr line that names `option`.
void require_clean_refusal(const glassland::test::CommandResult& r, const std::string& option) {
  INFO(r.err);
  CHECK(r.status >= 1);
  CHECK(r.status <= 127);
  CHECK(r.err.find(option) != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
}  // namespace

TEST_CASE("numeric options refuse overflow, nan, inf and junk", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("cli-bad-options");
  require_clean_refusal(run_glassland(dir, md_args("--thermo-every 99999999999999999999")), "--thermo-every");
  require_clean_refusal(run_glassland(dir, md_args("--ensemble nvt-langevin --temperature nan")), "--temperature");
  require_clean_refusal(run_glassland(dir, md_args("--ensemble nvt-langevin --temperature inf")), "--temperature");
  require_clean_refusal(run_glassland(dir, md_args("--ensemble nvt-langevin --temperature 0.5 --tdamp -1")), "--tdamp");
  require_clean_refusal(run_glassland(dir, md_args("--skin 1x")), "--skin");
  require_clean_refusal(run_glassland(dir, md_args("--threads -1")), "--threads");
}

TEST_CASE("integers with leading zeros are decimal, not octal", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("cli-decimal");
  const auto r = run_glassland(dir, "md --data " + kGlass + " --potential wahnstrom --dt 0.002 --steps 010 --json");
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["steps"] == 10);  // strtoll base 0 would read 8
}

TEST_CASE("md checks every output folder before writing any output", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("cli-md-outputs");
  const std::string thermo = dir + "/thermo.csv";
  std::ofstream(thermo) << "kept\n";
  const auto r = run_glassland(dir, md_args("--thermo " + thermo + " --write-data " + dir + "/missing/glass.data"));
  require_clean_refusal(r, "--write-data");
  CHECK(read_text(thermo) == "kept\n");
}

TEST_CASE("neb with no interior image is refused, not a crash", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("cli-neb-images");
  for (const char* images : {"0", "-3"}) {
    const auto r = run_glassland(dir, "neb --initial " + kGlass + " --final " + kGlass +
                                          " --potential wahnstrom --images " + images + " --profile " + dir + "/profile.txt");
    require_clean_refusal(r, "--images");
    CHECK_FALSE(std::filesystem::exists(dir + "/profile.txt"));
  }
}

TEST_CASE("a data file with an absurd atom-type count is refused before allocating", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("cli-atom-types");
  std::string text = read_text(kGlass);
  const auto at = text.find(" atom types");
  REQUIRE(at != std::string::npos);
  const auto start = text.rfind('\n', at) + 1;
  text.replace(start, at - start, "1000000000");
  std::ofstream(dir + "/typo.data") << text;
  require_clean_refusal(run_glassland(dir, "eval --data " + dir + "/typo.data --potential wahnstrom"), "atom types");
}

TEST_CASE("kmc refuses a junk ramp and a checkpoint with an impossible state", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("cli-kmc-inputs");
  std::ofstream(dir + "/net.json") << R"({"minima":[{"id":0,"energy":0.0},{"id":1,"energy":0.2}],
    "saddles":[{"from":0,"to":1,"energy":0.7,"prefactor_forward":1.0,"prefactor_backward":1.0}]})";
  REQUIRE(run_glassland(dir, "catalog import --json " + dir + "/net.json --out " + dir + "/net.glcat").status == 0);
  const std::string base = "kmc --catalog " + dir + "/net.glcat --start 0 --times 1,10 --runs 4 --seed 3 --json --quiet";
  require_clean_refusal(run_glassland(dir, base + " --ramp 2abc,0.1,1"), "--ramp");
  require_clean_refusal(run_glassland(dir, base + " --ramp 0.1,0.3,-1"), "--ramp");

  const std::string checkpoint = dir + "/ck.json";
  REQUIRE(run_glassland(dir, base + " --temperature 0.3 --checkpoint " + checkpoint).status == 0);
  auto ck = nlohmann::json::parse(read_text(checkpoint));
  ck["records"]["0"]["states"][1] = 7;  // the network has states 0 and 1 only
  std::ofstream(checkpoint) << ck.dump();
  const std::string before = read_text(checkpoint);
  require_clean_refusal(run_glassland(dir, base + " --temperature 0.3 --checkpoint " + checkpoint), "ck.json");
  CHECK(read_text(checkpoint) == before);
}

TEST_CASE("fields named by bridge's libraries reach the user as the command's own flags", "[cli]") {
  // bridge/validate and bridge/HarvestCheckpoint name the field (temperatures_in_kelvin,
  // landscape_potential, resume); main() maps it to the flag of the command that ran
  // (bridge/cli/OptionNames), so the message names the option the user typed.
  const std::string dir = glassland::test::scratch_dir("cli-field-names");
  const std::string validate = "validate --data " + kGlass + " --potential wahnstrom --temperatures 0.3 --runs 2 "
                               "--seed 1 --out " + dir + "/never ";
  const auto unit = run_glassland(dir, validate + "--temperature-unit K");
  require_clean_refusal(unit, "--temperature-unit: K needs a potential in metal units");
  const auto truncated = run_glassland(dir, validate + "--landscape-potential wahnstrom");
  require_clean_refusal(truncated, "--landscape-potential: 'wahnstrom' has a force jump at its cutoff");
  const auto units = run_glassland(dir, validate + "--landscape-potential cu-zr-mendelev2007");
  require_clean_refusal(units, "--landscape-potential: units differ");
  CHECK_FALSE(std::filesystem::exists(dir + "/never"));
  const auto resume = run_glassland(dir, "harvest --data " + kGlass + " --potential wahnstrom --temperature 0.45 "
                                         "--steps 800 --seed 1 --out " + dir + "/h.glcat --resume");
  require_clean_refusal(resume, "--resume: no checkpoint");
  CHECK_FALSE(std::filesystem::exists(dir + "/h.glcat"));
}
