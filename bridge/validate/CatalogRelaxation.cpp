#include "bridge/validate/CatalogRelaxation.hpp"

#include <memory>

#include "bridge/validate/EscapeSampler.hpp"
#include "kmc/ConstantRates.hpp"
#include "kmc/RateModel.hpp"
#include "kmc/RateNetwork.hpp"
#include "kmc/Walker.hpp"

namespace glassland::bridge {

KmcRelaxation catalog_relaxation(const landscape::Catalog& catalog, const MinimumState& start,
                                 const landscape::ConfigurationSpace& space,
                                 const landscape::SameMinimumTolerance& same, double prefactor_scale,
                                 const std::string& where) {
  const landscape::MinimumId start_id = find_catalog_minimum(catalog, start, space, same, where);
  auto network = std::make_shared<const kmc::RateNetwork>(kmc::RateNetwork::from_catalog(catalog));
  const kmc::StateIndex first = network->require_state(start_id, where);
  return [network, first, prefactor_scale](double kT, const std::vector<double>& grid, std::size_t runs,
                                           std::uint64_t seed) {
    const kmc::RateModel model(*network, md::TemperatureSchedule({{0.0, kT}}, "kT"));
    const kmc::ConstantRates rates(model);
    return distributed_curves(
        runs,
        [&](std::size_t r) {
          kmc::Walker walker(model, &rates, first, seed, r);
          std::vector<double> curve;
          for (double t : grid) curve.push_back(network->energy(walker.advance_to(t * prefactor_scale)));
          return curve;
        },
        {});
  };
}

}  // namespace glassland::bridge
