#pragma once
// Small hand-made networks and their exact master-equation solution for the kMC tests.
#include <cmath>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>

#include "kmc/NetworkImport.hpp"
#include "kmc/ConstantRates.hpp"
#include "kmc/RateModel.hpp"

namespace glassland::test {

/// Five states, loops and unequal prefactors (detailed balance holds with an entropic weight).
inline const char* kFiveStateNetwork = R"({
  "minima": [{"id": 10, "energy": 0.0}, {"id": 11, "energy": 0.3}, {"id": 12, "energy": -0.2},
             {"id": 13, "energy": 0.5}, {"id": 14, "energy": 0.1}],
  "saddles": [{"from": 10, "to": 11, "energy": 0.8, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 11, "to": 12, "energy": 0.9, "prefactor_forward": 2.0, "prefactor_backward": 2.0},
              {"from": 12, "to": 13, "energy": 1.1, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 13, "to": 14, "energy": 0.7, "prefactor_forward": 3.0, "prefactor_backward": 3.0},
              {"from": 14, "to": 10, "energy": 0.6, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 10, "to": 12, "energy": 1.0, "prefactor_forward": 0.5, "prefactor_backward": 0.5}]
})";

/// A flicker trap: states 0,1,2 joined by barriers ~0.2 and left over barriers ~1; target 3.
inline const char* kFlickerNetwork = R"({
  "minima": [{"id": 0, "energy": 0.0}, {"id": 1, "energy": 0.05}, {"id": 2, "energy": 0.1},
             {"id": 3, "energy": 0.2}, {"id": 4, "energy": 0.3}],
  "saddles": [{"from": 0, "to": 1, "energy": 0.2, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 1, "to": 2, "energy": 0.25, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 0, "to": 2, "energy": 0.3, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 1, "to": 3, "energy": 1.0, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 2, "to": 4, "energy": 1.05, "prefactor_forward": 1.0, "prefactor_backward": 1.0},
              {"from": 4, "to": 3, "energy": 0.6, "prefactor_forward": 1.0, "prefactor_backward": 1.0}]
})";

inline landscape::Catalog network_catalog(const char* json) {
  return kmc::catalog_from_network_json(json, "test.json");
}

/// The flicker trap at constant kT = 0.1 with its constant-rate table, for the superbasin tests.
/// Use in place (members refer to each other): `const FlickerTrap trap; trap.model ...`.
struct FlickerTrap {
  landscape::Catalog catalog = network_catalog(kFlickerNetwork);
  kmc::RateNetwork network = kmc::RateNetwork::from_catalog(catalog);
  kmc::RateModel model{network, md::TemperatureSchedule({{0.0, 0.1}})};
  kmc::ConstantRates rates{model};
};

/// Generator G (dp/dt = G p) of the network at constant kT.
inline Eigen::MatrixXd generator(const kmc::RateModel& model) {
  const auto& net = model.network();
  const auto n = static_cast<Eigen::Index>(net.state_count());
  Eigen::MatrixXd g = Eigen::MatrixXd::Zero(n, n);
  for (kmc::StateIndex s = 0; s < net.state_count(); ++s)
    for (std::uint32_t e = net.first(s); e < net.first(s + 1); ++e) {
      const double k = model.rate(e, model.kT_at(0.0), 0.0);
      g(net.target(e), s) += k;
      g(s, s) -= k;
    }
  return g;
}

/// Exact occupation probabilities at time t from state `start` (matrix exponential).
inline Eigen::VectorXd master_equation(const kmc::RateModel& model, kmc::StateIndex start, double t) {
  Eigen::MatrixXd gt = generator(model) * t;
  Eigen::VectorXd p0 = Eigen::VectorXd::Zero(gt.rows());
  p0[start] = 1.0;
  return gt.exp() * p0;
}

/// Exact mean first-passage time from start to target: solve G' tau = -1 on the other states.
inline double exact_mfpt(const kmc::RateModel& model, kmc::StateIndex start, kmc::StateIndex target) {
  const Eigen::MatrixXd g = generator(model);
  const auto n = g.rows();
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < n; ++i)
    if (i != target) keep.push_back(i);
  const auto m = static_cast<Eigen::Index>(keep.size());
  Eigen::MatrixXd a(m, m);
  for (Eigen::Index r = 0; r < m; ++r)
    for (Eigen::Index c = 0; c < m; ++c) a(r, c) = g(keep[c], keep[r]);  // backward equation uses G^T
  const Eigen::VectorXd tau = a.fullPivLu().solve(-Eigen::VectorXd::Ones(m));
  for (Eigen::Index r = 0; r < m; ++r)
    if (keep[r] == start) return tau[r];
  return 0.0;
}

/// Kolmogorov-Smirnov distance between a sample and a CDF.
template <class Cdf>
double ks_distance(std::vector<double> sample, const Cdf& cdf) {
  std::sort(sample.begin(), sample.end());
  const double n = static_cast<double>(sample.size());
  double d = 0.0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const double f = cdf(sample[i]);
    d = std::max({d, std::abs(f - static_cast<double>(i) / n), std::abs(static_cast<double>(i + 1) / n - f)});
  }
  return d;
}

/// Two-sample Kolmogorov-Smirnov distance.
inline double ks_two_sample(std::vector<double> a, std::vector<double> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::size_t i = 0, j = 0;
  double d = 0.0;
  while (i < a.size() && j < b.size()) {
    const double x = std::min(a[i], b[j]);
    while (i < a.size() && a[i] <= x) ++i;
    while (j < b.size() && b[j] <= x) ++j;
    d = std::max(d, std::abs(static_cast<double>(i) / a.size() - static_cast<double>(j) / b.size()));
  }
  return d;
}

}  // namespace glassland::test
