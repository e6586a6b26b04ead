#include "landscape/SaddleSearchRegistry.hpp"

#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

class MinModeSaddleSearch : public SaddleSearch {
public:
  explicit MinModeSaddleSearch(MinModeSearchOptions options) : options_(std::move(options)) { options_.validate(); }
  std::string name() const override { return "min-mode"; }
  bool double_ended() const override { return false; }
  SaddleSearchResult search(md::Objective& objective, const ConfigurationSpace& space,
                            const SaddleSearchRequest& r) override {
    return min_mode_search(objective, space, r.minimum, r.minimum_energy, r.centre_atom, r.seed, options_);
  }

private:
  MinModeSearchOptions options_;
};

/// A thin adapter: the band's climbing image is the saddle; Lanczos (hinted by the band's
/// tangent) decides first order; the product is the given final minimum.
class NebSaddleSearch : public SaddleSearch {
public:
  explicit NebSaddleSearch(SaddleSearchSettings settings) : settings_(std::move(settings)) {
    settings_.neb.validate();
    settings_.min_mode.validate();
  }
  std::string name() const override { return "neb"; }
  bool double_ended() const override { return true; }
  SaddleSearchResult search(md::Objective& objective, const ConfigurationSpace& space,
                            const SaddleSearchRequest& r) override {
    if (r.final.size() != r.minimum.size())
      throw InputError("saddle search", "'neb' needs the final minimum of the same dimension");
    const long before = objective.evaluations();
    NudgedElasticBand band(objective, space, r.minimum, r.final, settings_.neb);
    const NebResult neb = band.run();
    SaddleSearchResult s;
    const auto top = static_cast<std::size_t>(neb.saddle_image);
    s.saddle = neb.path[top];
    s.saddle_energy = neb.saddle_energy;
    s.product = neb.path.back();
    s.product_energy = neb.energies.back();
    s.iterations = neb.iterations;
    const Eigen::VectorXd tangent =
        space.difference(neb.path[std::min(top + 1, neb.path.size() - 1)], neb.path[top > 0 ? top - 1 : 0]);
    auto finish = [&](SearchStatus status) {
      s.status = status;
      s.force_calls = s.saddle_force_calls = objective.evaluations() - before;
      return s;
    };
    if (!neb.converged) return finish(SearchStatus::not_converged);
    if (neb.saddle_image == 0 || top + 1 == neb.path.size()) return finish(SearchStatus::degenerate);
    LowestModeOptions check = settings_.min_mode.lowest;
    check.hint = tangent;
    check.seed = r.seed;
    const LowestModes modes = lowest_modes(objective, space, s.saddle, check);
    s.lowest_curvature = modes.curvatures[0];
    s.mode = modes.lowest_mode.dot(tangent) < 0.0 ? Eigen::VectorXd(-modes.lowest_mode) : modes.lowest_mode;
    if (negative_mode_count(modes, settings_.min_mode.negative_tolerance) != 1)
      return finish(SearchStatus::not_first_order);
    const Eigen::VectorXd moved = space.atom_displacements(s.product, r.minimum);
    for (Eigen::Index a = 0; a < moved.size(); ++a)
      if (moved[a] > settings_.min_mode.moved_threshold) s.moved_atoms.push_back(static_cast<int>(a));
    return finish(SearchStatus::success);
  }

private:
  SaddleSearchSettings settings_;
};

}  // namespace

void register_saddle_searches(Registry<SaddleSearchFactory>& registry) {
  registry.add("min-mode", [](const SaddleSearchSettings& s) { return std::make_unique<MinModeSaddleSearch>(s.min_mode); });
  registry.add("neb", [](const SaddleSearchSettings& s) { return std::make_unique<NebSaddleSearch>(s); });
}

const Registry<SaddleSearchFactory>& saddle_searches() {
  static const Registry<SaddleSearchFactory> registry = [] {
    Registry<SaddleSearchFactory> r("saddle search", "saddle search");
    register_saddle_searches(r);
    return r;
  }();
  return registry;
}

std::vector<std::string> saddle_search_names() { return saddle_searches().names(); }

std::unique_ptr<SaddleSearch> make_saddle_search(const std::string& name, const SaddleSearchSettings& settings) {
  return saddle_searches().at(name)(settings);
}

}  // namespace glassland::landscape
