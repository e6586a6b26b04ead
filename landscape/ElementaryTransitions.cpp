#include "landscape/ElementaryTransitions.hpp"

#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

struct MinimumPoint {
  Eigen::VectorXd x;
  double energy;
};

class Splitter {
public:
  Splitter(const std::vector<md::Objective*>& objectives, const ConfigurationSpace& space,
           const ElementaryOptions& options)
      : objectives_(objectives), objective_(*objectives.front()), space_(space), options_(options) {}

  void split(const MinimumPoint& a, const MinimumPoint& b, int depth) {
    NudgedElasticBand band(objectives_, space_, interpolate_path(space_, a.x, b.x, options_.neb.images),
                           options_.neb);
    NebResult neb = band.run();
    result.force_calls += neb.force_calls;
    std::vector<MinimumPoint> chain{a};
    if (depth < options_.max_depth) {
      for (int image : profile_local_minima(neb.energies, options_.profile_depth)) {
        const long before = objective_.evaluations();
        QuenchResult q = quench(objective_, neb.path[static_cast<std::size_t>(image)], options_.quench);
        result.force_calls += objective_.evaluations() - before;
        if (is_new(q, chain) && !same_minimum(space_, q.position, q.energy, b.x, b.energy, options_.same))
          chain.push_back({q.position, q.energy});
      }
    }
    if (chain.size() == 1) {  // elementary: keep this NEB
      result.converged = result.converged && neb.converged;
      result.transitions.push_back({a.x, a.x + space_.difference(b.x, a.x), a.energy, b.energy, std::move(neb)});
      return;
    }
    result.intermediate_minima += static_cast<int>(chain.size()) - 1;
    chain.push_back(b);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) split(chain[i], chain[i + 1], depth + 1);
  }

  ElementaryResult result;

private:
  bool is_new(const QuenchResult& q, const std::vector<MinimumPoint>& chain) const {
    for (const auto& m : chain)
      if (same_minimum(space_, q.position, q.energy, m.x, m.energy, options_.same)) return false;
    return true;
  }

  std::vector<md::Objective*> objectives_;
  md::Objective& objective_;
  const ConfigurationSpace& space_;
  const ElementaryOptions& options_;
};

}  // namespace

ElementaryResult find_elementary_transitions(md::Objective& objective, const ConfigurationSpace& space,
                                             const Eigen::VectorXd& initial, double energy_initial,
                                             const Eigen::VectorXd& final, double energy_final,
                                             const ElementaryOptions& options) {
  return find_elementary_transitions(std::vector<md::Objective*>{&objective}, space, initial, energy_initial, final,
                                     energy_final, options);
}

ElementaryResult find_elementary_transitions(const std::vector<md::Objective*>& objectives,
                                             const ConfigurationSpace& space, const Eigen::VectorXd& initial,
                                             double energy_initial, const Eigen::VectorXd& final,
                                             double energy_final, const ElementaryOptions& options) {
  if (objectives.empty()) throw InputError("neb", "no image objective");
  Splitter splitter(objectives, space, options);
  splitter.split({initial, energy_initial}, {final, energy_final}, 0);
  return splitter.result;
}

}  // namespace glassland::landscape
