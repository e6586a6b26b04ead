// The Verlet list against brute force over periodic images, on random orthorhombic and
// triclinic boxes (including boxes so narrow that rc + skin exceeds half a width), before and
// after moves below and above half the skin.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <tuple>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "md/Error.hpp"
#include "md/ForceCompute.hpp"
#include "md/NeighborList.hpp"
#include "tests/support/ThreadCount.hpp"

using namespace glassland::md;

namespace {

using PairKey = std::tuple<int, int, long>;  // (atom a, atom b >= a, distance in 1e-9 units)

PairKey key(int a, int b, double distance) {
  return {std::min(a, b), std::max(a, b), std::lround(distance * 1e9)};
}

// All pairs (including an atom with its own images) closer than `range`.
std::vector<PairKey> brute_force(const System& s, double range) {
  std::vector<PairKey> pairs;
  const Mat3& h = s.box.matrix();
  const int reach = 3;
  for (std::size_t a = 0; a < s.size(); ++a)
    for (std::size_t b = a; b < s.size(); ++b)
      for (int nx = -reach; nx <= reach; ++nx)
        for (int ny = -reach; ny <= reach; ++ny)
          for (int nz = -reach; nz <= reach; ++nz) {
            const bool positive = nz > 0 || (nz == 0 && (ny > 0 || (ny == 0 && nx > 0)));
            if (a == b && !positive) continue;  // each self-image pair once
            const double d = (s.position[b] + h * Vec3(nx, ny, nz) - s.position[a]).norm();
            if (d < range) pairs.push_back(key(static_cast<int>(a), static_cast<int>(b), d));
          }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<PairKey> from_list(const NeighborList& list, double range) {
  std::vector<PairKey> pairs;
  const auto& sites = list.sites();
  const std::size_t n = list.local_count();
  for (std::size_t i = 0; i < n; ++i)
    for (int jj = list.first()[i]; jj < list.first()[i + 1]; ++jj) {
      const std::size_t j = static_cast<std::size_t>(list.neighbors()[static_cast<std::size_t>(jj)]);
      const std::size_t lj = j < n ? j : static_cast<std::size_t>(list.ghost_source()[j - n]);
      const double d = Vec3(sites[i].x - sites[j].x, sites[i].y - sites[j].y, sites[i].z - sites[j].z).norm();
      if (d < range)
        pairs.push_back(key(list.system_index()[i], list.system_index()[lj], d));
    }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

System random_system(const Box& box, std::size_t n, std::uint64_t seed) {
  System s;
  s.box = box;
  s.type_mass = {0.0, 1.0};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-0.3, 1.3);  // some atoms outside the primary cell
  for (std::size_t i = 0; i < n; ++i) s.add_atom(static_cast<int>(i + 1), 1, box.from_fractional(Vec3(u(rng), u(rng), u(rng))));
  return s;
}

void move_all(System& s, double max_step, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g(0.0, 1.0);
  for (auto& r : s.position) {
    Vec3 d(g(rng), g(rng), g(rng));
    r += d.normalized() * max_step * std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  }
}

}  // namespace

TEST_CASE("neighbour list equals brute force on random boxes", "[neighbors]") {
  const double rc = 1.0, skin = 0.4;
  struct Case {
    const char* name;
    Box box;
  };
  const Case cases[] = {
      {"cubic", Box(Vec3(-1, 0, 2), Vec3(4.3, 5.1, 7.5))},
      {"narrow (rc + skin > width/2)", Box(Vec3::Zero(), Vec3(2.05, 2.3, 4.0))},
      {"triclinic", Box(Vec3(0.5, -0.5, 0), Vec3(5.0, 4.5, 5.2), 1.3, -0.9, 0.7)},
      {"strongly tilted narrow", Box(Vec3::Zero(), Vec3(3.0, 3.1, 2.6), 1.45, 1.2, -1.5)},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      REQUIRE(c.box.perpendicular_widths().minCoeff() >= 2 * rc);
      System s = random_system(c.box, 60, 42);
      NeighborList list(rc, skin);
      REQUIRE(list.update(s));
      // At build every pair within rc + skin is listed exactly once.
      CHECK(from_list(list, rc + skin) == brute_force(s, rc + skin));
      // Moves below skin/2: no rebuild, and every pair within rc is still there.
      move_all(s, 0.49 * skin / 2, 7);
      CHECK_FALSE(list.update(s));
      CHECK(from_list(list, rc) == brute_force(s, rc));
      // One atom beyond skin/2: rebuild, and the list is again exact.
      s.position[5] += Vec3(0.51 * skin / 2, 0, 0) + Vec3(0, 0, 0);
      move_all(s, 0.2 * skin, 8);
      s.position[9] += Vec3(0, 0.6 * skin, 0);
      CHECK(list.update(s));
      CHECK(from_list(list, rc + skin) == brute_force(s, rc + skin));
      CHECK(list.builds() == 2);
    }
  }
}

TEST_CASE("a wrapped atom or a deformed box triggers a rebuild when needed", "[neighbors]") {
  const double rc = 1.0, skin = 0.3;
  System s = random_system(Box(Vec3::Zero(), Vec3(4.0, 4.5, 5.0)), 50, 3);
  NeighborList list(rc, skin);
  list.update(s);
  // Wrapping an atom by a box vector is a discontinuous jump: rebuild.
  s.position[0] += s.box.matrix().col(0);
  CHECK(list.update(s));
  CHECK(from_list(list, rc) == brute_force(s, rc));
  // A shear moves pair distances: |F - I| = 1% keeps sigma_min(F) (rc + skin) - rc > 0 with
  // no atom displaced relative to the affine map -> no rebuild; a 40% shear does not.
  Mat3 f = Mat3::Identity();
  f(0, 1) = 0.01;
  for (auto& r : s.position) r = s.box.deform_point(r, f);
  s.box.deform(f);
  CHECK_FALSE(list.update(s));
  CHECK(from_list(list, rc) == brute_force(s, rc));
  f(0, 1) = 0.4;
  for (auto& r : s.position) r = s.box.deform_point(r, f);
  s.box.deform(f);
  CHECK(list.update(s));
  CHECK(from_list(list, rc) == brute_force(s, rc));
}

