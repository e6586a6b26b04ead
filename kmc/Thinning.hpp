#pragma once
// Exact residence times under a time-dependent temperature by thinning (Lewis-Shedler), the
// fast alternative to integrating the hazard (IntegratedHazard.hpp). Between two breakpoints of
// the protocol kT(t) is linear and the stress constant, and every rate nu exp(-dE/kT) grows with
// kT (dE >= 0), so on a window [a, b] the escape rate R(t) never exceeds B = R(max(kT(a), kT(b))).
// Candidate times are drawn as a Poisson process of rate B and each is accepted with probability
// R(t)/B: the first accepted candidate has exactly the survival exp(-integral R) of the
// non-homogeneous process. At the window's end the process restarts (memoryless), so the windows
// can be chosen freely: about one mean residence, halved until B <= 2 R(a) (>= 50 % acceptance)
// or at most one candidate is expected. Cost: a few escape-rate evaluations per event instead
// of a Gauss-Kronrod integration and Newton inversion. Not for an oscillating stress (sigma(t)
// changes inside a window, so R need not be monotone); the walker then integrates the hazard.
#include "kmc/Random.hpp"
#include "kmc/RateModel.hpp"

namespace glassland::kmc {

/// True if the model's stress is piecewise constant (none, constant or step), which thinning
/// requires.
bool thinning_applies(const RateModel& model);

/// Time (time unit) at which a walker entering state s at t0 leaves it, sampled exactly from the
/// survival exp(-integral_{t0}^{t} R(s') ds'); +infinity if it never leaves (rates vanish for
/// ever, e.g. cooled to kT = 0). Random numbers come from `rng`.
double sample_exit_time_thinned(const RateModel& model, StateIndex s, double t0, Rng& rng);

}  // namespace glassland::kmc
