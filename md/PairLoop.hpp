#pragma once
// The one pair loop, templated on a style's evaluator (PairEvaluators.hpp). It owns what is
// common to every pair style: the half neighbour list with ghosts, Newton's third law, the
// per-thread force buffers, the cutoff test and per-atom energy and virial. The evaluator only
// turns a squared distance into a pair force and energy.
#include <cmath>
#include <cstddef>

#include "md/NeighborList.hpp"
#include "md/PairEvaluators.hpp"
#include "md/SimdLevel.hpp"

namespace glassland::md {

/// What one thread's share of the pair loop reads and writes (raw pointers into ForceCompute).
struct PairLoopArgs {
  const Site* x = nullptr;         ///< extended sites (locals, then ghosts)
  const int* first = nullptr;      ///< half-list offsets of the locals
  const int* neighbors = nullptr;  ///< extended indices
  const PairTerm* table = nullptr; ///< stride x stride, row/column 0 unused
  int stride = 0;
  std::size_t begin = 0, end = 0;  ///< locals of this thread
  double* force = nullptr;         ///< 3 per extended site (this thread's buffer)
  double* energy_atom = nullptr;   ///< per extended site, or null
  double* virial_atom = nullptr;   ///< 6 per extended site (xx yy zz xy xz yz), or null
};

/// Neighbours per block of the vectorised loop: computed with SIMD (gathers only) into a
/// small buffer, then scattered to f[j] by a scalar loop (AVX2 has no scatter instruction,
/// and compilers do not vectorise a loop that both gathers and scatters without it).
inline constexpr int kPairBlock = 64;

/// Walks list[begin, end) in blocks of at most kPairBlock entries: body(block, count). The
/// body is a GLASSLAND_INLINE_LAMBDA with a SIMD loop over the block and a scalar scatter.
template <class Body>
GLASSLAND_ALWAYS_INLINE void for_each_block(const int* list, int begin, int end, Body&& body) {
  for (int start = begin; start < end; start += kPairBlock)
    body(list + start, end - start < kPairBlock ? end - start : kPairBlock);
}

/// The scalar half of a vector block: sums the block's forces (b*[k] = force on i from
/// neighbour k) and pair energies `be` into the atom's totals and subtracts each
/// force from its neighbour (Newton's third law). Shared by the pair loop and the EAM force pass.
GLASSLAND_ALWAYS_INLINE void scatter_pair_block(const int* block, int count, const double* bx, const double* by,
                                                const double* bz, const double* be, double* f, double& fxi,
                                                double& fyi, double& fzi, double& energy) {
  for (int k = 0; k < count; ++k) {
    const int j = block[k];
    fxi += bx[k];
    fyi += by[k];
    fzi += bz[k];
    energy += be[k];
    f[3 * j] -= bx[k];
    f[3 * j + 1] -= by[k];
    f[3 * j + 2] -= bz[k];
  }
}

/// One pair of the scalar per-atom loops (pair styles and EAM): the force on i is summed by
/// the caller in f*i, the force on j subtracted in `f`; half the pair energy and half of
/// r (x) f go to each atom.
GLASSLAND_ALWAYS_INLINE void add_pair_per_atom(std::size_t i, int j, double dx, double dy, double dz, double fpair,
                                               double epair, double* f, double* energy_atom, double* virial_atom,
                                               double& fxi, double& fyi, double& fzi) {
  fxi += dx * fpair;
  fyi += dy * fpair;
  fzi += dz * fpair;
  const auto sj = static_cast<std::size_t>(j);
  f[3 * sj] -= dx * fpair;
  f[3 * sj + 1] -= dy * fpair;
  f[3 * sj + 2] -= dz * fpair;
  energy_atom[i] += 0.5 * epair;
  energy_atom[sj] += 0.5 * epair;
  const double v[6] = {dx * dx * fpair, dy * dy * fpair, dz * dz * fpair,
                       dx * dy * fpair, dx * dz * fpair, dy * dz * fpair};
  for (std::size_t c = 0; c < 6; ++c) {
    virial_atom[6 * i + c] += 0.5 * v[c];
    virial_atom[6 * sj + c] += 0.5 * v[c];
  }
}

/// Returns this thread's pair energy; adds forces (and per-atom terms if PerAtom).
/// SingleType: one atom type, the coefficients are loop constants (no gathers).
/// Always inlined into the per-instruction-set entry points below, which compile it for
/// their target.
template <class Evaluator, bool PerAtom, bool SingleType>
GLASSLAND_ALWAYS_INLINE double pair_loop(const PairLoopArgs& a) {
  const Site* x = a.x;
  const int* nb = a.neighbors;
  double* f = a.force;
  double energy = 0.0;
  alignas(64) double bx[kPairBlock], by[kPairBlock], bz[kPairBlock], be[kPairBlock];
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const PairTerm* row = a.table + x[i].type * a.stride;
    double fxi = 0.0, fyi = 0.0, fzi = 0.0;
    const int jend = a.first[i + 1];
    if constexpr (!PerAtom) {
      for_each_block(nb, a.first[i], jend, [&](const int* block, int count) GLASSLAND_INLINE_LAMBDA {
        // No reductions in the vector loop (GCC 12 then fails to vectorise it for AVX2): the
        // sums over the block are taken in the scalar scatter loop.
#pragma omp simd
        for (int k = 0; k < count; ++k) {
          const int j = block[k];
          const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
          const double rsq = dx * dx + dy * dy + dz * dz;
          const PairTerm& t = SingleType ? row[1] : row[x[j].type];
          const bool inside = rsq < t.cutsq;
          double fpair = 0.0, epair = 0.0;
          Evaluator::evaluate(t, rsq, fpair, epair);
          fpair = inside ? fpair : 0.0;
          be[k] = inside ? epair : 0.0;
          bx[k] = dx * fpair;
          by[k] = dy * fpair;
          bz[k] = dz * fpair;
        }
        scatter_pair_block(block, count, bx, by, bz, be, f, fxi, fyi, fzi, energy);
      });
    } else {
      for (int jj = a.first[i]; jj < jend; ++jj) {
        const int j = nb[jj];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double rsq = dx * dx + dy * dy + dz * dz;
        const PairTerm& t = row[x[j].type];
        if (rsq >= t.cutsq) continue;
        double fpair, epair;
        Evaluator::evaluate(t, rsq, fpair, epair);
        energy += epair;
        add_pair_per_atom(i, j, dx, dy, dz, fpair, epair, a.force, a.energy_atom, a.virial_atom, fxi, fyi, fzi);
      }
    }
    f[3 * i] += fxi;
    f[3 * i + 1] += fyi;
    f[3 * i + 2] += fzi;
  }
  return energy;
}

