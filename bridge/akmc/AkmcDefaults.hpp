#pragma once
// The engine settings `glassland akmc` starts from (docs/akmc.md), written once: the akmc command
// registers its flags on them, `glassland validate` its engine-table flags, and
// glassland.AkmcOptions (Python) starts from them. They differ from the option structs' own
// defaults where glasses need it (a Hessian region radius, a larger first
// displacement; a cap and confidence that keep a state's searches affordable).
// Units: length (radii, displacement), energy/length (fmax).
#include "bridge/akmc/StateExplorer.hpp"
#include "landscape/MinModeSearch.hpp"

namespace glassland::bridge {

/// Searches per state, completeness, prefactors, recycling and topology reuse of `glassland akmc`.
ExplorationOptions akmc_exploration_defaults();
/// The min-mode saddle search of `glassland akmc`.
landscape::MinModeSearchOptions akmc_search_defaults();

}  // namespace glassland::bridge
