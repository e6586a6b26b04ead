#include "kmc/model/MasterEquationSample.hpp"

#include <cmath>

namespace glassland::model {

MasterEquationSample::MasterEquationSample(std::shared_ptr<const LandscapeModel> model, double temperature_K)
    : LandscapeSample(std::move(model)) {
  equilibrate(temperature_K);
}

void MasterEquationSample::equilibrate(double temperature_K) { p_ = model_->equilibrium_occupation(temperature_K); }

double MasterEquationSample::fictive_temperature() const {
  return model_->fictive_temperature(model_->mean_alpha_energy(p_));
}

void MasterEquationSample::advance(double dt, const LoadState& load) {
  const RateTable rates = current_rates(load, p_);
  advance_alpha(dt, rates);
  advance_beta(dt, rates);
}

void MasterEquationSample::advance_alpha(double dt, const RateTable& rates) {
  const int ne = model_->energy_classes();
  const int nb = model_->beta_classes();
  const std::size_t per_class = static_cast<std::size_t>(nb) * 2;
  double stay = 0.0, inflow_norm = 0.0;
  std::vector<double> survive(static_cast<std::size_t>(ne)), fill(static_cast<std::size_t>(ne));
  for (int e = 0; e < ne; ++e) {
    const double x = rates.alpha_rate[static_cast<std::size_t>(e)] * dt;
    survive[static_cast<std::size_t>(e)] = std::exp(-x);
    // (1 - exp(-k dt)) / k, written to stay accurate when k dt is tiny.
    fill[static_cast<std::size_t>(e)] = x > 1e-8 ? -std::expm1(-x) / rates.alpha_rate[static_cast<std::size_t>(e)] : dt;
    double pe = 0.0;
    for (std::size_t i = 0; i < per_class; ++i) pe += p_[static_cast<std::size_t>(e) * per_class + i];
    stay += pe * survive[static_cast<std::size_t>(e)];
    inflow_norm += rates.destination[static_cast<std::size_t>(e)] * fill[static_cast<std::size_t>(e)];
  }
  const double inflow = inflow_norm > 0.0 ? (1.0 - stay) / inflow_norm : 0.0;
  for (int e = 0; e < ne; ++e) {
    const double arriving_e = rates.destination[static_cast<std::size_t>(e)] * fill[static_cast<std::size_t>(e)] * inflow;
    for (int b = 0; b < nb; ++b) {
      const double arriving = arriving_e * rates.beta_class_weight[static_cast<std::size_t>(b)];
      const double upper = rates.beta_upper_equilibrium[static_cast<std::size_t>(b)];
      double* cell = &p_[LandscapeModel::index(e, b, 0, nb)];
      cell[0] = cell[0] * survive[static_cast<std::size_t>(e)] + arriving * (1.0 - upper);
      cell[1] = cell[1] * survive[static_cast<std::size_t>(e)] + arriving * upper;
    }
  }
}

void MasterEquationSample::advance_beta(double dt, const RateTable& rates) {
  const int ne = model_->energy_classes();
  const int nb = model_->beta_classes();
  for (int e = 0; e < ne; ++e)
    for (int b = 0; b < nb; ++b) {
      double* cell = &p_[LandscapeModel::index(e, b, 0, nb)];
      const double total = cell[0] + cell[1];
      const double upper = total * rates.beta_upper_equilibrium[static_cast<std::size_t>(b)];
      const double decay = std::exp(-rates.beta_relaxation[static_cast<std::size_t>(e * nb + b)] * dt);
      cell[1] = upper + (cell[1] - upper) * decay;
      cell[0] = total - cell[1];
    }
}

}  // namespace glassland::model
