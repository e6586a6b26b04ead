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
#include "md/SimdLevel.hpp"

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

/// Most atom types the vectorised passes handle (one element per type).
inline constexpr int kMaxEamTypes = 16;

/// Grid interval m (<= nr - 1) and fraction p (<= 1) of distance r, as LAMMPS.
GLASSLAND_ALWAYS_INLINE void eam_locate(double r, double rdr, int nr, int& m, double& p) {
  p = r * rdr + 1.0;
  m = static_cast<int>(p);
  m = m < nr - 1 ? m : nr - 1;
  p -= m;
  p = p < 1.0 ? p : 1.0;
}

inline constexpr int kEamBlock = 64;

/// Pass 1 over this thread's locals: adds densities to a.rho (locals and ghosts).
GLASSLAND_ALWAYS_INLINE void eam_density_pass(const EamLoopArgs& a) {
  const Site* x = a.x;
  const double cutsq = a.eam->cutoff_squared(), rdr = a.eam->inverse_dr();
  const int nr = a.eam->nr();
  const int ntypes = a.eam->ntypes();
  double* rho = a.rho;
  alignas(64) double to_j[kEamBlock];
  const EamPotential::DensityRow* rows[kMaxEamTypes + 1];
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    for (int b = 1; b <= ntypes; ++b) rows[b] = a.eam->density_rows(x[i].type, b);
    double rho_i = 0.0;
    const int jend = a.first[i + 1];
    for (int start = a.first[i]; start < jend; start += kEamBlock) {
      const int count = jend - start < kEamBlock ? jend - start : kEamBlock;
      const int* block = a.neighbors + start;
#pragma omp simd reduction(+ : rho_i)
      for (int k = 0; k < count; ++k) {
        const int j = block[k];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double rsq = dx * dx + dy * dy + dz * dz;
        const bool inside = rsq < cutsq;
        int m;
        double p;
        eam_locate(std::sqrt(rsq), rdr, nr, m, p);
        const EamPotential::DensityRow& c = rows[x[j].type][m];
        const double at_i = ((c.at_i[0] * p + c.at_i[1]) * p + c.at_i[2]) * p + c.at_i[3];
        const double at_j = ((c.at_j[0] * p + c.at_j[1]) * p + c.at_j[2]) * p + c.at_j[3];
        rho_i += inside ? at_i : 0.0;
        to_j[k] = inside ? at_j : 0.0;
      }
      for (int k = 0; k < count; ++k) rho[block[k]] += to_j[k];
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

/// The force of one pair (fpair = -dE/dr / r) and its pair energy phi, as LAMMPS computes them.
GLASSLAND_ALWAYS_INLINE double eam_pair_force(const EamPotential::ForceRow& c, double p, double r, double fpi, double fpj,
                                              double& phi) {
  const double rhoip = (c.d_at_j[0] * p + c.d_at_j[1]) * p + c.d_at_j[2];
  const double rhojp = (c.d_at_i[0] * p + c.d_at_i[1]) * p + c.d_at_i[2];
  const double z2p = (c.dz[0] * p + c.dz[1]) * p + c.dz[2];
  const double z2 = ((c.z[0] * p + c.z[1]) * p + c.z[2]) * p + c.z[3];
  const double recip = 1.0 / r;
  phi = z2 * recip;
  const double phip = z2p * recip - phi * recip;
  const double psip = fpi * rhojp + fpj * rhoip + phip;
  return -psip * recip;
}

/// Pass 2 without per-atom output, vectorised over blocks of neighbours (gathers; the
/// scatter to f[j] is a scalar loop). Returns this thread's pair energy.
GLASSLAND_ALWAYS_INLINE double eam_force_pass_fast(const EamLoopArgs& a) {
  const Site* x = a.x;
  const double cutsq = a.eam->cutoff_squared(), rdr = a.eam->inverse_dr();
  const int nr = a.eam->nr();
  const int ntypes = a.eam->ntypes();
  double* f = a.force;
  const double* fp = a.fp;
  double energy = 0.0;
  alignas(64) double bx[kEamBlock], by[kEamBlock], bz[kEamBlock];
  const EamPotential::ForceRow* rows[kMaxEamTypes + 1];
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    for (int b = 1; b <= ntypes; ++b) rows[b] = a.eam->force_rows(x[i].type, b);
    const double fpi = fp[i];
    double fxi = 0.0, fyi = 0.0, fzi = 0.0;
    const int jend = a.first[i + 1];
    for (int start = a.first[i]; start < jend; start += kEamBlock) {
      const int count = jend - start < kEamBlock ? jend - start : kEamBlock;
      const int* block = a.neighbors + start;
#pragma omp simd reduction(+ : fxi, fyi, fzi, energy)
      for (int k = 0; k < count; ++k) {
        const int j = block[k];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double rsq = dx * dx + dy * dy + dz * dz;
        const bool inside = rsq < cutsq;
        const double r = std::sqrt(rsq);
        int m;
        double p;
        eam_locate(r, rdr, nr, m, p);
        double phi;
        double fpair = eam_pair_force(rows[x[j].type][m], p, r, fpi, fp[j], phi);
        fpair = inside ? fpair : 0.0;
        energy += inside ? phi : 0.0;
        bx[k] = dx * fpair;
        by[k] = dy * fpair;
        bz[k] = dz * fpair;
        fxi += bx[k];
        fyi += by[k];
        fzi += bz[k];
      }
      for (int k = 0; k < count; ++k) {
        const int j = block[k];
        f[3 * j] -= bx[k];
        f[3 * j + 1] -= by[k];
        f[3 * j + 2] -= bz[k];
      }
    }
    f[3 * i] += fxi;
    f[3 * i + 1] += fyi;
    f[3 * i + 2] += fzi;
  }
  return energy;
}

/// Returns this thread's pair energy (sum of phi); adds forces and, if PerAtom, half of each
/// pair's energy and r (x) f to both atoms. (Scalar reference loop; used for per-atom output.)
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
      double phi;
      const double fpair = eam_pair_force(a.eam->force_rows(ti, x[j].type)[m], p, r, fpi, fp[j], phi);
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

namespace glassland::md {

// Entry points per instruction set (SimdLevel.hpp), chosen at run time by ForceCompute.
struct EamPasses {
  void (*density)(const EamLoopArgs&) = nullptr;
  double (*force)(const EamLoopArgs&) = nullptr;
};
inline void eam_density_scalar(const EamLoopArgs& a) { eam_density_pass(a); }
inline double eam_force_scalar(const EamLoopArgs& a) { return eam_force_pass_fast(a); }
GLASSLAND_TARGET_AVX2 inline void eam_density_avx2(const EamLoopArgs& a) { eam_density_pass(a); }
GLASSLAND_TARGET_AVX2 inline double eam_force_avx2(const EamLoopArgs& a) { return eam_force_pass_fast(a); }
GLASSLAND_TARGET_AVX512 inline void eam_density_avx512(const EamLoopArgs& a) { eam_density_pass(a); }
GLASSLAND_TARGET_AVX512 inline double eam_force_avx512(const EamLoopArgs& a) { return eam_force_pass_fast(a); }

inline EamPasses eam_passes(SimdLevel level) {
  switch (level) {
    case SimdLevel::avx512: return {&eam_density_avx512, &eam_force_avx512};
    case SimdLevel::avx2: return {&eam_density_avx2, &eam_force_avx2};
    default: return {&eam_density_scalar, &eam_force_scalar};
  }
}

}  // namespace glassland::md
