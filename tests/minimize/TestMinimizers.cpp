// FIRE and CG on surfaces with known minima, and on a Lennard-Jones cluster where both must
// reach the same minimum from the same start.
#include <random>

#include <catch2/catch.hpp>

#include "md/Error.hpp"
#include "md/MinimizerRegistry.hpp"
#include "tests/minimize/AnalyticObjectives.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;

namespace {

md::MinimizerOptions options_2d(double fmax) {
  md::MinimizerOptions o;
  o.fmax = fmax;
  o.block_size = 1;
  o.max_iterations = 100000;
  o.max_step = 0.2;
  o.timestep = 0.002;  // Rosenbrock's curvature ~1000: stable explicit steps need dt < 0.06
  return o;
}

}  // namespace

TEST_CASE("FIRE and CG find Rosenbrock's minimum at (1, 1)", "[minimize]") {
  for (const std::string name : {"fire", "cg"}) {
    test::Rosenbrock rosenbrock;
    Eigen::VectorXd x(2);
    x << -1.2, 1.0;
    const auto result = md::make_minimizer(name, options_2d(1e-8))->minimize(rosenbrock, x);
    INFO(name << " iterations " << result.iterations);
    REQUIRE(result.converged);
    // |grad| < 1e-8 and the Hessian's smallest eigenvalue at (1,1) is ~0.4: |x - x*| < ~3e-8.
    CHECK(std::abs(x[0] - 1.0) < 1e-6);
    CHECK(std::abs(x[1] - 1.0) < 1e-6);
    CHECK(result.value < 1e-12);
    CHECK(result.evaluations == rosenbrock.evaluations());
  }
}

TEST_CASE("FIRE and CG find the centre of an anisotropic quadratic", "[minimize]") {
  const int n = 12;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  Eigen::MatrixXd m(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) m(i, j) = uniform(rng);
  const Eigen::MatrixXd a = m * m.transpose() + 0.5 * Eigen::MatrixXd::Identity(n, n);
  Eigen::VectorXd centre(n);
  for (int i = 0; i < n; ++i) centre[i] = uniform(rng);
  for (const std::string name : {"fire", "cg", "lbfgs"}) {
    test::Quadratic quadratic(a, centre, -3.0);
    Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
    auto options = options_2d(1e-10);
    options.block_size = 3;
    options.timestep = 0.02;
    const auto result = md::make_minimizer(name, options)->minimize(quadratic, x);
    INFO(name);
    REQUIRE(result.converged);
    // Smallest eigenvalue >= 0.5, so |x - c| <= |grad| / 0.5 <= 2 * sqrt(4) * 1e-10.
    CHECK((x - centre).norm() < 1e-8);
    CHECK(result.value == Approx(-3.0).margin(1e-14));
  }
}

TEST_CASE("FIRE and CG reach the same minimum of a 13-atom LJ cluster", "[minimize]") {
  // Perturbed icosahedron-like start: random points in a ball of radius 1.3.
  const int atoms = 13;
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  Eigen::VectorXd start(3 * atoms);
  start.segment<3>(0).setZero();
  int placed = 1;
  while (placed < atoms) {
    Eigen::Vector3d r(uniform(rng), uniform(rng), uniform(rng));
    r *= 1.35;
    bool ok = r.norm() < 1.4;
    for (int j = 0; j < placed && ok; ++j) ok = (r - start.segment<3>(3 * j)).norm() > 0.95;
    if (ok) start.segment<3>(3 * placed++) = r;
  }
  md::MinimizerOptions options;
  options.fmax = 1e-8;
  options.max_step = 0.1;
  options.timestep = 0.005;
  test::LennardJonesCluster fire_cluster(atoms), cg_cluster(atoms), lbfgs_cluster(atoms);
  Eigen::VectorXd x_fire = start, x_cg = start, x_lbfgs = start;
  const auto fire = md::make_minimizer("fire", options)->minimize(fire_cluster, x_fire);
  const auto cg = md::make_minimizer("cg", options)->minimize(cg_cluster, x_cg);
  const auto lbfgs = md::make_minimizer("lbfgs", options)->minimize(lbfgs_cluster, x_lbfgs);
  REQUIRE(fire.converged);
  REQUIRE(cg.converged);
  REQUIRE(lbfgs.converged);
  CHECK(test::close(lbfgs.value, cg.value, 1e-10));
  INFO("E_fire " << fire.value << " E_cg " << cg.value << " evals " << fire.evaluations << " "
                 << cg.evaluations);
  // Both at a stationary point with |F| < 1e-8: the energies of the same minimum agree to
  // ~|F|^2/k ~ 1e-16 relative; 1e-10 allows for round-off in a sum of 78 pairs.
  CHECK(test::close(fire.value, cg.value, 1e-10));
  // Same minimum: all pair distances agree (rotation/translation invariant).
  for (int i = 0; i < atoms; ++i)
    for (int j = i + 1; j < atoms; ++j) {
      const double rf = (x_fire.segment<3>(3 * i) - x_fire.segment<3>(3 * j)).norm();
      const double rc = (x_cg.segment<3>(3 * i) - x_cg.segment<3>(3 * j)).norm();
      CHECK(std::abs(rf - rc) < 1e-6);
    }
  // Energy below the random start, and every LJ minimum of 13 atoms lies above the global
  // minimum -44.326801 (Wales & Doye 1997).
  CHECK(fire.value > -44.326802);
}

TEST_CASE("Minimizer options are validated and unknown names rejected", "[minimize]") {
  md::MinimizerOptions bad;
  bad.fmax = -1.0;
  CHECK_THROWS_AS(md::make_minimizer("fire", bad), InputError);
  CHECK_THROWS_AS(md::make_minimizer("bfgs-magic", md::MinimizerOptions{}), InputError);
  CHECK(md::minimizer_names().size() >= 2);
}

TEST_CASE("Energy tolerance stops CG early but near the minimum", "[minimize]") {
  // Ill-conditioned diagonal quadratic (eigenvalues 1..1000) with a large offset: the relative
  // energy criterion 1e-7 * 100 = 1e-5 triggers long before |grad| < 1e-14.
  const int n = 30;
  Eigen::VectorXd diagonal(n), centre = Eigen::VectorXd::Constant(n, 0.5);
  for (int i = 0; i < n; ++i) diagonal[i] = std::pow(1000.0, double(i) / (n - 1));
  test::Quadratic quadratic(diagonal.asDiagonal().toDenseMatrix(), centre, -100.0);
  Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
  auto options = options_2d(1e-14);
  options.energy_tolerance = 1e-7;
  const auto result = md::make_minimizer("cg", options)->minimize(quadratic, x);
  CHECK(result.converged);
  CHECK(result.max_force > 1e-14);           // stopped by the energy criterion, not the force
  CHECK(result.value < -100.0 + 1e-2);        // but close to the minimum value
}
