#include "kmc/model/GumbelSpectrum.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace glassland::model {

namespace {
constexpr double kEulerGamma = 0.57721566490153286;
constexpr double kZLow = -40.0, kZHigh = 3.7;  // g(z) = exp(z - e^z) < 1e-17 outside

// Trapezoid weights step * g(z_k) (halved at the ends) of the n-interval grid over [kZLow,
// kZHigh], computed once per n and thread.
const std::vector<double>& trapezoid_weights(int n) {
  thread_local std::map<int, std::vector<double>> cache;
  auto& w = cache[n];
  if (w.empty()) {
    const double step = (kZHigh - kZLow) / n;
    for (int k = 0; k <= n; ++k) {
      const double z = kZLow + k * step;
      w.push_back((k == 0 || k == n ? 0.5 : 1.0) * step * std::exp(z - std::exp(z)));
    }
  }
  return w;
}
}  // namespace

double GumbelFamily::mean_tau_s() const { return tau0_s * std::tgamma(1.0 + 1.0 / shape); }

double GumbelFamily::log_mean_tau_s() const { return tau0_s * std::exp(-kEulerGamma / shape); }

double GumbelCreepSpectrum::compliance_per_GPa(double time_s) const {
  double j = instant_per_GPa;
  for (const auto& f : families) j += f.compliance_per_GPa * gumbel_retardation(time_s, f.tau0_s, f.shape).fraction;
  return j;
}

GumbelRetardation gumbel_retardation(double time_s, double tau0_s, double shape) {
  // phi = 1 - integral g(z) exp(-q) dz with q = s exp(-z/B), s = t / tau0; in the integrand
  // d(1 - exp(-q))/d ln tau0 = -q exp(-q) and d/d ln B = q exp(-q) z / B. Along the grid q
  // falls by the constant factor exp(-step/B), so one exp per point is left.
  const int n = static_cast<int>(std::ceil((kZHigh - kZLow) / std::min(0.2, shape / 5.0)));
  const double step = (kZHigh - kZLow) / n;
  const auto& weights = trapezoid_weights(n);
  const double log_s = std::log(time_s) - std::log(tau0_s);
  // Skip the points where exp(-q) underflows (q > 40: fully retarded there).
  // Clamped as a double: at t = 0 log_s is -inf, and converting -inf (or NaN) to int is undefined.
  const double first_point = std::ceil((shape * (log_s - std::log(40.0)) - kZLow) / step);
  const int first = !(first_point > 0.0) ? 0 : first_point > n ? n + 1 : static_cast<int>(first_point);
  double survive = 0.0, d_tau = 0.0, d_shape = 0.0;
  double q = first <= n ? std::exp(log_s - (kZLow + first * step) / shape) : 0.0;
  const double factor = std::exp(-step / shape);
  for (int k = first; k <= n; ++k, q *= factor) {
    const double z = kZLow + k * step;
    const double we = weights[static_cast<std::size_t>(k)] * std::exp(-q);
    survive += we;
    d_tau -= we * q;
    d_shape += we * q * z / shape;
  }
  return {1.0 - survive, d_tau, d_shape};
}

}  // namespace glassland::model
