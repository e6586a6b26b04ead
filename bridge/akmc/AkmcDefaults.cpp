#include "bridge/akmc/AkmcDefaults.hpp"

namespace glassland::bridge {

ExplorationOptions akmc_exploration_defaults() {
  ExplorationOptions e;  // batch 8, 16 searches before judging, moved 0.3, recycle radius 3, topology reuse on
  e.max_searches = 200;
  e.completeness.confidence = 0.95;
  e.completeness.window_kT = 20.0;
  e.completeness.fixed_searches = 0;
  e.prefactor.constant = 0.0;  // Vineyard
  e.prefactor.refinement.local_radius = 2.5;
  return e;
}

landscape::MinModeSearchOptions akmc_search_defaults() {
  landscape::MinModeSearchOptions s;  // fmax 1e-3, displacement radius 1.5, 300 climbing iterations
  s.displacement_magnitude = 0.1;
  // Minimizations from the saddle (and of the start): |F| < 1e-5 puts a minimum's energy within
  // F^2 / (2 lambda) ~ 5e-9 of the converged one even for soft modes lambda ~ 0.01, far inside the
  // 1e-6 energy tolerance that identifies minima; 11 % fewer quench force calls than 1e-6
  // (docs/akmc.md "Search cost").
  s.quench.fmax = 1e-5;
  // Climb steps of at most 0.05 per atom (not 0.1): on the 500-atom glass, over three seeds of 40
  // searches, 0.60-0.75 -> 0.78-0.88 of them succeed and the climb costs 20-30 % fewer force
  // calls per success (docs/akmc.md "Search cost").
  s.max_step = 0.05;
  // With those halved steps, keep the concave-region mode without a force call after steps of up
  // to 0.02 (not 0.01): over five seeds of 40 searches the median climb + check per successful
  // search drops by 1-3 %, the climb calls per success by 1-11 %, success and first order do not
  // drop (docs/akmc.md "Search cost").
  s.mode_fixed_step = 0.02;
  return s;
}

}  // namespace glassland::bridge
