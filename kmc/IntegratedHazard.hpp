#pragma once
// Exact residence times under time-dependent rates. A state left at total rate R(t) (sum of its
// transition rates at kT(t), sigma(t)) survives to time t with probability
// S(t) = exp(-H(t)), H(t) = integral_{t0}^{t} R(s) ds. A residence time is sampled by drawing
// E ~ Exp(1) and solving H(t) = E; the transition taken at t is chosen with probability
// k_e(t)/R(t). H is integrated with adaptive Gauss-Kronrod (7/15 points) between the kinks of
// the protocol (relative error estimate <= 1e-10 per step) and inverted by safeguarded Newton
// iteration, so time-dependent rates are never frozen over steps. After the protocol ends the
// rate is constant and H is inverted in closed form.
#include "kmc/RateModel.hpp"

namespace glassland::kmc {

/// Time t >= t0 (time unit) with H(t) = hazard for state s; +infinity if the state is never left
/// (all rates vanish from some time on, e.g. cooled to kT = 0).
double solve_exit_time(const RateModel& model, StateIndex s, double t0, double hazard);

/// Integral of f over [a, b] by 15-point Gauss-Kronrod; `error` receives |K15 - G7|.
template <class F>
double gauss_kronrod15(const F& f, double a, double b, double& error);

}  // namespace glassland::kmc

#include "kmc/IntegratedHazard.inl"
