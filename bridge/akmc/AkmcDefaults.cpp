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
  return s;
}

}  // namespace glassland::bridge
