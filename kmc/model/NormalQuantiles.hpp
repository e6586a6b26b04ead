#pragma once
// Equal-probability discretisation of a Gaussian: class k of K sits at the median of the k-th
// probability slice, so every class carries weight 1/K. Used for the beta-barrier and asymmetry
// spectra (a few classes represent a smooth spectrum without tails dominating).
#include <vector>

namespace glassland::model {

/// Standard normal quantile Phi^{-1}(p), 0 < p < 1 (Newton on erfc; |error| < 1e-12).
double standard_normal_quantile(double p);

/// K values mean + width * Phi^{-1}((k + 0.5) / K), k = 0..K-1 (width 0 gives K copies of mean).
std::vector<double> equal_probability_classes(double mean, double width, int classes);

}  // namespace glassland::model
