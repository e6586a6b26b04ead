// DSC and Kissinger instruments (declared in Instruments.hpp).
#include <cmath>

#include "kmc/model/Instruments.hpp"
#include "md/Error.hpp"

namespace glassland::kmc::model {

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

KissingerResult run_kissinger(const Sample& sample, double from_K, const std::vector<double>& rates_K_per_min,
                              const DscOptions& options, const StepControl& control) {
  KissingerResult result;
  for (double rate : rates_K_per_min) {
    auto copy = sample.clone();
    DscOptions scan = options;
    scan.rate_K_s = rate / 60.0;
    const DscResult dsc = run_dsc(*copy, from_K, scan, control);
    if (!dsc.endothermic.found) throw InputError("kissinger", "no endothermic relaxation peak at " + std::to_string(rate) + " K/min");
    result.rates_K_per_min.push_back(rate);
    result.peaks_K.push_back(first_major_peak(dsc.scan.temperature_K, dsc.excess_cp, 0.5));
  }
  if (result.peaks_K.size() >= 2) result.activation_kj_mol = kissinger_energy_kj_mol(result.rates_K_per_min, result.peaks_K);
  return result;
}

}  // namespace glassland::kmc::model
