// Minimum-mode saddle searches on analytic 2-D surfaces with known saddles: the Müller-Brown
// surface (saddles tabulated by Müller & Brown 1979 and checked here against its analytic
// gradient and Hessian) and a symmetric double well (saddle at the origin, curvature -4h).
#include <array>

#include <catch2/catch.hpp>
#include <Eigen/Eigenvalues>

#include "landscape/InherentStructure.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/SaddleSearchRegistry.hpp"
#include "md/Error.hpp"
#include "tests/landscape/MullerBrown.hpp"

using namespace glassland;

namespace {

landscape::MinModeSearchOptions muller_brown_options() {
  // Müller-Brown energies are O(100) and curvatures O(1e3): steps a few 1e-2 length units.
  landscape::MinModeSearchOptions o;
  o.displacement_radius = 10.0;   // the single "atom" (block of 2) is displaced
  o.displacement_magnitude = 0.05;
  o.fmax = 1e-6;
  o.max_step = 0.02;
  o.basin_step = 0.01;
  o.inverse_curvature = 1e-3;
  o.max_energy = 200.0;
  o.push = 0.02;
  o.negative_tolerance = 1e-3;
  o.quench.block_size = 2;
  o.quench.fmax = 1e-7;
  o.quench.max_step = 0.02;
  o.quench.timestep = 0.005;
  o.same = {1e-6, 1e-3};
  return o;
}

landscape::QuenchResult relax(md::Objective& f, Eigen::Vector2d x, const landscape::QuenchOptions& q) {
  return landscape::quench(f, x, q);
}

}  // namespace

TEST_CASE("Min-mode searches on Müller-Brown end at its tabulated first-order saddles", "[minmode][analytic]") {
  test::MullerBrown surface;
  const auto space = landscape::ConfigurationSpace::free(2);
  const auto o = muller_brown_options();
  // The three minima (Müller & Brown 1979) and the two saddles joining A-C and C-B.
  const auto a = relax(surface, {-0.558, 1.442}, o.quench), b = relax(surface, {0.623, 0.028}, o.quench),
             c = relax(surface, {-0.050, 0.467}, o.quench);
  const std::vector<Eigen::Vector2d> saddles{{-0.822, 0.624}, {0.212, 0.293}};
  const std::array<const landscape::QuenchResult*, 3> minima{&a, &b, &c};
  int successes = 0;
  for (const auto* start : minima) {
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      const auto r = landscape::min_mode_search(surface, space, start->position, start->energy, 0, seed, o);
      if (r.status != landscape::SearchStatus::success) continue;
      ++successes;
      // A stationary point (analytic gradient) with exactly one negative analytic curvature.
      Eigen::VectorXd g(2);
      surface.value_and_gradient(r.saddle, g);
      CHECK(g.norm() < 1e-5);
      const Eigen::Vector2d curvatures = Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d>(surface.hessian(r.saddle)).eigenvalues();
      CHECK(curvatures[0] < 0.0);
      CHECK(curvatures[1] > 0.0);
      CHECK(r.lowest_curvature == Approx(curvatures[0]).epsilon(1e-2));
      // One of the tabulated saddles (3 decimals in the paper).
      double nearest = 1e9;
      for (const auto& s : saddles) nearest = std::min(nearest, (r.saddle - s).norm());
      CHECK(nearest < 2e-3);
      // Connects the start to another minimum, and the force-call count includes the quenches.
      int product_is = -1;
      for (int m = 0; m < 3; ++m)
        if (landscape::same_minimum(space, r.product, r.product_energy, minima[m]->position, minima[m]->energy, o.same))
          product_is = m;
      CHECK(product_is >= 0);
      CHECK(minima[product_is] != start);
      CHECK(r.saddle_energy > std::max(start->energy, r.product_energy));
      CHECK(r.force_calls > r.saddle_force_calls);
    }
  }
  // 24 searches from three minima; the climb is deterministic given the seed.
  CHECK(successes >= 12);
}

