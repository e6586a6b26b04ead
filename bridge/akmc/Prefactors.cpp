#include "bridge/akmc/Prefactors.hpp"

#include <atomic>
#include <cmath>
#include <ctime>
#include <optional>
#include <tuple>

#include "bridge/akmc/MinimumHessians.hpp"
#include "bridge/akmc/PrefactorRegion.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/Vineyard.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {

std::atomic<double> prefactor_cpu{0.0};

double thread_cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

/// One mass per Hessian coordinate of `atoms` (all atoms when empty).
Eigen::VectorXd coordinate_masses(const std::vector<int>& atoms, const Surface& surface) {
  const int block = surface.space.block_size();
  const std::vector<Eigen::Index> coordinates =
      landscape::coordinates_of(atoms, static_cast<Eigen::Index>(block) * surface.atoms(), block);
  Eigen::VectorXd m(static_cast<Eigen::Index>(coordinates.size()));
  for (std::size_t k = 0; k < coordinates.size(); ++k)
    m[static_cast<Eigen::Index>(k)] = surface.masses[static_cast<std::size_t>(coordinates[k] / block)];
  return m;
}

std::vector<int> every_atom(int atoms) {
  std::vector<int> all(static_cast<std::size_t>(atoms));
  for (int a = 0; a < atoms; ++a) all[static_cast<std::size_t>(a)] = a;
  return all;
}

}  // namespace

double prefactor_cpu_seconds() { return prefactor_cpu.load(); }

PrefactorCpuTimer::PrefactorCpuTimer() : started_(thread_cpu_now()) {}

PrefactorCpuTimer::~PrefactorCpuTimer() { prefactor_cpu.fetch_add(thread_cpu_now() - started_); }

void PrefactorOptions::validate() const {
  if (!(constant >= 0.0) || !std::isfinite(constant))
    throw InputError("prefactor", "must be a finite attempt frequency >= 0 (0: Vineyard)");
  if (!(displacement_fraction > 0.0 && displacement_fraction <= 1.0))
    throw InputError("--hessian-fraction", "must be in (0, 1] (the share of the event's squared displacement)");
  if (!(refinement.local_radius >= 0.0) || !std::isfinite(refinement.local_radius))
    throw InputError("--hessian-radius", "must be a finite length >= 0 (0: full Hessian)");
  if (!(refinement.hessian_step > 0.0) || !std::isfinite(refinement.hessian_step))
    throw InputError("hessian_step", "must be a finite length > 0");
  if (!(forward_step > 0.0) || !std::isfinite(forward_step))
    throw InputError("forward_step", "must be a finite length > 0");
}

SaddleHessian event_saddle_hessian(const Surface& surface, const Eigen::VectorXd& minimum,
                                   const Eigen::VectorXd& saddle, double saddle_energy,
                                   const Eigen::VectorXd& product, const PrefactorOptions& options) {
  const PrefactorCpuTimer timer;
  SaddleHessian s;
  s.saddle = saddle;
  s.saddle_energy = saddle_energy;
  const int block = surface.space.block_size();
  const int n = surface.atoms();
  const double radius = options.refinement.local_radius;
  std::vector<int> region =
      radius > 0.0 ? with_neighbours(surface.space, saddle,
                                     displacement_core(surface.space, minimum, saddle, product,
                                                       options.displacement_fraction),
                                     radius)
                   : every_atom(n);
  // Columns of the saddle's Hessian, computed once each as the region grows (MinimumHessians.hpp);
  // analytic ones all at once.
  const std::unique_ptr<md::Objective> objective = surface.make_objective();
  const bool analytic = objective->has_hessian();
  Eigen::VectorXd gradient(saddle.size());
  std::optional<md::BlockHessian> exact;
  if (analytic)
    exact = objective->hessian(saddle);
  else
    objective->value_and_gradient(saddle, gradient);
  HessianColumns columns(saddle, block);
  for (;;) {
    for (int atom : columns.missing(region))
      columns.insert(atom, analytic ? hessian_column(*exact, atom)
                                    : hessian_column(*objective, saddle, atom, options.column_step(), block,
                                                     options.forward_differences ? &gradient : nullptr));
    const bool whole = static_cast<int>(region.size()) == n;
    s.atoms = whole ? std::vector<int>{} : region;
    s.hessian = columns.block(s.atoms);
    const int zero = whole ? options.refinement.zero_modes : 0;
    const std::vector<Eigen::Index> c = landscape::coordinates_of(s.atoms, saddle.size(), block);
    s.unstable_guess = surface.space.difference(product, minimum)(c);
    // By the inertia of one factorization, not the eigenvalues (Vineyard.hpp), which Vineyard
    // then reuses; the spectrum only when that is inconclusive.
    s.factorization = landscape::factorize_saddle(s.hessian, coordinate_masses(s.atoms, surface), zero,
                                                  surface.mvv_to_energy, options.refinement.negative_tolerance,
                                                  s.unstable_guess);
    const int negative = s.factorization.conclusive ? s.factorization.negative
                                                    : landscape::curvature_spectrum(Eigen::MatrixXd(s.hessian), zero,
                                                                                    options.refinement.negative_tolerance,
                                                                                    false)
                                                          .negative;
    if (negative == 1) {
      s.first_order = true;
      break;
    }
    // None: the region cuts the unstable mode, grow it. More than one: a sub-block has at most
    // as many negative curvatures as the whole (Cauchy interlacing), so growing cannot help.
    if (negative > 1 || whole) {
      s.failure = "the saddle's Hessian over " + std::to_string(region.size()) + " atoms has " +
                  std::to_string(negative) + " negative modes (a first-order saddle has exactly one)";
      break;
    }
    // A shell that adds nobody (isolated atoms, free space) jumps to the whole system.
    const std::vector<int> grown = with_neighbours(surface.space, saddle, region, radius);
    region = grown.size() > region.size() ? grown : every_atom(n);
    ++s.growths;
  }
  s.force_calls = objective->evaluations();
  return s;
}

