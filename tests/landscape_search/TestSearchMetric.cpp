// Metrics of the min-mode search (ExpPreconditioner.hpp, LowestModes::metric,
// FirstOrderCheckOptions::metric, MinModeSearchOptions::metric): the Lanczos in a metric P must
// find the lowest generalized eigenpair of (H, P) and count negative curvatures as H has them
// (Sylvester), checked on quadratic surfaces whose H is exact; the preconditioners' products
// and solves must be inverse to each other; searches in either metric must end at saddles with
// exactly one negative eigenvalue of the analytic Hessian that connect the start minimum.
#include <cmath>
#include <memory>
#include <random>

#include <Eigen/Eigenvalues>
#include <catch2/catch.hpp>

#include "landscape/ExpPreconditioner.hpp"
#include "landscape/FirstOrderCheck.hpp"
#include "landscape/InherentStructure.hpp"
#include "landscape/LowestModes.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/support/FccCrystal.hpp"

using namespace glassland;

namespace {

/// E = 1/2 (x - x0)^T H (x - x0): gradients are linear, so forward-difference products are
/// exact to rounding.
class Quadratic : public md::Objective {
public:
  Quadratic(Eigen::MatrixXd h, Eigen::VectorXd x0) : h_(std::move(h)), x0_(std::move(x0)) {}
  Eigen::Index dimension() const override { return h_.rows(); }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& g) override {
    ++evaluations_;
    g = h_ * (x - x0_);
    return 0.5 * (x - x0_).dot(g);
  }

private:
  Eigen::MatrixXd h_;
  Eigen::VectorXd x0_;
};

/// 27 atoms on a jittered simple-cubic 3 x 3 x 3 grid of spacing 1.1 (free space, seed fixed).
Eigen::VectorXd cluster() {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> jitter(-0.1, 0.1);
  Eigen::VectorXd x(81);
  int a = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k, ++a) {
        x[3 * a] = 1.1 * i + jitter(rng);
        x[3 * a + 1] = 1.1 * j + jitter(rng);
        x[3 * a + 2] = 1.1 * k + jitter(rng);
      }
  return x;
}

/// H = Q diag(negatives..., then 0.05 * 1.1^i: an ill-conditioned positive spectrum) Q^T, Q a
/// Householder reflection of a fixed vector (exactly orthogonal, dense).
Eigen::MatrixXd hessian(const std::vector<double>& negatives, Eigen::Index n) {
  Eigen::VectorXd lambda(n);
  for (Eigen::Index i = 0; i < n; ++i)
    lambda[i] = i < Eigen::Index(negatives.size()) ? negatives[std::size_t(i)]
                                                   : 0.05 * std::pow(1.1, double(i - Eigen::Index(negatives.size())));
  Eigen::VectorXd u(n);
  for (Eigen::Index i = 0; i < n; ++i) u[i] = std::sin(1.0 + 0.7 * double(i));
  u.normalize();
  const Eigen::MatrixXd q = Eigen::MatrixXd::Identity(n, n) - 2.0 * u * u.transpose();
  return q * lambda.asDiagonal() * q.transpose();
}

/// P as a dense matrix, column by column from its products.
Eigen::MatrixXd dense(const landscape::Metric& p, Eigen::Index n) {
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index j = 0; j < n; ++j) m.col(j) = p.multiply(Eigen::VectorXd::Unit(n, j));
  return m;
}

}  // namespace

TEST_CASE("The Exp preconditioner's product and solve are inverse, symmetric and per component", "[minmode][metric]") {
  const Eigen::VectorXd x = cluster();
  const Eigen::Index n = x.size();
  Quadratic surface(hessian({}, n), x);
  const auto space = landscape::ConfigurationSpace::free(3);
  const landscape::ExpPreconditioner p(surface, space, x, Eigen::VectorXd::Zero(n));
  const Eigen::MatrixXd m = dense(p, n);
  // Rounding only: a 81 x 81 sparse product and an LDL^T solve (1e-10 of the norms).
  CHECK((m - m.transpose()).norm() <= 1e-12 * m.norm());
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (i % 3 != j % 3) REQUIRE(m(i, j) == 0.0);  // the same Laplacian for x, y and z, uncoupled
  const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(n, -1.0, 2.0).array().sin();
  CHECK((p.solve(p.multiply(v)) - v).norm() <= 1e-10 * v.norm());
  CHECK((m * p.solve(v) - v).norm() <= 1e-10 * v.norm());
  CHECK(v.dot(p.multiply(v)) > 0.0);
}

