// DMA, frequency sweeps and creep (declared in Instruments.hpp).
#include <algorithm>
#include <cmath>

#include "kmc/model/Instruments.hpp"
#include "kmc/model/LandscapeModel.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
const LandscapeSample& landscape_sample(const Sample& sample, const std::string& where) {
  const auto* landscape = dynamic_cast<const LandscapeSample*>(&sample);
  if (landscape == nullptr)
    throw InputError(where, "needs the landscape model (solver master_equation or kmc); '" + sample.solver_name() + "' has no mechanics");
  return *landscape;
}

// Beta and alpha loss peaks of one E''(T) curve: alpha = highest local maximum, beta = the
// highest local maximum below it (0 when the curve shows only one).
void classify_peaks(const std::vector<double>& t, const std::vector<double>& loss, double& beta, double& alpha) {
  beta = alpha = 0.0;
  const auto maxima = local_maxima(loss, 1e-3);
  if (maxima.empty()) return;
  std::size_t a = maxima.front();
  for (auto i : maxima) if (loss[i] > loss[a]) a = i;
  alpha = refined_peak_position(t, loss, a);
  std::size_t best = a;
  for (auto i : maxima)
    if (i < a && (best == a || loss[i] > loss[best])) best = i;
  if (best != a) beta = refined_peak_position(t, loss, best);
}
}  // namespace

std::complex<double> sample_modulus(const Sample& sample, double temperature_K, double omega, const std::string& where) {
  const auto& landscape = landscape_sample(sample, where);
  LoadState load;
  load.temperature_K = temperature_K;
  const auto p = sample.occupation();
  return landscape.landscape()->complex_modulus(p, landscape.current_rates(load, p), omega);
}

DmaScan run_dma(Sample& sample, double from_K, double to_K, double rate_K_s, const std::vector<double>& frequencies_Hz,
                const StepControl& control, const std::string& where) {
  landscape_sample(sample, where);
  if (!(to_K > from_K)) throw InputError(where + ".to_K", "must be above the temperature the scan starts from");
  DmaScan scan;
  scan.frequencies_Hz = frequencies_Hz;
  scan.modulus.resize(frequencies_Hz.size());
  double clock = 0.0;
  run_schedule(sample, md::TemperatureSchedule::linear_ramp(from_K, to_K, rate_K_s), LoadState{}, control, clock,
               [&](double, const LoadState& load, const Sample& s) {
                 scan.temperature_K.push_back(load.temperature_K);
                 for (std::size_t f = 0; f < frequencies_Hz.size(); ++f)
                   scan.modulus[f].push_back(sample_modulus(s, load.temperature_K, 2.0 * M_PI * frequencies_Hz[f], where));
               });
  std::vector<double> beta_f, beta_t, alpha_t, alpha_tau;
  for (std::size_t f = 0; f < frequencies_Hz.size(); ++f) {
    std::vector<double> loss;
    for (const auto& m : scan.modulus[f]) loss.push_back(m.imag());
    double beta = 0.0, alpha = 0.0;
    classify_peaks(scan.temperature_K, loss, beta, alpha);
    scan.beta_peak_K.push_back(beta);
    scan.alpha_peak_K.push_back(alpha);
    if (beta > 0.0) { beta_f.push_back(frequencies_Hz[f]); beta_t.push_back(beta); }
    if (alpha > 0.0) { alpha_t.push_back(alpha); alpha_tau.push_back(1.0 / (2.0 * M_PI * frequencies_Hz[f])); }
  }
  if (beta_t.size() >= 2) scan.beta_energy_eV = arrhenius_energy_ev(beta_f, beta_t);
  if (alpha_t.size() >= 3) scan.alpha_vft = fit_vft(alpha_t, alpha_tau);
  return scan;
}

FrequencySweep run_frequency_sweep(const Sample& sample, const std::vector<double>& temperatures_K,
                                   const std::vector<double>& frequencies_Hz, double hold_s, double reference_K,
                                   const StepControl& control, const std::string& where) {
  landscape_sample(sample, where);
  FrequencySweep sweep;
  sweep.temperatures_K = temperatures_K;
  sweep.frequencies_Hz = frequencies_Hz;
  sweep.reference_K = reference_K;
  std::vector<double> rates;
  for (double t : temperatures_K) {
    auto copy = sample.clone();
    double clock = 0.0;
    if (hold_s > 0.0) run_schedule(*copy, md::TemperatureSchedule::hold(t, hold_s), LoadState{}, control, clock, nullptr);
    std::vector<std::complex<double>> row;
    for (double f : frequencies_Hz) row.push_back(sample_modulus(*copy, t, 2.0 * M_PI * f, where));
    sweep.modulus.push_back(row);
    LoadState load;
    load.temperature_K = t;
    rates.push_back(copy->mean_alpha_rate(load));
  }
  const auto ref = static_cast<std::size_t>(std::min_element(temperatures_K.begin(), temperatures_K.end(),
      [&](double a, double b) { return std::abs(a - reference_K) < std::abs(b - reference_K); }) - temperatures_K.begin());
  for (double r : rates) sweep.shift_factor.push_back(rates[ref] / r);
  return sweep;
}

}  // namespace glassland::model
