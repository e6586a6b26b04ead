#include "md/ForceCompute.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "md/EamKernel.hpp"
#include "md/Error.hpp"
#include "md/PairStyleTable.hpp"
#include "md/Threads.hpp"

namespace glassland::md {

double virial_pressure(const ForceTotals& totals, const Box& box) {
  return totals.virial.trace() / (3.0 * box.volume());
}

double virial_pressure(const ForceTotals& totals, const Box& box, UnitSystem units) {
  return virial_pressure(totals, box) * unit_constants(units).pressure_factor;
}

ForceCompute::ForceCompute(PairPotential pair, double skin)
    : pair_(std::move(pair)), neighbors_((pair_.validate("potential"), pair_.max_cutoff()), skin), level_(simd_level()) {
  const int n = pair_.ntypes();
  stride_ = n + 1;
  if (pair_.eam()) return;  // EAM reads its own tables (EamPotential)
  style_ = find_pair_style(pair_.style().name());
  if (!style_) throw InputError("potential", std::string("unknown pair style ") + pair_style_name(pair_.style()));
  table_.assign(static_cast<std::size_t>(stride_ * stride_), PairTerm{});
  for (int a = 1; a <= n; ++a)
    for (int b = 1; b <= n; ++b)
      table_[static_cast<std::size_t>(a * stride_ + b)] = style_->term(pair_.pair(a, b), pair_.shift());
}

void ForceCompute::check_types(const System& system) const {
  for (std::size_t i = 0; i < system.size(); ++i) {
    const int t = system.type[i];
    if (t < 1 || t > pair_.ntypes())
      throw InputError("potential", fmt::format("atom {} has type {} but the potential defines types 1..{}",
                                                system.id[i], t, pair_.ntypes()));
  }
}

double ForceCompute::pair_forces(int thread) {
  const auto t = static_cast<std::size_t>(thread);
  PairLoopArgs a;
  a.x = neighbors_.sites().data();
  a.first = neighbors_.first().data();
  a.neighbors = neighbors_.neighbors().data();
  a.table = table_.data();
  a.stride = stride_;
  a.begin = chunk_[t];
  a.end = chunk_[t + 1];
  a.force = thread_force_[t].data();
  const PairLoops& loops = style_->loops[static_cast<int>(level_)];
  if (per_atom_) {
    a.energy_atom = thread_energy_[t].data();
    a.virial_atom = thread_virial_[t].data();
    return loops.per_atom(a);
  }
  return pair_.ntypes() == 1 ? loops.single_type(a) : loops.general(a);
}

double ForceCompute::eam_forces(int thread, int nthreads) {
  const auto t = static_cast<std::size_t>(thread);
  const EamPotential& eam = *pair_.eam();
  const std::size_t n = neighbors_.local_count(), next = neighbors_.extended_count();
  EamLoopArgs a;
  a.x = neighbors_.sites().data();
  a.first = neighbors_.first().data();
  a.neighbors = neighbors_.neighbors().data();
  a.eam = &eam;
  a.begin = chunk_[t];
  a.end = chunk_[t + 1];
  auto& rho = thread_rho_[t];
  rho.assign(next, 0.0);
  a.rho = rho.data();
  auto& short_list = thread_short_list_[t];
  const auto& first = neighbors_.first();
  short_list.resize(static_cast<std::size_t>(first[a.end] - first[a.begin]) + 1);
  a.short_list = short_list.data();
  a.short_count = short_count_.data();
  const EamPasses passes = eam_passes(level_);
  passes.density(a);
#pragma omp barrier
  {
    // Each thread sums one block of sites over the thread buffers, in thread order.
    const auto count = static_cast<std::size_t>(nthreads);
    const std::size_t begin = next * t / count, end = next * (t + 1) / count;
    for (std::size_t s = begin; s < end; ++s) {
      double sum = thread_rho_[0][s];
      for (std::size_t u = 1; u < count; ++u) sum += thread_rho_[u][s];
      rho_[s] = sum;
    }
  }
#pragma omp barrier
#pragma omp single
  {
    const auto& source = neighbors_.ghost_source();
    for (std::size_t g = 0; g < source.size(); ++g) rho_[static_cast<std::size_t>(source[g])] += rho_[n + g];
  }  // implicit barrier
  double embedding = 0.0;
  const Site* x = neighbors_.sites().data();
  double* eatom = per_atom_ ? thread_energy_[t].data() : nullptr;
#pragma omp for schedule(static)
  for (long k = 0; k < static_cast<long>(n); ++k) {
    const auto s = static_cast<std::size_t>(k);
    const double e = eam_embed(eam, x[s].type, rho_[s], fp_[s]);
    embedding += e;
    if (eatom) eatom[s] += e;
  }  // implicit barrier
  const auto& source = neighbors_.ghost_source();
#pragma omp for schedule(static)
  for (long g = 0; g < static_cast<long>(source.size()); ++g)
    fp_[n + static_cast<std::size_t>(g)] = fp_[static_cast<std::size_t>(source[static_cast<std::size_t>(g)])];
  // implicit barrier: every fp is set before any thread reads it
  a.fp = fp_.data();
  a.force = thread_force_[t].data();
  if (per_atom_) {
    a.energy_atom = thread_energy_[t].data();
    a.virial_atom = thread_virial_[t].data();
    return embedding + eam_force_pass_per_atom(a);
  }
  return embedding + passes.force(a);
}

void ForceCompute::prepare_threads(int nthreads) {
  const std::size_t n = neighbors_.local_count();
  thread_force_.resize(static_cast<std::size_t>(nthreads));
  partial_energy_.assign(static_cast<std::size_t>(nthreads), 0.0);
  partial_virial_.assign(static_cast<std::size_t>(nthreads), Mat3::Zero());
  if (pair_.eam()) {
    thread_rho_.resize(static_cast<std::size_t>(nthreads));
    thread_short_list_.resize(static_cast<std::size_t>(nthreads));
    short_count_.resize(n);
  }
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

bool ForceCompute::has_hessian() const { return style_ != nullptr && style_->curvature != nullptr; }

BlockHessian ForceCompute::hessian(const System& system) {
  if (!has_hessian()) throw InternalError("ForceCompute::hessian: the potential has no analytic Hessian");
  if (neighbors_.update(system)) check_types(system);
  const std::size_t n = neighbors_.local_count();
  const Site* x = neighbors_.sites().data();
  const auto& first = neighbors_.first();
  const auto& list = neighbors_.neighbors();
  const auto& source = neighbors_.ghost_source();
  const auto& index = neighbors_.system_index();
  std::vector<BlockHessian::Pair> pairs;
  pairs.reserve(neighbors_.neighbors().size());
  for (std::size_t i = 0; i < n; ++i) {
    const PairTerm* row = table_.data() + x[i].type * stride_;
    const int si = index[i];
    for (int jj = first[i]; jj < first[i + 1]; ++jj) {
      const auto j = static_cast<std::size_t>(list[static_cast<std::size_t>(jj)]);
      const double d[3] = {x[i].x - x[j].x, x[i].y - x[j].y, x[i].z - x[j].z};
      const double rsq = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
      const PairTerm& t = row[x[j].type];
      if (rsq >= t.cutsq) continue;
      double fpair = 0.0, d2 = 0.0;
      style_->curvature(t, rsq, fpair, d2);
      // E'(r)/r = -fpair: K = (E'' - E'/r) d d^T / r^2 + (E'/r) I. Each element computed once
      // and mirrored, so K (and the whole Hessian) is exactly symmetric whatever the compiler
      // contracts into fused multiply-adds.
      const double radial = (d2 + fpair) / rsq;
      BlockHessian::Pair& p = pairs.emplace_back();
      p.i = si;
      p.j = index[j < n ? j : static_cast<std::size_t>(source[j - n])];
      for (int a = 0; a < 3; ++a)
        for (int b = a; b < 3; ++b)
          p.k[3 * a + b] = p.k[3 * b + a] = radial * d[a] * d[b] - (a == b ? fpair : 0.0);
    }
  }
  return BlockHessian(static_cast<int>(system.size()), pairs);
}

ForceTotals ForceCompute::compute(System& system) {
  if (neighbors_.update(system)) check_types(system);
  const std::size_t next = neighbors_.extended_count();
  const bool per_atom = per_atom_;
  const bool eam = pair_.eam() != nullptr;
  system.force.resize(system.size());
  if (eam) {
    rho_.resize(next);
    fp_.resize(next);
  }

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
    partial_energy_[static_cast<std::size_t>(t)] = eam ? eam_forces(t, nthreads) : pair_forces(t);
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
