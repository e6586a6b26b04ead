#include "bridge/akmc/EventTableBuilder.hpp"

#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "landscape/InherentStructure.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/Error.hpp"
#include "md/Minimizer.hpp"

namespace glassland::bridge {

std::pair<Eigen::VectorXd, double> relax_start(const Surface& surface, const Eigen::VectorXd& x,
                                               const landscape::QuenchOptions& quench, double max_force,
                                               const std::string& where) {
  const std::unique_ptr<md::Objective> objective = surface.make_objective();
  Eigen::VectorXd gradient(x.size());
  const double energy = objective->value_and_gradient(x, gradient);
  const double force = md::max_block_norm(gradient, surface.space.block_size());
  if (!std::isfinite(energy) || !std::isfinite(force) || force > max_force)
    throw InputError(where, fmt::format("not a configuration that can be minimized: largest force {:.3g} "
                                        "(limit {:.3g}, energy/length; overlapping atoms?)",
                                        force, max_force));
  try {
    landscape::QuenchResult q = landscape::quench(*objective, x, quench);
    return {std::move(q.position), q.energy};
  } catch (const InputError& e) {
    throw InputError(where, std::string("does not relax to a minimum: ") + e.what());
  }
}

ExploredStart explore_start(const md::System& system, const md::PairPotential& pair, const EventTableOptions& options,
                            const landscape::QuenchOptions& start_quench, const std::string& where,
                            const std::string& program) {
  if (!(options.kT > 0.0) || !std::isfinite(options.kT)) throw InputError("kT", "must be a finite number > 0");
  Surface surface = atomic_surface(system, pair, options.skin);
  ExploredStart start;
  std::tie(start.x, start.energy) =
      relax_start(surface, landscape::flat_positions(system), start_quench, options.max_start_force, where);
  start.catalog = std::make_unique<landscape::Catalog>(
      landscape::Provenance{"", surface.units, options.kT, options.exploration.seed, "", program});
  start.explorer = std::make_unique<StateExplorer>(std::move(surface), min_mode_searcher(options.search),
                                                   options.exploration, *start.catalog);
  start.id = start.explorer->add_state(start.x, start.energy, landscape::kNoMinimum);
  start.explorer->explore(start.id, options.kT, std::nullopt);
  return start;
}

EventTableBuild build_event_table(const md::System& system, const md::PairPotential& pair,
                                  const EventTableOptions& options) {
  ExploredStart start =
      explore_start(system, pair, options, options.search.quench, "system", "glassland build_event_table");
  EventTableBuild build;
  build.table = start.explorer->table(start.id);
  build.totals = start.explorer->totals();
  start.explorer.reset();  // it refers to the catalog, which moves out next
  build.catalog = std::move(*start.catalog);
  return build;
}

}  // namespace glassland::bridge
