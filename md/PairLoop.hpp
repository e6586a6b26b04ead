#pragma once
// The one pair loop, templated on a style's evaluator (PairEvaluators.hpp). It owns what is
// common to every pair style: the half neighbour list with ghosts, Newton's third law, the
// per-thread force buffers, the cutoff test and per-atom energy and virial. The evaluator only
// turns a squared distance into a pair force and energy.
#include <cmath>
#include <cstddef>

#include "md/NeighborList.hpp"
#include "md/PairEvaluators.hpp"

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

/// Returns this thread's pair energy; adds forces (and per-atom terms if PerAtom).
/// SingleType: one atom type, the coefficients are loop constants (no gathers).
template <class Evaluator, bool PerAtom, bool SingleType>
double pair_loop(const PairLoopArgs& a) {
  const Site* x = a.x;
  const int* nb = a.neighbors;
  double* f = a.force;
  double energy = 0.0;
  for (std::size_t i = a.begin; i < a.end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const PairTerm* row = a.table + x[i].type * a.stride;
    double fxi = 0.0, fyi = 0.0, fzi = 0.0;
    const int jend = a.first[i + 1];
    if constexpr (!PerAtom) {
      // Vectorised over neighbours: the j of one list are distinct, so the scattered
      // updates of f[j] cannot collide within a SIMD vector.
#pragma omp simd reduction(+ : fxi, fyi, fzi, energy)
      for (int jj = a.first[i]; jj < jend; ++jj) {
        const int j = nb[jj];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double rsq = dx * dx + dy * dy + dz * dz;
        const PairTerm& t = SingleType ? row[1] : row[x[j].type];
        const bool inside = rsq < t.cutsq;
        double fpair, epair;
        Evaluator::evaluate(t, rsq, fpair, epair);
        fpair = inside ? fpair : 0.0;
        epair = inside ? epair : 0.0;
        fxi += dx * fpair;
        fyi += dy * fpair;
        fzi += dz * fpair;
        f[3 * j] -= dx * fpair;
        f[3 * j + 1] -= dy * fpair;
        f[3 * j + 2] -= dz * fpair;
        energy += epair;
      }
    } else {
      for (int jj = a.first[i]; jj < jend; ++jj) {
        const int j = nb[jj];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double rsq = dx * dx + dy * dy + dz * dz;
        const PairTerm& t = row[x[j].type];
        if (rsq >= t.cutsq) continue;
        double fpair, epair;
        Evaluator::evaluate(t, rsq, fpair, epair);
        fxi += dx * fpair;
        fyi += dy * fpair;
        fzi += dz * fpair;
        f[3 * j] -= dx * fpair;
        f[3 * j + 1] -= dy * fpair;
        f[3 * j + 2] -= dz * fpair;
        energy += epair;
        a.energy_atom[i] += 0.5 * epair;
        a.energy_atom[j] += 0.5 * epair;
        const double v[6] = {dx * dx * fpair, dy * dy * fpair, dz * dz * fpair,
                             dx * dy * fpair, dx * dz * fpair, dy * dz * fpair};
        for (std::size_t c = 0; c < 6; ++c) {
          a.virial_atom[6 * i + c] += 0.5 * v[c];
          a.virial_atom[6 * static_cast<std::size_t>(j) + c] += 0.5 * v[c];
        }
      }
    }
    f[3 * i] += fxi;
    f[3 * i + 1] += fyi;
    f[3 * i + 2] += fzi;
  }
  return energy;
}

using PairLoopFunction = double (*)(const PairLoopArgs&);

}  // namespace glassland::md
