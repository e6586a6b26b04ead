#pragma once
// What every bridge workflow (the commands, validate, the on-the-fly kMC) needs to start a run
// from user files: a system read in the potential's units, the neighbour skin, the smooth
// potential variant for saddle work, and the plot scripts of the source tree.
#include <string>
#include <vector>

#include "md/PotentialRegistry.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

/// Reads a LAMMPS data file in the potential's units, fills masses missing from the file
/// from the potential, and checks that the potential covers every atom type.
md::System read_system_for(const std::string& data_path, const md::PotentialSpec& spec);

/// Neighbour skin: `requested` if > 0, else 0.3 σ (lj units) or 1.0 Å (metal units).
double default_skin(md::UnitSystem units, double requested);

/// The smooth variant of a potential preset ("wahnstrom" -> "wahnstrom-sf") when one is
/// registered, else the name unchanged (saddle and quench work want continuous forces).
std::string smooth_variant(const std::string& potential);

/// Runs a plot script of the repository (path relative to the source tree, e.g.
/// "tools/plots/plot_quench.py") with Debian's /usr/bin/python3. Returns false and prints a
/// one-line warning (the run's data files are still valid) if python or matplotlib is missing.
bool run_plot_script(const std::string& script, const std::vector<std::string>& args);

}  // namespace glassland::bridge
