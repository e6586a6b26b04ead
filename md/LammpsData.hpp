#pragma once
// LAMMPS data files, atom_style atomic: header (atoms, atom types, xlo xhi, ylo yhi, zlo zhi,
// optional xy xz yz), sections Masses, Atoms (id type x y z [ix iy iz]) and Velocities.
// "Pair Coeffs" / "PairIJ Coeffs" sections (written by LAMMPS' write_data) are skipped: the
// potential always comes from the potential preset or TOML file.
// Units are those of the given UnitSystem (LAMMPS `units lj` or `units metal`).
//
// Reading is strict: every malformed, truncated, duplicated or out-of-range entry is an
// InputError whose location is "file:line" and whose message names the field. Rules:
//   - box lengths must be finite and > 0; tilt factors finite;
//   - atom ids unique and > 0; types within 1..(atom types); coordinates finite;
//   - two atoms closer than kOverlapDistance (minimum image) are rejected as overlapping;
//   - Masses, if present, give every type a finite mass > 0; if absent, type_mass is all 0
//     (the caller supplies masses, e.g. from the potential: apply_default_masses());
//   - Velocities, if present, list every atom exactly once.
#include <string>
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

/// Atoms closer than this (length units) are "overlapping" and rejected when read.
inline constexpr double kOverlapDistance = 1e-6;

System read_lammps_data(const std::string& path, UnitSystem units);

/// Same, from text; `source` names it in errors (used by tests).
System parse_lammps_data(const std::string& text, const std::string& source, UnitSystem units);

/// Writes atom_style atomic with image flags and velocities, every number with 17 significant
/// digits so that reading it back gives the identical System. Atomic (no partial file).
void write_lammps_data(const std::string& path, const System& system);

/// Text of the data file write_lammps_data() writes.
std::string format_lammps_data(const System& system);

/// Sets the mass of every type whose mass is 0 (not given in the file) from `type_mass`
/// (index 0 unused). Throws InputError("masses", ...) if a type is still without mass.
void apply_default_masses(System& system, const std::vector<double>& type_mass);

/// Throws InputError(where, ...) naming both atom ids if two atoms are closer than
/// kOverlapDistance under periodic boundaries.
void check_no_overlaps(const System& system, const std::string& where);

}  // namespace glassland::md
