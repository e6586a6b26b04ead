#pragma once
// What an aKMC run leaves in its output directory, each file written atomically:
//   trajectory.csv  one row per event: event,time,energy,barrier,rate_total,atoms_moved,state,
//                   superbasin_exit,kT (time unit, energy unit, 1/time)
//   minima.dump     LAMMPS text dump (id type x y z), frame 0 the start minimum, then one frame
//                   per event (timestep = event number), positions wrapped into the box
//   catalog.glcat   every minimum and saddle met (schema 2: saddle configurations included)
//   summary.json    the run's totals (summary_json)
//   checkpoint.akmc the state needed by --resume (AkmcCheckpoint.hpp)
#include <string>

#include <nlohmann/json.hpp>

#include "bridge/akmc/AkmcRun.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

void write_trajectory_csv(const std::string& path, const AkmcRun& run);
/// `reference` supplies box, ids, types; positions come from the explorer's minima.
void write_minima_dump(const std::string& path, const md::System& reference, const StateExplorer& explorer,
                       const AkmcRun& run);
/// Totals of the run; `cpu_seconds` and its part `prefactor_cpu_seconds` (AkmcRun) summed over
/// ranks by the caller.
nlohmann::json summary_json(const AkmcRun& run, const StateExplorer& explorer, double cpu_seconds,
                            double prefactor_cpu_seconds);

}  // namespace glassland::bridge
