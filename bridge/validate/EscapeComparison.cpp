#include "bridge/validate/EscapeComparison.hpp"

#include <algorithm>
#include <cmath>

namespace glassland::bridge {

namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json finite_or_null(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr); }

}  // namespace

EscapeComparison compare_escapes(const std::vector<EscapeRecord>& records, const EscapeTable& table,
                                 double temperature, double kT, const EscapeSampler& sampler,
                                 const ComparisonOptions& options) {
  EscapeComparison c;
  c.temperature = temperature;
  c.kT = kT;
  c.runs = records.size();
  c.max_time = sampler.options().max_time;
  c.time_resolution = sampler.options().resolution();
  const std::vector<EscapeDestination> destinations =
      destinations_at(table, kT, options.prefactor_scale, sampler.space(), sampler.options().same);
  for (const EscapeDestination& d : destinations) {
    c.destinations.push_back({d.rate, 0, d.barrier, d.product.energy - sampler.start().energy});
    c.rate_kmc += d.rate;
  }
  std::vector<EscapeObservation> observations;
  for (const EscapeRecord& r : records) {
    observations.push_back({r.time_low, r.time_high, r.escaped});
    c.flickers += r.flickers;
    c.warmup_restarts += r.warmup_restarts;
    c.md_steps += r.md_steps;
    c.quenches += r.quenches;
    if (!r.escaped) {
      ++c.censored;
      continue;
    }
    ++c.escapes_observed;
    c.escape_times.push_back(0.5 * (r.time_low + r.time_high));
    const int k = match_destination(destinations, r.destination, sampler.space(), sampler.options().same);
    if (k < 0)
      ++c.unmatched;
    else
      ++c.destinations[static_cast<std::size_t>(k)].observed;
  }
  std::sort(c.escape_times.begin(), c.escape_times.end());
  c.md = escape_rate(observations, options.confidence);
  c.rate_ratio = c.md.rate > 0.0 ? c.rate_kmc / c.md.rate : INFINITY;
  if (c.escapes_observed > 0) {
    c.unmatched_fraction = static_cast<double>(c.unmatched) / static_cast<double>(c.escapes_observed);
    if (c.rate_kmc > 0.0) c.ks = ks_exponential(c.escape_times, c.rate_kmc, c.censored > 0 ? c.max_time : INFINITY);
  }
  if (c.rate_kmc > 0.0) {
    std::vector<long> observed;
    std::vector<double> fraction;
    for (const DestinationCount& d : c.destinations) {
      observed.push_back(d.observed);
      fraction.push_back(d.rate_kmc / c.rate_kmc);
    }
    c.branching = branching_test(observed, fraction, options.min_expected);
  }
  const bool rate_inside = c.rate_kmc >= c.md.ci_low && c.rate_kmc <= c.md.ci_high;
  const bool ks_ok = !c.ks || c.ks->pvalue >= options.significance;
  const bool branching_ok = !c.branching.pvalue || *c.branching.pvalue >= options.significance;
  const bool rate_within = c.rate_kmc >= c.md.ci_low / options.rate_tolerance &&
                           c.rate_kmc <= c.md.ci_high * options.rate_tolerance;
  const bool observed = c.escapes_observed > 0 && c.rate_kmc > 0.0;
  c.consistent = observed && rate_inside && ks_ok && branching_ok;
  c.agreement = observed && rate_within && branching_ok && c.unmatched == 0;
  return c;
}

nlohmann::json EscapeComparison::to_json() const {
  nlohmann::json destinations_json = nlohmann::json::array();
  for (const DestinationCount& d : destinations)
    destinations_json.push_back({{"rate_kmc", d.rate_kmc},
                                 {"observed", d.observed},
                                 {"barrier", d.barrier},
                                 {"energy_change", d.energy_change}});
  return {{"temperature", temperature},
          {"kT", kT},
          {"runs", runs},
          {"escapes_observed", escapes_observed},
          {"censored", censored},
          {"flickers", flickers},
          {"warmup_restarts", warmup_restarts},
          {"rate_md", md.rate},
          {"rate_md_ci_low", md.ci_low},
          {"rate_md_ci_high", finite_or_null(md.ci_high)},
          {"rate_kmc", rate_kmc},
          {"rate_ratio", finite_or_null(rate_ratio)},
          {"ks_statistic", ks ? nlohmann::json(ks->statistic) : nlohmann::json(nullptr)},
          {"ks_pvalue", ks ? nlohmann::json(ks->pvalue) : nlohmann::json(nullptr)},
          {"branching_chi2", branching.pvalue ? finite_or_null(branching.statistic) : nlohmann::json(nullptr)},
          {"branching_dof", branching.degrees_of_freedom},
          {"branching_pvalue", optional_number(branching.pvalue)},
          {"unmatched_fraction", optional_number(unmatched_fraction)},
          {"unmatched", unmatched},
          {"consistent", consistent},
          {"agreement", agreement},
          {"within_factor_2", std::isfinite(rate_ratio) && rate_ratio >= 0.5 && rate_ratio <= 2.0},
          {"destinations", destinations_json},
          {"escape_times", escape_times},
          {"max_time", max_time},
          {"time_resolution", time_resolution},
          {"md_steps", md_steps},
          {"quenches", quenches}};
}

}  // namespace glassland::bridge
