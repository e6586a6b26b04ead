// The statistics of `glassland validate` against exact and hand-derived results: the censored
// exponential MLE (closed forms), the chi-square confidence interval (table quantiles), its
// coverage under interval and right censoring (seeded Monte Carlo, bound from the sample size),
// the Kolmogorov distribution (textbook critical values) and the KS test's size and power, the
// chi-square branching test (hand computation) and the relaxation z-score.
#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "bridge/validate/EscapeStatistics.hpp"

using namespace glassland::bridge;

namespace {

/// n exponential escape times (rate k) seen through snapshots every `width` and cut at t_max.
std::vector<EscapeObservation> censored_sample(std::mt19937_64& rng, int n, double k, double width, double t_max) {
  std::exponential_distribution<double> draw(k);
  std::vector<EscapeObservation> sample;
  for (int i = 0; i < n; ++i) {
    const double t = draw(rng);
    if (t > t_max) {
      sample.push_back({t_max, t_max, false});
    } else {
      const double high = std::min(t_max, width * std::ceil(t / width));
      sample.push_back({std::max(0.0, high - width), high, true});
    }
  }
  return sample;
}

}  // namespace

TEST_CASE("escape rate: exact times give n / total time and the chi-square interval", "[statistics]") {
  // 10 escapes, total time 5: k = 2. 95% interval chi2_{0.025}(20)/(2T), chi2_{0.975}(22)/(2T)
  // with the table quantiles 9.591 and 36.781 (three decimals: tolerance 1e-3 / 10).
  std::vector<EscapeObservation> sample;
  for (int i = 0; i < 10; ++i) sample.push_back({0.5, 0.5, true});
  const RateEstimate r = escape_rate(sample, 0.95);
  CHECK(r.events == 10);
  CHECK(r.rate == Approx(2.0).epsilon(1e-12));
  CHECK(r.ci_low == Approx(9.591 / 10.0).margin(1e-4));
  CHECK(r.ci_high == Approx(36.781 / 10.0).margin(1e-4));
}

TEST_CASE("escape rate: right-censored runs add exposure, not events", "[statistics]") {
  // Escapes at 1, 2, 3 and two runs censored at 5: k = 3 / (1 + 2 + 3 + 5 + 5) = 3/16.
  const std::vector<EscapeObservation> sample{{1, 1, true}, {2, 2, true}, {3, 3, true}, {5, 5, false}, {5, 5, false}};
  CHECK(escape_rate(sample, 0.9).rate == Approx(3.0 / 16.0).epsilon(1e-12));
  // No escape at all: k = 0, upper bound -ln(alpha/2)/T (gamma(1) quantile), T = 10.
  const RateEstimate none = escape_rate({{5, 5, false}, {5, 5, false}}, 0.95);
  CHECK(none.rate == 0.0);
  CHECK(none.ci_low == 0.0);
  CHECK(none.ci_high == Approx(-std::log(0.025) / 10.0).epsilon(1e-12));
}

TEST_CASE("escape rate: interval censoring has the closed-form MLE of equal-width intervals", "[statistics]") {
  // Escapes in (j_i w, (j_i + 1) w]: the score -sum a + n w / (e^{kw} - 1) vanishes at
  // k = ln(1 + n w / sum a) / w (a_i = j_i w). Here w = 0.5, j = 0, 1, 3, 4: sum a = 4.
  const double w = 0.5;
  std::vector<EscapeObservation> sample;
  for (int j : {0, 1, 3, 4}) sample.push_back({j * w, (j + 1) * w, true});
  const double expected = std::log(1.0 + 4.0 * w / 4.0) / w;
  const RateEstimate r = escape_rate(sample, 0.95);
  CHECK(r.rate == Approx(expected).epsilon(1e-10));
  // The midpoint estimate n / sum(midpoints) = 4/5 differs from the MLE (0.811): the test can fail.
  CHECK(std::abs(r.rate - 0.8) > 5e-3);
  CHECK(r.exposure_low == Approx(4.0));
  CHECK(r.exposure_high == Approx(6.0));
}

TEST_CASE("escape rate: the interval covers the true rate at least at its level", "[statistics][montecarlo]") {
  // 2000 samples of 20 runs, k = 1.5, snapshots every 0.1, cut at t_max = 1 (about 22% censored).
  // Coverage must be >= 0.95 - 3 sigma, sigma = sqrt(0.95 * 0.05 / 2000) = 0.0049.
  std::mt19937_64 rng(20261130);
  const int samples = 2000;
  int covered = 0;
  double mean = 0.0;
  for (int s = 0; s < samples; ++s) {
    const RateEstimate r = escape_rate(censored_sample(rng, 20, 1.5, 0.1, 1.0), 0.95);
    covered += (r.ci_low <= 1.5 && 1.5 <= r.ci_high) ? 1 : 0;
    mean += r.rate / samples;
  }
  CHECK(covered / double(samples) >= 0.95 - 3 * 0.0049);
  // The MLE's bias is O(k/n) = 0.075 at n = 20 (about 15 escapes); its sample standard error
  // over 2000 samples is ~0.45/sqrt(2000) = 0.01: |mean - k| < 0.075 + 4 * 0.01.
  CHECK(std::abs(mean - 1.5) < 0.115);
}

