#pragma once
// Topology reuse (k-ART style; El-Mellouhi, Mousseau & Lewis, PRB 78, 153202 (2008)): an event
// found around one atom of a state is tried as a guess at every atom of the same state whose
// local environment has the same canonical key (landscape/EnvironmentKey.hpp, nauty). The
// guess is the event's saddle displacement carried over by the environment map
// (landscape::transplant_saddle_guess: canonical order + Kabsch); the engine refines it with a
// few force calls (landscape::refine_saddle_guess) instead of a fresh search.
// Units: length.
#include <string>
#include <vector>

#include <Eigen/Core>

#include "bridge/akmc/EventTable.hpp"
#include "bridge/akmc/Surface.hpp"
#include "landscape/SaddleReuse.hpp"

namespace glassland::bridge {

struct TopologyReuseOptions {
  bool enabled = true;
  /// Environment of one atom (radius, bond cutoff) and the largest RMSD of the environment map.
  landscape::TransplantOptions transplant;
  int max_guesses_per_event = 64;  ///< equivalent atoms tried per event (lowest indices first)
  /// Throws InputError naming the field as glassland.AkmcOptions spells it (`topology_radius`,
  /// `topology_bond`, `topology_rmsd`, `topology_max_guesses`).
  void validate() const;
};

/// Canonical environment key of every atom of `minimum` (empty when the surface has no types or
/// its blocks are not atoms).
std::vector<std::string> atom_environment_keys(const Surface& surface, const Eigen::VectorXd& minimum,
                                               const landscape::EnvironmentKeyOptions& options);

/// The atom that moves most from `minimum` to `saddle` (the event's centre).
int event_centre(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                 const Eigen::VectorXd& saddle);

struct TopologyGuess {
  int from_atom = 0, to_atom = 0;
  Eigen::VectorXd guess, mode;  ///< saddle guess (length) and unit mode guess
};

/// Guesses carrying `event` to the atoms whose key equals its centre's, skipping a guess within
/// `same_distance` (largest atom displacement, length) of a saddle in `known` or of a guess
/// already in `guesses` (it would refine to the same saddle). Appends to `guesses`.
void append_topology_guesses(const Surface& surface, const Eigen::VectorXd& minimum,
                             const std::vector<std::string>& keys, const Event& event,
                             const std::vector<Event>& known, double same_distance,
                             const TopologyReuseOptions& options, std::vector<TopologyGuess>& guesses);

}  // namespace glassland::bridge
