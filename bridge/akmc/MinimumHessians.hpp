#pragma once
// The Hessians of minima, computed once per state and reused for every saddle around it.
// Vineyard prefactors need the Hessian of both minima of an event over the atoms of the
// saddle's local Hessian (Prefactors.hpp). A minimum has many saddles, and the regions of
// nearby saddles overlap, so the Hessian is kept per atom: the column block of atom a (how every
// atom's gradient changes when a moves) is computed the first time a region needs it and
// assembled into any region's block afterwards. Columns are analytic when the surface's
// objective has second derivatives (md::Objective::has_hessian(): pair potentials; one Hessian
// evaluation gives every column of a configuration, no force call) and finite differences of
// the gradient otherwise (EAM: 3 or 6 force calls per atom).
//
// Determinism: columns are computed on a fresh objective whose first evaluation is at the
// configuration itself (so its neighbour list is always built there and never rebuilt for the
// 1e-4 displacements), which makes a column a pure function of (minimum, atom, step): a cached column and a recomputed one are bit-identical, so no result
// depends on what the cache holds (the cache survives recycling and revisits, is bounded, and
// is not part of a checkpoint: a resumed run recomputes what it needs and gets the same bits).
// Sparse: only the atoms whose gradient changes (within the potential's cutoff) are stored.
// Units: energy/length^2.
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <vector>

#include <Eigen/Core>

#include "bridge/akmc/Surface.hpp"
#include "landscape/CatalogRecords.hpp"
#include "landscape/Hessian.hpp"

namespace glassland::bridge {

/// The column block of one atom: rows[k] is an atom whose gradient changes when this atom
/// moves, values.block(k*b, 0, b, b) its derivative d g_rows[k] / d x_atom (b = block size).
struct AtomColumn {
  std::vector<int> rows;
  Eigen::MatrixXd values;
};

/// Column block of `atom` at `x` by central differences with displacement `step` (length), or,
/// given the gradient at `x`, by forward differences (g(x + step e) - g(x)) / step: half the
/// force calls, error O(step) instead of O(step^2) (take a smaller step).
/// `objective` must have been evaluated at `x` first and nowhere else (see the header).
AtomColumn hessian_column(md::Objective& objective, const Eigen::VectorXd& x, int atom, double step, int block,
                          const Eigen::VectorXd* gradient_at_x = nullptr);

/// Column block of `atom` from an analytic Hessian (the atoms within the cutoff of it).
AtomColumn hessian_column(const md::BlockHessian& hessian, int atom);

/// The columns of one configuration's Hessian computed so far.
class HessianColumns {
public:
  HessianColumns() = default;
  HessianColumns(Eigen::VectorXd x, int block) : x_(std::move(x)), block_(block) {}
  const Eigen::VectorXd& positions() const { return x_; }
  int block_size() const { return block_; }
  bool has(int atom) const { return columns_.count(atom) != 0; }
  void insert(int atom, AtomColumn column) { columns_.emplace(atom, std::move(column)); }
  /// Atoms of `atoms` (every atom when empty) whose column is missing, in order.
  std::vector<int> missing(const std::vector<int>& atoms) const;
  /// The Hessian over the coordinates of `atoms` (all when empty), symmetrized as
  /// landscape::finite_difference_hessian does, sparse (only the stored columns' blocks); every
  /// column must be present.
  landscape::SparseHessian block(const std::vector<int>& atoms) const;
  /// The Cholesky factorization of the mass-weighted block over `atoms` (a minimum's half of
  /// Vineyard: landscape::reduced_factorization of block(atoms) with scale (masses mvv)^-1/2,
  /// `masses` one per coordinate), computed the first time a region asks and reused by every
  /// later saddle of this minimum over the same atoms (on this glass every region is the whole
  /// box). A pure function of the columns, so the memo changes no result; thread-safe.
  landscape::ReducedFactorization minimum_factorization(const std::vector<int>& atoms, const Eigen::VectorXd& masses,
                                                        double mvv_to_energy, int zero_modes) const;

private:
  Eigen::VectorXd x_;
  int block_ = 3;
  std::map<int, AtomColumn> columns_;
  struct Factorizations {
    std::mutex mutex;
    std::map<std::tuple<std::vector<int>, int, double>, landscape::ReducedFactorization> done;
  };
  // Shared by copies, which hold the same columns (a column never changes once inserted).
  std::shared_ptr<Factorizations> factorizations_ = std::make_shared<Factorizations>();
};

/// What one fill_columns call computes: the columns of `atoms` for `columns`.
struct ColumnRequest {
  HessianColumns* columns;
  std::vector<int> atoms;
};

/// Computes every missing column of the requests, distributed over ranks and threads in tasks
/// of at most `chunk` atoms of one configuration (a layout that depends only on the requests),
/// and inserts them (`forward`: forward differences, hessian_column). With analytic Hessians
/// one task per configuration computes all its missing columns from one Hessian evaluation.
/// Returns the force calls spent (the same on every rank; 0 with analytic Hessians).
long fill_columns(const Surface& surface, const std::vector<ColumnRequest>& requests, double step, int chunk = 8,
                  bool forward = false);

/// Columns of the minima met so far, by catalog id; the least recently used state is dropped
/// beyond `capacity` states (memory: ~ atoms x neighbours x 72 bytes per state).
class MinimumHessianCache {
public:
  explicit MinimumHessianCache(std::size_t capacity = 32) : capacity_(capacity) {}
  /// The columns of `id` (created empty at `x` if absent), marked most recently used.
  HessianColumns& at(landscape::MinimumId id, const Eigen::VectorXd& x, int block);
  /// Adopts columns computed for a configuration that just became state `id` (kept if `id`
  /// already has columns).
  void adopt(landscape::MinimumId id, HessianColumns columns);
  /// Drops the least recently used states beyond the capacity (references from `at` to them
  /// become invalid, so this runs only between prefactor batches).
  void trim();
  std::size_t size() const { return entries_.size(); }

private:
  void touch(landscape::MinimumId id);
  std::size_t capacity_;
  std::map<landscape::MinimumId, HessianColumns> entries_;
  std::list<landscape::MinimumId> recency_;  ///< most recent first
};

}  // namespace glassland::bridge