TEST_CASE("Kolmogorov distribution: textbook critical values", "[statistics][ks]") {
  // P(sqrt(n) D > 1.358) = 0.05 and P(> 1.628) = 0.01 (tables to 3 decimals: 5e-4).
  CHECK(kolmogorov_survival(1.3581) == Approx(0.05).margin(5e-4));
  CHECK(kolmogorov_survival(1.6276) == Approx(0.01).margin(5e-4));
  CHECK(kolmogorov_survival(0.1) == 1.0);
  CHECK(kolmogorov_survival(4.0) < 1e-12);
}

TEST_CASE("KS against an exponential: exact D of a small case, size and power", "[statistics][ks]") {
  // One time at the median: F = 0.5, D = max(1 - 0.5, 0.5 - 0) = 0.5.
  const KsResult one = ks_exponential({std::log(2.0) / 3.0}, 3.0, INFINITY);
  CHECK(one.statistic == Approx(0.5).epsilon(1e-12));
  // Truncation: t_max = median makes the median the conditional CDF's 1.
  CHECK(ks_exponential({std::log(2.0) / 3.0}, 3.0, std::log(2.0) / 3.0).statistic == Approx(1.0).epsilon(1e-12));

  std::mt19937_64 rng(7);
  std::exponential_distribution<double> draw(2.0);
  const int samples = 1000;
  int rejected = 0, rejected_wrong = 0;
  for (int s = 0; s < samples; ++s) {
    std::vector<double> small, large;
    for (int i = 0; i < 30; ++i) small.push_back(draw(rng));
    for (int i = 0; i < 100; ++i) large.push_back(draw(rng));
    rejected += ks_exponential(small, 2.0, INFINITY).pvalue < 0.05 ? 1 : 0;
    rejected_wrong += ks_exponential(large, 4.0, INFINITY).pvalue < 0.01 ? 1 : 0;
  }
  // Size: 5% +- 3 sigma, sigma = sqrt(0.05 * 0.95 / 1000) = 0.0069.
  CHECK(std::abs(rejected / double(samples) - 0.05) < 3 * 0.0069);
  // Power against a rate off by 2x at n = 100: sqrt(n) D ~ 2.5, p ~ 1e-5: nearly always rejected.
  CHECK(rejected_wrong / double(samples) > 0.95);
}

TEST_CASE("branching chi-square: hand-computed statistic, pooling, degenerate cases", "[statistics][branching]") {
  // 40 vs 20 against 1/2, 1/2: X2 = 2 * 10^2 / 30 = 6.667, df 1, p = 2 (1 - Phi(2.582)) = 0.00982.
  const ChiSquareResult r = branching_test({40, 20}, {0.5, 0.5});
  CHECK(r.statistic == Approx(20.0 / 3.0).epsilon(1e-12));
  CHECK(r.degrees_of_freedom == 1);
  REQUIRE(r.pvalue);
  CHECK(*r.pvalue == Approx(0.00982).margin(5e-5));
  // Exact proportions: X2 = 0, p = 1.
  CHECK(*branching_test({10, 20, 30}, {1.0 / 6, 1.0 / 3, 0.5}).pvalue == Approx(1.0));
  // 12 equal categories, 30 escapes (2.5 expected each): pooled in pairs -> 6 groups, df 5.
  const std::vector<long> counts{3, 2, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3};
  const ChiSquareResult pooled = branching_test(counts, std::vector<double>(12, 1.0 / 12));
  CHECK(pooled.categories == 6);
  CHECK(pooled.degrees_of_freedom == 5);
  // Pairs (sorted stably: 0+1, 2+3, ...) hold 5 each: X2 = 0.
  CHECK(pooled.statistic == Approx(0.0).margin(1e-12));
  // Everything pools into one category: no test.
  CHECK_FALSE(branching_test({1, 2}, {0.5, 0.5}).pvalue);
  // An escape into a category kMC gives probability 0 is a certain rejection.
  // ... unless pooled with a neighbour: groups (10.5 expected, 11 seen), (10.5, 10): X2 = 0.0476,
  // p = 2 (1 - Phi(0.2182)) = 0.8273.
  CHECK(*branching_test({10, 10, 1}, {0.5, 0.5, 0.0}, 1.0).pvalue == Approx(0.8273).margin(1e-3));
  CHECK(*branching_test({20, 20, 30}, {0.5, 0.5, 0.0}, 0.0).pvalue == 0.0);
}

TEST_CASE("relaxation comparison: means, standard errors and the largest |z|", "[statistics][relaxation]") {
  // a: {1,2},{3,4} -> means 2, 3; sd sqrt(2), stderr 1. b: identical curves -> stderr 0.
  const RelaxationComparison c = compare_relaxation({{1, 2}, {3, 4}}, {{1, 2}, {1, 2}});
  CHECK(c.mean_a[0] == Approx(2.0));
  CHECK(c.mean_a[1] == Approx(3.0));
  CHECK(c.stderr_a[0] == Approx(1.0));
  CHECK(c.stderr_b[1] == 0.0);
  CHECK(c.max_abs_z == Approx(1.0));
  // b shifted by 3 at the second point: z = |3 - 5| / 1 = 2 there.
  const RelaxationComparison d = compare_relaxation({{1, 2}, {3, 4}}, {{1, 5}, {1, 5}});
  CHECK(d.max_abs_z == Approx(2.0));
  CHECK(d.max_z_index == 1);
}
