#include "md/StrainResponseFit.hpp"

#include <cmath>

#include <Eigen/Dense>

#include "md/Error.hpp"

namespace glassland::md {

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n < 2 || y.size() != n) throw InputError("fit", "a line fit needs at least 2 points");
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxx = 0.0, sxy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (!(sxx > 0.0)) throw InputError("fit", "a line fit needs distinct x values");
  LineFit f;
  f.points = static_cast<int>(n);
  f.slope = sxy / sxx;
  f.intercept = my - f.slope * mx;
  if (n > 2) {
    double rss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double r = y[i] - f.intercept - f.slope * x[i];
      rss += r * r;
    }
    f.slope_stderr = std::sqrt(rss / static_cast<double>(n - 2) / sxx);
  }
  return f;
}

double OscillationFit::phase() const { return std::atan2(out_of_phase, in_phase); }

OscillationFit fit_oscillation(const std::vector<double>& t, const std::vector<double>& y, double omega) {
  const auto n = static_cast<Eigen::Index>(t.size());
  if (n < 3 || y.size() != t.size()) throw InputError("fit", "an oscillation fit needs at least 3 points");
  Eigen::MatrixXd design(n, 3);
  Eigen::VectorXd rhs(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double phase = omega * t[static_cast<std::size_t>(i)];
    design(i, 0) = std::sin(phase);
    design(i, 1) = std::cos(phase);
    design(i, 2) = 1.0;
    rhs(i) = y[static_cast<std::size_t>(i)];
  }
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
  if (qr.rank() < 3) throw InputError("fit", "the samples do not determine an oscillation (too short a time span)");
  const Eigen::Vector3d c = qr.solve(rhs);
  OscillationFit f;
  f.in_phase = c(0);
  f.out_of_phase = c(1);
  f.offset = c(2);
  f.points = static_cast<int>(n);
  return f;
}

}  // namespace glassland::md
