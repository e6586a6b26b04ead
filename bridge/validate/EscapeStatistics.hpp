#pragma once
// Statistics that compare MD escapes from one minimum with a kMC event table: pure functions,
// no atoms, no I/O (units: any consistent time unit; rates in 1/time).
//
// The MD side observes each run's first escape only up to the quench interval: the escape
// happened in (time_low, time_high] (interval censoring), or not before the run's end
// (right censoring, time_low = time_high = end, escaped = false). The exponential model
// P(t > s) = exp(-k s) is fitted and tested with that in mind:
//  - escape_rate(): maximum-likelihood k of the interval- and right-censored sample, and the
//    chi-square confidence interval of a time-terminated test (Garwood 1936; e.g. Meeker &
//    Escobar, "Statistical Methods for Reliability Data", sec. 7.6), made conservative for the
//    interval censoring by taking the total exposure at the intervals' upper ends for the
//    lower bound and at their lower ends for the upper bound.
//  - ks_exponential(): one-sample Kolmogorov-Smirnov test of escape times (interval midpoints)
//    against exp(-k t) conditioned on t <= truncation (the runs' common maximum time), with
//    Stephens' finite-n approximation of the Kolmogorov distribution (Stephens, JRSS B 32, 115
//    (1970); Numerical Recipes 3rd ed. sec. 14.3.3).
//  - branching_test(): Pearson chi-square of destination counts against kMC branching ratios,
//    categories with small expected counts pooled.
//  - compare_relaxation(): mean and standard error of two ensembles of curves on one grid and
//    the largest |z| between them.
#include <cstddef>
#include <optional>
#include <vector>

namespace glassland::bridge {

struct EscapeObservation {
  double time_low = 0.0;   ///< escaped after this time (time)
  double time_high = 0.0;  ///< ... and no later than this (time); == time_low for exact times
  bool escaped = false;    ///< false: right-censored at time_low (no escape before the run ended)
};

struct RateEstimate {
  double rate = 0.0;       ///< maximum-likelihood escape rate (1/time)
  double ci_low = 0.0;     ///< confidence interval (1/time)
  double ci_high = 0.0;
  long events = 0;         ///< escapes observed
  double exposure_low = 0.0, exposure_high = 0.0;  ///< total time at risk, bounds (time)
};

/// MLE and confidence interval (level `confidence` in (0, 1)) of the exponential escape rate.
/// Throws std::invalid_argument for an empty sample, negative times, time_high < time_low, or
/// zero total exposure.
RateEstimate escape_rate(const std::vector<EscapeObservation>& observations, double confidence);

struct KsResult {
  double statistic = 0.0;  ///< sup |F_n - F| (D)
  double pvalue = 1.0;
  std::size_t samples = 0;
};

/// Q_KS(lambda) = 2 sum_{j>=1} (-1)^{j-1} exp(-2 j^2 lambda^2): P(sqrt(n) D > lambda) as n -> oo.
double kolmogorov_survival(double lambda);

/// KS test of `times` against the CDF F(t) = (1 - exp(-rate t)) / (1 - exp(-rate truncation))
/// (truncation = +infinity: plain exponential). Throws std::invalid_argument for no samples,
/// rate <= 0 or a time outside [0, truncation].
KsResult ks_exponential(const std::vector<double>& times, double rate, double truncation);

struct ChiSquareResult {
  double statistic = 0.0;
  int degrees_of_freedom = 0;
  std::optional<double> pvalue;  ///< empty when fewer than two pooled categories remain
  std::size_t categories = 0;    ///< after pooling
};

/// Pearson chi-square of `observed` counts against probabilities `expected_fraction` (same
/// length, summing to 1 within 1e-9; the test is conditional on the total). Categories are
/// sorted by expected count and merged greedily until each pooled category expects at least
/// `min_expected` (the usual validity rule, e.g. Cochran 1954); a last short group joins the
/// previous one. Throws std::invalid_argument for mismatched sizes or bad fractions.
ChiSquareResult branching_test(const std::vector<long>& observed, const std::vector<double>& expected_fraction,
                               double min_expected = 5.0);

struct RelaxationComparison {
  std::vector<double> mean_a, stderr_a, mean_b, stderr_b;  ///< per grid point
  double max_abs_z = 0.0;      ///< over points where the combined stderr is > 0
  std::size_t max_z_index = 0;
};

/// `a` and `b`: curves (one vector per trajectory, all of the grid's length). Standard error
/// = sample standard deviation / sqrt(count). Throws std::invalid_argument for fewer than two
/// curves on a side or ragged lengths.
RelaxationComparison compare_relaxation(const std::vector<std::vector<double>>& a,
                                        const std::vector<std::vector<double>>& b);

}  // namespace glassland::bridge