TEST_CASE("Min-mode search on a double well: saddle at the origin, curvature -4h, other well", "[minmode][analytic]") {
  // y stiffer (k = 20) than the well along x (8h): x is the soft reaction coordinate. (With
  // a softer y the lowest mode of the minimum is y, a direction with no saddle at all.)
  const double h = 1.0, k = 20.0;
  test::DoubleWell surface(h, k);
  const auto space = landscape::ConfigurationSpace::free(2);
  landscape::MinModeSearchOptions o;
  o.displacement_radius = 10.0;
  o.fmax = 1e-8;
  o.quench.block_size = 2;
  o.quench.fmax = 1e-9;
  o.same = {1e-8, 1e-3};
  int successes = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto r = landscape::min_mode_search(surface, space, Eigen::Vector2d(-1.0, 0.0), 0.0, 0, seed, o);
    // A random start with x < -1 is pushed up the outer wall, which has no saddle: the search
    // must give up (energy above max_energy), never report a false saddle.
    if (r.status != landscape::SearchStatus::success) {
      CHECK(r.status == landscape::SearchStatus::not_converged);
      continue;
    }
    ++successes;
    // |x| <= fmax / min |curvature| = 1e-8 / 4; energy h - O(x^2).
    CHECK(r.saddle.norm() < 1e-8);
    CHECK(r.saddle_energy == Approx(h).margin(1e-12));
    CHECK(r.lowest_curvature == Approx(-4.0 * h).epsilon(1e-3));
    CHECK(std::abs(r.mode[0]) == Approx(1.0).margin(1e-6));
    CHECK(r.mode[0] > 0.0);  // points towards the product at x = +1
    CHECK(r.product[0] == Approx(1.0).margin(1e-6));
    // Refining a rough guess lands on the same saddle.
    const auto refined = landscape::refine_saddle_guess(surface, space, Eigen::Vector2d(-1.0, 0.0), 0.0,
                                                        Eigen::Vector2d(0.1, 0.05), Eigen::Vector2d(1.0, 0.0), seed, o);
    REQUIRE(refined.status == landscape::SearchStatus::success);
    CHECK(refined.saddle_energy == Approx(r.saddle_energy).margin(1e-12));
  }
  // P(x-displacement > 0) = 1/2 per seed; 10 seeds with >= 3 successes fails with p = 5.5 %
  // for a fair coin, but the seeds are fixed: this run has a definite count.
  CHECK(successes >= 3);
}

TEST_CASE("Min-mode options name the bad field", "[minmode][input]") {
  landscape::MinModeSearchOptions o;
  o.fmax = 0.0;
  CHECK_THROWS_WITH(o.validate(), Catch::Contains("fmax"));
  o = {};
  o.lowest.count = 1;
  CHECK_THROWS_WITH(o.validate(), Catch::Contains("lowest.count"));
  o = {};
  o.push = -1.0;
  CHECK_THROWS_WITH(o.validate(), Catch::Contains("push"));
}

TEST_CASE("The saddle-search registry knows min-mode and neb and names a wrong one", "[minmode][input]") {
  CHECK(landscape::saddle_search_names() == std::vector<std::string>{"min-mode", "neb"});
  const landscape::SaddleSearchSettings settings;
  CHECK_FALSE(landscape::make_saddle_search("min-mode", settings)->double_ended());
  CHECK(landscape::make_saddle_search("neb", settings)->double_ended());
  CHECK_THROWS_WITH(landscape::make_saddle_search("dimer", settings),
                    Catch::Contains("saddle search") && Catch::Contains("min-mode, neb"));
  // A min-mode search through the registry is the same search as the direct call.
  test::DoubleWell surface(1.0, 20.0);
  landscape::SaddleSearchSettings s;
  s.min_mode.displacement_radius = 10.0;
  s.min_mode.quench.block_size = 2;
  landscape::SaddleSearchRequest request;
  request.minimum = Eigen::Vector2d(-1.0, 0.0);
  request.seed = 2;
  const auto space = landscape::ConfigurationSpace::free(2);
  const auto via_registry = landscape::make_saddle_search("min-mode", s)->search(surface, space, request);
  const auto direct = landscape::min_mode_search(surface, space, request.minimum, 0.0, 0, 2, s.min_mode);
  CHECK(via_registry.status == direct.status);
  CHECK(via_registry.saddle_energy == direct.saddle_energy);
  CHECK(via_registry.force_calls == direct.force_calls);
}