TEST_CASE("Lanczos in a metric finds the lowest generalized eigenpair and the same negative count", "[minmode][metric]") {
  const Eigen::VectorXd x = cluster();
  const Eigen::Index n = x.size();
  const auto space = landscape::ConfigurationSpace::free(3);
  for (const std::vector<double>& negatives : {std::vector<double>{-2.0}, std::vector<double>{-2.0, -0.3}}) {
    const Eigen::MatrixXd h = hessian(negatives, n);
    Quadratic surface(h, x);
    const landscape::ExpPreconditioner p(surface, space, x, Eigen::VectorXd::Zero(n));
    const Eigen::MatrixXd pm = dense(p, n);
    const Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::MatrixXd> exact(h, pm);
    // Sylvester: the pencil has as many negative eigenvalues as H.
    REQUIRE((exact.eigenvalues().array() < 0.0).count() == Eigen::Index(negatives.size()));
    landscape::LowestModeOptions o;
    o.count = 1;
    o.max_iterations = int(n);
    o.residual_tolerance = 1e-9;
    o.relative_tolerance = 1e-9;
    o.gradient = Eigen::VectorXd::Zero(n);
    o.metric = &p;
    const auto modes = landscape::lowest_modes(surface, space, x, o);
    INFO(negatives.size() << " negative; iterations " << modes.iterations);
    CHECK(modes.converged);
    const Eigen::VectorXd y = exact.eigenvectors().col(0).normalized();
    // Converged to 1e-9 residual: the Ritz vector is the exact one to ~1e-8.
    CHECK(std::abs(modes.lowest_mode.dot(y)) == Approx(1.0).margin(1e-8));
    // The reported curvature is the Euclidean Rayleigh quotient of the Ritz vector.
    CHECK(modes.curvatures[0] == Approx(y.dot(h * y)).epsilon(1e-8));
    CHECK(modes.curvatures[0] >= -2.0 - 1e-9);  // an upper bound of the lowest eigenvalue
  }
}

TEST_CASE("The first-order check in a metric accepts one negative curvature and rejects two", "[minmode][check][metric]") {
  const Eigen::VectorXd x = cluster();
  const Eigen::Index n = x.size();
  const auto space = landscape::ConfigurationSpace::free(3);
  auto check = [&](const std::vector<double>& negatives) {
    const Eigen::MatrixXd h = hessian(negatives, n);
    Quadratic surface(h, x);
    const landscape::ExpPreconditioner p(surface, space, x, Eigen::VectorXd::Zero(n));
    landscape::FirstOrderCheckOptions o;
    o.second_iterations = 60;
    o.metric = &p;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> spectrum(h);
    // Started on the Euclidean lowest eigenvector, as a climb's mode would be close to it.
    return landscape::check_first_order(surface, space, x, Eigen::VectorXd::Zero(n), spectrum.eigenvectors().col(0), 7, o);
  };
  const auto one = check({-2.0});
  CHECK(one.negative_modes == 1);
  CHECK(one.lowest_curvature < -1e-4);
  CHECK(one.lowest_curvature >= -2.0 - 1e-9);
  CHECK(one.second_curvature > 1e-4);
  const auto two = check({-2.0, -0.3});
  CHECK(two.negative_modes == 2);
  CHECK(two.second_curvature < -1e-4);
  const auto none = check({0.2});
  CHECK(none.negative_modes == 0);
}

