#pragma once
// The two neighbour passes of an embedded-atom force call, over one thread's share of the
// half list (same list, ghosts and buffers as the pair loop, PairLoop.hpp):
//   1. densities: rho_i += rho_b->a(r), rho_j += rho_a->b(r) for every pair within the cutoff;
//   (ForceCompute then sums the thread buffers, folds ghosts, and sets fp = F'(rho) on every
//    local and ghost site)
//   2. forces:    f = -(fp_i rho'_b->a + fp_j rho'_a->b + phi'_ab) r_ij / r, plus phi_ab energy.
// Grid lookup and the arithmetic order follow LAMMPS' pair_style eam so the pair terms are
// the same numbers.
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "md/EamPotential.hpp"
#include "md/NeighborList.hpp"

namespace glassland::md {

struct EamLoopArgs {
  const Site* x = nullptr;
  const int* first = nullptr;
  const int* neighbors = nullptr;
  const EamPotential* eam = nullptr;
  std::size_t begin = 0, end = 0;  ///< locals of this thread
  double* rho = nullptr;           ///< pass 1: this thread's density buffer (per extended site)
  const double* fp = nullptr;      ///< pass 2: F'(rho) per extended site
  double* force = nullptr;         ///< pass 2: 3 per extended site (this thread's buffer)
  double* energy_atom = nullptr;   ///< pass 2, per-atom mode: per extended site
  double* virial_atom = nullptr;   ///< pass 2, per-atom mode: 6 per extended site
};

/// Grid interval m (<= nr - 1) and fraction p (<= 1) of distance r, as LAMMPS.
inline void eam_locate(double r, double rdr, int nr, int& m, double& p) {
  p = r * rdr + 1.0;
  m = static_cast<int>(p);
  m = m < nr - 1 ? m : nr - 1;
  p -= m;
  p = p < 1.0 ? p : 1.0;
}

inline void eam_density_pass(const EamLoopArgs& a) {
  const Site* x = a.x;
  const double cutsq = a.eam->cutoff_squared(), rdr = a.eam->inverse_dr();
  const int nr = a.eam->nr();
  double* rho = a.rho;
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const int ti = x[i].type;
    double rho_i = 0.0;
    const int jend = a.first[i + 1];
    for (int jj = a.first[i]; jj < jend; ++jj) {
      const int j = a.neighbors[jj];
      const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
      const double rsq = dx * dx + dy * dy + dz * dz;
      if (rsq >= cutsq) continue;
      int m;
      double p;
      eam_locate(std::sqrt(rsq), rdr, nr, m, p);
      const EamPotential::DensityRow& c = a.eam->density_rows(ti, x[j].type)[m];
      rho_i += ((c.at_i[0] * p + c.at_i[1]) * p + c.at_i[2]) * p + c.at_i[3];
      rho[j] += ((c.at_j[0] * p + c.at_j[1]) * p + c.at_j[2]) * p + c.at_j[3];
    }
    rho[i] += rho_i;
  }
}

/// Embedding energy F(rho) of a site of type t; sets fp = F'(rho) (LAMMPS: linear beyond rho_max).
inline double eam_embed(const EamPotential& eam, int t, double rho, double& fp) {
  double p = rho * eam.inverse_drho() + 1.0;
  int m = static_cast<int>(p);
  m = std::max(1, std::min(m, eam.nrho() - 1));
  p -= m;
  p = std::min(p, 1.0);
  const SplineRow& c = eam.embedding_rows(t)[m];
  fp = (c[0] * p + c[1]) * p + c[2];
  double phi = ((c[3] * p + c[4]) * p + c[5]) * p + c[6];
  if (rho > eam.rho_max()) phi += fp * (rho - eam.rho_max());
  return phi;
}

/// Returns this thread's pair energy (sum of phi); adds forces and, if PerAtom, half of each
/// pair's energy and r (x) f to both atoms.
template <bool PerAtom>
double eam_force_pass(const EamLoopArgs& a) {
  const Site* x = a.x;
  const double cutsq = a.eam->cutoff_squared(), rdr = a.eam->inverse_dr();
  const int nr = a.eam->nr();
  double* f = a.force;
  const double* fp = a.fp;
  double energy = 0.0;
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const int ti = x[i].type;
    const double fpi = fp[i];
    double fxi = 0.0, fyi = 0.0, fzi = 0.0;
    const int jend = a.first[i + 1];
    for (int jj = a.first[i]; jj < jend; ++jj) {
      const int j = a.neighbors[jj];
      const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
      const double rsq = dx * dx + dy * dy + dz * dz;
      if (rsq >= cutsq) continue;
      const double r = std::sqrt(rsq);
      int m;
      double p;
      eam_locate(r, rdr, nr, m, p);
      const EamPotential::ForceRow& c = a.eam->force_rows(ti, x[j].type)[m];
      const double rhoip = (c.d_at_j[0] * p + c.d_at_j[1]) * p + c.d_at_j[2];
      const double rhojp = (c.d_at_i[0] * p + c.d_at_i[1]) * p + c.d_at_i[2];
      const double z2p = (c.dz[0] * p + c.dz[1]) * p + c.dz[2];
      const double z2 = ((c.z[0] * p + c.z[1]) * p + c.z[2]) * p + c.z[3];
      const double recip = 1.0 / r;
      const double phi = z2 * recip;
      const double phip = z2p * recip - phi * recip;
      const double psip = fpi * rhojp + fp[j] * rhoip + phip;
      const double fpair = -psip * recip;
      fxi += dx * fpair;
      fyi += dy * fpair;
      fzi += dz * fpair;
      f[3 * j] -= dx * fpair;
      f[3 * j + 1] -= dy * fpair;
      f[3 * j + 2] -= dz * fpair;
      energy += phi;
      if constexpr (PerAtom) {
        a.energy_atom[i] += 0.5 * phi;
        a.energy_atom[j] += 0.5 * phi;
        const double v[6] = {dx * dx * fpair, dy * dy * fpair, dz * dz * fpair,
                             dx * dy * fpair, dx * dz * fpair, dy * dz * fpair};
        for (std::size_t k = 0; k < 6; ++k) {
          a.virial_atom[6 * i + k] += 0.5 * v[k];
          a.virial_atom[6 * static_cast<std::size_t>(j) + k] += 0.5 * v[k];
        }
      }
    }
    f[3 * i] += fxi;
    f[3 * i + 1] += fyi;
    f[3 * i + 2] += fzi;
  }
  return energy;
}

}  // namespace glassland::md