using PairLoopFunction = double (*)(const PairLoopArgs&);

// The entry points per instruction set (SimdLevel.hpp), chosen at run time.
template <class Evaluator, bool PerAtom, bool SingleType>
double pair_loop_scalar(const PairLoopArgs& a) {
  return pair_loop<Evaluator, PerAtom, SingleType>(a);
}
template <class Evaluator, bool PerAtom, bool SingleType>
GLASSLAND_TARGET_AVX2 double pair_loop_avx2(const PairLoopArgs& a) {
  return pair_loop<Evaluator, PerAtom, SingleType>(a);
}
template <class Evaluator, bool PerAtom, bool SingleType>
GLASSLAND_TARGET_AVX512 double pair_loop_avx512(const PairLoopArgs& a) {
  return pair_loop<Evaluator, PerAtom, SingleType>(a);
}

/// The three variants (per-atom output, single type, general) of one style for one level.
struct PairLoops {
  PairLoopFunction per_atom = nullptr, single_type = nullptr, general = nullptr;
};

template <class Evaluator>
PairLoops pair_loops(SimdLevel level) {
  switch (level) {
    case SimdLevel::avx512:
      return {&pair_loop_avx512<Evaluator, true, false>, &pair_loop_avx512<Evaluator, false, true>,
              &pair_loop_avx512<Evaluator, false, false>};
    case SimdLevel::avx2:
      return {&pair_loop_avx2<Evaluator, true, false>, &pair_loop_avx2<Evaluator, false, true>,
              &pair_loop_avx2<Evaluator, false, false>};
    default:
      return {&pair_loop_scalar<Evaluator, true, false>, &pair_loop_scalar<Evaluator, false, true>,
              &pair_loop_scalar<Evaluator, false, false>};
  }
}

}  // namespace glassland::md
