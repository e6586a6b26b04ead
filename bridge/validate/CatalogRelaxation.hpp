#pragma once
// kMC E_IS(t) on a catalog's rate network (the existing kmc::Walker: BKL with superbasins),
// from the catalog minimum equal to the start. The network is closed (only the catalog's minima
// exist), unlike on-the-fly kMC: say so when comparing with MD.
// Units: the catalog's (energy, time).
#include <string>

#include "bridge/validate/ValidationRun.hpp"
#include "landscape/Catalog.hpp"

namespace glassland::bridge {

/// Curves of minimum energies at the grid times; rates multiplied by `prefactor_scale` (the
/// trajectory then runs `prefactor_scale` times faster). Run r is seeded like `glassland kmc`
/// (kmc::make_run_rng(seed, r)). Throws InputError(where, ...) if no catalog minimum is the start.
KmcRelaxation catalog_relaxation(const landscape::Catalog& catalog, const MinimumState& start,
                                 const landscape::ConfigurationSpace& space,
                                 const landscape::SameMinimumTolerance& same, double prefactor_scale,
                                 const std::string& where);

}  // namespace glassland::bridge
