#pragma once
// When to stop searching for saddles in one state: the confidence that no event within the
// thermal window (lowest barrier + window_kT * kT) is still missing, estimated from the
// history of the searches made in that state. What we implement is eOn's (Henkelman group)
// adaptive-kMC estimator as coded in eon/akmcstate.py, State.get_confidence():
//  - scheme "coverage" (eOn's 'new', the default): with Nf distinct in-window events found by
//    Ns searches that hit one of them, the fraction C of the window's events found solves
//        1 - C = exp(-C Ns / (alpha Nf)),
//    i.e. C = 1 + r W0(-exp(-1/r) / r), r = Nf / (alpha Ns), W0 the Lambert W function: the
//    self-consistent estimate when the searches fall uniformly on Nf / C events.
//  - scheme "repeats" (eOn's 'old', the adaptive-kMC paper of Xu & Henkelman, J. Chem. Phys.
//    129, 114104 (2008)): C = max(0, 1 - 1 / (alpha Nr)), Nr the searches since the last
//    new event that found an in-window event again.
//  alpha = 1, or with `correction` (eOn's akmc_confidence_correction) the ratio of the least
//  to the most often found in-window event (uneven search hit rates lower the confidence).
// Stop rule: either a fixed number of searches (`fixed_searches` > 0), or confidence >= c.
// Units: barriers and kT in the same energy unit.
#include <string>
#include <vector>

namespace glassland::landscape {

/// One search in a state: which distinct event it found (index, or -1: failed / no saddle)
/// and that event's barrier (energy; ignored when event < 0).
struct SearchRecord {
  int event = -1;
  double barrier = 0.0;
};

enum class ConfidenceScheme { coverage, repeats };

struct CompletenessOptions {
  double kT = 1.0;                ///< energy
  double window_kT = 20.0;        ///< thermal window above the lowest barrier, in kT
  ConfidenceScheme scheme = ConfidenceScheme::coverage;
  bool correction = false;        ///< alpha = least / most hit count of the in-window events
  double confidence = 0.99;       ///< stop when the confidence reaches this
  long fixed_searches = 0;        ///< > 0: stop after this many searches instead
  /// Throws InputError naming the field.
  void validate() const;
};

struct CompletenessEstimate {
  double confidence = 0.0;        ///< in [0, 1]
  double lowest_barrier = 0.0;    ///< energy (0 when no event)
  int events_in_window = 0;       ///< Nf
  long hits_in_window = 0;        ///< Ns: searches that found an in-window event
  long repeats = 0;               ///< Nr (scheme "repeats")
  double alpha = 1.0;
  bool complete = false;          ///< the stop rule is met
};

/// The estimate after `history` (in search order).
CompletenessEstimate estimate_completeness(const std::vector<SearchRecord>& history, const CompletenessOptions& options);

/// "coverage" or "repeats" -> scheme; InputError naming `field` otherwise.
ConfidenceScheme parse_confidence_scheme(const std::string& name, const std::string& field);

}  // namespace glassland::landscape
