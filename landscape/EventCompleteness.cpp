#include "landscape/EventCompleteness.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <boost/math/special_functions/lambert_w.hpp>

#include "md/Error.hpp"

namespace glassland::landscape {

void CompletenessOptions::validate() const {
  if (!(kT > 0.0) || !std::isfinite(kT)) throw InputError("kT", "must be finite and > 0");
  if (!(window_kT >= 0.0) || !std::isfinite(window_kT)) throw InputError("window_kT", "must be finite and >= 0");
  if (!(confidence > 0.0 && confidence < 1.0)) throw InputError("confidence", "must be in (0, 1)");
  if (fixed_searches < 0) throw InputError("fixed_searches", "must be >= 0");
}

ConfidenceScheme parse_confidence_scheme(const std::string& name, const std::string& field) {
  if (name == "coverage") return ConfidenceScheme::coverage;
  if (name == "repeats") return ConfidenceScheme::repeats;
  throw InputError(field, "unknown confidence scheme '" + name + "' (known: coverage, repeats)");
}

namespace {

/// C solving 1 - C = exp(-C / r), r = Nf / (alpha Ns) (eOn's closed form with Lambert W).
/// For r >= 1 the only root is C = 0 (no search has repeated anything).
double coverage_confidence(double r) {
  if (r >= 1.0) return 0.0;
  const double z = -std::exp(-1.0 / r) / r;  // in (-1/e, 0) for r < 1
  return std::clamp(1.0 + r * boost::math::lambert_w0(z), 0.0, 1.0);
}

}  // namespace

CompletenessEstimate estimate_completeness(const std::vector<SearchRecord>& history, const CompletenessOptions& o) {
  o.validate();
  CompletenessEstimate e;
  double lowest = std::numeric_limits<double>::infinity();
  for (const SearchRecord& s : history)
    if (s.event >= 0) lowest = std::min(lowest, s.barrier);
  if (!std::isfinite(lowest)) {
    e.complete = o.fixed_searches > 0 && static_cast<long>(history.size()) >= o.fixed_searches;
    return e;
  }
  e.lowest_barrier = lowest;
  const double ceiling = lowest + o.window_kT * o.kT;
  std::map<int, long> hits;  // in-window event -> searches that found it
  std::map<int, bool> seen;  // any event found so far (for the repeat counter)
  for (const SearchRecord& s : history) {
    if (s.event < 0) continue;
    const bool in_window = s.barrier <= ceiling;
    if (!seen[s.event]) {
      seen[s.event] = true;
      e.repeats = 0;  // a new event restarts the count (eOn: reset_repeats)
    } else if (in_window) {
      ++e.repeats;
    }
    if (in_window) ++hits[s.event];
  }
  e.events_in_window = static_cast<int>(hits.size());
  long least = std::numeric_limits<long>::max(), most = 0;
  for (const auto& [event, count] : hits) {
    e.hits_in_window += count;
    least = std::min(least, count);
    most = std::max(most, count);
  }
  if (o.correction && most > 0) e.alpha = double(least) / double(most);
  if (o.scheme == ConfidenceScheme::coverage)
    e.confidence = coverage_confidence(double(e.events_in_window) / (e.alpha * double(e.hits_in_window)));
  else
    e.confidence = e.repeats < 1 ? 0.0 : std::max(0.0, 1.0 - 1.0 / (e.alpha * double(e.repeats)));
  e.complete = o.fixed_searches > 0 ? static_cast<long>(history.size()) >= o.fixed_searches
                                    : e.confidence >= o.confidence;
  return e;
}

}  // namespace glassland::landscape
