#include "md/TwoLineFit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Dense>

namespace glassland::md {

namespace {
// Least squares with basis [1, min(0, x - xb), max(0, x - xb)]; returns SSE.
double fit_at(const std::vector<double>& x, const std::vector<double>& y, double xb, Eigen::Vector3d& c) {
  const auto n = static_cast<Eigen::Index>(x.size());
  Eigen::MatrixXd a(n, 3);
  Eigen::VectorXd b(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double d = x[static_cast<std::size_t>(i)] - xb;
    a(i, 0) = 1.0;
    a(i, 1) = std::min(0.0, d);
    a(i, 2) = std::max(0.0, d);
    b(i) = y[static_cast<std::size_t>(i)];
  }
  c = a.colPivHouseholderQr().solve(b);
  return (a * c - b).squaredNorm();
}
}  // namespace

TwoLineFit fit_two_lines(const std::vector<double>& x, const std::vector<double>& y) {
  TwoLineFit fit;
  if (x.size() != y.size() || x.size() < 6) return fit;
  const auto [lo_it, hi_it] = std::minmax_element(x.begin(), x.end());
  const double lo = *lo_it, hi = *hi_it;
  if (!(hi > lo)) return fit;
  // Scan break points on a fine grid over the inner 80% of the range; refine once.
  double best_sse = std::numeric_limits<double>::infinity(), best_xb = lo;
  Eigen::Vector3d best_c = Eigen::Vector3d::Zero(), c;
  auto scan = [&](double from, double to, int points) {
    for (int k = 0; k <= points; ++k) {
      const double xb = from + (to - from) * k / points;
      const double sse = fit_at(x, y, xb, c);
      if (sse < best_sse) {
        best_sse = sse;
        best_xb = xb;
        best_c = c;
      }
    }
  };
  scan(lo + 0.1 * (hi - lo), lo + 0.9 * (hi - lo), 400);
  const double step = 0.8 * (hi - lo) / 400;
  scan(best_xb - step, best_xb + step, 40);
  fit.break_x = best_xb;
  fit.value_at_break = best_c(0);
  fit.slope_low = best_c(1);
  fit.slope_high = best_c(2);
  fit.rms_residual = std::sqrt(best_sse / static_cast<double>(x.size()));
  fit.valid = true;
  return fit;
}

}  // namespace glassland::md
