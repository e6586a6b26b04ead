#pragma once
// Analytic objectives with known minima for the minimizer tests.
#include <cmath>

#include <Eigen/Core>

#include "md/Objective.hpp"

namespace glassland::test {

/// Rosenbrock's valley f = (1-x)^2 + 100 (y-x^2)^2, minimum f = 0 at (1, 1).
class Rosenbrock : public md::Objective {
public:
  Eigen::Index dimension() const override { return 2; }
  double value_and_gradient(const Eigen::VectorXd& p, Eigen::VectorXd& g) override {
    ++evaluations_;
    const double x = p[0], y = p[1];
    g[0] = -2.0 * (1.0 - x) - 400.0 * x * (y - x * x);
    g[1] = 200.0 * (y - x * x);
    return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x);
  }
};

/// f = 1/2 (x-c)^T A (x-c) + f0 with a fixed SPD matrix A: minimum f0 at c.
class Quadratic : public md::Objective {
public:
  Quadratic(Eigen::MatrixXd a, Eigen::VectorXd centre, double f0)
      : a_(std::move(a)), centre_(std::move(centre)), f0_(f0) {}
  Eigen::Index dimension() const override { return centre_.size(); }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& g) override {
    ++evaluations_;
    const Eigen::VectorXd d = x - centre_;
    g = a_ * d;
    return 0.5 * d.dot(g) + f0_;
  }

private:
  Eigen::MatrixXd a_;
  Eigen::VectorXd centre_;
  double f0_;
};

/// Free (non-periodic) Lennard-Jones cluster in reduced units, no cutoff:
/// E = sum_{i<j} 4 (r^-12 - r^-6). Coordinates are flat (x1 y1 z1 x2 ...).
class LennardJonesCluster : public md::Objective {
public:
  explicit LennardJonesCluster(Eigen::Index atoms) : atoms_(atoms) {}
  Eigen::Index dimension() const override { return 3 * atoms_; }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& g) override {
    ++evaluations_;
    g.setZero(x.size());
    double energy = 0.0;
    for (Eigen::Index i = 0; i < atoms_; ++i)
      for (Eigen::Index j = i + 1; j < atoms_; ++j) {
        const Eigen::Vector3d d = x.segment<3>(3 * i) - x.segment<3>(3 * j);
        const double r2 = d.squaredNorm(), s6 = 1.0 / (r2 * r2 * r2);
        energy += 4.0 * (s6 * s6 - s6);
        const double dEdr_over_r = (-48.0 * s6 * s6 + 24.0 * s6) / r2;
        g.segment<3>(3 * i) += dEdr_over_r * d;
        g.segment<3>(3 * j) -= dEdr_over_r * d;
      }
    return energy;
  }

private:
  Eigen::Index atoms_;
};

}  // namespace glassland::test
