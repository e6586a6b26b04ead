#include "kmc/model/LandscapeModel.hpp"
#include "kmc/model/Sample.hpp"

namespace glassland::model {

double LandscapeSample::glass_heat_capacity() const {
  return model_->parameters().glass_heat_capacity_J_mol_K * 1e-3;
}

RateTable LandscapeSample::current_rates(const LoadState& load, const std::vector<double>& occupation) const {
  const double fictive = model_->fictive_temperature(model_->mean_alpha_energy(occupation));
  RateTable table = model_->rates(load, fictive, 0.0);
  const double forced = model_->work_driven_rate(occupation, table, load);
  if (forced > 0.0)
    for (double& k : table.alpha_rate) k += forced;
  return table;
}

double LandscapeSample::mean_alpha_rate(const LoadState& load) const {
  const auto p = occupation();
  const RateTable table = current_rates(load, p);
  const int nb = model_->beta_classes();
  double sum = 0.0;
  for (int e = 0; e < model_->energy_classes(); ++e)
    for (int b = 0; b < nb; ++b)
      for (int s = 0; s < 2; ++s) sum += p[LandscapeModel::index(e, b, s, nb)] * table.alpha_rate[static_cast<std::size_t>(e)];
  return sum;
}

}  // namespace glassland::model
