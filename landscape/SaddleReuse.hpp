#pragma once
// Saddle guesses that cost a few force calls to refine instead of a full search
// (refine_saddle_guess, MinModeSearch.hpp):
//  (a) recycling (eOn's saddle recycling; Xu & Henkelman, J. Chem. Phys. 129, 114104 (2008)):
//      after an event, a saddle of the previous state whose atoms are far from the atoms the
//      event moved is still (nearly) a saddle of the new state: its displacements from the
//      previous minimum, applied to the new minimum, are the guess;
//  (b) topology transplant (k-ART: El-Mellouhi, Mousseau & Lewis, PRB 78, 153202 (2008)): an
//      event found around atom a is tried at every atom b whose local environment has the same
//      canonical key (EnvironmentKey, nauty). Atoms correspond by canonical label; the best
//      orthogonal map between the two environments (Kabsch, by SVD; reflections allowed, as
//      pair potentials are mirror-symmetric) carries a's saddle displacements over to b.
// Units: length.
#include <optional>
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "landscape/EnvironmentKey.hpp"

namespace glassland::landscape {

struct RecycleOptions {
  double radius = 3.0;           ///< the event's atoms must be farther than this from every moved atom (length)
  double event_threshold = 0.1;  ///< atoms displaced more than this minimum -> saddle are the event's (length)
};

/// new_minimum + (previous_saddle - previous_minimum), or nothing when an atom of the saddle's
/// event is within `radius` of an atom in `moved_atoms` (positions of the new minimum).
std::optional<Eigen::VectorXd> recycle_saddle_guess(const ConfigurationSpace& space,
                                                    const Eigen::VectorXd& previous_minimum,
                                                    const Eigen::VectorXd& previous_saddle,
                                                    const Eigen::VectorXd& new_minimum,
                                                    const std::vector<int>& moved_atoms, const RecycleOptions& options);

struct TransplantOptions {
  EnvironmentKeyOptions environment;  ///< the key around one central atom
  /// Largest RMS distance (length) between the mapped environments; above it (a graph
  /// automorphism that is no isometry, or too distorted a copy) no guess is made.
  double max_rmsd = 0.2;
};

struct TransplantGuess {
  Eigen::VectorXd guess;  ///< minimum with the mapped saddle displacements at `to_atom`'s environment
  Eigen::VectorXd mode;   ///< the mapped mode (empty if none was given)
  double rmsd = 0.0;      ///< of the environment map (length)
};

/// Atoms (other than `atom`) whose environment key equals `atom`'s.
std::vector<int> equivalent_atoms(const ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                                  const std::vector<int>& types, int atom, const EnvironmentKeyOptions& options);

/// The saddle (and optional mode) of an event centred on `from_atom`, mapped onto `to_atom`'s
/// environment in the same minimum; nothing when the keys differ or the map is not an isometry.
std::optional<TransplantGuess> transplant_saddle_guess(const ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                                                       const std::vector<int>& types, int from_atom,
                                                       const Eigen::VectorXd& saddle, const Eigen::VectorXd& mode,
                                                       int to_atom, const TransplantOptions& options);

}  // namespace glassland::landscape
