#include "bridge/validate/EscapeStatistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/tools/roots.hpp>

namespace glassland::bridge {

namespace {

/// d/dk of the log-likelihood: sum over escapes of -a + w/(e^{kw} - 1) (-> 1/k - a as w -> 0),
/// minus the censored exposure. Strictly decreasing in k.
double score(const std::vector<EscapeObservation>& observations, double k) {
  double s = 0.0;
  for (const auto& o : observations) {
    if (!o.escaped) {
      s -= o.time_low;
      continue;
    }
    const double w = o.time_high - o.time_low;
    const double kw = k * w;
    s += -o.time_low + (kw < 1e-8 ? 1.0 / k - 0.5 * w : w / std::expm1(kw));
  }
  return s;
}

void check_sample(const std::vector<EscapeObservation>& observations) {
  if (observations.empty()) throw std::invalid_argument("escape_rate: no observations");
  for (const auto& o : observations)
    if (!(o.time_low >= 0.0) || !(o.time_high >= o.time_low) || !std::isfinite(o.time_high))
      throw std::invalid_argument("escape_rate: bad observation interval");
}

}  // namespace

RateEstimate escape_rate(const std::vector<EscapeObservation>& observations, double confidence) {
  check_sample(observations);
  if (!(confidence > 0.0 && confidence < 1.0)) throw std::invalid_argument("escape_rate: confidence not in (0, 1)");
  RateEstimate r;
  for (const auto& o : observations) {
    r.events += o.escaped ? 1 : 0;
    r.exposure_low += o.time_low;
    r.exposure_high += o.escaped ? o.time_high : o.time_low;
  }
  if (!(r.exposure_high > 0.0)) throw std::invalid_argument("escape_rate: zero total exposure");
  const double alpha = 1.0 - confidence;
  const double n = static_cast<double>(r.events);
  // Chi-square quantiles chi2_p(2n)/2 are gamma(n) quantiles.
  r.ci_low = r.events == 0 ? 0.0 : boost::math::gamma_p_inv(n, 0.5 * alpha) / r.exposure_high;
  r.ci_high = r.exposure_low > 0.0 ? boost::math::gamma_p_inv(n + 1.0, 1.0 - 0.5 * alpha) / r.exposure_low
                                   : std::numeric_limits<double>::infinity();
  if (r.events == 0) return r;  // rate 0
  if (!(r.exposure_low > 0.0)) {
    // Every escape before the first snapshot: the likelihood grows without bound in k; the
    // midpoint estimate is the only finite statement.
    r.rate = n / (0.5 * (r.exposure_low + r.exposure_high));
    return r;
  }
  // The root lies between the estimates with every escape at its interval's end and start.
  double lo = n / r.exposure_high, hi = n / r.exposure_low;
  if (hi <= lo * (1.0 + 1e-14)) {
    r.rate = lo;
    return r;
  }
  lo *= 0.5;
  hi *= 2.0;
  boost::uintmax_t iterations = 200;
  const auto root = boost::math::tools::toms748_solve([&](double k) { return score(observations, k); }, lo, hi,
                                                      boost::math::tools::eps_tolerance<double>(50), iterations);
  r.rate = 0.5 * (root.first + root.second);
  return r;
}

double kolmogorov_survival(double lambda) {
  if (lambda < 0.2) return 1.0;  // the series converges slowly here and Q = 1 to 1e-16
  double sum = 0.0, sign = 1.0;
  for (int j = 1; j <= 100; ++j) {
    const double term = std::exp(-2.0 * j * j * lambda * lambda);
    sum += sign * term;
    if (term < 1e-17) break;
    sign = -sign;
  }
  return std::clamp(2.0 * sum, 0.0, 1.0);
}

KsResult ks_exponential(const std::vector<double>& times, double rate, double truncation) {
  if (times.empty()) throw std::invalid_argument("ks_exponential: no samples");
  if (!(rate > 0.0) || !(truncation > 0.0)) throw std::invalid_argument("ks_exponential: rate and truncation must be > 0");
  std::vector<double> t = times;
  std::sort(t.begin(), t.end());
  if (t.front() < 0.0 || t.back() > truncation) throw std::invalid_argument("ks_exponential: time outside [0, truncation]");
  const double norm = std::isfinite(truncation) ? -std::expm1(-rate * truncation) : 1.0;
  const double n = static_cast<double>(t.size());
  KsResult r;
  r.samples = t.size();
  for (std::size_t i = 0; i < t.size(); ++i) {
    const double f = -std::expm1(-rate * t[i]) / norm;
    r.statistic = std::max({r.statistic, (static_cast<double>(i) + 1.0) / n - f, f - static_cast<double>(i) / n});
  }
  const double root_n = std::sqrt(n);
  r.pvalue = kolmogorov_survival((root_n + 0.12 + 0.11 / root_n) * r.statistic);
  return r;
}

ChiSquareResult branching_test(const std::vector<long>& observed, const std::vector<double>& expected_fraction,
                               double min_expected) {
  if (observed.size() != expected_fraction.size() || observed.empty())
    throw std::invalid_argument("branching_test: sizes differ or are zero");
  double fraction_sum = 0.0;
  for (double p : expected_fraction) {
    if (!(p >= 0.0)) throw std::invalid_argument("branching_test: negative fraction");
    fraction_sum += p;
  }
  if (std::abs(fraction_sum - 1.0) > 1e-9) throw std::invalid_argument("branching_test: fractions do not sum to 1");
  const double total = static_cast<double>(std::accumulate(observed.begin(), observed.end(), 0L));
  std::vector<std::size_t> order(observed.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return expected_fraction[a] < expected_fraction[b]; });
  // Pool categories in order of increasing expectation.
  std::vector<std::pair<double, double>> groups;  // (expected, observed)
  std::pair<double, double> current{0.0, 0.0};
  for (std::size_t k : order) {
    current.first += total * expected_fraction[k];
    current.second += static_cast<double>(observed[k]);
    if (current.first >= min_expected * (1.0 - 1e-9)) {  // 12 x 2.5 must make 6 x 5 despite rounding
      groups.push_back(current);
      current = {0.0, 0.0};
    }
  }
  if (current.first > 0.0 || current.second > 0.0) {
    if (groups.empty())
      groups.push_back(current);
    else {
      groups.back().first += current.first;
      groups.back().second += current.second;
    }
  }
  ChiSquareResult r;
  r.categories = groups.size();
  for (const auto& [e, o] : groups) {
    if (e > 0.0)
      r.statistic += (o - e) * (o - e) / e;
    else if (o > 0.0)
      r.statistic = std::numeric_limits<double>::infinity();  // observed what kMC calls impossible
  }
  r.degrees_of_freedom = static_cast<int>(groups.size()) - 1;
  if (r.degrees_of_freedom < 1 || total <= 0.0) return r;
  if (!std::isfinite(r.statistic)) {
    r.pvalue = 0.0;
    return r;
  }
  const boost::math::chi_squared_distribution<double> chi2(r.degrees_of_freedom);
  r.pvalue = boost::math::cdf(boost::math::complement(chi2, r.statistic));
  return r;
}

