// The completeness estimator of a state's event table against hand-computed values.
#include <cmath>

#include <catch2/catch.hpp>

#include "landscape/EventCompleteness.hpp"
#include "md/Error.hpp"

using namespace glassland;
using landscape::SearchRecord;

TEST_CASE("Coverage confidence solves 1 - C = exp(-C Ns / Nf)", "[completeness]") {
  landscape::CompletenessOptions o;
  o.kT = 0.1;
  o.window_kT = 20.0;  // window: lowest barrier 0.5 + 2.0
  // Two in-window events found by 4 searches (Ns/Nf = 2), one event outside the window
  // (barrier 3.0 > 2.5) and two failed searches, which count for neither.
  const std::vector<SearchRecord> history{{0, 0.5}, {1, 1.2}, {-1, 0}, {0, 0.5}, {2, 3.0}, {1, 1.2}, {-1, 0}};
  const auto e = landscape::estimate_completeness(history, o);
  CHECK(e.lowest_barrier == 0.5);
  CHECK(e.events_in_window == 2);
  CHECK(e.hits_in_window == 4);
  // Root of 1 - C = exp(-2 C) by 200 bisections (python3, by hand): 0.7968121300200199.
  CHECK(e.confidence == Approx(0.7968121300200199).margin(1e-12));
  CHECK(1.0 - e.confidence == Approx(std::exp(-2.0 * e.confidence)).margin(1e-12));
  CHECK_FALSE(e.complete);

  // Ns/Nf = 3 (root 0.9404797907073595) and 1.5 (0.5828116438658113), same method.
  const std::vector<SearchRecord> three{{0, 0.1}, {0, 0.1}, {0, 0.1}};
  CHECK(landscape::estimate_completeness(three, o).confidence == Approx(0.9404797907073595).margin(1e-12));
  const std::vector<SearchRecord> one_and_a_half{{0, 0.1}, {1, 0.2}, {0, 0.1}};
  CHECK(landscape::estimate_completeness(one_and_a_half, o).confidence == Approx(0.5828116438658113).margin(1e-12));
  // Every search found a new event: nothing suggests the table is complete.
  const std::vector<SearchRecord> all_new{{0, 0.1}, {1, 0.2}, {2, 0.3}};
  CHECK(landscape::estimate_completeness(all_new, o).confidence == 0.0);
  CHECK(landscape::estimate_completeness({}, o).confidence == 0.0);

  // Correction: hit counts 3 and 1 give alpha = 1/3, so alpha Ns / Nf = 2/3 < 1: C = 0.
  o.correction = true;
  const std::vector<SearchRecord> uneven{{0, 0.1}, {0, 0.1}, {0, 0.1}, {1, 0.2}};
  const auto corrected = landscape::estimate_completeness(uneven, o);
  CHECK(corrected.alpha == Approx(1.0 / 3.0));
  CHECK(corrected.confidence == 0.0);
}

TEST_CASE("Repeat confidence is 1 - 1/Nr, Nr counted since the last new event", "[completeness]") {
  landscape::CompletenessOptions o;
  o.scheme = landscape::ConfidenceScheme::repeats;
  o.kT = 0.1;
  o.window_kT = 5.0;  // window 0.5 above the lowest barrier 0.2
  // new 0, new 1 (Nr 0), repeat 0 (1), out-of-window 2 is new (reset 0), repeat 1 (1),
  // repeat of the out-of-window 2 (not counted), repeat 0 (2), repeat 0 (3), failure.
  const std::vector<SearchRecord> history{{0, 0.2}, {1, 0.6}, {0, 0.2}, {2, 0.9}, {1, 0.6},
                                          {2, 0.9}, {0, 0.2}, {0, 0.2}, {-1, 0}};
  const auto e = landscape::estimate_completeness(history, o);
  CHECK(e.repeats == 3);
  CHECK(e.confidence == Approx(2.0 / 3.0).margin(1e-15));
  o.confidence = 0.6;
  CHECK(landscape::estimate_completeness(history, o).complete);
  o.confidence = 0.7;
  CHECK_FALSE(landscape::estimate_completeness(history, o).complete);
}

TEST_CASE("A fixed number of searches is the other stop rule", "[completeness]") {
  landscape::CompletenessOptions o;
  o.fixed_searches = 3;
  CHECK_FALSE(landscape::estimate_completeness({{0, 0.1}, {1, 0.2}}, o).complete);
  CHECK(landscape::estimate_completeness({{0, 0.1}, {1, 0.2}, {-1, 0}}, o).complete);
  CHECK(landscape::estimate_completeness({{-1, 0}, {-1, 0}, {-1, 0}}, o).complete);
}

TEST_CASE("Completeness options name the bad field", "[completeness][input]") {
  landscape::CompletenessOptions o;
  o.kT = 0.0;
  CHECK_THROWS_WITH(landscape::estimate_completeness({}, o), Catch::Contains("kT"));
  o = {};
  o.confidence = 1.0;
  CHECK_THROWS_WITH(o.validate(), Catch::Contains("confidence"));
  CHECK_THROWS_WITH(landscape::parse_confidence_scheme("magic", "--confidence-scheme"),
                    Catch::Contains("--confidence-scheme"));
}
