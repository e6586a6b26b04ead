#include "kmc/model/NormalQuantiles.hpp"

#include <cmath>

namespace glassland::model {

double standard_normal_quantile(double p) {
  // Start from a logistic approximation and polish with Newton steps on Phi(x) - p.
  double x = std::log(p / (1.0 - p)) / 1.702;
  for (int iteration = 0; iteration < 60; ++iteration) {
    const double cdf = 0.5 * std::erfc(-x / std::sqrt(2.0));
    const double pdf = std::exp(-0.5 * x * x) / std::sqrt(2.0 * M_PI);
    const double step = (cdf - p) / pdf;
    x -= step;
    if (std::abs(step) < 1e-13) break;
  }
  return x;
}

std::vector<double> equal_probability_classes(double mean, double width, int classes) {
  std::vector<double> values(static_cast<std::size_t>(classes));
  for (int k = 0; k < classes; ++k)
    values[static_cast<std::size_t>(k)] = mean + width * standard_normal_quantile((k + 0.5) / classes);
  return values;
}

}  // namespace glassland::model
