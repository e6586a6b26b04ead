#include "kmc/Superbasin.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Eigenvalues>

namespace glassland::kmc {

namespace {

// Picks an index with probability proportional to weights (all >= 0, sum > 0).
int sample_weighted(const Eigen::VectorXd& weights, Rng& rng) {
  const double total = weights.sum();
  double r = uniform01(rng) * total;
  for (int j = 0; j < weights.size(); ++j) {
    if (r < weights[j]) return j;
    r -= weights[j];
  }
  for (int j = static_cast<int>(weights.size()) - 1; j >= 0; --j)
    if (weights[j] > 0.0) return j;  // rounding pushed r past the end
  return 0;
}

}  // namespace

int Superbasin::local(StateIndex s) const {
  const auto it = std::find(states_.begin(), states_.end(), s);
  return it == states_.end() ? -1 : static_cast<int>(it - states_.begin());
}

std::optional<Superbasin> Superbasin::build(const RateNetwork& network, const ConstantRates& rates,
                                            std::vector<StateIndex> states) {
  Superbasin basin;
  basin.network_ = &network;
  basin.states_ = std::move(states);
  const int n = static_cast<int>(basin.states_.size());
  Eigen::MatrixXd k = Eigen::MatrixXd::Zero(n, n);  // k(j, i): rate i -> j inside the set
  Eigen::VectorXd escape(n);
  std::vector<double> exit_rates;
  for (int i = 0; i < n; ++i) {
    const StateIndex s = basin.states_[i];
    escape[i] = rates.escape(s);
    for (std::uint32_t e = network.first(s); e < network.first(s + 1); ++e) {
      const int j = basin.local(network.target(e));
      if (j >= 0) {
        k(j, i) += rates.rate(e);
      } else {
        basin.exits_.push_back(e);
        basin.exit_owner_.push_back(i);
      }
    }
  }
  if (basin.exits_.empty()) return std::nullopt;
  basin.exit_rate_ = escape - k.colwise().sum().transpose();
  // Detailed-balance weights by a breadth-first walk over internal transitions: pi_j/pi_i = k_ij/k_ji.
  Eigen::VectorXd log_pi = Eigen::VectorXd::Constant(n, NAN);
  log_pi[0] = 0.0;
  std::vector<int> queue{0};
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const int i = queue[q];
    for (int j = 0; j < n; ++j)
      if (std::isnan(log_pi[j]) && k(j, i) > 0.0 && k(i, j) > 0.0) {
        log_pi[j] = log_pi[i] + std::log(k(j, i)) - std::log(k(i, j));
        queue.push_back(j);
      }
  }
  if (static_cast<int>(queue.size()) != n) return std::nullopt;  // not connected inside
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < i; ++j)
      if ((k(j, i) > 0.0) != (k(i, j) > 0.0) ||
          (k(j, i) > 0.0 && std::abs(log_pi[i] + std::log(k(j, i)) - log_pi[j] - std::log(k(i, j))) > 1e-9))
        return std::nullopt;
  basin.sqrt_pi_ = (0.5 * (log_pi.array() - log_pi.maxCoeff())).exp();
  Eigen::MatrixXd symmetric(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      symmetric(j, i) = (i == j) ? -escape[i] : k(j, i) * basin.sqrt_pi_[i] / basin.sqrt_pi_[j];
  symmetric = 0.5 * (symmetric + symmetric.transpose());  // remove rounding asymmetry
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(symmetric);
  basin.eigenvalues_ = solver.eigenvalues();
  basin.eigenvectors_ = solver.eigenvectors();
  if (!(basin.eigenvalues_.maxCoeff() < 0.0)) return std::nullopt;  // exits too slow to resolve
  return basin;
}

Eigen::MatrixXd Superbasin::propagator(double tau) const {
  const Eigen::VectorXd decay = (eigenvalues_.array() * tau).exp();
  Eigen::MatrixXd p = eigenvectors_ * decay.asDiagonal() * eigenvectors_.transpose();
  return sqrt_pi_.asDiagonal() * p * sqrt_pi_.cwiseInverse().asDiagonal();
}

double Superbasin::survival(int entry, double tau) const {
  const Eigen::VectorXd decay = (eigenvalues_.array() * tau).exp();
  const Eigen::VectorXd weights = eigenvectors_.transpose() * sqrt_pi_;  // sum_j sqrt(pi_j) V_jm
  double s = 0.0;
  for (int m = 0; m < eigenvalues_.size(); ++m) s += decay[m] * eigenvectors_(entry, m) * weights[m];
  return s / sqrt_pi_[entry];
}

Superbasin::Exit Superbasin::sample_exit(int entry_local, Rng& rng, const ConstantRates& rates) const {
  const double u = uniform_open0(rng);
  // Survival decreases from 1; bracket the root, then bisect (S is smooth and monotone).
  double lo = 0.0;
  double hi = 1.0 / -eigenvalues_.maxCoeff();
  while (survival(entry_local, hi) > u) {
    lo = hi;
    hi *= 2.0;
  }
  for (int iteration = 0; iteration < 200 && hi - lo > 1e-15 * hi; ++iteration) {
    const double mid = 0.5 * (lo + hi);
    (survival(entry_local, mid) > u ? lo : hi) = mid;
  }
  const double duration = 0.5 * (lo + hi);
  const Eigen::VectorXd occupancy = propagator(duration).col(entry_local);
  const int last = sample_weighted(occupancy.cwiseMax(0.0).cwiseProduct(exit_rate_), rng);
  Eigen::VectorXd exit_weights = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(exits_.size()));
  for (std::size_t x = 0; x < exits_.size(); ++x)
    if (exit_owner_[x] == last) exit_weights[static_cast<Eigen::Index>(x)] = rates.rate(exits_[x]);
  const int chosen = sample_weighted(exit_weights, rng);
  return Exit{duration, last, exits_[static_cast<std::size_t>(chosen)]};
}

int Superbasin::sample_bridge(int from_local, double dt, int exit_local, double remaining, Rng& rng) const {
  const Eigen::VectorXd forward = propagator(dt).col(from_local);
  const Eigen::VectorXd backward = propagator(remaining - dt).row(exit_local).transpose();
  return sample_weighted(forward.cwiseMax(0.0).cwiseProduct(backward.cwiseMax(0.0)), rng);
}

}  // namespace glassland::kmc
