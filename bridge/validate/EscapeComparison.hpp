#pragma once
// MD escapes from one minimum against the kMC event table of that minimum, at one temperature:
// the numbers of one `escape` entry of report.json (docs/validate.md lists them).
// Units: the model's (time, energy); rates in 1/time; temperature as the user gave it.
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/validate/EscapeSampler.hpp"
#include "bridge/validate/EscapeStatistics.hpp"
#include "bridge/validate/EscapeTable.hpp"

namespace glassland::bridge {

struct ComparisonOptions {
  double confidence = 0.95;       ///< level of the MD rate's confidence interval
  double significance = 0.01;     ///< KS and branching p-values below this mean disagreement
  double prefactor_scale = 1.0;   ///< multiplies every kMC rate (1 = harmonic TST as computed)
  double min_expected = 5.0;      ///< chi-square pooling threshold (expected escapes per category)
  /// Accepted kMC/MD rate factor for `agreement` (harmonic TST is an approximation: 2 is the
  /// project's goal below 0.8 Tg).
  double rate_tolerance = 2.0;
};

struct DestinationCount {
  double rate_kmc = 0.0;  ///< 1/time
  long observed = 0;      ///< MD escapes into it
  double barrier = 0.0;   ///< lowest barrier into it (energy)
  double energy_change = 0.0;  ///< product - start minimum (energy); barrier - this = return barrier
};

struct EscapeComparison {
  double temperature = 0.0;  ///< as given on the command line
  double kT = 0.0;           ///< energy
  std::size_t runs = 0;
  long escapes_observed = 0, censored = 0, flickers = 0, unmatched = 0, warmup_restarts = 0;
  RateEstimate md;
  double rate_kmc = 0.0, rate_ratio = 0.0;  ///< kMC total rate (1/time), kMC / MD
  std::optional<KsResult> ks;               ///< empty without escapes
  ChiSquareResult branching;
  std::optional<double> unmatched_fraction;  ///< empty without escapes
  std::vector<DestinationCount> destinations;
  std::vector<double> escape_times;          ///< interval midpoints (time), sorted
  double max_time = 0.0, time_resolution = 0.0;
  long md_steps = 0, quenches = 0;
  /// Statistically indistinguishable: kMC rate inside the MD interval, KS and branching not rejected.
  bool consistent = false;
  /// Within tolerance: kMC rate inside [ci_low / rate_tolerance, ci_high * rate_tolerance], all
  /// MD escapes in the table, and branching not rejected.
  bool agreement = false;
  nlohmann::json to_json() const;
};

/// Compares `records` (MD runs at kT) with `table`. Matching of destinations uses the
/// sampler's configuration space and same-minimum tolerance.
EscapeComparison compare_escapes(const std::vector<EscapeRecord>& records, const EscapeTable& table,
                                 double temperature, double kT, const EscapeSampler& sampler,
                                 const ComparisonOptions& options);

}  // namespace glassland::bridge
