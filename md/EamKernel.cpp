#include "md/EamKernel.hpp"

#include <algorithm>
#include <cmath>

#include "md/PairLoop.hpp"

namespace glassland::md {

double eam_embed(const EamPotential& eam, int t, double rho, double& fp) {
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

namespace {

/// Neighbours per block of the vector loops (the pair loop's blocks, for_each_block: SIMD with
/// gathers into small buffers, then a scalar loop for the scatter).
constexpr int kEamBlock = kPairBlock;

/// Knot offsets (EamPotential::knots()) of the functions an atom of type a needs, by the
/// neighbour's type b: the table is chosen per pair by a gather, without branches.
struct KnotOffsets {
  int at_i[kMaxEamTypes + 1];  ///< rho_b->a (density at i from j)
  int at_j[kMaxEamTypes + 1];  ///< rho_a->b
  int z[kMaxEamTypes + 1];     ///< r phi_ab
  KnotOffsets(const EamPotential& eam, int a) {
    for (int b = 1; b <= eam.ntypes(); ++b) {
      at_i[b] = eam.density_knots(b, a);
      at_j[b] = eam.density_knots(a, b);
      z[b] = eam.pair_knots(a, b);
    }
  }
};

/// fpair and phi of a pair at distance r, j of type b, for an atom whose offsets are `off`.
GLASSLAND_ALWAYS_INLINE double pair_force_at(const double* knots, const KnotOffsets& off, int b, double r, double rdr,
                                             int nr, double fpi, double fpj, double& phi) {
  int m;
  double p;
  eam_locate(r, rdr, nr, m, p);
  return eam_pair_force(knots, off.at_i[b] + 2 * m, off.at_j[b] + 2 * m, off.z[b] + 2 * m, p, rdr, r, fpi, fpj, phi);
}

/// Pass 1 over this thread's locals: adds densities to a.rho (locals and ghosts) and writes
/// the neighbours within the cutoff to the short list (branch-free: every neighbour is stored,
/// the write position advances only for those inside).
GLASSLAND_ALWAYS_INLINE void density_pass(const EamLoopArgs& a) {
  const Site* x = a.x;
  const double* knots = a.eam->knots();
  const double cutsq = a.eam->cutoff_squared(), rdr = a.eam->inverse_dr();
  const int nr = a.eam->nr();
  double* rho = a.rho;
  int* kept_list = a.short_list;
  alignas(64) double to_i[kEamBlock], to_j[kEamBlock];
  alignas(64) int keep[kEamBlock];
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const KnotOffsets off(*a.eam, x[i].type);
    double rho_i = 0.0;
    int kept = 0;
    for_each_block(a.neighbors, a.first[i], a.first[i + 1], [&](const int* block, int count) GLASSLAND_INLINE_LAMBDA {
#pragma omp simd
      for (int k = 0; k < count; ++k) {
        const int j = block[k];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double rsq = dx * dx + dy * dy + dz * dz;
        const bool inside = rsq < cutsq;
        int m;
        double p;
        eam_locate(std::sqrt(rsq), rdr, nr, m, p);
        const int b = x[j].type;
        // Weights, not selects: GCC would turn a select into masked gathers, which it cannot
        // vectorise here. Outside the cutoff p = 1 on the last interval: finite values.
        const double weight = inside ? 1.0 : 0.0;
        to_i[k] = weight * eam_knot_value(knots, off.at_i[b] + 2 * m, p);
        to_j[k] = weight * eam_knot_value(knots, off.at_j[b] + 2 * m, p);
        keep[k] = inside ? 1 : 0;
      }
      for (int k = 0; k < count; ++k) {
        const int j = block[k];
        rho_i += to_i[k];
        rho[j] += to_j[k];
        kept_list[kept] = j;
        kept += keep[k];
      }
    });
    rho[i] += rho_i;
    a.short_count[i] = kept;
    kept_list += kept;
  }
}

/// Pass 2 without per-atom output over the short list, vectorised over blocks of neighbours
/// (gathers; the scatter to f[j] is the pair loop's scalar loop). Returns the pair energy.
GLASSLAND_ALWAYS_INLINE double force_pass(const EamLoopArgs& a) {
  const Site* x = a.x;
  const double* knots = a.eam->knots();
  const double rdr = a.eam->inverse_dr();
  const int nr = a.eam->nr();
  double* f = a.force;
  const double* fp = a.fp;
  const int* list = a.short_list;
  double energy = 0.0;
  alignas(64) double bx[kEamBlock], by[kEamBlock], bz[kEamBlock], be[kEamBlock];
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const KnotOffsets off(*a.eam, x[i].type);
    const double fpi = fp[i];
    double fxi = 0.0, fyi = 0.0, fzi = 0.0;
    const int total = a.short_count[i];
    for_each_block(list, 0, total, [&](const int* block, int count) GLASSLAND_INLINE_LAMBDA {
#pragma omp simd
      for (int k = 0; k < count; ++k) {
        const int j = block[k];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double r = std::sqrt(dx * dx + dy * dy + dz * dz);
        double phi;
        const double fpair = pair_force_at(knots, off, x[j].type, r, rdr, nr, fpi, fp[j], phi);
        be[k] = phi;
        bx[k] = dx * fpair;
        by[k] = dy * fpair;
        bz[k] = dz * fpair;
      }
      scatter_pair_block(block, count, bx, by, bz, be, f, fxi, fyi, fzi, energy);
    });
    f[3 * i] += fxi;
    f[3 * i + 1] += fyi;
    f[3 * i + 2] += fzi;
    list += total;
  }
  return energy;
}

void density_scalar(const EamLoopArgs& a) { density_pass(a); }
double force_scalar(const EamLoopArgs& a) { return force_pass(a); }
#ifdef GLASSLAND_X86_DISPATCH
GLASSLAND_TARGET_AVX2 void density_avx2(const EamLoopArgs& a) { density_pass(a); }
GLASSLAND_TARGET_AVX2 double force_avx2(const EamLoopArgs& a) { return force_pass(a); }
GLASSLAND_TARGET_AVX512 void density_avx512(const EamLoopArgs& a) { density_pass(a); }
GLASSLAND_TARGET_AVX512 double force_avx512(const EamLoopArgs& a) { return force_pass(a); }
#endif

}  // namespace

