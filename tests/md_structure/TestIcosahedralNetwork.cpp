// The icosahedral network (md/IcosahedralNetwork) on configurations whose answer is known by
// construction: an isolated icosahedron, two and three interpenetrating icosahedra stacked
// along their five-fold axis (a chain of centres, polyicosahedral rods), the C15 Laves crystal
// MgCu2 whose Cu atoms are all icosahedral centres (each linked to 6 Cu centres that form two
// triangles: 6 links among 6, C = 2*6/(6*5) = 0.4), and hand-made graphs (a triangle, a star).
// All answers are exact integers or ratios of small integers, compared exactly or to 1e-12.
#include <cmath>
#include <numbers>

#include <catch2/catch.hpp>

#include "md/IcosahedralNetwork.hpp"
#include "md/VoronoiIndex.hpp"

using namespace glassland;

namespace {

/// A rod of `count` interpenetrating icosahedra along z (centre spacing 1, the shell radius):
/// a pole and a five-ring (radius 2/sqrt5, height 1/sqrt5: a regular icosahedron's cap) at
/// each end, and between consecutive centres a five-ring at mid-height of radius sqrt(3)/2
/// (distance 1 from both centres); successive rings are staggered by 36 degrees.
md::System icosahedral_rod(int count, double box = 14.0) {
  md::System s;
  s.box = md::Box(md::Vec3::Zero(), md::Vec3::Constant(box));
  s.type_mass = {0.0, 1.0};
  const md::Vec3 base(box / 2, box / 2, box / 2 - 0.5 * (count - 1));
  int id = 1;
  auto add = [&](double x, double y, double z) { s.add_atom(id++, 1, base + md::Vec3(x, y, z)); };
  for (int c = 0; c < count; ++c) add(0, 0, c);  // centres first: indices 0..count-1
  auto ring = [&](double z, double radius, int phase) {
    for (int k = 0; k < 5; ++k) {
      const double angle = std::numbers::pi / 5.0 * (2 * k + phase);
      add(radius * std::cos(angle), radius * std::sin(angle), z);
    }
  };
  const double cap_height = 1.0 / std::sqrt(5.0), cap_radius = 2.0 / std::sqrt(5.0);
  add(0, 0, -1.0);
  ring(-cap_height, cap_radius, 0);
  for (int c = 0; c + 1 < count; ++c) ring(c + 0.5, std::sqrt(3.0) / 2.0, (c + 1) % 2);
  ring(count - 1 + cap_height, cap_radius, count % 2);
  add(0, 0, count - 1 + 1.0);
  return s;
}

/// MgCu2 (C15, Fd-3m origin choice 1): Mg (type 1) on the diamond sites, Cu (type 2) on 16d.
md::System laves_c15(int cells, double a = 7.0) {
  md::System s;
  s.box = md::Box(md::Vec3::Zero(), md::Vec3::Constant(cells * a));
  s.type_mass = {0.0, 24.3, 63.5};
  const std::vector<md::Vec3> fcc{{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
  const std::vector<md::Vec3> mg{{0, 0, 0}, {0.25, 0.25, 0.25}};
  const std::vector<md::Vec3> cu{{0.625, 0.625, 0.625}, {0.625, 0.875, 0.875}, {0.875, 0.625, 0.875}, {0.875, 0.875, 0.625}};
  int id = 1;
  for (int i = 0; i < cells; ++i)
    for (int j = 0; j < cells; ++j)
      for (int k = 0; k < cells; ++k)
        for (const auto& t : fcc) {
          const md::Vec3 cell(i, j, k);
          for (const auto& b : mg) s.add_atom(id++, 1, (cell + t + b) * a + md::Vec3::Constant(0.01));
          for (const auto& b : cu) s.add_atom(id++, 2, (cell + t + b) * a + md::Vec3::Constant(0.01));
        }
  return s;
}

}  // namespace

TEST_CASE("an isolated icosahedron is one centre with no links", "[icosahedral]") {
  const md::System s = icosahedral_rod(1);
  const auto cells = md::voronoi_cells(s);
  const md::IcosahedralNetwork net = md::icosahedral_network(cells);
  REQUIRE(net.centres == std::vector<int>{0});
  CHECK(net.isro_fraction == Approx(1.0 / 13.0).epsilon(1e-12));
  CHECK(net.links == 0);
  CHECK(net.degree == std::vector<int>{0});
  CHECK(net.mean_clustering == 0.0);
  CHECK(net.centres_with_two_links == 0);
  CHECK(net.clusters == 1);
  CHECK(net.largest_cluster == 1);
}

TEST_CASE("two interpenetrating icosahedra: two linked centres sharing 7 atoms", "[icosahedral]") {
  const md::System s = icosahedral_rod(2);
  REQUIRE(s.size() == 19);  // the double icosahedron
  const auto cells = md::voronoi_cells(s);
  REQUIRE(cells[0].icosahedral());
  REQUIRE(cells[1].icosahedral());
  // Shared shell: the two centres themselves plus the middle ring.
  int shared = 2;
  for (int j : cells[0].neighbors)
    if (std::find(cells[1].neighbors.begin(), cells[1].neighbors.end(), j) != cells[1].neighbors.end()) ++shared;
  CHECK(shared == 7);
  const md::IcosahedralNetwork net = md::icosahedral_network(cells);
  CHECK(net.centres == std::vector<int>{0, 1});
  CHECK(net.links == 1);
  CHECK(net.degree == std::vector<int>{1, 1});
  CHECK(net.mean_clustering == 0.0);  // n = 1: no pair of neighbours to be linked
  CHECK(net.clusters == 1);
  CHECK(net.largest_cluster == 2);
}

TEST_CASE("a chain of three icosahedra: the middle centre has two unlinked neighbours", "[icosahedral]") {
  const md::System s = icosahedral_rod(3);
  const md::IcosahedralNetwork net = md::icosahedral_network(md::voronoi_cells(s));
  REQUIRE(net.centres == std::vector<int>{0, 1, 2});
  CHECK(net.links == 2);
  CHECK(net.degree == std::vector<int>{1, 2, 1});
  CHECK(net.clustering == std::vector<double>{0.0, 0.0, 0.0});  // L = 0 among the middle's two
  CHECK(net.centres_with_two_links == 1);
  CHECK(net.mean_clustering_defined == 0.0);
  CHECK(net.largest_cluster == 3);
  CHECK(net.mean_degree == Approx(4.0 / 3.0).epsilon(1e-12));
}

TEST_CASE("C15 Laves MgCu2: every Cu is a centre linked to two triangles of Cu centres", "[icosahedral]") {
  const int cells = 2;
  const md::System s = laves_c15(cells);
  const md::IcosahedralNetwork net = md::icosahedral_network(md::voronoi_cells(s));
  const int cu = 16 * cells * cells * cells;
  REQUIRE(static_cast<int>(net.centres.size()) == cu);
  for (int i : net.centres) CHECK(s.type[static_cast<std::size_t>(i)] == 2);
  CHECK(net.isro_fraction == Approx(2.0 / 3.0).epsilon(1e-12));
  for (std::size_t v = 0; v < net.centres.size(); ++v) {
    CHECK(net.degree[v] == 6);
    CHECK(net.clustering[v] == Approx(0.4).epsilon(1e-12));
  }
  CHECK(net.links == 3L * cu);  // 6 per centre, each counted twice
  CHECK(net.mean_clustering == Approx(0.4).epsilon(1e-12));
  CHECK(net.clusters == 1);
  CHECK(net.largest_cluster == cu);
}

TEST_CASE("hand-made graphs: a triangle of centres, a star, and one-sided lists", "[icosahedral]") {
  SECTION("three mutually linked centres: C = 1 each") {
    // atoms 0,1,2 are centres; atom 3 is a non-centre neighbour of all of them
    const md::IcosahedralNetwork net = md::icosahedral_network({1, 1, 1, 0}, {{1, 2, 3}, {0, 2, 3}, {0, 1, 3}, {0, 1, 2}});
    CHECK(net.links == 3);
    CHECK(net.clustering == std::vector<double>{1.0, 1.0, 1.0});
    CHECK(net.mean_clustering == 1.0);
    CHECK(net.isro_fraction == 0.75);
    CHECK(net.largest_cluster == 3);
  }
  SECTION("a star of four leaves plus one leaf-leaf link, listed on one side only") {
    // centre 0 linked to 1..4; 1-2 linked (listed only by 2); atom 5 is no centre.
    const md::IcosahedralNetwork net =
        md::icosahedral_network({1, 1, 1, 1, 1, 0}, {{1, 2, 3, 4, 5}, {}, {1}, {}, {}, {0}});
    CHECK(net.links == 5);
    CHECK(net.degree == std::vector<int>{4, 2, 2, 1, 1});
    CHECK(net.clustering[0] == Approx(2.0 * 1 / (4.0 * 3.0)).epsilon(1e-12));
    CHECK(net.clustering[1] == 1.0);
    CHECK(net.clustering[2] == 1.0);
    CHECK(net.mean_clustering == Approx((1.0 / 6.0 + 2.0) / 5.0).epsilon(1e-12));
    CHECK(net.mean_clustering_defined == Approx((1.0 / 6.0 + 2.0) / 3.0).epsilon(1e-12));
  }
  SECTION("two separate pairs: two clusters of two") {
    const md::IcosahedralNetwork net = md::icosahedral_network({1, 1, 1, 1}, {{1}, {0}, {3}, {2}});
    CHECK(net.clusters == 2);
    CHECK(net.largest_cluster == 2);
  }
  SECTION("no centres") {
    const md::IcosahedralNetwork net = md::icosahedral_network({0, 0}, {{1}, {0}});
    CHECK(net.centres.empty());
    CHECK(net.clusters == 0);
    CHECK(net.largest_cluster == 0);
    CHECK(net.mean_clustering == 0.0);
  }
}
