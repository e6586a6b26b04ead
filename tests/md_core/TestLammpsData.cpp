// LAMMPS data files: exact round trips, box geometry (minimum image, wrap, image flags), and
// every malformed input rejected with file:line and the field.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>

#include "md/DumpWriter.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;

namespace {

System random_atoms(const Box& box, std::size_t n, std::uint64_t seed) {
  System s;
  s.box = box;
  s.units = UnitSystem::metal;
  s.type_mass = {0.0, 63.546, 91.224};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0), v(-3.0, 3.0);
  for (std::size_t i = 0; i < n; ++i) {
    s.add_atom(static_cast<int>(3 * i + 7), 1 + static_cast<int>(i % 2), box.from_fractional(Vec3(u(rng), u(rng), u(rng))));
    s.velocity.back() = Vec3(v(rng), v(rng), v(rng)) / 3.7;
    s.image.back() = {static_cast<int>(i % 3) - 1, 2, -static_cast<int>(i % 5)};
  }
  return s;
}

void check_identical(const System& a, const System& b) {
  REQUIRE(a.size() == b.size());
  CHECK(a.box.lo() == b.box.lo());
  CHECK(a.box.hi() == b.box.hi());
  CHECK(a.box.matrix() == b.box.matrix());
  CHECK(a.type_mass == b.type_mass);
  CHECK(a.id == b.id);
  CHECK(a.type == b.type);
  CHECK(a.position == b.position);  // bit for bit
  CHECK(a.velocity == b.velocity);
  CHECK(a.image == b.image);
}

const char* kGood =
    "title\n"
    "\n"
    "3 atoms\n"
    "2 atom types\n"
    "0 10 xlo xhi\n"
    "0 10 ylo yhi\n"
    "0 10 zlo zhi\n"
    "\n"
    "Masses\n"
    "\n"
    "1 2.0\n"
    "2 1.0\n"
    "\n"
    "Atoms # atomic\n"
    "\n"
    "1 1 1.0 1.0 1.0\n"
    "2 2 2.0 1.0 1.0\n"
    "3 1 3.0 1.0 1.0\n";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("data files round-trip exactly (orthogonal and triclinic)", "[io]") {
  const Box boxes[] = {Box(Vec3(-1.1, 0.3, 2.0 / 3.0), Vec3(17.3, 18.9, 21.7)),
                       Box(Vec3(0.1, -0.2, 0.3), Vec3(20.1, 19.8, 22.3), 3.3, -1.7, 2.9)};
  for (const Box& box : boxes) {
    const System s = random_atoms(box, 200, 5);
    const std::string text = format_lammps_data(s);
    const System back = parse_lammps_data(text, "memory", UnitSystem::metal);
    check_identical(s, back);
    CHECK(format_lammps_data(back) == text);
    const std::string path = glassland::test::scratch_dir("md-core-roundtrip") + "/a.data";
    write_lammps_data(path, s);
    check_identical(s, read_lammps_data(path, UnitSystem::metal));
  }
}

TEST_CASE("minimum image, wrapping and image flags", "[io][box]") {
  const Box box(Vec3(1, 2, 3), Vec3(6, 8, 10), 1.5, -2.0, 2.5);
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(-3.0, 4.0);
  for (int trial = 0; trial < 200; ++trial) {
    const Vec3 r = box.from_fractional(Vec3(u(rng), u(rng), u(rng)));
    Image image{1, -2, 0};
    const Vec3 w = box.wrap(r, image);
    const Vec3 s = box.to_fractional(w);
    for (int k = 0; k < 3; ++k) CHECK((s[k] >= 0.0 && s[k] < 1.0));
    // Unwrapping with the updated flags restores r up to round-off (1e-12 of the box size).
    CHECK((box.unwrap(w, image) - box.unwrap(r, Image{1, -2, 0})).norm() < 1e-12 * 10);
    // The minimum image of a short vector plus any lattice vector is the vector itself.
    const Vec3 d(0.3 * u(rng), 0.3 * u(rng), 0.3 * u(rng));
    const Vec3 lattice = box.matrix() * Vec3(std::round(u(rng)), std::round(u(rng)), std::round(u(rng)));
    CHECK((box.minimum_image(d + lattice) - d).norm() < 1e-12 * 10);
  }
}

TEST_CASE("dump frames follow the format OVITO reads", "[io]") {
  System s = random_atoms(Box(Vec3::Zero(), Vec3(10, 11, 12), 1.0, 0.5, -0.5), 4, 1);
  const std::string dump = format_dump_frame(s, 250, true);
  CHECK(dump.rfind("ITEM: TIMESTEP\n250\nITEM: NUMBER OF ATOMS\n4\nITEM: BOX BOUNDS xy xz yz pp pp pp\n", 0) == 0);
  // Triclinic bounds: xlo + min(0, xy, xz, xy + xz) = 0, xhi + max(...) = 10 + 1.5,
  // ylo + min(0, yz) = -0.5, yhi + max(0, yz) = 11.
  CHECK(dump.find("\n0 11.5 1\n-0.5 11 0.5\n0 12 -0.5\nITEM: ATOMS id type x y z\n") != std::string::npos);
}

