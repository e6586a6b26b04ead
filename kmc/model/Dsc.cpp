// DSC and Kissinger instruments (declared in Instruments.hpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "kmc/model/Instruments.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
DscCurve heating_curve(Sample& sample, double from_K, double to_K, double rate_K_s, double molar_mass,
                       const StepControl& control) {
  DscCurve curve;
  double previous_enthalpy = sample.enthalpy_per_atom();
  double previous_edge = from_K;
  double clock = 0.0;
  const auto schedule = md::TemperatureSchedule::linear_ramp(from_K, to_K, rate_K_s);
  run_schedule(sample, schedule, LoadState{}, control, clock, [&](double, const LoadState& load, const Sample& s) {
    const double edge = 2.0 * load.temperature_K - previous_edge;  // steps are centred on load.T
    const double enthalpy = s.enthalpy_per_atom();
    const double cp = s.glass_heat_capacity() + (enthalpy - previous_enthalpy) / (edge - previous_edge);
    curve.temperature_K.push_back(load.temperature_K);
    curve.heat_capacity.push_back(cp);
    curve.heat_flow_W_g.push_back(cp * 1e3 * rate_K_s / molar_mass);
    curve.enthalpy.push_back(enthalpy);
    curve.fictive_K.push_back(s.fictive_temperature());
    previous_enthalpy = enthalpy;
    previous_edge = edge;
  });
  return curve;
}
}  // namespace

DscResult run_dsc(Sample& sample, double from_K, const DscOptions& options, const StepControl& control) {
  if (!(options.to_K > from_K)) throw InputError(options.where, "must be above the temperature the scan starts from");
  DscResult result;
  result.scan = heating_curve(sample, from_K, options.to_K, options.rate_K_s, options.molar_mass_g_mol, control);
  if (options.reference_cooling_K_s <= 0.0) return result;
  auto reference = sample.clone();
  double clock = 0.0;
  run_schedule(*reference, md::TemperatureSchedule::linear_ramp(options.to_K, from_K, options.reference_cooling_K_s),
               LoadState{}, control, clock, nullptr);
  result.reference = heating_curve(*reference, from_K, options.to_K, options.rate_K_s, options.molar_mass_g_mol, control);
  const auto& t = result.scan.temperature_K;
  for (std::size_t i = 0; i < t.size(); ++i)
    result.excess_cp.push_back(result.scan.heat_capacity[i] - result.reference.heat_capacity[i]);
  const bool window = options.range_high_K > options.range_low_K;
  const double low = window ? options.range_low_K : t.front();
  const double high = window ? options.range_high_K : t.back();
  result.delta_H_kj_mol = integrate(t, result.excess_cp, low, high);
  result.endothermic = find_peak(t, result.excess_cp, false);
  result.exothermic = find_peak(t, result.excess_cp, true);
  return result;
}

namespace {
// Midpoint of the reference scan's configurational c_p step (first half-crossing of its final value).
double reference_glass_transition(const DscResult& dsc, double glass_cp) {
  const auto& t = dsc.reference.temperature_K;
  const auto& cp = dsc.reference.heat_capacity;
  const double half = 0.5 * (cp.back() - glass_cp);
  for (std::size_t i = 0; i < t.size(); ++i)
    if (cp[i] - glass_cp >= half) return t[i];
  return t.back();
}

struct ScanPeaks {
  std::vector<std::size_t> maxima;  // local maxima of the excess c_p above 5 % of the largest
  double glass_transition_K = 0.0;
};

// Largest maximum of one class ("sub_Tg": below Tg, "main": at or above); npos when none.
std::size_t largest_of_class(const DscResult& dsc, const ScanPeaks& peaks, const std::string& kind) {
  std::size_t best = std::string::npos;
  for (std::size_t i : peaks.maxima) {
    const bool below = dsc.scan.temperature_K[i] < peaks.glass_transition_K;
    if ((kind == "sub_Tg") == below && (best == std::string::npos || dsc.excess_cp[i] > dsc.excess_cp[best])) best = i;
  }
  return best;
}
}  // namespace

KissingerResult run_kissinger(const Sample& sample, double from_K, const std::vector<double>& rates_K_per_min,
                              const DscOptions& options, const StepControl& control) {
  KissingerResult result;
  std::vector<DscResult> scans;
  std::vector<ScanPeaks> peaks;
  for (double rate : rates_K_per_min) {
    auto copy = sample.clone();
    DscOptions scan = options;
    scan.rate_K_s = rate / 60.0;
    scans.push_back(run_dsc(*copy, from_K, scan, control));
    if (!scans.back().endothermic.found) throw InputError("kissinger", "no endothermic relaxation peak at " + std::to_string(rate) + " K/min");
    peaks.push_back({local_maxima(scans.back().excess_cp, 0.05), reference_glass_transition(scans.back(), copy->glass_heat_capacity())});
  }
  const auto slowest = static_cast<std::size_t>(std::min_element(rates_K_per_min.begin(), rates_K_per_min.end()) - rates_K_per_min.begin());
  const auto& first = scans[slowest];
  const std::size_t top = static_cast<std::size_t>(std::max_element(first.excess_cp.begin(), first.excess_cp.end()) - first.excess_cp.begin());
  result.followed = first.scan.temperature_K[top] < peaks[slowest].glass_transition_K ? "sub_Tg" : "main";
  for (std::size_t r = 0; r < scans.size(); ++r) {
    const auto& dsc = scans[r];
    std::size_t i = largest_of_class(dsc, peaks[r], result.followed);
    std::string kind = result.followed;
    if (i == std::string::npos) {
      i = static_cast<std::size_t>(std::max_element(dsc.excess_cp.begin(), dsc.excess_cp.end()) - dsc.excess_cp.begin());
      kind = dsc.scan.temperature_K[i] < peaks[r].glass_transition_K ? "sub_Tg (fallback)" : "main (fallback)";
    }
    result.rates_K_per_min.push_back(rates_K_per_min[r]);
    result.peaks_K.push_back(refined_peak_position(dsc.scan.temperature_K, dsc.excess_cp, i));
    result.glass_transition_K.push_back(peaks[r].glass_transition_K);
    result.peak_class.push_back(kind);
  }
  if (result.peaks_K.size() >= 2) result.activation_kj_mol = kissinger_energy_kj_mol(result.rates_K_per_min, result.peaks_K);
  return result;
}

}  // namespace glassland::model