TEST_CASE("a box narrower than twice the cutoff is an InputError naming the box", "[neighbors][bad-input]") {
  System s = random_system(Box(Vec3::Zero(), Vec3(5.0, 1.9, 5.0)), 10, 1);
  NeighborList list(1.0, 0.3);
  CHECK_THROWS_WITH(list.update(s), Catch::StartsWith("box:") && Catch::Contains("twice the potential cutoff"));
  // The tilt xy = 2.9 shrinks the x width to 3 * 2.5 / sqrt(2.5^2 + 2.9^2) = 1.96 < 2.
  System t = random_system(Box(Vec3::Zero(), Vec3(3.0, 2.5, 5.0), 2.9, 0.0, 0.0), 10, 1);
  CHECK_THROWS_AS(list.update(t), glassland::InputError);
}

TEST_CASE("forces do not depend on the skin or the thread count", "[neighbors][forces]") {
  PairPotential p(PairStyle::lj_sf, 1, false);
  p.set_pair(1, 1, PairCoefficients{1.0, 1.0, 2.5});
  System s = random_system(Box(Vec3::Zero(), Vec3(7.0, 7.5, 8.0), 0.5, 0.3, -0.2), 300, 9);
  ForceCompute a(p, 0.0), b(p, 0.7);
  System sa = s, sb = s;
  // Random positions overlap strongly, but only agreement matters here: 1e-12 relative.
  const ForceTotals ta = a.compute(sa), tb = b.compute(sb);
  CHECK(std::abs(ta.energy - tb.energy) <= 1e-12 * std::abs(ta.energy));
  for (std::size_t i = 0; i < s.size(); ++i) CHECK((sa.force[i] - sb.force[i]).norm() <= 1e-10 * (1 + sa.force[i].norm()));
#ifdef _OPENMP
  // One thread vs two: same pairs summed in another order, 1e-12 relative; and the same
  // thread count twice is bit-identical.
  glassland::test::ScopedThreadCount threads(1);
  System s1 = s;
  ForceCompute c1(p, 0.3);
  const double e1 = c1.compute(s1).energy;
  threads.set(2);
  System s2 = s, s3 = s;
  ForceCompute c2(p, 0.3), c3(p, 0.3);
  const double e2 = c2.compute(s2).energy;
  CHECK(c3.compute(s3).energy == e2);
  // Called from inside a parallel region (NEB images in parallel): the nested region gets one
  // thread and must still cover every atom -> identical to the one-thread result.
  double e_nested = 0.0;
  System s4 = s;
#pragma omp parallel num_threads(2)
  {
#pragma omp single
    {
      ForceCompute c4(p, 0.3);
      e_nested = c4.compute(s4).energy;
    }
  }
  CHECK(e_nested == e1);
  for (std::size_t i = 0; i < s.size(); ++i) CHECK(s4.force[i] == s1.force[i]);
  CHECK(std::abs(e1 - e2) <= 1e-12 * std::abs(e1));
  for (std::size_t i = 0; i < s.size(); ++i) {
    CHECK((s1.force[i] - s2.force[i]).norm() <= 1e-10 * (1 + s1.force[i].norm()));
    CHECK(s2.force[i] == s3.force[i]);
  }
#endif
}

TEST_CASE("a large list is the same for one and two threads (parallel build, refresh, check)", "[neighbors][threads]") {
#ifdef _OPENMP
  // Above 4096 atoms the wrap, ghost generation, rebuild check and refresh run in parallel;
  // the list is promised identical (not just equivalent) for any thread count, so compare
  // every array exactly. A triclinic box with atoms outside the primary cell exercises the
  // wrap offsets and ghosts on every face.
  const System s = random_system(Box(Vec3::Zero(), Vec3(18.0, 17.0, 19.0), 1.5, -0.8, 0.6), 5000, 21);
  glassland::test::ScopedThreadCount threads;
  NeighborList one(2.5, 0.3), two(2.5, 0.3);
  System s1 = s, s2 = s;
  threads.set(1);
  CHECK(one.update(s1));
  threads.set(2);
  CHECK(two.update(s2));
  const auto same_sites = [&] {
    REQUIRE(one.sites().size() == two.sites().size());
    for (std::size_t a = 0; a < one.sites().size(); ++a) {
      const Site &p = one.sites()[a], &q = two.sites()[a];
      CHECK((p.x == q.x && p.y == q.y && p.z == q.z && p.type == q.type));
    }
  };
  CHECK(one.first() == two.first());
  CHECK(one.neighbors() == two.neighbors());
  CHECK(one.system_index() == two.system_index());
  CHECK(one.ghost_source() == two.ghost_source());
  same_sites();
  // Small moves (below half the skin): no rebuild, refreshed positions identical.
  move_all(s1, 0.1, 5);
  move_all(s2, 0.1, 5);
  threads.set(1);
  CHECK_FALSE(one.update(s1));
  threads.set(2);
  CHECK_FALSE(two.update(s2));
  same_sites();
  // One atom (the last, so in the second thread's half) moves more than half the skin.
  s2.position.back() += Vec3(0.3, 0.0, 0.0);  // > 0.15 even after the earlier move of <= 0.1
  CHECK(two.update(s2));
#endif
}
