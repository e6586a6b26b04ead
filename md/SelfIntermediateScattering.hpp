#pragma once
// Self-intermediate scattering function F_s(q, t) = < (1/N) sum_i exp(i q · [r_i(t) - r_i(0)]) >
// from unwrapped displacements, averaged isotropically over wave vectors of magnitude |q|.
//
// Two averages:
//  - directions = 0 (default): the exact orientational average over the sphere |q| = q,
//    sin(q |Δr|) / (q |Δr|) per atom (no finite-direction noise);
//  - directions = n > 0: the mean of cos(q · Δr) over n quasi-uniform unit vectors (a
//    Fibonacci sphere), as a finite set of scattering vectors would measure.
// Displacements are unwrapped, so |q| need not be commensurate with the box.
// Units: q in 1/length, F_s dimensionless.
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

class SelfIntermediateScattering {
public:
  /// `type` = 0 averages over all atoms, otherwise only atoms of that type.
  /// Throws InputError("q", ...) unless q is finite and > 0.
  SelfIntermediateScattering(const System& reference, double q, int directions = 0, int type = 0);

  /// F_s(q, t) of `current` relative to the reference (dimensionless).
  double compute(const System& current) const;
  double q() const { return q_; }

private:
  double q_;
  int type_;
  std::vector<Vec3> reference_;
  std::vector<Vec3> q_vectors_;  // empty: exact sphere average
};

}  // namespace glassland::md
