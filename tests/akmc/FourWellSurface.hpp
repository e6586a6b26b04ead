#pragma once
// An analytic surface with a known, complete event list for aKMC tests: two "atoms" in free
// space (6 coordinates, enough for the Lanczos first-order check), atom 0 in a separable double
// well in x and y, everything else in stiff harmonic springs:
//   V = f(x0) + g(y0) + K/2 (z0^2 + |r1 - r1*|^2),   f(x) = A (x^2 - 1)^2 + C x,  g(y) = B (y^2 - 1)^2 + D y.
// Four minima (x0, y0) = (xm±, ym±); from each, exactly two first-order saddles: x0 over the
// barrier top of f (y0 unchanged) or y0 over that of g. Harmonic TST is exact in the sense of
// Vineyard: every other mode is the same at minimum and saddle, so nu = sqrt(f''(x_m) / m) / 2 pi
// (unit masses, mvv = 1) for an x hop, likewise for y. All numbers below are solved here by
// bisection on the cubics, independently of the engine.
#include <array>
#include <cmath>
#include <memory>
#include <numbers>

#include <Eigen/Core>

#include "bridge/akmc/Surface.hpp"
#include "md/Objective.hpp"

namespace glassland::test {

struct DoubleWell {
  double a, c;  // f(x) = a (x^2 - 1)^2 + c x
  double value(double x) const { return a * (x * x - 1) * (x * x - 1) + c * x; }
  double slope(double x) const { return 4 * a * x * (x * x - 1) + c; }
  double curvature(double x) const { return 4 * a * (3 * x * x - 1); }
  /// Root of slope() in [lo, hi] (slope changes sign there) by bisection to 1e-15.
  double root(double lo, double hi) const {
    for (int i = 0; i < 200; ++i) {
      const double mid = 0.5 * (lo + hi);
      ((slope(lo) < 0) == (slope(mid) < 0) ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  }
  double minimum(int side) const { return side > 0 ? root(0.5, 1.5) : root(-1.5, -0.5); }
  double top() const { return root(-0.45, 0.45); }
  /// Barrier and Vineyard prefactor of the hop out of the well on `side` (unit mass).
  double barrier(int side) const { return value(top()) - value(minimum(side)); }
  double prefactor(int side) const { return std::sqrt(curvature(minimum(side))) / (2 * std::numbers::pi); }
};

inline constexpr double kSpring = 20.0;
inline const DoubleWell kWellX{1.0, 0.25};
inline const DoubleWell kWellY{0.8, -0.15};
inline const Eigen::Vector3d kRestAtom1{0.0, 0.0, 0.0};

class FourWellObjective : public md::Objective {
public:
  Eigen::Index dimension() const override { return 6; }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& g) override {
    ++evaluations_;
    g.setZero(6);
    const Eigen::Vector3d d1 = x.segment<3>(3) - kRestAtom1;
    g[0] = kWellX.slope(x[0]);
    g[1] = kWellY.slope(x[1]);
    g[2] = kSpring * x[2];
    g.segment<3>(3) = kSpring * d1;
    return kWellX.value(x[0]) + kWellY.value(x[1]) + 0.5 * kSpring * (x[2] * x[2] + d1.squaredNorm());
  }
};

inline bridge::Surface four_well_surface() {
  bridge::Surface s;
  s.space = landscape::ConfigurationSpace::free(3);
  s.make_objective = [] { return std::make_unique<FourWellObjective>(); };
  s.masses = {1.0, 1.0};
  s.types = {1, 1};
  s.mvv_to_energy = 1.0;
  s.units = "reduced";
  return s;
}

/// Exact minimum (x0, y0 on the given sides; spring coordinates at rest).
inline Eigen::VectorXd four_well_minimum(int side_x, int side_y) {
  Eigen::VectorXd x = Eigen::VectorXd::Zero(6);
  x[0] = kWellX.minimum(side_x);
  x[1] = kWellY.minimum(side_y);
  x.segment<3>(3) = kRestAtom1;
  return x;
}

}  // namespace glassland::test
