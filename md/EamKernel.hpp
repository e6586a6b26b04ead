#pragma once
// The two neighbour passes of an embedded-atom force call, over one thread's share of the
// half list (same list, ghosts and buffers as the pair loop, PairLoop.hpp):
//   1. densities: rho_i += rho_b->a(r), rho_j += rho_a->b(r) for every pair within the cutoff;
//      the pairs within the cutoff are kept in this thread's short list for pass 2;
//   (ForceCompute then sums the thread buffers, folds ghosts, and sets fp = F'(rho) on every
//    local and ghost site)
//   2. forces:    f = -(fp_i rho'_b->a + fp_j rho'_a->b + phi'_ab) r_ij / r, plus phi_ab energy,
//      over the short list only.
// Grid lookup and the arithmetic of LAMMPS' pair_style eam (the spline coefficients are
// rebuilt from the knots with LAMMPS' formulas), so the pair terms are the same numbers up to
// the last bits (fused multiply-adds). The vector passes live in EamKernel.cpp, compiled per
// instruction set (SimdLevel.hpp).
#include <cstddef>

#include "md/EamPotential.hpp"
#include "md/NeighborList.hpp"
#include "md/SimdLevel.hpp"

namespace glassland::md {

struct EamLoopArgs {
  const Site* x = nullptr;
  const int* first = nullptr;
  const int* neighbors = nullptr;
  const EamPotential* eam = nullptr;
  std::size_t begin = 0, end = 0;  ///< locals of this thread
  double* rho = nullptr;           ///< pass 1: this thread's density buffer (per extended site)
  int* short_list = nullptr;       ///< pass 1 writes, pass 2 reads: neighbours within the
                                   ///< cutoff, atom after atom (room for first[end] - first[begin])
  int* short_count = nullptr;      ///< per local site: its entries in short_list
  const double* fp = nullptr;      ///< pass 2: F'(rho) per extended site
  double* force = nullptr;         ///< pass 2: 3 per extended site (this thread's buffer)
  double* energy_atom = nullptr;   ///< pass 2, per-atom mode: per extended site
  double* virial_atom = nullptr;   ///< pass 2, per-atom mode: 6 per extended site
};

/// Most atom types the passes handle (one element per type; EamPotential checks it).
inline constexpr int kMaxEamTypes = 16;

/// Grid interval m (<= nr - 1) and fraction p (<= 1) of distance r, as LAMMPS.
GLASSLAND_ALWAYS_INLINE void eam_locate(double r, double rdr, int nr, int& m, double& p) {
  p = r * rdr + 1.0;
  m = static_cast<int>(p);
  m = m < nr - 1 ? m : nr - 1;
  p -= m;
  p = p < 1.0 ? p : 1.0;
}

// LAMMPS' Hermite cubic on interval m from the knots t[o..o+3] = (f_m, s_m, f_m+1, s_m+1),
// o = function offset + 2 m (PairEAM::interpolate(): c4 = 3 (f_m+1 - f_m) - 2 s_m - s_m+1,
// c3 = s_m + s_m+1 - 2 (f_m+1 - f_m)). Integer offsets, not pointers: GCC turns t[o + c] into
// gathers, but not loads through a vector of pointers.
/// Value ((c3 p + c4) p + s_m) p + f_m.
GLASSLAND_ALWAYS_INLINE double eam_knot_value(const double* t, int o, double p) {
  const double d = t[o + 2] - t[o];
  const double c4 = 3.0 * d - 2.0 * t[o + 1] - t[o + 3];
  const double c3 = t[o + 1] + t[o + 3] - 2.0 * d;
  return ((c3 * p + c4) * p + t[o + 1]) * p + t[o];
}
/// Derivative with respect to r: ((3 c3 p + 2 c4) p + s_m) / dr.
GLASSLAND_ALWAYS_INLINE double eam_knot_slope(const double* t, int o, double p, double rdr) {
  const double d = t[o + 2] - t[o];
  const double c4 = 3.0 * d - 2.0 * t[o + 1] - t[o + 3];
  const double c3 = t[o + 1] + t[o + 3] - 2.0 * d;
  return ((3.0 * c3 * p + 2.0 * c4) * p + t[o + 1]) * rdr;
}

/// The force of one pair (fpair = -dE/dr / r) and its pair energy phi, as LAMMPS computes them:
/// `at_i`, `at_j`, `z` are the knot offsets (in t) of interval m of rho_b->a, rho_a->b and z = r phi.
GLASSLAND_ALWAYS_INLINE double eam_pair_force(const double* t, int at_i, int at_j, int z, double p, double rdr,
                                              double r, double fpi, double fpj, double& phi) {
  const double rhojp = eam_knot_slope(t, at_i, p, rdr);  // LAMMPS' names: d rho_j->i / dr
  const double rhoip = eam_knot_slope(t, at_j, p, rdr);
  const double z2p = eam_knot_slope(t, z, p, rdr);
  const double z2 = eam_knot_value(t, z, p);
  const double recip = 1.0 / r;
  phi = z2 * recip;
  const double phip = z2p * recip - phi * recip;
  const double psip = fpi * rhojp + fpj * rhoip + phip;
  return -psip * recip;
}

/// Embedding energy F(rho) of a site of type t; sets fp = F'(rho) (LAMMPS: linear beyond rho_max).
double eam_embed(const EamPotential& eam, int t, double rho, double& fp);

/// Scalar pass 2 over the full list with per-atom energy and virial (half of each pair's phi
/// and r (x) f to both atoms). Returns this thread's pair energy.
double eam_force_pass_per_atom(const EamLoopArgs& a);

// Entry points per instruction set (SimdLevel.hpp), chosen at run time by ForceCompute.
struct EamPasses {
  void (*density)(const EamLoopArgs&) = nullptr;  ///< pass 1 (fills rho and the short list)
  double (*force)(const EamLoopArgs&) = nullptr;  ///< pass 2 without per-atom output
};
EamPasses eam_passes(SimdLevel level);

}  // namespace glassland::md
