// Voronoi indices and volumes (md/VoronoiIndex) against exact geometry: fcc and bcc crystals
// (every cell <0,12,0,0> of volume a^3/4, or <0,6,0,8> of volume a^3/2), the regular
// dodecahedron around the centre of an icosahedral cluster (<0,0,12,0>, analytic volume), and a
// glass whose cell volumes must tile the box. Volumes to 1e-9 relative: voro++ computes the
// cells exactly up to rounding of coordinates O(1).
#include <cmath>
#include <numbers>

#include <catch2/catch.hpp>

#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/VoronoiIndex.hpp"

using namespace glassland;

namespace {

md::System crystal(const std::vector<md::Vec3>& basis, double a, int cells) {
  md::System s;
  s.box = md::Box(md::Vec3::Zero(), md::Vec3::Constant(cells * a));
  s.type_mass = {0.0, 1.0};
  int id = 1;
  for (int i = 0; i < cells; ++i)
    for (int j = 0; j < cells; ++j)
      for (int k = 0; k < cells; ++k)
        for (const auto& b : basis) s.add_atom(id++, 1, (md::Vec3(i, j, k) + b) * a + md::Vec3::Constant(0.01));
  return s;
}

}  // namespace

TEST_CASE("fcc and bcc crystals: every cell has the crystal's index and volume", "[voronoi]") {
  const double a = 1.55;
  SECTION("fcc: rhombic dodecahedra <0,12,0,0>, volume a^3/4") {
    const md::System s = crystal({{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}}, a, 4);
    const auto cells = md::voronoi_cells(s);
    for (const auto& c : cells) {
      CHECK(c.index == std::array<int, 4>{0, 12, 0, 0});
      CHECK(c.volume == Approx(a * a * a / 4.0).epsilon(1e-9));
    }
    const auto summary = md::summarize_voronoi(s, cells);
    CHECK(summary.icosahedral_fraction == 0.0);
    REQUIRE(summary.most_common.size() == 1);
    CHECK(summary.most_common[0].second == static_cast<int>(s.size()));
  }
  SECTION("bcc: truncated octahedra <0,6,0,8>, volume a^3/2") {
    const md::System s = crystal({{0, 0, 0}, {0.5, 0.5, 0.5}}, a, 4);
    for (const auto& c : md::voronoi_cells(s)) {
      CHECK(c.index == std::array<int, 4>{0, 6, 0, 8});
      CHECK(c.volume == Approx(a * a * a / 2.0).epsilon(1e-9));
    }
  }
}

TEST_CASE("the centre of an icosahedral cluster has a regular dodecahedron <0,0,12,0>", "[voronoi]") {
  md::System s;
  s.box = md::Box(md::Vec3::Zero(), md::Vec3::Constant(12.0));
  s.type_mass = {0.0, 1.0, 1.0};
  const md::Vec3 centre = md::Vec3::Constant(6.0);
  s.add_atom(1, 2, centre);
  const double phi = std::numbers::phi;
  int id = 2;
  for (double u : {-1.0, 1.0})
    for (double v : {-phi, phi})
      for (const md::Vec3& d : {md::Vec3(0, u, v), md::Vec3(u, v, 0), md::Vec3(v, 0, u)})
        s.add_atom(id++, 1, centre + d.normalized());  // 12 vertices at distance 1
  const auto cells = md::voronoi_cells(s);
  CHECK(cells[0].icosahedral());
  // Faces are the bisector planes at distance 1/2: a dodecahedron of inradius 1/2, edge
  // e = 2 r / sqrt(5/2 + 11/(2 sqrt 5)), volume (15 + 7 sqrt 5) e^3 / 4.
  const double edge = 1.0 / std::sqrt(2.5 + 5.5 / std::sqrt(5.0));
  CHECK(cells[0].volume == Approx((15.0 + 7.0 * std::sqrt(5.0)) / 4.0 * edge * edge * edge).epsilon(1e-9));
  const auto summary = md::summarize_voronoi(s, cells);
  CHECK(summary.icosahedral_by_type[2] == 1.0);
  CHECK(summary.icosahedral_by_type[1] == 0.0);
  CHECK(summary.total_volume == Approx(s.box.volume()).epsilon(1e-9));
}

TEST_CASE("a glass: cells tile the box; radical with equal radii equals Voronoi; thresholds", "[voronoi]") {
  const md::PotentialSpec spec = md::load_potential("wahnstrom");
  const md::System glass =
      md::read_lammps_data(std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/wahnstrom_256_glass.data", spec.units);
  const auto plain = md::voronoi_cells(glass);
  const auto summary = md::summarize_voronoi(glass, plain);
  CHECK(summary.total_volume == Approx(glass.box.volume()).epsilon(1e-9));
  md::VoronoiOptions equal;
  equal.type_radius = {0.0, 0.5, 0.5};
  const auto radical = md::voronoi_cells(glass, equal);
  md::VoronoiOptions threshold;
  threshold.face_area_fraction = 0.01;
  const auto coarse = md::voronoi_cells(glass, threshold);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(radical[i].index == plain[i].index);
    CHECK(radical[i].volume == Approx(plain[i].volume).epsilon(1e-9));
    CHECK(coarse[i].faces <= plain[i].faces);
  }
  // Radical radii in the Wahnström size ratio move volume from small to large atoms.
  md::VoronoiOptions sized;
  sized.type_radius = {0.0, 0.5, 0.5 * 5.0 / 6.0};
  const auto weighted = md::voronoi_cells(glass, sized);
  double large_plain = 0.0, large_weighted = 0.0;
  for (std::size_t i = 0; i < plain.size(); ++i)
    if (glass.type[i] == 1) {
      large_plain += plain[i].volume;
      large_weighted += weighted[i].volume;
    }
  CHECK(large_weighted > large_plain);
}

TEST_CASE("Voronoi bad input: triclinic box, radii per type, threshold", "[voronoi]") {
  md::System s = crystal({{0, 0, 0}, {0.5, 0.5, 0.5}}, 1.5, 3);
  md::VoronoiOptions wrong_count;
  wrong_count.type_radius = {0.0, 0.5, 0.5};
  CHECK_THROWS_AS(md::voronoi_cells(s, wrong_count), InputError);
  md::VoronoiOptions negative;
  negative.type_radius = {0.0, -0.5};
  CHECK_THROWS_AS(md::voronoi_cells(s, negative), InputError);
  md::VoronoiOptions bad_threshold;
  bad_threshold.face_area_fraction = 1.5;
  CHECK_THROWS_AS(md::voronoi_cells(s, bad_threshold), InputError);
  s.box = md::Box(md::Vec3::Zero(), md::Vec3::Constant(4.5), 0.3, 0.0, 0.0);
  CHECK_THROWS_AS(md::voronoi_cells(s), InputError);
}
