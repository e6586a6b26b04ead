#pragma once
// Least-squares fits of a stress response to an imposed strain: a straight line (the shear
// modulus from the small-strain part of a stress–strain curve) and a sinusoid of known
// angular frequency (storage and loss moduli of a dynamic-mechanical test).
#include <vector>

namespace glassland::md {

struct LineFit {
  double slope = 0.0;
  double intercept = 0.0;
  double slope_stderr = 0.0;  ///< standard error of the slope from the residuals (0 if < 3 points)
  int points = 0;
};

/// y = intercept + slope x by least squares. Throws InputError("fit") with fewer than 2 points
/// or all x equal.
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y);

struct OscillationFit {
  double in_phase = 0.0;      ///< coefficient of sin(ωt)
  double out_of_phase = 0.0;  ///< coefficient of cos(ωt)
  double offset = 0.0;
  int points = 0;
  /// Phase lag δ of the response behind sin(ωt), radians in (-π, π]: tan δ = out/in.
  double phase() const;
};

/// y(t) = offset + in_phase sin(ωt) + out_of_phase cos(ωt) by least squares (ω in 1/time of
/// t). Throws InputError("fit") with fewer than 3 points or a singular design (t spanning
/// much less than a period).
OscillationFit fit_oscillation(const std::vector<double>& t, const std::vector<double>& y, double omega);

}  // namespace glassland::md
