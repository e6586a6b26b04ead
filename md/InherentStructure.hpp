#pragma once
// Inherent structure: the local potential-energy minimum reached from a configuration by
// steepest-descent-like quenching (FIRE 2.0 by default), computed on a COPY so the running
// simulation is untouched (Stillinger & Weber, Phys. Rev. A 25, 978 (1982)).
// Units: those of the system (energy, length).
#include <string>

#include "md/Minimizer.hpp"
#include "md/PairPotential.hpp"
#include "md/System.hpp"

namespace glassland::md {

struct InherentStructureResult {
  double energy = 0.0;           ///< potential energy of the minimum (energy)
  double energy_per_atom = 0.0;  ///< energy / N
  bool converged = false;
  long iterations = 0;
  double max_force = 0.0;        ///< largest atomic force at the minimum (energy/length)
  System minimum;                ///< the quenched copy (velocities zeroed)
};

/// Default quench settings: fmax 1e-5 (energy/length) or relative energy change 1e-12,
/// at most 50,000 iterations, FIRE time step 0.01 in the objective's units.
MinimizerOptions inherent_structure_options();

/// Quenches a copy of `system` under `pair` (neighbour skin `skin`, length) with the named
/// minimizer ("fire" or "cg"). Does not throw when unconverged: check `converged`.
InherentStructureResult inherent_structure(const System& system, const PairPotential& pair, double skin = 0.3,
                                           const MinimizerOptions& options = inherent_structure_options(),
                                           const std::string& minimizer = "fire");

}  // namespace glassland::md
