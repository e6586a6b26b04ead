#pragma once
// Several independent harvest MD trajectories from one start configuration, distributed over
// MPI ranks and OpenMP threads with the aKMC engine's task layer (bridge/akmc/Distributed.hpp):
// trajectory k runs on rank k mod size with the seed trajectory_seed(seed, k), on one thread
// (so its result never depends on where it ran), and the catalogs are merged in k order
// (landscape::merge_catalog). The merged catalog and the summed report are therefore the same
// for any number of ranks and threads; every rank holds them, rank 0 writes.
// Units: those of the system (md/Units.hpp).
#include <cstdint>
#include <vector>

#include "landscape/Catalog.hpp"
#include "landscape/Harvester.hpp"
#include "md/PairPotential.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

/// Seed of trajectory k: the seed itself for k = 0 (one trajectory = a plain harvest), a
/// stream of (seed, k) otherwise.
std::uint64_t trajectory_seed(std::uint64_t seed, int k);

struct HarvestTrajectoriesResult {
  landscape::Catalog catalog;          ///< merged, with `provenance`
  landscape::HarvestReport report;     ///< sums over the trajectories (cpu_seconds: over ranks)
  std::vector<std::uint64_t> seeds;    ///< of each trajectory
};

/// Runs `trajectories` harvests of `options` (their checkpoints are off) from `system`.
HarvestTrajectoriesResult harvest_trajectories(const md::System& system, const md::PairPotential& md_potential,
                                               const md::PairPotential& landscape_potential,
                                               const landscape::HarvestOptions& options, int trajectories,
                                               const landscape::Provenance& provenance);

}  // namespace glassland::bridge