TEST_CASE("Min-mode searches in the Exp and minimum-Hessian metrics end at connected first-order saddles",
          "[minmode][metric][lj]") {
  // A vacancy in a 4 x 4 x 4 fcc Lennard-Jones crystal (shifted LJ, rc 2.5 sigma), as in
  // TestMinModeLj.cpp; the saddles are checked against the analytic Hessian's spectrum.
  const auto spec = md::parse_potential_toml(
      "style = \"lj\"\nshift = true\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n", "metric-test");
  constexpr double lattice = 1.55;
  md::System system;
  system.box = test::fcc_box(4, lattice);
  system.type_mass = {0.0, 1.0};
  const auto sites = test::fcc_sites(4, lattice);
  for (std::size_t i = 1; i < sites.size(); ++i) system.add_atom(int(i), 1, sites[i]);
  landscape::ObjectivePool pool(system, spec.pair, 0.3, 1);
  md::Objective& objective = pool[0];
  REQUIRE(objective.has_hessian());
  const auto space = landscape::ConfigurationSpace::periodic(system.box);
  landscape::MinModeSearchOptions o;
  o.fmax = 1e-5;
  o.quench.fmax = 1e-7;
  o.quench.timestep = 0.02;
  o.same = {1e-5, 0.1};
  o.max_energy = 20.0;
  const auto minimum = landscape::quench(objective, landscape::flat_positions(system), o.quench);
  const Eigen::Index n = minimum.position.size();

  SECTION("the minimum-Hessian metric is H + shift I, and its solve inverts it") {
    o.metric = landscape::SearchMetric::minimum_hessian;
    const auto metric = landscape::search_metric(objective, space, minimum.position, o);
    REQUIRE(metric);
    const Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(n, -1.0, 2.0).array().cos();
    const Eigen::VectorXd hv = objective.hessian(minimum.position).multiply(v) + o.metric_shift * v;
    CHECK((metric->multiply(v) - hv).norm() <= 1e-12 * hv.norm());
    CHECK((metric->solve(metric->multiply(v)) - v).norm() <= 1e-8 * v.norm());
  }
  SECTION("a Lanczos before every second push out of the basin (basin_lanczos_every = 2)") {
    // Not a metric, but the same check: with the sparser mode updates a successful search must
    // still end at a first-order saddle above both minima.
    o.metric = landscape::SearchMetric::euclidean;
    o.basin_lanczos_every = 2;
    int successes = 0;
    for (std::uint64_t seed = 1; seed <= 6 && successes < 2; ++seed) {
      const int centre = int(seed * 37 % (sites.size() - 1));
      const auto r = landscape::min_mode_search(objective, space, minimum.position, minimum.energy, centre, seed, o);
      INFO("seed " << seed << " status " << landscape::status_name(r.status));
      if (r.status != landscape::SearchStatus::success) continue;
      ++successes;
      const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> spectrum(objective.hessian(r.saddle).dense());
      CHECK((spectrum.eigenvalues().array() < -1e-3).count() == 1);
      CHECK(r.saddle_energy > std::max(minimum.energy, r.product_energy));
    }
    CHECK(successes >= 1);
  }
  for (const auto kind : {landscape::SearchMetric::exp, landscape::SearchMetric::minimum_hessian}) {
    o.metric = kind;
    const auto metric = landscape::search_metric(objective, space, minimum.position, o);
    int successes = 0;
    for (std::uint64_t seed = 1; seed <= 6 && successes < 2; ++seed) {
      const int centre = int(seed * 37 % (sites.size() - 1));
      const auto r = landscape::min_mode_search(objective, space, minimum.position, minimum.energy, centre, seed, o, metric);
      INFO("metric " << int(kind) << " seed " << seed << " status " << landscape::status_name(r.status));
      if (r.status != landscape::SearchStatus::success) continue;
      ++successes;
      CHECK(r.saddle_energy > std::max(minimum.energy, r.product_energy));
      // Exactly one curvature below -1e-3 (the three translations are ~1e-12, the rest > 0.1).
      const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> spectrum(objective.hessian(r.saddle).dense());
      CHECK((spectrum.eigenvalues().array() < -1e-3).count() == 1);
      CHECK(r.lowest_curvature < 0.0);
      CHECK(r.lowest_curvature >= spectrum.eigenvalues()[0] - 1e-6);  // a Rayleigh quotient: an upper bound
    }
    CHECK(successes >= 1);
  }
}
