#include "kmc/model/LandscapeModel.hpp"

#include <algorithm>
#include <cmath>

#include "kmc/LabUnits.hpp"
#include "kmc/model/NormalQuantiles.hpp"

namespace glassland::model {

namespace {
constexpr double kGas = kmc::lab::kGasConstantKJPerMolK;  // kJ/(mol K)

// Normalises exp(log_weights) to probabilities without overflow.
std::vector<double> normalised_exponentials(const std::vector<double>& log_weights) {
  const double top = *std::max_element(log_weights.begin(), log_weights.end());
  std::vector<double> out(log_weights.size());
  double sum = 0.0;
  for (std::size_t i = 0; i < out.size(); ++i) sum += (out[i] = std::exp(log_weights[i] - top));
  for (double& v : out) v /= sum;
  return out;
}
}  // namespace

LandscapeModel::LandscapeModel(ModelParameters parameters) : parameters_(std::move(parameters)) {
  parameters_.validate("model");
  const auto& a = parameters_.alpha;
  const double sigma = a.dos_width_kj_mol;
  // The grid spans the prior (+5 sigma) down to 5 sigma below the equilibrium mean at the
  // lowest temperature the sample can still equilibrate at (T0, or Tg/2 for strong liquids).
  const double lowest_T = std::max(a.vft_T0_K, 0.5 * parameters_.glass_transition_K);
  const double low = -sigma * sigma / (kGas * lowest_T) - 5.0 * sigma;
  const double high = 5.0 * sigma;
  const int bins = parameters_.energy_bins;
  const double width = (high - low) / bins;
  energy_.resize(static_cast<std::size_t>(bins));
  std::vector<double> log_prior(energy_.size());
  for (int e = 0; e < bins; ++e) {
    energy_[static_cast<std::size_t>(e)] = low + (e + 0.5) * width;
    const double z = energy_[static_cast<std::size_t>(e)] / sigma;
    log_prior[static_cast<std::size_t>(e)] = -0.5 * z * z;
  }
  prior_ = normalised_exponentials(log_prior);

  const auto& b = parameters_.beta;
  const auto barriers = equal_probability_classes(b.barrier_eV, b.barrier_width_eV, b.barrier_classes);
  const auto asymmetries = equal_probability_classes(b.asymmetry_kj_mol, b.asymmetry_width_kj_mol, b.asymmetry_classes);
  for (double barrier : barriers)
    for (double asymmetry : asymmetries) {
      beta_barrier_kj_.push_back(std::max(0.0, kmc::lab::ev_to_kj_per_mol(barrier)));
      beta_asymmetry_kj_.push_back(std::abs(asymmetry));  // levels are labelled lower/upper
    }
  reference_energy_ = equilibrium_mean_energy(parameters_.glass_transition_K);
}

double LandscapeModel::equilibrium_mean_energy(double temperature_K) const {
  const double sigma = parameters_.alpha.dos_width_kj_mol;
  return -sigma * sigma / (kGas * temperature_K);
}

double LandscapeModel::fictive_temperature(double mean_energy) const {
  const double sigma = parameters_.alpha.dos_width_kj_mol;
  if (mean_energy >= -1e-12) return 1e6;  // above any temperature the grid can represent
  return -sigma * sigma / (kGas * mean_energy);
}

double LandscapeModel::vft_time(double temperature_K) const {
  const auto& a = parameters_.alpha;
  return a.tau0_s * std::exp(a.vft_B_K / (temperature_K - a.vft_T0_K));
}

double LandscapeModel::cooperative_time(double temperature_K, double fictive_K) const {
  const auto& a = parameters_.alpha;
  // Tf cannot reach T0 in a finite time; the floor only protects against kMC noise.
  const double tf = std::max(fictive_K, a.vft_T0_K + 1e-3 * (parameters_.glass_transition_K - a.vft_T0_K));
  return a.tau0_s * std::exp(a.vft_B_K * tf / (temperature_K * (tf - a.vft_T0_K)));
}

double LandscapeModel::beta_arrhenius_time(int b, double temperature_K) const {
  return parameters_.beta.tau0_s * std::exp(beta_barrier_kj_[static_cast<std::size_t>(b)] / (kGas * temperature_K));
}

std::vector<double> LandscapeModel::equilibrium_occupation(double temperature_K) const {
  const double rt = kGas * temperature_K;
  const int nb = beta_classes();
  std::vector<double> log_w(state_count());
  for (int e = 0; e < energy_classes(); ++e)
    for (int b = 0; b < nb; ++b)
      for (int s = 0; s < 2; ++s)
        log_w[index(e, b, s, nb)] = std::log(prior_[static_cast<std::size_t>(e)]) - state_energy(e, b, s) / rt;
  return normalised_exponentials(log_w);
}

RateTable LandscapeModel::rates(const LoadState& load, double fictive_K, double work_driven_rate) const {
  const auto& a = parameters_.alpha;
  const double T = load.temperature_K;
  const double rt = kGas * T;
  const double lambda = a.coupling_lambda;
  const double spread = lambda * a.dos_width_kj_mol / rt;
  // ln k_e = -ln tau_coop(T, Tf) + lambda (E_e - ebar(Tf)) / RT - spread^2 / 2: the mean
  // equilibrium rate is exactly 1 / tau_VFT(T) for the continuum Gaussian DOS.
  const double log_base = -std::log(cooperative_time(T, fictive_K)) - 0.5 * spread * spread;
  const double ebar = equilibrium_mean_energy(fictive_K);
  const double log_tau0 = std::log(a.tau0_s);
  RateTable table;
  const auto n_e = static_cast<std::size_t>(energy_classes());
  // Apparent alpha barriers W / RT = -ln(tau0 k) and beta barriers / RT before stress.
  std::vector<double> alpha_x(n_e), log_q(n_e);
  for (std::size_t e = 0; e < n_e; ++e) {
    alpha_x[e] = -(log_base + lambda * (energy_[e] - ebar) / rt + log_tau0);
    log_q[e] = std::log(prior_[e]) - (1.0 - lambda) * energy_[e] / rt;
  }
  table.destination = normalised_exponentials(log_q);
  const int nb = beta_classes();
  const double kappa = parameters_.beta.coupling_kappa;
  std::vector<double> beta_x(n_e * static_cast<std::size_t>(nb));
  for (std::size_t e = 0; e < n_e; ++e)
    for (int b = 0; b < nb; ++b)
      // Deeper metabasins (E below the Tg reference) hold stiffer beta systems (kappa > 0).
      beta_x[e * static_cast<std::size_t>(nb) + static_cast<std::size_t>(b)] =
          std::max(0.0, beta_barrier_kj_[static_cast<std::size_t>(b)] - kappa * (energy_[e] - reference_energy_)) / rt;

  // Stress scales every barrier by g(sigma); a cyclic stress is averaged over its cycle.
  const double stiffest = std::max(*std::max_element(alpha_x.begin(), alpha_x.end()), *std::max_element(beta_x.begin(), beta_x.end()));
  const StressCycleAverage stress = stress_cycle(load, stiffest);
  table.alpha_rate.resize(n_e);
  for (std::size_t e = 0; e < n_e; ++e) {
    // Rates faster than 1/tau0 have no barrier left to lower.
    const bool stressed = alpha_x[e] > 0.0 && parameters_.mechanics.stress_lowers_alpha;
    const double log_k = stressed ? stress.log_mean_boltzmann(alpha_x[e]) : -alpha_x[e];
    table.alpha_rate[e] = std::exp(log_k - log_tau0) + work_driven_rate;
  }

  table.beta_upper_equilibrium.resize(static_cast<std::size_t>(nb));
  std::vector<double> log_partition(static_cast<std::size_t>(nb));
  for (int b = 0; b < nb; ++b) {
    table.beta_upper_equilibrium[static_cast<std::size_t>(b)] = 1.0 / (1.0 + std::exp(beta_asymmetry(b) / rt));
    log_partition[static_cast<std::size_t>(b)] = std::log1p(std::exp(-beta_asymmetry(b) / rt));
  }
  table.beta_class_weight = normalised_exponentials(log_partition);
  table.beta_relaxation.resize(beta_x.size());
  for (std::size_t e = 0; e < n_e; ++e)
    for (int b = 0; b < nb; ++b) {
      const std::size_t i = e * static_cast<std::size_t>(nb) + static_cast<std::size_t>(b);
      const double half = 0.5 * beta_asymmetry(b) / rt;
      table.beta_relaxation[i] = 2.0 * std::exp(stress.log_mean_boltzmann(beta_x[i])) * std::cosh(half) / parameters_.beta.tau0_s;
    }
  return table;
}

StressCycleAverage LandscapeModel::stress_cycle(const LoadState& load, double stiffest_x) const {
  const auto& m = parameters_.mechanics;
  const double amplitude = load.cyclic_frequency_Hz > 0.0 ? load.cyclic_amplitude_MPa : 0.0;
  return stress_cycle_average(load.stress_MPa, amplitude, m.stress_scale_MPa, m.barrier_law, stiffest_x);
}

double LandscapeModel::mean_alpha_energy(const std::vector<double>& occupation) const {
  const int nb = beta_classes();
  double sum = 0.0;
  for (int e = 0; e < energy_classes(); ++e) {
    double pe = 0.0;
    for (std::size_t i = index(e, 0, 0, nb); i < index(e + 1, 0, 0, nb); ++i) pe += occupation[i];
    sum += pe * class_energy(e);
  }
  return sum;
}

double LandscapeModel::enthalpy_per_atom(const std::vector<double>& occupation) const {
  const int nb = beta_classes();
  double sum = mean_alpha_energy(occupation);
  for (int e = 0; e < energy_classes(); ++e)
    for (int b = 0; b < nb; ++b) sum += occupation[index(e, b, 1, nb)] * beta_asymmetry(b);
  return sum / parameters_.atoms_per_unit;
}

std::complex<double> LandscapeModel::complex_modulus(const std::vector<double>& occupation, const RateTable& rates,
                                                     double omega) const {
  const int nb = beta_classes();
  const std::complex<double> iw(0.0, omega);
  std::complex<double> sum = 0.0;
  for (int e = 0; e < energy_classes(); ++e) {
    const double k = rates.alpha_rate[static_cast<std::size_t>(e)];
    for (int b = 0; b < nb; ++b) {
      const double p = occupation[index(e, b, 0, nb)] + occupation[index(e, b, 1, nb)];
      if (p < 1e-15) continue;
      const double pi = rates.beta_upper_equilibrium[static_cast<std::size_t>(b)];
      const double strength = parameters_.beta.modulus_relaxation * 4.0 * pi * (1.0 - pi);
      const double r = rates.beta_relaxation[static_cast<std::size_t>(e * nb + b)];
      // Relaxation modulus per class: [(1 - D) + D exp(-r t)] exp(-k t) (alpha relaxes fully).
      sum += p * ((1.0 - strength) * iw / (iw + k) + strength * iw / (iw + k + r));
    }
  }
  return parameters_.mechanics.youngs_modulus_GPa * sum;
}

double LandscapeModel::work_driven_rate(const std::vector<double>& occupation, const RateTable& rates,
                                        const LoadState& load) const {
  if (load.cyclic_amplitude_MPa <= 0.0 || load.cyclic_frequency_Hz <= 0.0) return 0.0;
  const double omega = 2.0 * M_PI * load.cyclic_frequency_Hz;
  const std::complex<double> modulus_MPa = 1e3 * complex_modulus(occupation, rates, omega);
  const double loss_compliance = modulus_MPa.imag() / std::norm(modulus_MPa);  // 1/MPa
  const double power_volume = 0.5 * omega * load.cyclic_amplitude_MPa * load.cyclic_amplitude_MPa * loss_compliance;  // MJ/(m^3 s)
  const double power_unit = power_volume * parameters_.molar_volume_m3() * 1e3 * parameters_.atoms_per_unit;  // kJ/(mol unit s)
  return std::max(0.0, power_unit) / parameters_.mechanics.work_per_rearrangement_kj_mol;
}

}  // namespace glassland::model
