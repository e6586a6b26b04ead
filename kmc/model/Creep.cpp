// Creep instrument (declared in Instruments.hpp). Mean field with uniform stress: every unit
// carries sigma; its beta system is a standard linear solid (modulus E_u relaxing by D_b at
// rate r, so retardation rate r (1 - D_b) and compliance step D_b / (E_u (1 - D_b))); every
// alpha rearrangement turns the unit's elastic strain sigma / E_u into permanent strain.
#include <algorithm>
#include <cmath>

#include "kmc/model/Instruments.hpp"
#include "kmc/model/LandscapeModel.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
constexpr double kSpectrumLow = -8.0, kSpectrumHigh = 14.0, kSpectrumBin = 0.25;  // log10(tau / s)

std::size_t spectrum_bin(double tau) {
  const double x = std::clamp(std::log10(tau), kSpectrumLow, kSpectrumHigh - 1e-9);
  return static_cast<std::size_t>((x - kSpectrumLow) / kSpectrumBin);
}

template <class Visit>
void for_each_class(const LandscapeModel& model, const std::vector<double>& p, const RateTable& rates, Visit visit) {
  const int nb = model.beta_classes();
  const double eu = model.parameters().mechanics.youngs_modulus_GPa;
  for (int e = 0; e < model.energy_classes(); ++e)
    for (int b = 0; b < nb; ++b) {
      const double weight = p[LandscapeModel::index(e, b, 0, nb)] + p[LandscapeModel::index(e, b, 1, nb)];
      if (weight < 1e-15) continue;
      const double pi = rates.beta_upper_equilibrium[static_cast<std::size_t>(b)];
      const double d = model.parameters().beta.modulus_relaxation * 4.0 * pi * (1.0 - pi);
      const double retardation = rates.beta_relaxation[static_cast<std::size_t>(e * nb + b)] * (1.0 - d);
      visit(weight, d / (eu * (1.0 - d)), retardation, rates.alpha_rate[static_cast<std::size_t>(e)]);
    }
}
}  // namespace

CreepResult run_creep(Sample& sample, double temperature_K, double stress_MPa, double duration_s,
                      const StepControl& control, const std::string& where) {
  const auto* landscape = dynamic_cast<const LandscapeSample*>(&sample);
  if (landscape == nullptr) throw InputError(where, "creep needs the landscape model (solver master_equation or kmc)");
  const LandscapeModel& model = *landscape->landscape();
  if (!(std::abs(stress_MPa) < model.parameters().mechanics.stress_scale_MPa))
    throw InputError(where + ".stress_MPa", "must be below mechanics.stress_scale_MPa");
  const double eu = model.parameters().mechanics.youngs_modulus_GPa;
  LoadState load;
  load.temperature_K = temperature_K;
  load.stress_MPa = stress_MPa;
  CreepResult result;
  double flow = 0.0, clock = 0.0, previous = 0.0;
  run_schedule(sample, md::TemperatureSchedule::hold(temperature_K, duration_s), load, control, clock,
               [&](double time, const LoadState& step_load, const Sample& s) {
                 const auto p = s.occupation();
                 const RateTable rates = landscape->current_rates(step_load, p);
                 double beta = 0.0, mean_rate = 0.0;
                 for_each_class(model, p, rates, [&](double w, double dj, double retardation, double k) {
                   beta += w * dj * -std::expm1(-retardation * time);
                   mean_rate += w * k;
                 });
                 flow += mean_rate * (time - previous) / eu;
                 previous = time;
                 result.time_s.push_back(time);
                 result.beta_part.push_back(beta);
                 result.flow_part.push_back(flow);
                 result.compliance_per_GPa.push_back(1.0 / eu + beta + flow);
               });
  const std::size_t bins = static_cast<std::size_t>((kSpectrumHigh - kSpectrumLow) / kSpectrumBin);
  result.spectrum_beta.assign(bins, 0.0);
  result.spectrum_flow.assign(bins, 0.0);
  for (std::size_t i = 0; i < bins; ++i) result.spectrum_log10_tau.push_back(kSpectrumLow + (i + 0.5) * kSpectrumBin);
  const auto p = sample.occupation();
  double beta_weight = 0.0, beta_log = 0.0, flow_weight = 0.0, flow_log = 0.0;
  for_each_class(model, p, landscape->current_rates(load, p), [&](double w, double dj, double retardation, double k) {
    result.spectrum_beta[spectrum_bin(1.0 / retardation)] += w * dj;
    result.spectrum_flow[spectrum_bin(1.0 / k)] += w / eu;
    beta_weight += w * dj;
    beta_log -= w * dj * std::log(retardation);
    flow_weight += w;
    flow_log -= w * std::log(k);
  });
  result.log_mean_tau_beta_s = beta_weight > 0.0 ? std::exp(beta_log / beta_weight) : 0.0;
  result.log_mean_tau_flow_s = std::exp(flow_log / flow_weight);
  return result;
}

}  // namespace glassland::model