double eam_force_pass_per_atom(const EamLoopArgs& a) {
  const Site* x = a.x;
  const double* knots = a.eam->knots();
  const double cutsq = a.eam->cutoff_squared(), rdr = a.eam->inverse_dr();
  const int nr = a.eam->nr();
  double energy = 0.0;
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const KnotOffsets off(*a.eam, x[i].type);
    double fxi = 0.0, fyi = 0.0, fzi = 0.0;
    for (int jj = a.first[i]; jj < a.first[i + 1]; ++jj) {
      const int j = a.neighbors[jj];
      const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
      const double rsq = dx * dx + dy * dy + dz * dz;
      if (rsq >= cutsq) continue;
      double phi;
      const double fpair = pair_force_at(knots, off, x[j].type, std::sqrt(rsq), rdr, nr, a.fp[i], a.fp[j], phi);
      energy += phi;
      add_pair_per_atom(i, j, dx, dy, dz, fpair, phi, a.force, a.energy_atom, a.virial_atom, fxi, fyi, fzi);
    }
    a.force[3 * i] += fxi;
    a.force[3 * i + 1] += fyi;
    a.force[3 * i + 2] += fzi;
  }
  return energy;
}

EamPasses eam_passes(SimdLevel level) {
#ifdef GLASSLAND_X86_DISPATCH
  if (level == SimdLevel::avx512) return {&density_avx512, &force_avx512};
  if (level == SimdLevel::avx2) return {&density_avx2, &force_avx2};
#else
  (void)level;
#endif
  return {&density_scalar, &force_scalar};
}

}  // namespace glassland::md
