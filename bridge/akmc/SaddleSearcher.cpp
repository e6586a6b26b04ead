#include "bridge/akmc/SaddleSearcher.hpp"

namespace glassland::bridge {

SaddleSearcher min_mode_searcher(const landscape::MinModeSearchOptions& options) {
  options.validate();
  return [options](md::Objective& objective, const landscape::ConfigurationSpace& space, const SearchRequest& r) {
    const landscape::SaddleSearchResult found =
        r.guess ? landscape::refine_saddle_guess(objective, space, *r.minimum, r.minimum_energy, *r.guess,
                                                 r.mode_guess ? *r.mode_guess : Eigen::VectorXd(), r.seed, options)
                : landscape::min_mode_search(objective, space, *r.minimum, r.minimum_energy, r.centre_atom, r.seed,
                                             options);
    SearchOutcome o;
    o.success = found.status == landscape::SearchStatus::success;
    o.status = landscape::status_name(found.status);
    o.saddle = found.saddle;
    o.saddle_energy = found.saddle_energy;
    o.mode = found.mode;
    o.lowest_curvature = found.lowest_curvature;
    o.product = found.product;
    o.product_energy = found.product_energy;
    o.force_calls = found.force_calls;
    o.basin_force_calls = found.basin_force_calls;
    o.saddle_force_calls = found.saddle_force_calls;
    o.check_force_calls = found.check_force_calls;
    o.first_order = found.status != landscape::SearchStatus::not_converged &&
                    found.status != landscape::SearchStatus::not_first_order;
    o.moved_atoms = found.moved_atoms;
    return o;
  };
}

}  // namespace glassland::bridge
