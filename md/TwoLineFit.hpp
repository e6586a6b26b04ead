#pragma once
// Continuous two-line ("hinge") fit y = a + b_low (x - x_b) for x < x_b and
// y = a + b_high (x - x_b) for x >= x_b, by least squares with the break point x_b scanned over
// the data (inner 10%–90% of the x range). Used for the glass transition estimate Tg: the
// temperature where the slope of energy (or volume) against temperature changes.
#include <vector>

namespace glassland::md {

struct TwoLineFit {
  double break_x = 0.0;     ///< x_b (e.g. Tg)
  double value_at_break = 0.0;  ///< a = fitted y at x_b
  double slope_low = 0.0;   ///< slope below x_b
  double slope_high = 0.0;  ///< slope above x_b
  double rms_residual = 0.0;
  bool valid = false;       ///< false with fewer than 6 points or degenerate x
};

/// Fits the hinge model above. x and y have the same length. Deterministic.
TwoLineFit fit_two_lines(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace glassland::md
