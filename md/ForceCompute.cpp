#include "md/ForceCompute.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "md/Error.hpp"
#include "md/Threads.hpp"

namespace glassland::md {

double virial_pressure(const ForceTotals& totals, const Box& box) {
  return totals.virial.trace() / (3.0 * box.volume());
}

double virial_pressure(const ForceTotals& totals, const Box& box, UnitSystem units) {
  return virial_pressure(totals, box) * unit_constants(units).pressure_factor;
}

ForceCompute::ForceCompute(PairPotential pair, double skin)
    : pair_(std::move(pair)), neighbors_((pair_.validate("potential"), pair_.max_cutoff()), skin) {
  const int n = pair_.ntypes();
  stride_ = n + 1;
  table_.assign(static_cast<std::size_t>(stride_ * stride_), PairTerm{});
  for (int a = 1; a <= n; ++a)
    for (int b = 1; b <= n; ++b) {
      const PairCoefficients& c = pair_.pair(a, b);
      PairTerm& t = table_[static_cast<std::size_t>(a * stride_ + b)];
      const double s6 = std::pow(c.sigma, 6);
      t.cutsq = c.cutoff * c.cutoff;
      t.lj1 = 48.0 * c.epsilon * s6 * s6;
      t.lj2 = 24.0 * c.epsilon * s6;
      t.lj3 = 4.0 * c.epsilon * s6 * s6;
      t.lj4 = 4.0 * c.epsilon * s6;
      const double rc6inv = 1.0 / std::pow(c.cutoff, 6);
      const double energy_at_cutoff = rc6inv * (t.lj3 * rc6inv - t.lj4);
      const double force_at_cutoff = rc6inv * (t.lj1 * rc6inv - t.lj2) / c.cutoff;  // -E'(rc)
      if (pair_.style() == PairStyle::lj_sf) {
        // E_sf = E(r) - E(rc) + (r - rc) F(rc) = E(r) + r F(rc) - [E(rc) + rc F(rc)].
        t.fc = force_at_cutoff;
        t.offset = energy_at_cutoff + c.cutoff * force_at_cutoff;
      } else {
        t.offset = pair_.shift() ? energy_at_cutoff : 0.0;
      }
    }
}

void ForceCompute::check_types(const System& system) const {
  for (std::size_t i = 0; i < system.size(); ++i) {
    const int t = system.type[i];
    if (t < 1 || t > pair_.ntypes())
      throw InputError("potential", fmt::format("atom {} has type {} but the potential defines types 1..{}",
                                                system.id[i], t, pair_.ntypes()));
  }
}

template <bool Smooth, bool PerAtom, bool SingleType>
double ForceCompute::pair_loop(int thread, int nthreads) {
  const Site* x = neighbors_.sites().data();
  const int* first = neighbors_.first().data();
  const int* nb = neighbors_.neighbors().data();
  double* f = thread_force_[static_cast<std::size_t>(thread)].data();
  double* eatom = PerAtom ? thread_energy_[static_cast<std::size_t>(thread)].data() : nullptr;
  double* vatom = PerAtom ? thread_virial_[static_cast<std::size_t>(thread)].data() : nullptr;
  const PairTerm* table = table_.data();
  const std::size_t begin = chunk_[static_cast<std::size_t>(thread)];
  const std::size_t end = chunk_[static_cast<std::size_t>(thread) + 1];
  (void)nthreads;
  double energy = 0.0;
  for (std::size_t i = begin; i < end; ++i) {
    const double xi = x[i].x, yi = x[i].y, zi = x[i].z;
    const PairTerm* row = table + x[i].type * stride_;
    double fxi = 0.0, fyi = 0.0, fzi = 0.0;
    const int jend = first[i + 1];
    if constexpr (!PerAtom) {
      // Vectorised over neighbours: the j of one list are distinct, so the scattered
      // updates of f[j] cannot collide within a SIMD vector.
#pragma omp simd reduction(+ : fxi, fyi, fzi, energy)
      for (int jj = first[i]; jj < jend; ++jj) {
        const int j = nb[jj];
        const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
        const double rsq = dx * dx + dy * dy + dz * dz;
        // One atom type: the same coefficients for every j (no gathers of type and table).
        const PairTerm& t = SingleType ? row[1] : row[x[j].type];
        const bool inside = rsq < t.cutsq;
        // lj1 = 12 lj3 and lj2 = 6 lj4: two fewer table gathers per SIMD lane.
        const double r2inv = 1.0 / rsq;
        const double r6inv = r2inv * r2inv * r2inv;
        const double a = t.lj3 * r6inv, b = t.lj4;
        double fpair = r6inv * (12.0 * a - 6.0 * b) * r2inv;
        double epair = r6inv * (a - b) - t.offset;
        if constexpr (Smooth) {
          const double r = std::sqrt(rsq);
          fpair -= t.fc / r;
          epair += r * t.fc;
        }
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
      f[3 * i] += fxi;
      f[3 * i + 1] += fyi;
      f[3 * i + 2] += fzi;
      continue;
    }
    for (int jj = first[i]; jj < jend; ++jj) {
      const int j = nb[jj];
      const double dx = xi - x[j].x, dy = yi - x[j].y, dz = zi - x[j].z;
      const double rsq = dx * dx + dy * dy + dz * dz;
      const PairTerm& t = row[x[j].type];
      if (rsq >= t.cutsq) continue;
      const double r2inv = 1.0 / rsq;
      const double r6inv = r2inv * r2inv * r2inv;
      double fpair = r6inv * (t.lj1 * r6inv - t.lj2) * r2inv;
      double epair = r6inv * (t.lj3 * r6inv - t.lj4) - t.offset;
      if constexpr (Smooth) {
        const double r = std::sqrt(rsq);
        fpair -= t.fc / r;
        epair += r * t.fc;
      }
      fxi += dx * fpair;
      fyi += dy * fpair;
      fzi += dz * fpair;
      f[3 * j] -= dx * fpair;
      f[3 * j + 1] -= dy * fpair;
      f[3 * j + 2] -= dz * fpair;
      energy += epair;
      if constexpr (PerAtom) {
        eatom[i] += 0.5 * epair;
        eatom[j] += 0.5 * epair;
        const double v[6] = {dx * dx * fpair, dy * dy * fpair, dz * dz * fpair,
                             dx * dy * fpair, dx * dz * fpair, dy * dz * fpair};
        for (int c = 0; c < 6; ++c) {
          vatom[6 * i + static_cast<std::size_t>(c)] += 0.5 * v[c];
          vatom[6 * static_cast<std::size_t>(j) + static_cast<std::size_t>(c)] += 0.5 * v[c];
        }
      }
    }
    f[3 * i] += fxi;
    f[3 * i + 1] += fyi;
    f[3 * i + 2] += fzi;
  }
  return energy;
}

void ForceCompute::prepare_threads(int nthreads) {
  const std::size_t n = neighbors_.local_count();
  thread_force_.resize(static_cast<std::size_t>(nthreads));
  partial_energy_.assign(static_cast<std::size_t>(nthreads), 0.0);
  partial_virial_.assign(static_cast<std::size_t>(nthreads), Mat3::Zero());
  if (per_atom_) {
    thread_energy_.resize(static_cast<std::size_t>(nthreads));
    thread_virial_.resize(static_cast<std::size_t>(nthreads));
  }
  // Split the locals so that every thread gets about the same number of list entries.
  const auto& first = neighbors_.first();
  chunk_.assign(static_cast<std::size_t>(nthreads) + 1, n);
  chunk_[0] = 0;
  for (int t = 1; t < nthreads; ++t) {
    const long target = static_cast<long>(first[n]) * t / nthreads;
    chunk_[static_cast<std::size_t>(t)] = static_cast<std::size_t>(
        std::lower_bound(first.begin(), first.end() - 1, target) - first.begin());
  }
}

ForceTotals ForceCompute::compute(System& system) {
  if (neighbors_.update(system)) check_types(system);
  const std::size_t next = neighbors_.extended_count();
  const bool smooth = pair_.style() == PairStyle::lj_sf;
  const bool per_atom = per_atom_;
  const bool single_type = pair_.ntypes() == 1;
  system.force.resize(system.size());

  // Planned outside the region (one barrier less per call); re-planned only when a nested
  // region gets fewer threads than asked for (the condition is the same for the whole team).
  const int planned = max_threads();
  prepare_threads(planned);
#pragma omp parallel num_threads(planned)
  {
    const int nthreads = team_size();
    const int t = thread_id();
    if (nthreads != planned) {
#pragma omp single
      prepare_threads(nthreads);  // implicit barrier after single
    }
    auto& f = thread_force_[static_cast<std::size_t>(t)];
    f.assign(3 * next, 0.0);  // first touch by the thread that uses it
    if (per_atom) {
      thread_energy_[static_cast<std::size_t>(t)].assign(next, 0.0);
      thread_virial_[static_cast<std::size_t>(t)].assign(6 * next, 0.0);
    }
    double e;
    if (per_atom)
      e = smooth ? pair_loop<true, true, false>(t, nthreads) : pair_loop<false, true, false>(t, nthreads);
    else if (single_type)
      e = smooth ? pair_loop<true, false, true>(t, nthreads) : pair_loop<false, false, true>(t, nthreads);
    else
      e = smooth ? pair_loop<true, false, false>(t, nthreads) : pair_loop<false, false, false>(t, nthreads);
    partial_energy_[static_cast<std::size_t>(t)] = e;
#pragma omp barrier
    reduce_block(t, nthreads);
#pragma omp barrier
#pragma omp single
    fold_ghosts();  // implicit barrier after single
    scatter_forces(system);
  }
  ForceTotals totals;
  for (double e : partial_energy_) totals.energy += e;
  Mat3 w = Mat3::Zero();
  for (const Mat3& part : partial_virial_) w += part;  // fixed order: same bits for a thread count
  totals.virial = 0.5 * (w + w.transpose());
  per_atom_results();
  return totals;
}

void ForceCompute::reduce_block(int thread, int nthreads) {
  const std::size_t next = neighbors_.extended_count();
  const std::size_t t = static_cast<std::size_t>(thread), count = static_cast<std::size_t>(nthreads);
  const std::size_t begin = next * t / count, end = next * (t + 1) / count;
  // Fixed reduction order (thread 0 + 1 + 2 ...) per element: deterministic for a given
  // thread count; each thread sums its own block of sites.
  double* f = thread_force_[0].data();
  for (std::size_t s = 1; s < count; ++s) {
    const double* fs = thread_force_[s].data();
    for (std::size_t a = 3 * begin; a < 3 * end; ++a) f[a] += fs[a];
  }
  // Virial from sum over all local and ghost sites of x (x) f (equivalent to the pair sum).
  const Site* x = neighbors_.sites().data();
  Mat3 w = Mat3::Zero();
  for (std::size_t a = begin; a < end; ++a) {
    const Vec3 r(x[a].x, x[a].y, x[a].z);
    const Vec3 fa(f[3 * a], f[3 * a + 1], f[3 * a + 2]);
    w.noalias() += r * fa.transpose();
  }
  partial_virial_[t] = w;
}

void ForceCompute::fold_ghosts() {
  // Ghost forces back onto the atoms they image (serial: several ghosts share an atom).
  const std::size_t n = neighbors_.local_count();
  double* f = thread_force_[0].data();
  const auto& source = neighbors_.ghost_source();
  for (std::size_t g = 0; g < source.size(); ++g) {
    const std::size_t k = static_cast<std::size_t>(source[g]);
    for (std::size_t c = 0; c < 3; ++c) f[3 * k + c] += f[3 * (n + g) + c];
  }
}

void ForceCompute::scatter_forces(System& system) const {
  const long n = static_cast<long>(neighbors_.local_count());
  const double* f = thread_force_[0].data();
  const int* index = neighbors_.system_index().data();
#pragma omp for schedule(static) nowait  // the end of the parallel region is the barrier
  for (long k = 0; k < n; ++k)
    system.force[static_cast<std::size_t>(index[k])] = Vec3(f[3 * k], f[3 * k + 1], f[3 * k + 2]);
}

void ForceCompute::per_atom_results() {
  const std::size_t n = neighbors_.local_count();
  const std::size_t next = neighbors_.extended_count();
  const std::size_t nthreads = thread_force_.size();
  const auto& source = neighbors_.ghost_source();
  const auto& index = neighbors_.system_index();
  if (!per_atom_) {
    per_atom_energy_.clear();
    per_atom_virial_.clear();
    return;
  }
  std::vector<double> e(next, 0.0), v(6 * next, 0.0);
  for (std::size_t t = 0; t < nthreads; ++t) {
    for (std::size_t a = 0; a < next; ++a) e[a] += thread_energy_[t][a];
    for (std::size_t a = 0; a < 6 * next; ++a) v[a] += thread_virial_[t][a];
  }
  for (std::size_t g = 0; g < source.size(); ++g) {
    const std::size_t k = static_cast<std::size_t>(source[g]);
    e[k] += e[n + g];
    for (std::size_t c = 0; c < 6; ++c) v[6 * k + c] += v[6 * (n + g) + c];
  }
  per_atom_energy_.assign(n, 0.0);
  per_atom_virial_.assign(n, Mat3::Zero());
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = static_cast<std::size_t>(index[k]);
    per_atom_energy_[i] = e[k];
    const double* c = &v[6 * k];
    per_atom_virial_[i] << c[0], c[3], c[4], c[3], c[1], c[5], c[4], c[5], c[2];
  }
}

}  // namespace glassland::md
