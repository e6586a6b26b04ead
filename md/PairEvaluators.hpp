#pragma once
// Pair-potential styles as small evaluator structs (the HOOMD-blue PotentialPair<Evaluator>
// model): a style declares its TOML parameters, validates them, precomputes one PairTerm per
// type pair, and evaluates energy and force of one pair. The single templated loop in
// PairLoop.hpp owns neighbours, threads, virial and per-atom output. To add a style: write
// one evaluator here and add one line to register_pair_styles() (PotentialRegistry.cpp).
//
// Evaluator interface (all static):
//   name                          style name in TOML and messages
//   parameters                    TOML keys of a [[pair]] table -> PairCoefficients fields
//   validate(c, where)            throws InputError(where, ...) on a bad value
//   term(c, shift)                flat per-type-pair coefficients (PairTerm, one cache line)
//   evaluate(t, rsq, fpair, e)    for rsq < t.cutsq: fpair = -E'(r)/r, e = E(r); inline and
//                                 branch-free so the loop vectorises over neighbours
//   curvature(t, rsq, fpair, d2)  for rsq < t.cutsq: fpair as above and d2 = E''(r), for the
//                                 analytic Hessian (ForceCompute::hessian). Optional: a style
//                                 without it gets finite-difference Hessians.
#include <cmath>
#include <string>

#include "md/Error.hpp"
#include "md/PairPotential.hpp"
#include "md/SimdLevel.hpp"

