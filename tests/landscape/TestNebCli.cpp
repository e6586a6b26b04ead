// `glassland neb` end to end: JSON keys on a converged vacancy hop, non-convergence exits
// non-zero with converged:false, and bad input (different atom counts, types or boxes,
// identical ends) gives one line on stderr, exit status 1 and no output file.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "md/LammpsData.hpp"
#include "tests/support/FccCrystal.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

const char* kPotential =
    "style = \"lj\"\nshift = true\n"
    "[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n"
    "[[pair]]\ntypes = [1, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n"
    "[[pair]]\ntypes = [2, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";

/// fcc crystal (4x4x4 cells, a = 1.55), site 0 vacant; optionally atom of site 1 on site 0.
md::System crystal(bool hopped, double box_scale = 1.0) {
  const auto sites = test::fcc_sites(4, 1.55);
  md::System s;
  s.box = test::fcc_box(4, 1.55 * box_scale);
  s.type_mass = {0.0, 1.0, 1.0};
  s.add_atom(1, 1, hopped ? md::Vec3::Zero() : sites[1]);
  for (std::size_t i = 2; i < sites.size(); ++i) s.add_atom(static_cast<int>(i), 1, sites[i]);
  return s;
}

using Run = test::CommandResult;
using test::run_glassland;

std::string setup(const std::string& name) {
  const std::string dir = test::scratch_dir(name);
  std::ofstream(dir + "/lj.toml") << kPotential;
  md::write_lammps_data(dir + "/A.data", crystal(false));
  md::write_lammps_data(dir + "/B.data", crystal(true));
  return dir;
}

std::string neb_args(const std::string& dir, const std::string& final, const std::string& extra = "") {
  return "neb --initial " + dir + "/A.data --final " + dir + "/" + final + " --potential " + dir +
         "/lj.toml --images 5 --climb --fmax 1e-3 --json --profile " + dir + "/profile.txt " + extra;
}

}  // namespace

TEST_CASE("glassland neb prints the documented JSON for a converged vacancy hop", "[cli][neb]") {
  const std::string dir = setup("neb_cli_ok");
  const Run r = run_glassland(dir, neb_args(dir, "B.data"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"energy_initial", "energy_final", "energy_saddle", "barrier_forward", "barrier_reverse",
                          "force_calls", "converged"})
    CHECK(j.contains(key));
  CHECK(j["converged"].get<bool>());
  // Symmetric hop: equal barriers (1e-6: forces converged to 1e-3, curvature ~O(10)).
  CHECK(j["barrier_forward"].get<double>() == Approx(j["barrier_reverse"].get<double>()).margin(1e-5));
  CHECK(j["energy_saddle"].get<double>() - j["energy_initial"].get<double>() ==
        Approx(j["barrier_forward"].get<double>()).margin(1e-12));
  CHECK(std::ifstream(dir + "/profile.txt").good());
}

TEST_CASE("glassland neb exits non-zero with converged:false when out of budget", "[cli][neb]") {
  const std::string dir = setup("neb_cli_budget");
  const Run r = run_glassland(dir, neb_args(dir, "B.data", "--max-iterations 3 --fallback-minimizer ''"));
  CHECK(r.status != 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK_FALSE(j["converged"].get<bool>());
}

TEST_CASE("glassland neb rejects incompatible or identical ends", "[cli][neb][bad-input]") {
  const std::string dir = setup("neb_cli_bad");
  md::System fewer = crystal(true);
  fewer.id.pop_back(), fewer.type.pop_back(), fewer.position.pop_back(), fewer.velocity.pop_back(),
      fewer.force.pop_back(), fewer.image.pop_back();
  md::write_lammps_data(dir + "/fewer.data", fewer);
  md::System retyped = crystal(true);
  retyped.type[5] = 2;
  md::write_lammps_data(dir + "/retyped.data", retyped);
  md::write_lammps_data(dir + "/bigger.data", crystal(true, 1.01));
  for (const std::string final : {"fewer.data", "retyped.data", "bigger.data", "A.data"}) {
    std::remove((dir + "/profile.txt").c_str());
    const Run r = run_glassland(dir, neb_args(dir, final));
    INFO(final << ": " << r.err);
    CHECK(r.status == 1);
    CHECK(r.err.rfind("glassland: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.empty());
    CHECK_FALSE(std::ifstream(dir + "/profile.txt").good());
  }
}
