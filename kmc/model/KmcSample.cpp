#include "kmc/model/KmcSample.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace glassland::model {

KmcSample::KmcSample(std::shared_ptr<const LandscapeModel> model, std::size_t units, double temperature_K,
                     std::uint64_t seed)
    : LandscapeSample(std::move(model)), rng_(seed), energy_class_(units), beta_class_(units), level_(units) {
  equilibrate(temperature_K);
}

bool KmcSample::bernoulli(std::uint32_t bits, double probability) {
  // bits / 2^32 is the top of a uniform number u; only when u's 2^-32 bucket straddles the
  // threshold does the rest of u matter, and then a fresh uniform supplies it.
  const double threshold = probability * 4294967296.0;
  const double low = static_cast<double>(bits);
  if (low + 1.0 <= threshold) return true;
  if (low >= threshold) return false;
  return low + uniform() < threshold;
}

int KmcSample::draw_class(const std::vector<double>& cumulative) {
  const double u = uniform() * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
  return static_cast<int>(std::min<std::ptrdiff_t>(it - cumulative.begin(), static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
}

void KmcSample::equilibrate(double temperature_K) {
  const auto p = model_->equilibrium_occupation(temperature_K);
  std::vector<double> cumulative(p.size());
  std::partial_sum(p.begin(), p.end(), cumulative.begin());
  const int nb = model_->beta_classes();
  energy_sum_ = 0.0;
  for (std::size_t i = 0; i < units(); ++i) {
    const int state = draw_class(cumulative);
    level_[i] = static_cast<std::uint8_t>(state % 2);
    beta_class_[i] = static_cast<std::uint8_t>((state / 2) % nb);
    energy_class_[i] = static_cast<std::uint16_t>(state / 2 / nb);
    energy_sum_ += model_->class_energy(energy_class_[i]);
  }
}

void KmcSample::hop_alpha(std::size_t unit, double first_wait, double dt, const RateTable& rates,
                          const std::vector<double>& destination_cdf, const std::vector<double>& beta_cdf) {
  double remaining = dt;
  double wait = first_wait;  // already known to fall inside the step
  while (true) {
    if (wait >= remaining) return;
    remaining -= wait;
    ++alpha_hops_;
    energy_sum_ -= model_->class_energy(energy_class_[unit]);
    energy_class_[unit] = static_cast<std::uint16_t>(draw_class(destination_cdf));
    energy_sum_ += model_->class_energy(energy_class_[unit]);
    beta_class_[unit] = static_cast<std::uint8_t>(draw_class(beta_cdf));
    level_[unit] = uniform() < rates.beta_upper_equilibrium[beta_class_[unit]] ? 1 : 0;
    wait = -std::log1p(-uniform()) / rates.alpha_rate[energy_class_[unit]];
  }
}

void KmcSample::advance(double dt, const LoadState& load) {
  const bool needs_occupation = load.cyclic_amplitude_MPa > 0.0 && load.cyclic_frequency_Hz > 0.0;
  RateTable rates = needs_occupation ? current_rates(load, occupation())
                                     : model_->rates(load, fictive_temperature(), 0.0);
  const int ne = model_->energy_classes();
  const int nb = model_->beta_classes();
  std::vector<double> hop_probability(static_cast<std::size_t>(ne));
  for (int e = 0; e < ne; ++e) hop_probability[static_cast<std::size_t>(e)] = -std::expm1(-rates.alpha_rate[static_cast<std::size_t>(e)] * dt);
  std::vector<double> destination_cdf(rates.destination.size());
  std::partial_sum(rates.destination.begin(), rates.destination.end(), destination_cdf.begin());
  std::vector<double> beta_cdf(rates.beta_class_weight.size());
  std::partial_sum(rates.beta_class_weight.begin(), rates.beta_class_weight.end(), beta_cdf.begin());
  // flip[(e * nb + b) * 2 + s]: probability that level s has changed after dt (exact two-level).
  std::vector<double> flip(static_cast<std::size_t>(ne * nb) * 2);
  for (int e = 0; e < ne; ++e)
    for (int b = 0; b < nb; ++b) {
      const double upper = rates.beta_upper_equilibrium[static_cast<std::size_t>(b)];
      const double relaxed = -std::expm1(-rates.beta_relaxation[static_cast<std::size_t>(e * nb + b)] * dt);
      flip[LandscapeModel::index(e, b, 0, nb)] = upper * relaxed;
      flip[LandscapeModel::index(e, b, 1, nb)] = (1.0 - upper) * relaxed;
    }
  // Raw pointers: writes through uint8_t may alias anything, so without them the compiler
  // reloads every vector's data pointer on each iteration of this hot loop.
  const std::uint16_t* energy = energy_class_.data();
  const std::uint8_t* beta = beta_class_.data();
  std::uint8_t* level = level_.data();
  const double* hop = hop_probability.data();
  const double* flips = flip.data();
  const std::size_t n = units();
  for (std::size_t i = 0; i < n; ++i) {
    // One 64-bit draw serves both decisions (32 bits each, refined exactly when ambiguous).
    const std::uint64_t bits = rng_();
    if (bernoulli(static_cast<std::uint32_t>(bits >> 32), hop[energy[i]])) [[unlikely]] {
      // Given a hop inside the step, its time is exponential truncated to [0, dt).
      const double u = uniform() * hop[energy[i]];
      hop_alpha(i, -std::log1p(-u) / rates.alpha_rate[energy[i]], dt, rates, destination_cdf, beta_cdf);
    }
    if (bernoulli(static_cast<std::uint32_t>(bits), flips[LandscapeModel::index(energy[i], beta[i], level[i], nb)])) level[i] ^= 1;
  }
}

double KmcSample::enthalpy_per_atom() const {
  double beta_energy = 0.0;
  for (std::size_t i = 0; i < units(); ++i)
    if (level_[i]) beta_energy += model_->beta_asymmetry(beta_class_[i]);
  return (energy_sum_ + beta_energy) / static_cast<double>(units()) / model_->parameters().atoms_per_unit;
}

double KmcSample::fictive_temperature() const {
  return model_->fictive_temperature(energy_sum_ / static_cast<double>(units()));
}

std::vector<double> KmcSample::occupation() const {
  const int nb = model_->beta_classes();
  std::vector<double> p(model_->state_count(), 0.0);
  const double weight = 1.0 / static_cast<double>(units());
  for (std::size_t i = 0; i < units(); ++i) p[LandscapeModel::index(energy_class_[i], beta_class_[i], level_[i], nb)] += weight;
  return p;
}

}  // namespace glassland::model
