#pragma once
// The Müller-Brown surface (Müller & Brown, Theor. Chim. Acta 53, 75 (1979)), a 2-D analytic
// test for saddle searches, with its analytic gradient and Hessian.
#include <array>
#include <cmath>

#include <Eigen/Core>

#include "md/Objective.hpp"

namespace glassland::test {

class MullerBrown : public md::Objective {
public:
  Eigen::Index dimension() const override { return 2; }
  double value_and_gradient(const Eigen::VectorXd& p, Eigen::VectorXd& g) override {
    ++evaluations_;
    g.setZero(2);
    double v = 0.0;
    for (int k = 0; k < 4; ++k) {
      const double dx = p[0] - x0_[k], dy = p[1] - y0_[k];
      const double e = A_[k] * std::exp(a_[k] * dx * dx + b_[k] * dx * dy + c_[k] * dy * dy);
      v += e;
      g[0] += e * (2.0 * a_[k] * dx + b_[k] * dy);
      g[1] += e * (b_[k] * dx + 2.0 * c_[k] * dy);
    }
    return v;
  }
  /// Analytic Hessian.
  Eigen::Matrix2d hessian(const Eigen::Vector2d& p) const {
    Eigen::Matrix2d h = Eigen::Matrix2d::Zero();
    for (int k = 0; k < 4; ++k) {
      const double dx = p[0] - x0_[k], dy = p[1] - y0_[k];
      const double e = A_[k] * std::exp(a_[k] * dx * dx + b_[k] * dx * dy + c_[k] * dy * dy);
      const double gx = 2.0 * a_[k] * dx + b_[k] * dy, gy = b_[k] * dx + 2.0 * c_[k] * dy;
      h(0, 0) += e * (gx * gx + 2.0 * a_[k]);
      h(1, 1) += e * (gy * gy + 2.0 * c_[k]);
      h(0, 1) += e * (gx * gy + b_[k]);
    }
    h(1, 0) = h(0, 1);
    return h;
  }

private:
  std::array<double, 4> A_{-200, -100, -170, 15}, a_{-1, -1, -6.5, 0.7}, b_{0, 0, 11, 0.6},
      c_{-10, -10, -6.5, 0.7}, x0_{1, 0, -0.5, -1}, y0_{0, 0.5, 1.5, 1};
};

/// Harmonic-ish 2-D double well with analytic curvatures:
///   V = h (x^2 - 1)^2 + (k/2) y^2,  minima (+-1, 0), saddle (0, 0).
/// Curvatures: minimum d2V/dx2 = 8h, saddle -4h; both k along y.
class DoubleWell : public md::Objective {
public:
  DoubleWell(double height, double k) : h_(height), k_(k) {}
  Eigen::Index dimension() const override { return 2; }
  double value_and_gradient(const Eigen::VectorXd& p, Eigen::VectorXd& g) override {
    ++evaluations_;
    g.resize(2);
    g[0] = 4.0 * h_ * p[0] * (p[0] * p[0] - 1.0);
    g[1] = k_ * p[1];
    return h_ * (p[0] * p[0] - 1.0) * (p[0] * p[0] - 1.0) + 0.5 * k_ * p[1] * p[1];
  }

private:
  double h_, k_;
};

}  // namespace glassland::test
