// `glassland eval` end to end: JSON keys and values, the forces file, and bad inputs (exit
// status != 0, one line on stderr naming file:line or the field, no forces file).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "md/ForceCompute.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/md_core/Helpers.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;
using glassland::test::close;

namespace {

using Run = glassland::test::CommandResult;
using glassland::test::read_text;

Run eval(const std::string& dir, const std::string& args) { return glassland::test::run_glassland(dir, "eval " + args, ""); }

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

const char* kData =
    "title\n\n3 atoms\n2 atom types\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\n"
    "Atoms # atomic\n\n1 1 1.0 1.0 1.0\n2 2 2.1 1.0 1.0\n3 1 3.0 1.9 1.0\n";

std::string edit(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("glassland eval prints the JSON of the issue and writes sorted forces", "[cli]") {
  const std::string dir = glassland::test::scratch_dir("md-core-eval");
  const PotentialSpec spec = load_potential("wahnstrom");
  System s = test_liquid(spec, 300, true, 4);
  std::reverse(s.id.begin(), s.id.end());  // file order != id order
  write_lammps_data(dir + "/glass.data", s);
  const Run r = eval(dir, fmt::format("--data {0}/glass.data --potential wahnstrom --forces {0}/f.txt --json", dir));
  REQUIRE(r.status == 0);
  const auto json = nlohmann::json::parse(r.out);
  ForceCompute fc(spec.pair, 0.0);
  const ForceTotals t = fc.compute(s);
  CHECK(json.at("natoms").get<long>() == 300);
  // Printed at round-trip precision, so equal to the library's values up to summation order.
  CHECK(close(json.at("volume").get<double>(), s.box.volume(), 1e-15));
  CHECK(close(json.at("energy").get<double>(), t.energy, 1e-12));
  CHECK(close(json.at("pressure_virial").get<double>(), virial_pressure(t, s.box, spec.units), 1e-12, 1e-12));
  std::ifstream forces(dir + "/f.txt");
  int id, previous = 0, lines = 0;
  double fx, fy, fz;
  while (forces >> id >> fx >> fy >> fz) {
    CHECK(id > previous);
    previous = id;
    ++lines;
    const auto i = static_cast<std::size_t>(std::find(s.id.begin(), s.id.end(), id) - s.id.begin());
    CHECK((Vec3(fx, fy, fz) - s.force[i]).norm() <= 1e-10 * (1 + s.force[i].norm()));
  }
  CHECK(lines == 300);
}

TEST_CASE("glassland eval rejects bad input with one line and no output file", "[cli][bad-input]") {
  const std::string dir = glassland::test::scratch_dir("md-core-eval-bad");
  const std::string good_toml = "style = \"lj\"\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n"
                                "[[pair]]\ntypes = [1, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n"
                                "[[pair]]\ntypes = [2, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
  struct Case {
    const char* name;
    std::string data, toml;  // toml empty: use the wahnstrom preset
    const char* expected;
  };
  const Case cases[] = {
      {"malformed", edit(kData, "2.1 1.0", "2.1 oops"), "", "bad.data:12: field 'y'"},
      {"truncated", std::string(kData).substr(0, std::string(kData).rfind("3 1")), "", "bad.data:9: section 'Atoms' is truncated"},
      {"unknown type", edit(kData, "2 2 2.1", "2 3 2.1"), "", "bad.data:12: field 'type'"},
      {"zero box", edit(kData, "0 10 ylo", "0 0 ylo"), "", "bad.data:6: field 'yhi'"},
      {"overlapping", edit(kData, "3 1 3.0 1.9 1.0", "3 1 2.1 1.0 1.0"), "", "atoms 2 and 3 overlap"},
      {"NaN", edit(kData, "3.0 1.9", "nan 1.9"), "", "bad.data:13: field 'x'"},
      {"box too small", edit(kData, "0 10 zlo", "0 4.9 zlo"), "", "bad.data: box: smallest perpendicular box width"},
      {"missing pair", kData, edit(good_toml, "[[pair]]\ntypes = [1, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n", ""),
       "bad.toml: missing pair 1-2"},
      {"types beyond potential", edit(edit(kData, "2 atom types", "3 atom types"), "3 1 3.0", "3 3 3.0"),
       "style = \"lj\"\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n"
       "[[pair]]\ntypes = [1, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n"
       "[[pair]]\ntypes = [2, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n",
       "bad.data: atom types: the data file has 3 atom types"},
      {"unknown TOML key", kData, "cutof = 1\n" + good_toml, "bad.toml:1: cutof: unknown key"},
      {"no such potential", kData, "", ""},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      write(dir + "/bad.data", c.data);
      std::string potential = "wahnstrom";
      if (!c.toml.empty()) {
        write(dir + "/bad.toml", c.toml);
        potential = dir + "/bad.toml";
      }
      if (std::string(c.name) == "no such potential") potential = "no-such-model";
      std::filesystem::remove(dir + "/f.txt");
      const Run r = eval(dir, fmt::format("--data {0}/bad.data --potential {1} --forces {0}/f.txt --json", dir, potential));
      CHECK(r.status != 0);
      CHECK(r.out.empty());
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
      CHECK(r.err.rfind("glassland: ", 0) == 0);
      CHECK_THAT(r.err, Catch::Contains(c.expected));
      CHECK_FALSE(std::filesystem::exists(dir + "/f.txt"));
    }
  }
}