namespace {
void mean_and_stderr(const std::vector<std::vector<double>>& curves, std::vector<double>& mean,
                     std::vector<double>& standard_error) {
  const std::size_t points = curves.front().size();
  const double n = static_cast<double>(curves.size());
  mean.assign(points, 0.0);
  standard_error.assign(points, 0.0);
  for (std::size_t g = 0; g < points; ++g) {
    double sum = 0.0, sum2 = 0.0;
    for (const auto& c : curves) sum += c[g];
    mean[g] = sum / n;
    for (const auto& c : curves) sum2 += (c[g] - mean[g]) * (c[g] - mean[g]);
    standard_error[g] = std::sqrt(sum2 / (n - 1.0) / n);
  }
}
}  // namespace

RelaxationComparison compare_relaxation(const std::vector<std::vector<double>>& a,
                                        const std::vector<std::vector<double>>& b) {
  if (a.size() < 2 || b.size() < 2) throw std::invalid_argument("compare_relaxation: need two curves per side");
  const std::size_t points = a.front().size();
  for (const auto* side : {&a, &b})
    for (const auto& c : *side)
      if (c.size() != points) throw std::invalid_argument("compare_relaxation: curves of different lengths");
  RelaxationComparison r;
  mean_and_stderr(a, r.mean_a, r.stderr_a);
  mean_and_stderr(b, r.mean_b, r.stderr_b);
  for (std::size_t g = 0; g < points; ++g) {
    const double se = std::hypot(r.stderr_a[g], r.stderr_b[g]);
    if (!(se > 0.0)) continue;
    const double z = std::abs(r.mean_a[g] - r.mean_b[g]) / se;
    if (z > r.max_abs_z) {
      r.max_abs_z = z;
      r.max_z_index = g;
    }
  }
  return r;
}

}  // namespace glassland::bridge
