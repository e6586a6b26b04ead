// SumTree: exact small cases, agreement with brute-force cumulative sums after many updates
// (incl. zeros), no drift (bit-identical to a fresh build), and selection frequencies.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "kmc/SumTree.hpp"

using glassland::kmc::SumTree;

namespace {

// Brute force: the first item i with x < w_0 + ... + w_i and w_i > 0 (-1 if none).
long brute_force_select(const std::vector<double>& w, double x) {
  double cumulative = 0.0;
  long last_positive = -1;
  for (std::size_t i = 0; i < w.size(); ++i) {
    cumulative += w[i];
    if (w[i] > 0.0) last_positive = static_cast<long>(i);
    if (w[i] > 0.0 && x < cumulative) return static_cast<long>(i);
  }
  return last_positive;
}

}  // namespace

TEST_CASE("SumTree: exact small case, zeros are never selected", "[kmc][sumtree]") {
  const SumTree tree({1.0, 0.0, 2.0, 3.0, 0.0});
  CHECK(tree.total() == 6.0);
  CHECK(tree.select(0.0) == 0);
  CHECK(tree.select(0.999) == 0);
  CHECK(tree.select(1.0) == 2);  // item 1 weighs 0: its empty interval is skipped
  CHECK(tree.select(2.999) == 2);
  CHECK(tree.select(3.0) == 3);
  CHECK(tree.select(5.999) == 3);
  CHECK(tree.select(6.0) == 3);   // x pushed to the total by rounding: still a positive item
  CHECK(tree.select(1e300) == 3);
  const SumTree single({0.5});
  CHECK(single.total() == 0.5);
  CHECK(single.select(0.25) == 0);
}

TEST_CASE("SumTree: updates match brute force and a fresh build bit for bit", "[kmc][sumtree]") {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<std::size_t> pick(0, 999);
  std::vector<double> w(1000);
  for (double& x : w) x = unit(rng) < 0.2 ? 0.0 : std::exp(20.0 * unit(rng) - 10.0);  // 9 decades
  SumTree tree(w);
  for (int k = 0; k < 200000; ++k) {
    const std::size_t i = pick(rng);
    w[i] = unit(rng) < 0.2 ? 0.0 : std::exp(20.0 * unit(rng) - 10.0);
    tree.update(i, w[i]);
  }
  // No drift: parents are recomputed from children, so 2e5 updates leave exactly the sums a
  // fresh build gives (a delta-adding tree would differ in the last bits).
  const SumTree fresh(w);
  CHECK(tree.total() == fresh.total());
  double brute_total = 0.0;
  for (double x : w) brute_total += x;
  CHECK(std::abs(tree.total() - brute_total) <= 1e-12 * brute_total);  // summation order only
  for (std::size_t i = 0; i < w.size(); ++i) REQUIRE(tree.weight(i) == w[i]);
  // Selection vs brute-force cumulative sums (which add in another order): agree except within
  // rounding (1e-12 of the total) of an interval edge, where either neighbour is acceptable.
  int compared = 0;
  for (int k = 0; k < 20000; ++k) {
    const double x = unit(rng) * tree.total();
    const long expected = brute_force_select(w, x);
    const auto got = static_cast<long>(tree.select(x));
    REQUIRE(w[static_cast<std::size_t>(got)] > 0.0);
    if (got == expected) {
      ++compared;
      continue;
    }
    const bool near_edge = brute_force_select(w, x * (1 - 1e-12)) == got || brute_force_select(w, x * (1 + 1e-12)) == got;
    CHECK(near_edge);
  }
  CHECK(compared > 19900);
}

TEST_CASE("SumTree: selection frequencies are proportional to weights", "[kmc][sumtree]") {
  std::vector<double> w{0.5, 0.0, 2.0, 1e-3, 4.0, 0.0, 1.5, 0.25, 3.0};
  SumTree tree(w);
  tree.update(2, 1.0);  // selection after an update
  w[2] = 1.0;
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int draws = 1000000;
  std::vector<int> count(w.size(), 0);
  for (int k = 0; k < draws; ++k) ++count[tree.select(unit(rng) * tree.total())];
  for (std::size_t i = 0; i < w.size(); ++i) {
    const double p = w[i] / tree.total();
    if (p == 0.0) {
      CHECK(count[i] == 0);
      continue;
    }
    // Binomial count: 4.5 standard deviations (a false alarm has probability ~1e-5 per item).
    const double sd = std::sqrt(draws * p * (1.0 - p));
    CHECK(std::abs(count[i] - draws * p) <= 4.5 * sd);
  }
}
