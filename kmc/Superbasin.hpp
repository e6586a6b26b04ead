#pragma once
// A superbasin: a small set of states joined by fast transitions, in which plain kMC would hop
// back and forth ("flicker") many times before leaving. Instead of simulating those hops, the
// exit from the set is sampled exactly from the absorbing Markov chain restricted to the set:
// with sub-generator G (dp/dt = G p inside the set), the survival from entry state i is
// S_i(t) = 1^T exp(G t) e_i, the exit happens from state l at time T with density
// [exp(G T)]_{l i} r_l (r_l = rate of leaving the set from l), and the state at an earlier time
// t is distributed as [exp(G t)]_{j i} [exp(G (T - t))]_{l j} (a bridge). G is similar to a
// symmetric matrix when the rates obey detailed balance inside the set, which build() checks,
// so exp(G t) comes from one symmetric eigen-decomposition. Only for time-independent rates.
#include <cstdint>
#include <optional>
#include <vector>

#include <Eigen/Dense>

#include "kmc/ConstantRates.hpp"
#include "kmc/Random.hpp"

namespace glassland::kmc {

class Superbasin {
public:
  /// The set `states` (distinct) with the rates of `rates`; nullopt if the set has no exit or its
  /// internal rates violate detailed balance (then plain kMC is used, still exact).
  static std::optional<Superbasin> build(const RateNetwork& network, const ConstantRates& rates,
                                         std::vector<StateIndex> states);

  const std::vector<StateIndex>& states() const { return states_; }
  /// Local index of a global state (-1 if not a member).
  int local(StateIndex s) const;

  struct Exit {
    double duration;        ///< time spent inside the set (time unit)
    int last_local;         ///< member from which the set was left
    std::uint32_t transition;  ///< network transition taken out of the set
  };
  /// Samples the exit of a walker entering the set at member `entry_local`.
  Exit sample_exit(int entry_local, Rng& rng, const ConstantRates& rates) const;
  /// Member occupied at time `dt` after being in `from_local`, given that the set is left from
  /// `exit_local` at time `remaining` after `from_local` (0 <= dt <= remaining).
  int sample_bridge(int from_local, double dt, int exit_local, double remaining, Rng& rng) const;

private:
  /// [exp(G tau)]_{j i}: probability to be in j at tau after i without having left.
  Eigen::MatrixXd propagator(double tau) const;
  double survival(int entry, double tau) const;

  const RateNetwork* network_ = nullptr;
  std::vector<StateIndex> states_;
  std::vector<std::uint32_t> exits_;       // transitions leaving the set
  std::vector<int> exit_owner_;            // local member of each exit
  Eigen::VectorXd exit_rate_;              // r_l
  Eigen::VectorXd sqrt_pi_;                // detailed-balance weights (scaled)
  Eigen::VectorXd eigenvalues_;            // of the symmetrized generator (all < 0)
  Eigen::MatrixXd eigenvectors_;
};

}  // namespace glassland::kmc
