// The first-order check (FirstOrderCheck.hpp) on analytic surfaces whose Hessian is known
// exactly: a quadratic form H = Q diag(lambda) Q^T (Q a Householder reflection, exactly
// orthogonal) and a 2-D double well whose origin is a second-order saddle (a maximum).
// Gradients are linear in x, so forward-difference Hessian products are exact to rounding.
#include <catch2/catch.hpp>

#include "landscape/FirstOrderCheck.hpp"
#include "landscape/MinModeSearch.hpp"

using namespace glassland;

namespace {

/// E = 1/2 x^T H x with a given spectrum.
class Quadratic : public md::Objective {
public:
  explicit Quadratic(Eigen::MatrixXd h) : h_(std::move(h)) {}
  Eigen::Index dimension() const override { return h_.rows(); }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& g) override {
    ++evaluations_;
    g = h_ * x;
    return 0.5 * x.dot(g);
  }

private:
  Eigen::MatrixXd h_;
};

/// Eigenvalues: `negatives`, then 0.5, 1, 1.5, ... up to dimension n.
Eigen::VectorXd spectrum(const std::vector<double>& negatives, Eigen::Index n) {
  Eigen::VectorXd lambda(n);
  for (Eigen::Index i = 0; i < n; ++i)
    lambda[i] = i < Eigen::Index(negatives.size()) ? negatives[std::size_t(i)] : 0.5 * double(i - negatives.size() + 1);
  return lambda;
}

/// Householder reflection I - 2 u u^T of a fixed unit vector: exactly orthogonal, dense.
Eigen::MatrixXd reflection(Eigen::Index n) {
  Eigen::VectorXd u(n);
  for (Eigen::Index i = 0; i < n; ++i) u[i] = std::sin(1.0 + 0.7 * double(i));
  u.normalize();
  return Eigen::MatrixXd::Identity(n, n) - 2.0 * u * u.transpose();
}

/// The check at the stationary point 0 of E = 1/2 x^T Q diag(lambda) Q^T x, started on the
/// exact lowest eigenvector (the climb's converged mode).
landscape::FirstOrderCheck check_at_origin(const Eigen::VectorXd& lambda, const Eigen::MatrixXd& q) {
  Quadratic surface(q * lambda.asDiagonal() * q.transpose());
  const auto space = landscape::ConfigurationSpace::free(3);
  const Eigen::Index n = lambda.size();
  Eigen::VectorXd gradient = Eigen::VectorXd::Zero(n);
  landscape::FirstOrderCheckOptions o;
  o.second_iterations = 60;  // = n: the Krylov space can become the whole space
  return landscape::check_first_order(surface, space, Eigen::VectorXd::Zero(n), gradient, q.col(0), 7, o);
}

}  // namespace

TEST_CASE("The first-order check accepts one negative curvature and rejects two", "[minmode][check][analytic]") {
  const Eigen::Index n = 60;  // 20 "atoms"
  SECTION("dense eigenvectors (reflected spectrum)") {
    const Eigen::MatrixXd q = reflection(n);
    const auto first = check_at_origin(spectrum({-2.0}, n), q);
    CHECK(first.negative_modes == 1);
    CHECK(first.first_order());
    // Ritz values bound the eigenvalues from above; the exact start gives theta_1 exactly.
    CHECK(first.lowest_curvature == Approx(-2.0).epsilon(1e-9));
    CHECK(first.second_curvature >= 0.5 - 1e-9);
    CHECK(first.second_curvature < 0.5 * 1.5);  // converged towards the true second curvature
    CHECK(std::abs(first.mode.dot(q.col(0))) == Approx(1.0).epsilon(1e-9));
    const auto second = check_at_origin(spectrum({-2.0, -0.3}, n), q);
    CHECK(second.negative_modes == 2);
    CHECK_FALSE(second.first_order());
    CHECK(second.second_curvature < -1e-4);
    CHECK(second.second_curvature >= -0.3 - 1e-9);
  }
  SECTION("the second unstable direction on an atom the first mode does not touch") {
    // Identity eigenvectors: mode 0 is coordinate 0 (atom 0), the second negative one is
    // coordinate 57 (atom 19): only the global part of the check's start reaches it.
    Eigen::MatrixXd q = Eigen::MatrixXd::Identity(n, n);
    q.col(1).swap(q.col(57));
    const auto second = check_at_origin(spectrum({-2.0, -0.05}, n), q);
    CHECK(second.negative_modes == 2);
    // An upper bound of -0.05 (Ritz value) that the 1 % stopping rule leaves within ~1 %.
    CHECK(second.second_curvature < -1e-4);
    CHECK(second.second_curvature >= -0.05 - 1e-9);
  }
  SECTION("a minimum has no negative curvature") {
    const auto minimum = check_at_origin(spectrum({0.2}, n), reflection(n));
    CHECK(minimum.negative_modes == 0);
  }
}

TEST_CASE("A min-mode refinement that converges at a second-order saddle is rejected", "[minmode][check][analytic]") {
  // E = (x^2 - 1)^2 + (y^2 - 1)^2: the origin is a maximum (curvatures -4, -4), a stationary
  // point with two unstable directions. A guess at the origin converges at once (zero force):
  // the check must say not first order, never report a saddle.
  class TwoDoubleWells : public md::Objective {
  public:
    Eigen::Index dimension() const override { return 2; }
    double value_and_gradient(const Eigen::VectorXd& p, Eigen::VectorXd& g) override {
      ++evaluations_;
      g.resize(2);
      for (int i = 0; i < 2; ++i) g[i] = 4.0 * p[i] * (p[i] * p[i] - 1.0);
      return (p[0] * p[0] - 1.0) * (p[0] * p[0] - 1.0) + (p[1] * p[1] - 1.0) * (p[1] * p[1] - 1.0);
    }
  } surface;
  const auto space = landscape::ConfigurationSpace::free(2);
  landscape::MinModeSearchOptions o;
  o.displacement_radius = 10.0;
  o.quench.block_size = 2;
  const auto r = landscape::refine_saddle_guess(surface, space, Eigen::Vector2d(-1.0, -1.0), 0.0, Eigen::Vector2d(0.0, 0.0),
                                                Eigen::Vector2d(1.0, 0.0), 3, o);
  CHECK(r.status == landscape::SearchStatus::not_first_order);
  // Finite differences of a quartic with step 1e-4: curvatures within ~1e-3 of -4.
  CHECK(r.lowest_curvature == Approx(-4.0).margin(1e-2));
  CHECK(r.second_curvature == Approx(-4.0).margin(1e-2));
}