namespace {

/// vineyard_pair without its CPU timer (callers that time themselves).
PrefactorResult untimed_vineyard_pair(const Surface& surface, const SaddleHessian& saddle,
                                      const landscape::SparseHessian& minimum,
                                      const landscape::SparseHessian& product, const PrefactorOptions& options) {
  PrefactorResult result;
  result.saddle = saddle.saddle;
  result.saddle_energy = saddle.saddle_energy;
  result.force_calls = saddle.force_calls;
  if (!saddle.first_order) {
    result.failure = saddle.failure;
    return result;
  }
  const int zero = saddle.atoms.empty() ? options.refinement.zero_modes : 0;
  const Eigen::VectorXd m = coordinate_masses(saddle.atoms, surface);
  try {
    // Determinants and one Lanczos eigenvalue instead of three spectra (Vineyard.hpp).
    std::tie(result.forward, result.backward) =
        saddle.factorization.conclusive
            ? landscape::vineyard_prefactor_pair(minimum, product, saddle.hessian, saddle.factorization, m, zero,
                                                 surface.mvv_to_energy, 1e-8)
            : landscape::vineyard_prefactor_pair(minimum, product, saddle.hessian, m, zero, surface.mvv_to_energy,
                                                 1e-8, saddle.unstable_guess);
    result.valid = true;
  } catch (const InputError& e) {
    result.failure = e.what();  // a soft mode at a minimum
  }
  return result;
}

}  // namespace

PrefactorResult vineyard_pair(const Surface& surface, const SaddleHessian& saddle,
                              const landscape::SparseHessian& minimum, const landscape::SparseHessian& product,
                              const PrefactorOptions& options) {
  const PrefactorCpuTimer timer;
  return untimed_vineyard_pair(surface, saddle, minimum, product, options);
}

PrefactorResult vineyard_pair_from_columns(const Surface& surface, const SaddleHessian& saddle,
                                           const HessianColumns& minimum, const HessianColumns& product,
                                           const PrefactorOptions& options) {
  const PrefactorCpuTimer timer;
  const landscape::SaddleFactorization& f = saddle.factorization;
  if (saddle.first_order && f.conclusive && f.negative == 1 && f.unstable < -1e-8) {
    const int zero = saddle.atoms.empty() ? options.refinement.zero_modes : 0;
    const Eigen::VectorXd m = coordinate_masses(saddle.atoms, surface);
    const landscape::ReducedFactorization forward =
        minimum.minimum_factorization(saddle.atoms, m, surface.mvv_to_energy, zero);
    const landscape::ReducedFactorization backward =
        product.minimum_factorization(saddle.atoms, m, surface.mvv_to_energy, zero);
    if (forward.factorized && backward.factorized) {
      PrefactorResult result;
      result.saddle = saddle.saddle;
      result.saddle_energy = saddle.saddle_energy;
      result.force_calls = saddle.force_calls;
      std::tie(result.forward, result.backward) =
          landscape::vineyard_from_factorizations(forward.log_abs_pdet, backward.log_abs_pdet, f);
      result.valid = true;
      return result;
    }
  }
  // Anything else as vineyard_pair decides it (the spectra, a failure).
  if (!saddle.first_order) return untimed_vineyard_pair(surface, saddle, {}, {}, options);
  return untimed_vineyard_pair(surface, saddle, minimum.block(saddle.atoms), product.block(saddle.atoms), options);
}

PrefactorResult event_prefactors(const Surface& surface, const Eigen::VectorXd& minimum, const Eigen::VectorXd& saddle,
                                 double saddle_energy, const Eigen::VectorXd& product,
                                 const PrefactorOptions& options) {
  if (options.constant > 0.0) {
    PrefactorResult result;
    result.saddle = saddle;
    result.saddle_energy = saddle_energy;
    result.valid = true;
    result.forward = result.backward = options.constant;
    return result;
  }
  const SaddleHessian s = event_saddle_hessian(surface, minimum, saddle, saddle_energy, product, options);
  landscape::SparseHessian h_min, h_product;
  long calls = s.force_calls;
  if (s.first_order) {
    HessianColumns at_minimum(minimum, surface.space.block_size()), at_product(product, surface.space.block_size());
    calls += fill_columns(surface, {{&at_minimum, s.atoms}, {&at_product, s.atoms}}, options.column_step(), 8,
                          options.forward_differences);
    h_min = at_minimum.block(s.atoms);
    h_product = at_product.block(s.atoms);
  }
  PrefactorResult result = vineyard_pair(surface, s, h_min, h_product, options);
  result.force_calls = calls;
  return result;
}

}  // namespace glassland::bridge