TEST_CASE("a valid hand-written file reads", "[io]") {
  const System s = parse_lammps_data(kGood, "good.data", UnitSystem::lj);
  CHECK(s.size() == 3);
  CHECK(s.type_mass == std::vector<double>{0.0, 2.0, 1.0});
  CHECK(s.position[1] == Vec3(2.0, 1.0, 1.0));
  // LAMMPS' write_data adds "Pair Coeffs"; it is skipped (the potential comes from elsewhere).
  const std::string with_coeffs = replace(kGood, "Atoms # atomic", "Pair Coeffs # lj/cut\n\n1 1 1\n2 1 0.8\n\nAtoms # atomic");
  CHECK(parse_lammps_data(with_coeffs, "coeffs.data", UnitSystem::lj).position == s.position);
  CHECK_THROWS_WITH(parse_lammps_data(replace(kGood, "Atoms # atomic", "Pair Coeffs\n\n1 1 1\n\nAtoms"), "c.data",
                                      UnitSystem::lj),
                    Catch::Contains("section 'Pair Coeffs' ends after 1 of 2 lines"));
}

TEST_CASE("every malformed data file is an InputError with file:line and the field", "[io][bad-input]") {
  struct Case {
    const char* name;
    std::string text;
    const char* expected;
  };
  const std::string g = kGood;
  const Case cases[] = {
      {"truncated Atoms", g.substr(0, g.rfind("3 1 3.0")), "bad.data:14: section 'Atoms' is truncated: 2 of 3"},
      {"truncated line", replace(g, "3 1 3.0 1.0 1.0", "3 1 3.0 1.0"), "bad.data:18: Atoms (id type x y z [ix iy iz]) line has 4 fields"},
      {"not a number", replace(g, "2 2 2.0 1.0 1.0", "2 2 2.0 x1 1.0"), "bad.data:17: field 'y': 'x1' is not a number"},
      {"NaN", replace(g, "2 2 2.0 1.0 1.0", "2 2 nan 1.0 1.0"), "bad.data:17: field 'x': 'nan' is not finite"},
      {"inf", replace(g, "2 2 2.0 1.0 1.0", "2 2 2.0 1.0 inf"), "bad.data:17: field 'z': 'inf' is not finite"},
      {"unknown type", replace(g, "2 2 2.0 1.0 1.0", "2 3 2.0 1.0 1.0"), "bad.data:17: field 'type': 3 is not in 1..2"},
      {"zero box", replace(g, "0 10 ylo yhi", "5 5 ylo yhi"), "bad.data:6: field 'yhi': box length"},
      {"negative box", replace(g, "0 10 zlo zhi", "0 -10 zlo zhi"), "bad.data:7: field 'zhi': box length"},
      {"overlap", replace(g, "3 1 3.0 1.0 1.0", "3 1 2.0000000001 1.0 1.0"), "bad.data: atoms 2 and 3 overlap"},
      {"overlap across a face", replace(replace(g, "3 1 3.0 1.0 1.0", "3 1 10.0 1.0 1.0"), "1 1 1.0 1.0 1.0", "1 1 0.0 1.0 1.0"),
       "overlap"},
      {"duplicate id", replace(g, "3 1 3.0", "2 1 3.0"), "bad.data:18: field 'id': atom 2 appears twice"},
      {"missing header", replace(g, "2 atom types\n", ""), "bad.data: header field 'atom types' is missing"},
      {"unknown header", replace(g, "2 atom types\n", "2 atom types\n1 bonds\n"), "bad.data:5: unknown header line"},
      {"unknown section", replace(g, "Masses", "Bonds"), "bad.data:9: unknown section 'Bonds'"},
      {"bad mass", replace(g, "2 1.0", "2 -1.0"), "bad.data:12: field 'mass' must be > 0"},
      {"bad style", replace(g, "# atomic", "# full"), "bad.data:14: atom style 'full'"},
      {"no Atoms", g.substr(0, g.find("Atoms")), "bad.data: section 'Atoms' is missing"},
      {"bad count", replace(g, "3 atoms", "three atoms"), "bad.data:3: field 'atoms': 'three' is not an integer"},
      {"velocity of unknown atom", g + "\nVelocities\n\n1 0 0 0\n2 0 0 0\n9 0 0 0\n", "bad.data:24: field 'id': atom 9 is not in 'Atoms'"},
      {"empty", "", "bad.data: empty data file"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      CHECK_THROWS_WITH(parse_lammps_data(c.text, "bad.data", UnitSystem::lj), Catch::Contains(c.expected));
    }
  }
  CHECK_THROWS_WITH(read_lammps_data("/nonexistent/x.data", UnitSystem::lj), Catch::Contains("/nonexistent/x.data"));
}