namespace glassland::md {

/// Flat coefficients of one type pair: the squared cutoff and up to seven style constants.
struct PairTerm {
  double cutsq = 0;
  double c[7] = {0, 0, 0, 0, 0, 0, 0};
};

/// A TOML key of a [[pair]] table and the PairCoefficients field it sets.
struct PairParameter {
  const char* key;
  double PairCoefficients::*field;
};

namespace evaluator_detail {
inline void require_finite(double v, const char* key, const std::string& where) {
  if (!std::isfinite(v)) throw InputError(where, std::string(key) + " must be finite");
}
inline void require_positive_cutoff(const PairCoefficients& c, const std::string& where) {
  if (!std::isfinite(c.cutoff) || c.cutoff <= 0.0) throw InputError(where, "cutoff must be finite and > 0");
}
inline void validate_lj(const PairCoefficients& c, const std::string& where) {
  if (!std::isfinite(c.epsilon) || c.epsilon < 0.0) throw InputError(where, "epsilon must be finite and >= 0");
  if (!std::isfinite(c.sigma) || c.sigma <= 0.0) throw InputError(where, "sigma must be finite and > 0");
  require_positive_cutoff(c, where);
}
inline constexpr PairParameter kLjParameters[] = {
    {"epsilon", &PairCoefficients::epsilon}, {"sigma", &PairCoefficients::sigma}, {"cutoff", &PairCoefficients::cutoff}};
}  // namespace evaluator_detail

/// 12-6 LJ, E = 4 eps [(s/r)^12 - (s/r)^6] - offset, offset = E(rc) when shifted.
/// c = {lj3 = 4 eps s^12, lj4 = 4 eps s^6, offset}.
struct LjEvaluator {
  static constexpr const char* name = "lj";
  static constexpr const auto& parameters = evaluator_detail::kLjParameters;
  static void validate(const PairCoefficients& c, const std::string& where) { evaluator_detail::validate_lj(c, where); }
  static PairTerm term(const PairCoefficients& c, bool shift) {
    PairTerm t;
    const double s6 = std::pow(c.sigma, 6);
    t.cutsq = c.cutoff * c.cutoff;
    t.c[0] = 4.0 * c.epsilon * s6 * s6;
    t.c[1] = 4.0 * c.epsilon * s6;
    const double rc6inv = 1.0 / std::pow(c.cutoff, 6);
    t.c[2] = shift ? rc6inv * (t.c[0] * rc6inv - t.c[1]) : 0.0;
    return t;
  }
  GLASSLAND_ALWAYS_INLINE static void evaluate(const PairTerm& t, double rsq, double& fpair, double& epair) {
    const double r2inv = 1.0 / rsq;
    const double r6inv = r2inv * r2inv * r2inv;
    // lj1 = 12 lj3 and lj2 = 6 lj4 are not stored: two fewer gathers per SIMD lane.
    const double a = t.c[0] * r6inv, b = t.c[1];
    fpair = r6inv * (12.0 * a - 6.0 * b) * r2inv;
    epair = r6inv * (a - b) - t.c[2];
  }
  /// E'' = 156 lj3/r^14 - 42 lj4/r^8 (the energy shift is a constant).
  static void curvature(const PairTerm& t, double rsq, double& fpair, double& d2) {
    const double r2inv = 1.0 / rsq;
    const double r6inv = r2inv * r2inv * r2inv;
    const double a = t.c[0] * r6inv, b = t.c[1];
    fpair = r6inv * (12.0 * a - 6.0 * b) * r2inv;
    d2 = r6inv * (156.0 * a - 42.0 * b) * r2inv;
  }
};

/// Force-shifted LJ (LAMMPS lj/smooth/linear): E_sf = E(r) - E(rc) - (r - rc) E'(rc), C1 at rc.
/// c = {lj3, lj4, E(rc) + rc F(rc), F(rc) = -E'(rc)}.
struct LjSmoothEvaluator {
  static constexpr const char* name = "lj/sf";
  static constexpr const auto& parameters = evaluator_detail::kLjParameters;
  static void validate(const PairCoefficients& c, const std::string& where) { evaluator_detail::validate_lj(c, where); }
  static PairTerm term(const PairCoefficients& c, bool /*shift: always force-shifted*/) {
    PairTerm t = LjEvaluator::term(c, false);
    const double rc6inv = 1.0 / std::pow(c.cutoff, 6);
    const double energy_at_cutoff = rc6inv * (t.c[0] * rc6inv - t.c[1]);
    const double force_at_cutoff = rc6inv * (12.0 * t.c[0] * rc6inv - 6.0 * t.c[1]) / c.cutoff;
    // E_sf = E(r) - E(rc) + (r - rc) F(rc) = E(r) + r F(rc) - [E(rc) + rc F(rc)].
    t.c[2] = energy_at_cutoff + c.cutoff * force_at_cutoff;
    t.c[3] = force_at_cutoff;
    return t;
  }
  GLASSLAND_ALWAYS_INLINE static void evaluate(const PairTerm& t, double rsq, double& fpair, double& epair) {
    LjEvaluator::evaluate(t, rsq, fpair, epair);
    const double r = std::sqrt(rsq);
    fpair -= t.c[3] / r;
    epair += r * t.c[3];
  }
  /// The linear term r F(rc) adds F(rc) to E' and nothing to E''.
  static void curvature(const PairTerm& t, double rsq, double& fpair, double& d2) {
    LjEvaluator::curvature(t, rsq, fpair, d2);
    fpair -= t.c[3] / std::sqrt(rsq);
  }
};

/// Kobayashi–Maeda–Takeuchi 8-4 form with a linear term (matscipy's LennardJones84):
/// E = C2/r^8 - C1/r^4 + C3 r + C4 for r < rc (no automatic shift: C3, C4 are the model's).
/// c = {C1, C2, C3, C4}.
struct Lj84Evaluator {
  static constexpr const char* name = "lj84";
  static constexpr PairParameter parameters[] = {{"c1", &PairCoefficients::c1},
                                                 {"c2", &PairCoefficients::c2},
                                                 {"c3", &PairCoefficients::c3},
                                                 {"c4", &PairCoefficients::c4},
                                                 {"cutoff", &PairCoefficients::cutoff}};
  static void validate(const PairCoefficients& c, const std::string& where) {
    evaluator_detail::require_finite(c.c1, "c1", where);
    evaluator_detail::require_finite(c.c2, "c2", where);
    evaluator_detail::require_finite(c.c3, "c3", where);
    evaluator_detail::require_finite(c.c4, "c4", where);
    evaluator_detail::require_positive_cutoff(c, where);
  }
  static PairTerm term(const PairCoefficients& c, bool /*shift: not used*/) {
    PairTerm t;
    t.cutsq = c.cutoff * c.cutoff;
    t.c[0] = c.c1;
    t.c[1] = c.c2;
    t.c[2] = c.c3;
    t.c[3] = c.c4;
    return t;
  }
  GLASSLAND_ALWAYS_INLINE static void evaluate(const PairTerm& t, double rsq, double& fpair, double& epair) {
    const double r2inv = 1.0 / rsq;
    const double r4inv = r2inv * r2inv;
    const double r = std::sqrt(rsq);
    // -E'(r)/r = 8 C2/r^10 - 4 C1/r^6 - C3/r.
    fpair = r4inv * r2inv * (8.0 * t.c[1] * r4inv - 4.0 * t.c[0]) - t.c[2] / r;
    epair = r4inv * (t.c[1] * r4inv - t.c[0]) + t.c[2] * r + t.c[3];
  }
  /// E'' = 72 C2/r^10 - 20 C1/r^6.
  static void curvature(const PairTerm& t, double rsq, double& fpair, double& d2) {
    double epair = 0.0;
    evaluate(t, rsq, fpair, epair);
    const double r2inv = 1.0 / rsq;
    const double r4inv = r2inv * r2inv;
    d2 = r4inv * r2inv * (72.0 * t.c[1] * r4inv - 20.0 * t.c[0]);
  }
};

}  // namespace glassland::md
