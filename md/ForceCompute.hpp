#pragma once
// Forces, energy and virial of a System under any PairPotential (pair styles and EAM).
//
// Design (for speed, see docs/md-core.md): a half neighbour list with ghost atoms
// (NeighborList) so each pair is computed once (Newton's third law); pair styles run the one
// templated pair loop (PairLoop.hpp) with the style's evaluator and flat per-type-pair
// coefficient tables; EAM runs a density pass and a force pass over the same list
// (EamKernel.hpp); per-thread buffers reduced in a fixed order, so the same thread count
// gives bit-identical results; the virial from sum_k x_k (x) f_k over local and ghost atoms
// (no per-pair virial work); no allocation per call once sizes are stable.
#include <vector>

#include "md/BlockHessian.hpp"
#include "md/NeighborList.hpp"
#include "md/PairEvaluators.hpp"
#include "md/PairPotential.hpp"
#include "md/SimdLevel.hpp"
#include "md/System.hpp"

namespace glassland::md {

struct PairStyleInfo;

struct ForceTotals {
  double energy = 0;              ///< total potential energy (energy)
  Mat3 virial = Mat3::Zero();     ///< W_ab = sum over pairs r_ij,a f_ij,b, r_ij = x_i - x_j,
                                  ///< f_ij = force on i from j (energy); symmetric
};

/// Configurational (virial) pressure trace(W)/(3V) in the system's pressure unit
/// (LJ: eps/sigma^3; metal: bar).
double virial_pressure(const ForceTotals& totals, const Box& box, UnitSystem units);
/// Same, in the unit system of LJ (kept for callers that pass no units: energy/length^3).
double virial_pressure(const ForceTotals& totals, const Box& box);

class ForceCompute {
public:
  /// `pair` is validated here (InputError naming the missing pair); `skin` in length units.
  ForceCompute(PairPotential pair, double skin);

  /// Fills system.force (energy/length) and returns energy and virial. Rebuilds the
  /// neighbour list when needed. Throws InputError if an atom type has no coefficients or
  /// the box is narrower than twice the cutoff.
  ForceTotals compute(System& system);

  /// True when the potential has analytic second derivatives (every pair style whose evaluator
  /// has a curvature(); not EAM, whose Hessians are taken by finite differences).
  bool has_hessian() const;
  /// The analytic Hessian d2E/dx dx (energy/length^2) at the system's positions, blocks in the
  /// System's atom order. A pair term E(r), r = |x_i - x_j| (the image within the cutoff, so
  /// periodic and triclinic boxes as in compute()), gives the block
  ///   H_ij = -K,  K = E''(r) u u^T + E'(r)/r (I - u u^T),  u = (x_i - x_j)/r,
  /// and adds K to H_ii and H_jj: every row sums to zero (translation invariance). Refreshes
  /// the neighbour list; no force evaluation. Throws InternalError unless has_hessian().
  BlockHessian hessian(const System& system);

  /// Per-atom energy (half of each pair energy to each atom, plus the embedding energy for
  /// EAM) and per-atom virial (half of each pair's r (x) f to each atom), indexed like the System. Only computed when enabled
  /// with set_per_atom(true) before compute() (it costs time); otherwise empty.
  void set_per_atom(bool enabled) { per_atom_ = enabled; }
  const std::vector<double>& per_atom_energy() const { return per_atom_energy_; }
  const std::vector<Mat3>& per_atom_virial() const { return per_atom_virial_; }

  const PairPotential& potential() const { return pair_; }
  double cutoff() const { return pair_.max_cutoff(); }
  double skin() const { return neighbors_.skin(); }
  long neighbor_builds() const { return neighbors_.builds(); }
  void invalidate_neighbors() { neighbors_.invalidate(); }
  const NeighborList& neighbor_list() const { return neighbors_; }
  /// Instruction set of the kernels this object runs (SimdLevel.hpp).
  SimdLevel kernel_level() const { return level_; }

private:
  void check_types(const System& system) const;
  void prepare_threads(int nthreads);
  // Called by every thread of the compute() team, in this order.
  double pair_forces(int thread);
  double eam_forces(int thread, int nthreads);
  void reduce_block(int thread, int nthreads);
  void fold_ghosts();
  void scatter_forces(System& system) const;
  void per_atom_results();

  PairPotential pair_;
  NeighborList neighbors_;
  SimdLevel level_ = SimdLevel::scalar;
  bool per_atom_ = false;
  int stride_ = 0;
  const PairStyleInfo* style_ = nullptr;     // null for EAM
  std::vector<PairTerm> table_;
  std::vector<std::vector<double>> thread_rho_;     // EAM: density per extended atom
  std::vector<double> rho_, fp_;                    // EAM: summed density, F'(rho) per extended atom
  std::vector<std::vector<int>> thread_short_list_; // EAM: neighbours within the cutoff (pass 1 -> 2)
  std::vector<int> short_count_;                    // EAM: per local atom, its short-list length
  std::vector<std::vector<double>> thread_force_;   // 3 per extended atom
  std::vector<std::vector<double>> thread_energy_;  // per extended atom (per-atom mode)
  std::vector<std::vector<double>> thread_virial_;  // 6 per extended atom (per-atom mode)
  std::vector<std::size_t> chunk_;                  // thread t handles locals chunk_[t]..chunk_[t+1]
  std::vector<double> partial_energy_;
  std::vector<Mat3> partial_virial_;                // per thread, summed in thread order
  std::vector<double> per_atom_energy_;
  std::vector<Mat3> per_atom_virial_;
};

}  // namespace glassland::md
