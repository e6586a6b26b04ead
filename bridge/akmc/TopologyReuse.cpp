#include "bridge/akmc/TopologyReuse.hpp"

#include "md/Error.hpp"

namespace glassland::bridge {

void TopologyReuseOptions::validate() const {
  if (!(transplant.environment.radius > 0.0)) throw InputError("topology_radius", "must be > 0 (length)");
  if (!(transplant.environment.bond_cutoff > 0.0)) throw InputError("topology_bond", "must be > 0 (length)");
  if (!(transplant.max_rmsd >= 0.0)) throw InputError("topology_rmsd", "must be >= 0 (length)");
  if (max_guesses_per_event < 0) throw InputError("topology_max_guesses", "must be >= 0");
}

std::vector<std::string> atom_environment_keys(const Surface& surface, const Eigen::VectorXd& minimum,
                                               const landscape::EnvironmentKeyOptions& options) {
  std::vector<std::string> keys;
  if (surface.types.empty() || surface.space.block_size() != 3) return keys;
  const int atoms = surface.atoms();
  keys.reserve(static_cast<std::size_t>(atoms));
  for (int a = 0; a < atoms; ++a)
    keys.push_back(landscape::environment_key(surface.space, minimum, surface.types, {a}, options).canonical);
  return keys;
}

int event_centre(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                 const Eigen::VectorXd& saddle) {
  const Eigen::VectorXd moved = space.atom_displacements(saddle, minimum);
  Eigen::Index most = 0;
  if (moved.size() > 0) moved.maxCoeff(&most);
  return static_cast<int>(most);
}

namespace {

bool near_any(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& guess, const std::vector<Event>& known,
              const std::vector<TopologyGuess>& guesses, double same_distance) {
  for (const Event& e : known)
    if (space.max_displacement(guess, e.saddle) < same_distance) return true;
  for (const TopologyGuess& g : guesses)
    if (space.max_displacement(guess, g.guess) < same_distance) return true;
  return false;
}

}  // namespace

void append_topology_guesses(const Surface& surface, const Eigen::VectorXd& minimum,
                             const std::vector<std::string>& keys, const Event& event,
                             const std::vector<Event>& known, double same_distance,
                             const TopologyReuseOptions& options, std::vector<TopologyGuess>& guesses) {
  if (keys.empty()) return;
  const int centre = event_centre(surface.space, minimum, event.saddle);
  int tried = 0;
  for (int b = 0; b < static_cast<int>(keys.size()) && tried < options.max_guesses_per_event; ++b) {
    if (b == centre || keys[static_cast<std::size_t>(b)] != keys[static_cast<std::size_t>(centre)]) continue;
    ++tried;
    auto t = landscape::transplant_saddle_guess(surface.space, minimum, surface.types, centre, event.saddle, event.mode,
                                                b, options.transplant);
    if (!t || near_any(surface.space, t->guess, known, guesses, same_distance)) continue;
    if (t->mode.size() > 0 && t->mode.norm() > 0.0) t->mode.normalize();
    guesses.push_back({centre, b, std::move(t->guess), std::move(t->mode)});
  }
}

}  // namespace glassland::bridge
