#include "bridge/HarvestTrajectories.hpp"

#include <ctime>

#include "bridge/akmc/Distributed.hpp"
#include "kmc/Random.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {

constexpr std::uint64_t kTrajectoryStream = 5;  // kmc::make_run_rng stream of trajectory seeds

void put_report(ByteWriter& w, const landscape::HarvestReport& r) {
  for (long v : {r.md_steps, r.quenches, r.transitions, r.flickers_skipped, r.events_added, r.events_rejected,
                 r.rejected_unconverged, r.rejected_not_first_order, r.rejected_prefactor, r.rejected_degenerate,
                 r.intermediate_minima, r.landscape_force_calls})
    w.put<std::int64_t>(v);
}

void add_report(ByteReader& in, landscape::HarvestReport& r) {
  for (long* v : {&r.md_steps, &r.quenches, &r.transitions, &r.flickers_skipped, &r.events_added, &r.events_rejected,
                  &r.rejected_unconverged, &r.rejected_not_first_order, &r.rejected_prefactor,
                  &r.rejected_degenerate, &r.intermediate_minima, &r.landscape_force_calls})
    *v += static_cast<long>(in.get<std::int64_t>());
}

}  // namespace

std::uint64_t trajectory_seed(std::uint64_t seed, int k) {
  if (k == 0) return seed;
  kmc::Rng rng = kmc::make_run_rng(seed, static_cast<std::uint64_t>(k), kTrajectoryStream);
  return rng();
}

HarvestTrajectoriesResult harvest_trajectories(const md::System& system, const md::PairPotential& md_potential,
                                               const md::PairPotential& landscape_potential,
                                               const landscape::HarvestOptions& options, int trajectories,
                                               const landscape::Provenance& provenance) {
  if (trajectories < 1) throw InputError("trajectories", "must be >= 1");
  HarvestTrajectoriesResult result{landscape::Catalog(provenance), {}, {}};
  for (int k = 0; k < trajectories; ++k) result.seeds.push_back(trajectory_seed(options.seed, k));
  const std::clock_t cpu_start = std::clock();
  const std::vector<std::string> encoded = run_distributed_bytes(trajectories, [&](int k) {
    landscape::HarvestOptions mine = options;
    mine.seed = result.seeds[static_cast<std::size_t>(k)];
    mine.checkpoint_every = 0;
    mine.checkpoint = nullptr;
    landscape::Provenance p = provenance;
    p.seed = mine.seed;
    landscape::Catalog catalog(p);
    landscape::Harvester harvester(system, md_potential, landscape_potential, mine);
    const landscape::HarvestReport report = harvester.run(catalog);
    ByteWriter w;
    put_report(w, report);
    w.put_string(landscape::catalog_to_bytes(catalog));
    return w.bytes();
  });
  for (int k = 0; k < trajectories; ++k) {
    ByteReader in(encoded[static_cast<std::size_t>(k)]);
    add_report(in, result.report);
    const landscape::Catalog part =
        landscape::catalog_from_bytes(in.get_string(), "harvest trajectory " + std::to_string(k));
    landscape::merge_catalog(result.catalog, part);
  }
  // CPU time of every thread of every rank (the trajectories' own clocks would overlap).
  ByteWriter mine;
  mine.put(static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  for (const std::string& bytes : Ranks::world().all_gather(mine.bytes())) {
    ByteReader r(bytes);
    result.report.cpu_seconds += r.get<double>();
  }
  return result;
}

}  // namespace glassland::bridge
