// Presets and TOML potential files: values of the presets, strict TOML parsing.
#include <catch2/catch.hpp>

#include "md/Error.hpp"
#include "md/PotentialRegistry.hpp"

using namespace glassland::md;

namespace {
std::string replace_sigma(std::string text) {
  const auto pos = text.find("sigma = 1.0");
  return text.replace(pos, 11, "sigma = -1.0");
}
}  // namespace

TEST_CASE("presets carry the published parameters, units and masses", "[potential]") {
  const PotentialSpec w = load_potential("wahnstrom");
  CHECK(w.units == UnitSystem::lj);
  CHECK(w.type_mass == std::vector<double>{0.0, 2.0, 1.0});
  CHECK(w.pair.pair(2, 2).sigma == 5.0 / 6.0);
  CHECK(w.pair.pair(1, 2).sigma == 11.0 / 12.0);
  CHECK(w.pair.pair(1, 2).cutoff == 2.5 * 11.0 / 12.0);
  const PotentialSpec ka = load_potential("kob-andersen");
  CHECK(ka.pair.pair(1, 2).epsilon == 1.5);
  CHECK(ka.pair.pair(2, 2).sigma == 0.88);
  CHECK(ka.pair.pair(2, 2).cutoff == 2.5 * 0.88);
  CHECK(load_potential("kob-andersen-sf").pair.style() == PairStyle::lj_sf);
  CHECK_THROWS_WITH(load_potential("cu-zr-kmt"), Catch::Contains("not available"));
  CHECK_THROWS_WITH(load_potential("no-such-model"), Catch::StartsWith("potential"));
}

TEST_CASE("the issue's TOML form works", "[potential]") {
  const PotentialSpec p = parse_potential_toml(R"(
style = "lj"        # 12-6 Lennard-Jones
shift = false
[[pair]]
types = [1, 1]
epsilon = 1.0
sigma = 1.0
cutoff = 2.5
)",
                                               "one.toml");
  CHECK(p.pair.ntypes() == 1);
  CHECK(p.pair.pair(1, 1).cutoff == 2.5);
  CHECK(p.type_mass.empty());
  const PotentialSpec q = parse_potential_toml(R"(
style = "lj/sf"
units = "metal"
masses = [63.546, 91.224]
[[pair]]
types = [1, 1]
epsilon = 0.4
sigma = 2.3
cutoff = 5.8
[[pair]]
types = [2, 1]
epsilon = 0.5
sigma = 2.7
cutoff = 6.8
[[pair]]
types = [2, 2]
epsilon = 0.6
sigma = 3.1
cutoff = 7.8
)",
                                               "two.toml");
  CHECK(q.units == UnitSystem::metal);
  CHECK(q.pair.pair(1, 2).sigma == 2.7);
  CHECK(q.type_mass == std::vector<double>{0.0, 63.546, 91.224});
}

TEST_CASE("bad TOML potentials name the file, line and key", "[potential][bad-input]") {
  const std::string head = "style = \"lj\"\n";
  const std::string pair11 = "[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
  const std::string pair22 = "[[pair]]\ntypes = [2, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
  const std::string pair12 = "[[pair]]\ntypes = [1, 2]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n";
  struct Case {
    const char* name;
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {"unknown top-level key", head + "shfit = true\n" + pair11, "m.toml:2: shfit: unknown key"},
      {"unknown pair key", head + pair11 + "rcut = 3\n", "m.toml:7: pair[1].rcut: unknown key"},
      {"missing pair", head + pair11 + pair22, "m.toml: missing pair 1-2"},
      {"missing key", head + "[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\n", "pair[1]: missing key 'cutoff'"},
      {"bad style", "style = \"morse\"\n" + pair11, "m.toml:1: style: unknown pair style 'morse'"},
      {"negative sigma", head + replace_sigma(pair11), "sigma must be finite and > 0"},
      {"duplicate pair", head + pair11 + pair11, "pair 1-1 given twice"},
      {"string number", head + "[[pair]]\ntypes = [1, 1]\nepsilon = \"1\"\nsigma = 1.0\ncutoff = 2.5\n",
       "m.toml:4: pair[1].epsilon: must be a number"},
      {"syntax error", head + "shift = \n", "m.toml:2"},
      {"no style", pair11, "m.toml: style: missing key 'style'"},
      // A float type index far beyond int64 once reached an undefined float-to-integer conversion
      // inside toml++ (found by libFuzzer under UBSan).
      {"huge float type", head + "[[pair]]\ntypes = [2, 3.3e48]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n",
       "m.toml:3: pair[1].types: must be an integer atom type 1..1000"},
      {"float type", head + "[[pair]]\ntypes = [1.0, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n",
       "must be an integer atom type"},
      {"too few masses", head + "masses = [1.0]\n" + pair11 + pair12 + pair22, "gives 1 masses for 2 atom types"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) { CHECK_THROWS_WITH(parse_potential_toml(c.text, "m.toml"), Catch::Contains(c.expected)); }
  }
}
