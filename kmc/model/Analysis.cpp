#include "kmc/model/Analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kmc/LabUnits.hpp"

namespace glassland::model {

namespace {
// x where the samples of y cross `level` between indices i and j (adjacent).
double crossing(const std::vector<double>& x, const std::vector<double>& y, std::size_t i, std::size_t j, double level) {
  const double dy = y[j] - y[i];
  if (dy == 0.0) return x[i];
  return x[i] + (level - y[i]) * (x[j] - x[i]) / dy;
}
}  // namespace

double refined_peak_position(const std::vector<double>& x, const std::vector<double>& y, std::size_t i) {
  if (i == 0 || i + 1 >= x.size()) return x[i];
  const double x0 = x[i - 1], x1 = x[i], x2 = x[i + 1];
  const double d01 = (y[i] - y[i - 1]) / (x1 - x0), d12 = (y[i + 1] - y[i]) / (x2 - x1);
  const double curvature = (d12 - d01) / (x2 - x0);  // half the second derivative
  if (!(curvature < 0.0)) return x1;
  const double vertex = 0.5 * (x0 + x1) - 0.5 * d01 / curvature;
  return std::clamp(vertex, x0, x2);
}

PeakShape find_peak(const std::vector<double>& x, const std::vector<double>& y_in, bool negative) {
  PeakShape peak;
  if (x.size() < 3 || x.size() != y_in.size()) return peak;
  std::vector<double> y(y_in);
  if (negative)
    for (double& v : y) v = -v;
  const auto top = static_cast<std::size_t>(std::max_element(y.begin(), y.end()) - y.begin());
  if (!(y[top] > 0.0)) return peak;
  peak.found = true;
  peak.position = refined_peak_position(x, y, top);
  peak.height = negative ? -y[top] : y[top];
  const double half = 0.5 * y[top];
  std::size_t left = top, right = top;
  while (left > 0 && y[left] > half) --left;
  while (right + 1 < y.size() && y[right] > half) ++right;
  if (y[left] > half || y[right] > half) return peak;  // width not resolved inside the window
  peak.fwhm = std::abs(crossing(x, y, right - 1, right, half) - crossing(x, y, left, left + 1, half));
  return peak;
}

std::vector<std::size_t> local_maxima(const std::vector<double>& y, double min_fraction) {
  std::vector<std::size_t> out;
  if (y.size() < 3) return out;
  const double top = *std::max_element(y.begin(), y.end());
  for (std::size_t i = 1; i + 1 < y.size(); ++i)
    if (y[i] > y[i - 1] && y[i] >= y[i + 1] && y[i] > min_fraction * top) out.push_back(i);
  return out;
}

double integrate(const std::vector<double>& x, const std::vector<double>& y, double x_low, double x_high) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    const double a = std::max(x[i], x_low), b = std::min(x[i + 1], x_high);
    if (b <= a) continue;
    const double slope = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
    const double ya = y[i] + slope * (a - x[i]), yb = y[i] + slope * (b - x[i]);
    sum += 0.5 * (ya + yb) * (b - a);
  }
  return sum;
}

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i]; syy += y[i] * y[i];
  }
  LineFit fit;
  const double denominator = n * sxx - sx * sx;
  if (x.size() < 2 || denominator == 0.0) return fit;
  fit.slope = (n * sxy - sx * sy) / denominator;
  fit.intercept = (sy - fit.slope * sx) / n;
  const double total = syy - sy * sy / n;
  double residual = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) residual += std::pow(y[i] - fit.intercept - fit.slope * x[i], 2);
  fit.r_squared = total > 0.0 ? 1.0 - residual / total : 1.0;
  return fit;
}

double kissinger_energy_kj_mol(const std::vector<double>& rates, const std::vector<double>& peaks) {
  std::vector<double> x, y;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    x.push_back(1.0 / peaks[i]);
    y.push_back(std::log(rates[i] / (peaks[i] * peaks[i])));
  }
  return -fit_line(x, y).slope * kmc::lab::kGasConstantKJPerMolK;
}

double arrhenius_energy_ev(const std::vector<double>& frequencies, const std::vector<double>& peaks) {
  std::vector<double> x, y;
  for (std::size_t i = 0; i < frequencies.size(); ++i) {
    x.push_back(1.0 / peaks[i]);
    y.push_back(std::log(frequencies[i]));
  }
  return -fit_line(x, y).slope * kmc::lab::kBoltzmannEvPerK;
}

VftFit fit_vft(const std::vector<double>& temperatures, const std::vector<double>& times) {
  VftFit best;
  best.rms = std::numeric_limits<double>::infinity();
  if (temperatures.size() < 3) return best;
  const double t_min = *std::min_element(temperatures.begin(), temperatures.end());
  std::vector<double> log_tau;
  for (double t : times) log_tau.push_back(std::log(t));
  for (int k = 0; k < 4000; ++k) {
    const double t0 = t_min * k / 4000.0;
    std::vector<double> x;
    for (double t : temperatures) x.push_back(1.0 / (t - t0));
    const LineFit line = fit_line(x, log_tau);
    double residual = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) residual += std::pow(log_tau[i] - line.intercept - line.slope * x[i], 2);
    const double rms = std::sqrt(residual / static_cast<double>(x.size()));
    if (rms < best.rms) best = {std::exp(line.intercept), line.slope, t0, rms};
  }
  return best;
}

}  // namespace glassland::model
