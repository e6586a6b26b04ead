#include "bridge/HarvestDefaults.hpp"

namespace glassland::bridge {

landscape::HarvestOptions harvest_command_defaults() {
  landscape::HarvestOptions h;
  h.ensemble = "nvt-langevin";
  h.timestep = 0.005;
  h.damping = 1.0;
  h.quench_every = 200;
  h.snapshots_per_interval = 8;
  h.max_events = 1000000;
  h.skin = 0.3;
  auto& a = h.analysis;
  a.paths.neb.images = 7;
  a.paths.neb.minimizer = "lbfgs";
  a.paths.neb.fallback_minimizer = "fire";  // when the band minimizer fails
  a.paths.neb.climb = true;
  a.paths.neb.max_iterations = 1000;
  a.paths.neb.fmax = 1e-3;
  a.paths.quench.fmax = 1e-6;
  a.paths.same.displacement = 0.1;
  a.paths.same.energy = 1e-5;
  a.moved_threshold = 0.3;
  a.fixed_prefactor = 0.0;  // Vineyard
  a.refinement.local_radius = 2.5;
  a.environment.radius = 2.0;
  a.environment.bond_cutoff = 1.5;
  return h;
}

}  // namespace glassland::bridge
