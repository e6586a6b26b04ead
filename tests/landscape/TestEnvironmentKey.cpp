// EnvironmentKey: equal for rotated, translated, periodic-shifted and renumbered copies of an
// environment; different when a bond or a type changes.
#include <numeric>
#include <random>

#include <Eigen/Geometry>
#include <catch2/catch.hpp>

#include "landscape/EnvironmentKey.hpp"

using namespace glassland;
using landscape::ConfigurationSpace;

namespace {

struct Cluster {
  Eigen::VectorXd x;
  std::vector<int> types;
};

/// 20 atoms with distances well away from the bond cutoff (so round-off cannot flip a bond).
Cluster random_cluster(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.6, 1.6);
  Cluster c;
  std::vector<Eigen::Vector3d> points{Eigen::Vector3d::Zero()};
  while (points.size() < 20) {
    const Eigen::Vector3d p(u(rng), u(rng), u(rng));
    bool ok = true;
    for (const auto& q : points) {
      const double r = (p - q).norm();
      ok = ok && r > 0.9 && std::abs(r - 1.5) > 0.05;
    }
    if (ok) points.push_back(p);
  }
  c.x.resize(60);
  for (int i = 0; i < 20; ++i) {
    c.x.segment<3>(3 * i) = points[static_cast<std::size_t>(i)];
    c.types.push_back(1 + i % 2);
  }
  return c;
}

landscape::EnvironmentKeyOptions options() { return {3.5, 1.5}; }

}  // namespace

TEST_CASE("EnvironmentKey is invariant under rotation, translation and renumbering", "[environment]") {
  const Cluster c = random_cluster(11);
  const auto space = ConfigurationSpace::free(3);
  const auto key = landscape::environment_key(space, c.x, c.types, {0}, options());
  CHECK(key.vertices == 20);

  const Eigen::Matrix3d rotation =
      Eigen::AngleAxisd(0.7, Eigen::Vector3d(1, 2, 3).normalized()).toRotationMatrix();
  std::vector<int> permutation(20);
  std::iota(permutation.begin(), permutation.end(), 0);
  std::shuffle(permutation.begin(), permutation.end(), std::mt19937_64(5));
  Cluster moved;
  moved.x.resize(60);
  moved.types.resize(20);
  for (int i = 0; i < 20; ++i) {
    const int j = permutation[static_cast<std::size_t>(i)];  // atom i becomes atom j
    moved.x.segment<3>(3 * j) = rotation * c.x.segment<3>(3 * i) + Eigen::Vector3d(5, -2, 1);
    moved.types[static_cast<std::size_t>(j)] = c.types[static_cast<std::size_t>(i)];
  }
  const int new_centre = permutation[0];
  const auto moved_key = landscape::environment_key(space, moved.x, moved.types, {new_centre}, options());
  CHECK(moved_key.canonical == key.canonical);
  CHECK(moved_key.short_form() == key.short_form());

  // Same cluster in a periodic box, shifted across the boundary.
  const md::Box box(md::Vec3::Zero(), md::Vec3(12, 12, 12));
  Eigen::VectorXd wrapped = c.x;
  for (int i = 0; i < 20; ++i) {
    md::Image image{0, 0, 0};
    wrapped.segment<3>(3 * i) = box.wrap(c.x.segment<3>(3 * i) + md::Vec3(0.3, 11.9, 6.0), image);
  }
  const auto periodic_key =
      landscape::environment_key(ConfigurationSpace::periodic(box), wrapped, c.types, {0}, options());
  CHECK(periodic_key.canonical == key.canonical);
}

TEST_CASE("EnvironmentKey differs for different graphs and colourings", "[environment]") {
  const Cluster c = random_cluster(11);
  const auto space = ConfigurationSpace::free(3);
  const auto key = landscape::environment_key(space, c.x, c.types, {0}, options());
  // Another random cluster has another bond graph.
  const Cluster other = random_cluster(12);
  CHECK(landscape::environment_key(space, other.x, other.types, {0}, options()).hash != key.hash);
  // Same positions, one type changed.
  Cluster retyped = c;
  retyped.types[3] = 3 - retyped.types[3];
  CHECK(landscape::environment_key(space, retyped.x, retyped.types, {0}, options()).hash != key.hash);
  // Moving the nearest neighbour of atom 0 out of bonding range changes the graph.
  Cluster stretched = c;
  int nearest = 1;
  for (int j = 1; j < 20; ++j)
    if ((c.x.segment<3>(3 * j) - c.x.segment<3>(0)).norm() < (c.x.segment<3>(3 * nearest) - c.x.segment<3>(0)).norm())
      nearest = j;
  const Eigen::Vector3d dir = (c.x.segment<3>(3 * nearest) - c.x.segment<3>(0)).normalized();
  stretched.x.segment<3>(3 * nearest) = c.x.segment<3>(0) + 3.4 * dir;  // still inside radius 3.5
  CHECK(landscape::environment_key(space, stretched.x, stretched.types, {0}, options()).hash != key.hash);
}
