#pragma once
// Exact residence times under a time-dependent temperature and stress by thinning
// (Lewis-Shedler), the fast alternative to integrating the hazard (IntegratedHazard.hpp).
// Between two breakpoints of the protocol kT(t) is linear; every rate nu exp(-dE/kT) grows with
// kT (dE >= 0) and with sigma V (both bias laws), so on a window [a, b] the escape rate R(t)
// never exceeds B = sum_e k_e(max(kT(a), kT(b)), sigma_e) with sigma_e the end of the window's
// stress range (StressProtocol::range) that favours transition e. An oscillating stress caps
// windows at 1/16 period so the bound stays tight.
// Candidate times are drawn as a Poisson process of rate B and each is accepted with probability
// R(t)/B: the first accepted candidate has exactly the survival exp(-integral R) of the
// non-homogeneous process. At the window's end the process restarts (memoryless), so the windows
// can be chosen freely: about one mean residence, halved until B <= 2 R(a) (>= 50 % acceptance)
// or at most one candidate is expected. Cost: a few escape-rate evaluations per event instead
// of a Gauss-Kronrod integration and Newton inversion.
#include "kmc/Random.hpp"
#include "kmc/RateModel.hpp"

namespace glassland::kmc {

/// True for every protocol the RateModel supports (kept so callers can still choose).
bool thinning_applies(const RateModel& model);

/// Time (time unit) at which a walker entering state s at t0 leaves it, sampled exactly from the
/// survival exp(-integral_{t0}^{t} R(s') ds'); +infinity if it never leaves (rates vanish for
/// ever, e.g. cooled to kT = 0). Random numbers come from `rng`.
double sample_exit_time_thinned(const RateModel& model, StateIndex s, double t0, Rng& rng);

}  // namespace glassland::kmc
