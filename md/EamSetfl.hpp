#pragma once
// Reader of LAMMPS/DYNAMO "setfl" embedded-atom files, both flavours:
//   eam/alloy  one density function per element,
//   eam/fs     (Finnis–Sinclair) one density function per ordered element pair.
// Layout (LAMMPS `pair_style eam/alloy` and `eam/fs` documentation):
//   lines 1-3   comments
//   line 4      Nelements Element1 Element2 ...
//   line 5      Nrho drho Nr dr cutoff
//   per element I: a line "Z mass lattice-constant lattice-type", then Nrho values of F_I(rho),
//     then Nr values of rho_I(r) (alloy) or N blocks of Nr values rho_IJ(r), J = 1..N (fs)
//   then r*phi_IJ(r) for I = 1..N, J = 1..I (Nr values each).
// Values run across lines freely; '#' starts a comment. Grid: rho_k = k drho, r_k = k dr,
// k = 0..N-1. Units: metal (eV, Angstrom, g/mol).
#include <string>
#include <vector>

namespace glassland::md {

struct EamSetfl {
  std::string path;
  bool finnis_sinclair = false;        ///< eam/fs layout
  std::vector<std::string> elements;
  std::vector<double> mass;            ///< per element (g/mol)
  int nrho = 0, nr = 0;
  double drho = 0, dr = 0, cutoff = 0;
  std::vector<std::vector<double>> embedding;  ///< [element][k] F(rho_k) (eV)
  /// [I * N + J][k]: density that an atom of element I creates at an atom of element J at r_k
  /// (alloy: the same rho_I for every J).
  std::vector<std::vector<double>> density;
  /// [I * N + J][k] = r_k phi_IJ(r_k) (eV Angstrom), symmetric in I, J.
  std::vector<std::vector<double>> r_phi;

  int element_index(const std::string& name) const;  ///< -1 if absent
};

/// Reads a setfl file. Throws InputError("path:line: field '...'", ...) for a missing file,
/// wrong counts, a non-numeric, NaN or infinite value, a truncated table or extra values.
EamSetfl read_eam_setfl(const std::string& path, bool finnis_sinclair);

}  // namespace glassland::md
