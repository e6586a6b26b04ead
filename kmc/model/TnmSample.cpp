#include "kmc/model/TnmSample.hpp"

#include <cmath>

#include "md/Error.hpp"

namespace glassland::model {

void TnmParameters::validate(const std::string& where) const {
  if (!(nonlinearity_x > 0.0 && nonlinearity_x <= 1.0)) throw InputError(where + ": tnm.x", "must be in (0, 1]");
  if (!(kww_beta > 0.0 && kww_beta <= 1.0)) throw InputError(where + ": tnm.kww_beta", "must be in (0, 1]");
  if (!(activation_K > 0.0) || !std::isfinite(activation_K)) throw InputError(where + ": tnm.activation_K", "must be > 0");
  if (!std::isfinite(log_prefactor)) throw InputError(where + ": tnm.prefactor", "must be finite");
  if (!(delta_cp_kj_mol_K > 0.0) || !std::isfinite(delta_cp_kj_mol_K)) throw InputError(where + ": lab.delta_cp_J_per_mol_K", "must be > 0");
}

TnmSample::TnmSample(TnmParameters parameters, double temperature_K) : parameters_(parameters) {
  parameters_.validate("model");
  equilibrate(temperature_K);
}

void TnmSample::equilibrate(double temperature_K) {
  start_temperature_ = temperature_ = fictive_ = temperature_K;
  reduced_time_ = settled_ = 0.0;
  step_size_.clear();
  step_reduced_time_.clear();
}

double TnmSample::relaxation_time(double temperature_K, double fictive_K) const {
  const double x = parameters_.nonlinearity_x;
  return std::exp(parameters_.log_prefactor + x * parameters_.activation_K / temperature_K +
                  (1.0 - x) * parameters_.activation_K / fictive_K);
}

double TnmSample::mean_alpha_rate(const LoadState& load) const {
  return 1.0 / relaxation_time(load.temperature_K, fictive_);
}

void TnmSample::advance(double dt, const LoadState& load) {
  // The temperature jumps to load.temperature_K at the start of the step and is held for dt.
  if (load.temperature_K != temperature_) {
    step_size_.push_back(load.temperature_K - temperature_);
    step_reduced_time_.push_back(reduced_time_);
    temperature_ = load.temperature_K;
  }
  reduced_time_ += dt / relaxation_time(temperature_, fictive_);
  double fictive = start_temperature_ + settled_;
  std::size_t first_open = 0;
  for (std::size_t j = 0; j < step_size_.size(); ++j) {
    const double stretched = std::pow(reduced_time_ - step_reduced_time_[j], parameters_.kww_beta);
    if (stretched > 50.0 && j == first_open) {  // response complete: fold into the settled sum
      settled_ += step_size_[j];
      fictive += step_size_[j];
      ++first_open;
      continue;
    }
    fictive += step_size_[j] * (1.0 - std::exp(-stretched));
  }
  step_size_.erase(step_size_.begin(), step_size_.begin() + static_cast<std::ptrdiff_t>(first_open));
  step_reduced_time_.erase(step_reduced_time_.begin(), step_reduced_time_.begin() + static_cast<std::ptrdiff_t>(first_open));
  fictive_ = fictive;
}

double TnmSample::enthalpy_per_atom() const {
  return parameters_.delta_cp_kj_mol_K * (fictive_ - parameters_.reference_K);
}

}  // namespace glassland::model
