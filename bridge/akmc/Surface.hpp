#pragma once
// The potential-energy surface an aKMC run explores, whatever it comes from: a glass (System +
// smooth pair potential) or an analytic test surface. The engine needs only flat coordinates,
// a factory of independent objectives, the configuration space (minimum image), masses for
// Vineyard prefactors and types for environment keys. Every search gets a fresh objective:
// a neighbour list carried over from another search would change the order of the pair sums,
// and so the last bits of the result, with the number of threads or ranks.
// Units: the objective's (energy, length, mass); mvv_to_energy converts mass*length^2/time^2
// to energy (md/Units.hpp), so prefactors come out in 1/time of the unit system.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Objective.hpp"
#include "md/PairPotential.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

struct Surface {
  landscape::ConfigurationSpace space = landscape::ConfigurationSpace::free();
  std::function<std::unique_ptr<md::Objective>()> make_objective;  ///< a fresh, independent copy
  std::vector<double> masses;   ///< per atom (block of space.block_size() coordinates)
  std::vector<int> types;       ///< per atom (1-based), for environment keys
  double mvv_to_energy = 1.0;
  std::string units = "reduced";  ///< catalog units: "lj", "metal" or "reduced"

  /// Atoms (blocks) in a configuration of this surface.
  int atoms() const { return static_cast<int>(masses.size()); }
};

/// A glass: objectives are copies of `system` under `pair` (neighbour skin in length). Masses
/// and types from the system; periodic configuration space of its box.
Surface atomic_surface(const md::System& system, const md::PairPotential& pair, double skin);

/// The same surface with objectives that hide their analytic Hessian (md::Objective::
/// has_hessian() false), so every Hessian is taken by finite differences: the reference the
/// analytic path is checked and measured against (tests, benchmarks/PrefactorAccuracy).
Surface finite_difference_surface(Surface surface);

/// True when the force of `pair` jumps at its cutoff (plain truncated LJ): saddle searches and
/// Hessians need a C1 surface (see md/PairPotential.hpp, style lj/sf).
bool force_jumps_at_cutoff(const md::PairPotential& pair);

}  // namespace glassland::bridge
