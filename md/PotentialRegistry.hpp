#pragma once
// Named potential presets and user TOML potential files.
//
// Every preset is registered in register_potential_presets() (PotentialRegistry.cpp), the one
// place to add a model. A TOML potential file (schema in docs/md-core.md) is strict: unknown
// keys, missing pairs, bad values are InputErrors naming file:line and the key.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "md/PairPotential.hpp"
#include "md/Registry.hpp"
#include "md/Units.hpp"

namespace glassland::md {

struct PotentialSpec {
  std::string name;               ///< preset name or the TOML path
  UnitSystem units = UnitSystem::lj;
  PairPotential pair;
  std::vector<double> type_mass;  ///< mass unit; index 0 unused; empty if the TOML gives none
};

/// A registered preset: how to build it, or (when `unavailable` is not empty) why it cannot be
/// built in this build (a preset users ask for by name whose parameters are not published).
struct PotentialPreset {
  std::function<PotentialSpec()> make;
  std::string unavailable;
};

/// The one place where presets are registered: wahnstrom, kob-andersen and their -sf variants,
/// cu-zr-mendelev2007, and the refused cu-zr-kmt.
void register_potential_presets(Registry<PotentialPreset>& registry);
/// The registry, built once.
const Registry<PotentialPreset>& potential_presets();

/// Names of all presets that can be loaded, sorted.
std::vector<std::string> potential_preset_names();

/// A preset name, or else a path to a TOML potential file. Throws InputError naming the
/// file:line/key, or "potential" if the name is neither a preset nor a readable file.
PotentialSpec load_potential(const std::string& preset_name_or_toml_path);

/// Path of a potential file shipped with LAMMPS: $LAMMPS_POTENTIALS/name if that variable is
/// set, else /usr/share/lammps/potentials/name (Debian's lammps-data).
std::string lammps_potential_file(const std::string& name);

/// An EAM potential (style eam/alloy or eam/fs) from the setfl file `path`; atom type t is
/// element type_elements[t-1]; metal units; masses from the file. Throws InputError naming
/// the file:line: field for a bad file, or `where`[t] for an element not in the file.
PotentialSpec eam_potential_spec(const std::string& name, const std::string& path, PairStyle style,
                                 std::vector<std::string> type_elements, const std::string& where);

/// Parses a TOML potential from a string; `source` names it in error messages.
PotentialSpec parse_potential_toml(const std::string& text, const std::string& source);

}  // namespace glassland::md
