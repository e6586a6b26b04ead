#include "kmc/model/StressCycle.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

namespace glassland::model {

namespace {
using Kronrod = boost::math::quadrature::gauss_kronrod<double, 15>;
using Gauss = boost::math::quadrature::gauss<double, 7>;

struct Rule {
  std::vector<double> phase, kronrod, gauss;  // nodes and both rules' weights (gauss 0 off its nodes)
};

// Composite 15-point Kronrod / embedded 7-point Gauss rule, `panels` equal panels per segment.
Rule composite_rule(const std::vector<double>& edges, int panels) {
  Rule rule;
  const auto& x = Kronrod::abscissa();
  const auto& wk = Kronrod::weights();
  const auto& wg = Gauss::weights();
  for (std::size_t s = 0; s + 1 < edges.size(); ++s) {
    const double width = (edges[s + 1] - edges[s]) / panels;
    for (int p = 0; p < panels; ++p) {
      const double centre = edges[s] + (p + 0.5) * width, half = 0.5 * width;
      for (std::size_t i = 0; i < x.size(); ++i) {
        const bool on_gauss = i % 2 == 0;  // 7 Gauss points: 0 and the even Kronrod indices
        for (int sign : {1, -1}) {
          if (i == 0 && sign < 0) break;
          rule.phase.push_back(centre + sign * half * x[i]);
          rule.kronrod.push_back(half * wk[i]);
          rule.gauss.push_back(on_gauss ? half * wg[i / 2] : 0.0);
        }
      }
    }
  }
  return rule;
}

// Relative Kronrod-Gauss difference of <exp(-x g)> (shifted by the smallest g: no overflow).
double relative_error(const std::vector<double>& g, const Rule& rule, double x) {
  const double g_min = *std::min_element(g.begin(), g.end());
  double k = 0.0, q = 0.0;
  for (std::size_t j = 0; j < g.size(); ++j) {
    const double f = std::exp(-x * (g[j] - g_min));
    k += rule.kronrod[j] * f;
    q += rule.gauss[j] * f;
  }
  return std::abs(k - q) / k;
}
}  // namespace

double barrier_factor(double stress_MPa, double stress_scale_MPa, kmc::BiasLaw law) {
  // kmc::biased_barrier with V = 1.5 W / sigma0 turns both laws into W g(sigma) (W = 1 here).
  return kmc::biased_barrier(1.0, 1.5 / stress_scale_MPa, std::abs(stress_MPa), law);
}

double StressCycleAverage::log_mean_boltzmann(double x) const {
  if (factor.size() == 1) return -x * factor[0];
  const double g_min = *std::min_element(factor.begin(), factor.end());
  double sum = 0.0;
  for (std::size_t j = 0; j < factor.size(); ++j) sum += weight[j] * std::exp(-x * (factor[j] - g_min));
  return -x * g_min + std::log(sum);
}

StressCycleAverage stress_cycle_average(double static_MPa, double amplitude_MPa, double stress_scale_MPa, kmc::BiasLaw law,
                                        double stiffest_x, double tolerance) {
  StressCycleAverage average;
  if (amplitude_MPa == 0.0) {
    average.factor = {static_MPa == 0.0 ? 1.0 : barrier_factor(static_MPa, stress_scale_MPa, law)};
    average.weight = {1.0};
    return average;
  }
  // |sigma| has a kink where sigma(phi) = 0: a panel edge there keeps the rule spectral.
  std::vector<double> edges{-0.5 * std::numbers::pi};
  if (std::abs(static_MPa) < std::abs(amplitude_MPa)) edges.push_back(std::asin(-static_MPa / amplitude_MPa));
  edges.push_back(0.5 * std::numbers::pi);
  for (int panels = 1;; panels *= 2) {
    const Rule rule = composite_rule(edges, panels);
    average.factor.clear();
    for (double phi : rule.phase)
      average.factor.push_back(barrier_factor(static_MPa + amplitude_MPa * std::sin(phi), stress_scale_MPa, law));
    average.error_estimate = relative_error(average.factor, rule, stiffest_x);
    average.panels = panels;
    if (average.error_estimate <= tolerance || panels >= 4096) {
      average.weight = rule.kronrod;
      for (double& w : average.weight) w /= std::numbers::pi;  // phase average over the half cycle
      return average;
    }
  }
}

}  // namespace glassland::model
