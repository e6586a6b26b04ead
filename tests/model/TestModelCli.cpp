// `glassland landscape-model` on good and bad inputs: bad input -> one line naming the key,
// exit status 1, nothing written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

namespace fs = std::filesystem;

namespace {
glassland::test::CommandResult run_cli(const std::string& dir, const std::string& model, const std::string& protocol,
                                       const std::string& out) {
  return glassland::test::run_glassland(dir, "landscape-model --model '" + model + "' --protocol '" + protocol + "' --out '" +
                                                 out + "' --no-plots");
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

const std::string kExamples = std::string(GLASSLAND_SOURCE_DIR) + "/examples/model/";
const std::string kRamp = "start_K = 520.0\n[[step]]\nkind = \"ramp\"\nto_K = 400.0\nrate_K_per_min = 20.0\n";
}  // namespace

TEST_CASE("landscape-model writes results for a valid run", "[model][cli]") {
  const std::string dir = glassland::test::scratch_dir("model-cli-ok");
  write(dir + "/p.toml", kRamp);
  const auto r = run_cli(dir, kExamples + "la_glass.toml", dir + "/p.toml", dir + "/out");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(fs::exists(dir + "/out/results.json"));
  CHECK(fs::exists(dir + "/out/trajectory.csv"));
  CHECK(r.err.find("landscape-model") != std::string::npos);  // progress on stderr
}

TEST_CASE("landscape-model rejects bad inputs naming the key and writes nothing", "[model][cli]") {
  const std::string dir = glassland::test::scratch_dir("model-cli-bad");
  const std::string model = kExamples + "la_glass.toml";
  struct Case {
    std::string name, model_text, protocol_text, key;
  };
  std::ifstream in(model);
  std::stringstream good_model;
  good_model << in.rdbuf();
  std::string hot_t0 = good_model.str();
  hot_t0.replace(hot_t0.find("vft_T0_K = 278.0"), 16, "vft_T0_K = 460.0");
  std::string unknown = good_model.str() + "\n[lab2]\nx = 1\n";
  const std::vector<Case> cases = {
      {"t0", hot_t0, kRamp, "alpha.vft_T0_K"},
      {"unknown-table", unknown, kRamp, "lab2"},
      {"negative-rate", good_model.str(), "start_K = 520.0\n[[step]]\nkind = \"ramp\"\nto_K = 400.0\nrate_K_per_min = -5.0\n", "step[0].rate_K_per_min"},
      {"nan-temperature", good_model.str(), "start_K = nan\n[[step]]\nkind = \"hold\"\nduration_s = 5.0\n", "start_K"},
      {"non-monotonic", good_model.str(), "start_K = 520.0\n[[step]]\nkind = \"schedule\"\ntimes_s = [0.0, 2.0, 1.0]\ntemperatures_K = [500.0, 480.0, 470.0]\n", "step[0].times_s"},
      {"empty-times", good_model.str(), "start_K = 520.0\n[[step]]\nkind = \"schedule\"\ntimes_s = []\ntemperatures_K = []\n", "step[0].times_s"},
      {"unknown-key", good_model.str(), kRamp + "speed = 3\n", "step[0].speed"},
  };
  for (const auto& c : cases) {
    write(dir + "/" + c.name + "-m.toml", c.model_text);
    write(dir + "/" + c.name + "-p.toml", c.protocol_text);
    const std::string out = dir + "/" + c.name + "-out";
    const auto r = run_cli(dir, dir + "/" + c.name + "-m.toml", dir + "/" + c.name + "-p.toml", out);
    INFO(c.name << ": " << r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find(c.key) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("landscape-model fit rejects bad targets in one line and writes nothing", "[model][cli][fit]") {
  const std::string dir = glassland::test::scratch_dir("model-cli-fit-bad");
  write(dir + "/p.toml", kRamp);
  write(dir + "/t.toml", "parameters = [\"beta.no_such_key\"]\n[protocols]\nramp = \"p.toml\"\n"
                         "[[scalar]]\nname = \"Tf\"\nprotocol = \"ramp\"\nresult = \"/steps/0/end_fictive_K\"\nvalue = 440.0\nsigma = 1.0\n");
  const std::string out = dir + "/out";
  const auto run = glassland::test::run_glassland(
      dir, "landscape-model fit --model '" + kExamples + "la_glass.toml' --targets '" + dir + "/t.toml' --out '" + out + "' --no-plots");
  const std::string& text = run.err;
  INFO(text);
  CHECK(run.status == 1);
  CHECK(text.find("t.toml: parameters[0]") != std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(out));
  // The run command still requires its protocol when no subcommand is given.
  const auto r = run_cli(dir, kExamples + "la_glass.toml", "", out);
  CHECK(r.status == 1);
  CHECK(r.err.find("--protocol") != std::string::npos);
}

TEST_CASE("landscape-model creep-fit fits a curve file and rejects bad curves in one line", "[model][cli][creep-fit]") {
  const std::string dir = glassland::test::scratch_dir("model-cli-creep-fit");
  // One Debye-like family (B = 40 is a single time within 3 %) on J0: the fit of one family
  // returns J0 = 0.03 and dJ = 0.01 within 1e-3 (the written JSON's precision is not the limit).
  std::string text = "time_s,J_per_GPa\n";
  for (int k = 0; k <= 60; ++k) {
    const double t = std::pow(10.0, -3.0 + 0.1 * k);
    text += std::to_string(t) + "," + std::to_string(0.03 + 0.01 * (1.0 - std::exp(-t / 2.0))) + "\n";
  }
  write(dir + "/good.csv", text);
  const auto ok = glassland::test::run_glassland(dir, "landscape-model creep-fit --curve '" + dir + "/good.csv' --out '" + dir +
                                                          "/fit' --families 1 --json");
  INFO(ok.err);
  REQUIRE(ok.status == 0);
  CHECK(fs::exists(dir + "/fit/creep_fit.csv"));
  const auto json = nlohmann::json::parse(ok.out);
  CHECK(json["instant_compliance_per_GPa"].get<double>() == Approx(0.03).epsilon(1e-3));
  CHECK(json["families"][0]["compliance_per_GPa"].get<double>() == Approx(0.01).epsilon(1e-3));

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"time_s,J_per_GPa\n", "empty.csv: has no data rows"},
      {"time_s,J_per_GPa\n1,0.03\n2,nan\n", "nan.csv:3:"},
      {"time_s,J_per_GPa\n1,0.03\n3,0.04\n2,0.05\n", "back.csv:4: 'time_s' must increase strictly"}};
  const std::vector<std::string> names = {"empty.csv", "nan.csv", "back.csv"};
  for (std::size_t i = 0; i < bad.size(); ++i) {
    write(dir + "/" + names[i], bad[i].first);
    const std::string out = dir + "/out" + std::to_string(i);
    const auto r = glassland::test::run_glassland(dir, "landscape-model creep-fit --curve '" + dir + "/" + names[i] + "' --out '" + out + "'");
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find(bad[i].second) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
  }
  const auto families = glassland::test::run_glassland(dir, "landscape-model creep-fit --curve '" + dir + "/good.csv' --out '" + dir +
                                                                "/out9' --families 7");
  CHECK(families.status == 1);
  CHECK(families.err.find("--families: must be 1 to 4") != std::string::npos);
}
