#include "bridge/akmc/MinimumHessians.hpp"

#include <algorithm>
#include <limits>

#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/Prefactors.hpp"

namespace glassland::bridge {

AtomColumn hessian_column(md::Objective& objective, const Eigen::VectorXd& x, int atom, double step, int block,
                          const Eigen::VectorXd* gradient_at_x) {
  Eigen::VectorXd plus(x.size()), minus(x.size()), shifted = x;
  const Eigen::Index atoms = x.size() / block;
  Eigen::MatrixXd dense(x.size(), block);
  for (int c = 0; c < block; ++c) {
    const Eigen::Index coordinate = Eigen::Index{atom} * block + c;
    shifted[coordinate] = x[coordinate] + step;
    objective.value_and_gradient(shifted, plus);
    if (gradient_at_x != nullptr) {
      dense.col(c) = (plus - *gradient_at_x) / step;
    } else {
      shifted[coordinate] = x[coordinate] - step;
      objective.value_and_gradient(shifted, minus);
      dense.col(c) = (plus - minus) / (2.0 * step);
    }
    shifted[coordinate] = x[coordinate];
  }
  // Atoms out of the potential's range of `atom` see bit-identical gradients: exact zeros.
  AtomColumn column;
  for (Eigen::Index a = 0; a < atoms; ++a)
    if (!dense.middleRows(a * block, block).isZero(0.0)) column.rows.push_back(static_cast<int>(a));
  column.values.resize(static_cast<Eigen::Index>(column.rows.size()) * block, block);
  for (std::size_t k = 0; k < column.rows.size(); ++k)
    column.values.middleRows(static_cast<Eigen::Index>(k) * block, block) =
        dense.middleRows(Eigen::Index{column.rows[k]} * block, block);
  return column;
}

AtomColumn hessian_column(const md::BlockHessian& hessian, int atom) {
  AtomColumn column;
  column.rows = hessian.rows(atom);
  const Eigen::Index b = hessian.block_size();
  column.values.resize(static_cast<Eigen::Index>(column.rows.size()) * b, b);
  for (std::size_t k = 0; k < column.rows.size(); ++k)
    column.values.middleRows(static_cast<Eigen::Index>(k) * b, b) = hessian.block(atom, static_cast<int>(k));
  return column;
}

std::vector<int> HessianColumns::missing(const std::vector<int>& atoms) const {
  std::vector<int> absent;
  if (atoms.empty()) {
    for (int a = 0; a < static_cast<int>(x_.size() / block_); ++a)
      if (!has(a)) absent.push_back(a);
  } else {
    for (int a : atoms)
      if (!has(a)) absent.push_back(a);
  }
  return absent;
}

landscape::SparseHessian HessianColumns::block(const std::vector<int>& atoms) const {
  std::vector<int> all;
  if (atoms.empty())
    for (int a = 0; a < static_cast<int>(x_.size() / block_); ++a) all.push_back(a);
  const std::vector<int>& list = atoms.empty() ? all : atoms;
  std::vector<Eigen::Index> position(static_cast<std::size_t>(x_.size() / block_), -1);  // atom -> its block
  for (std::size_t k = 0; k < list.size(); ++k) position[static_cast<std::size_t>(list[k])] = static_cast<Eigen::Index>(k);
  const Eigen::Index b = block_;
  const Eigen::Index n = static_cast<Eigen::Index>(list.size()) * b;
  std::size_t stored = 0;
  for (int atom : list) stored += columns_.at(atom).rows.size();
  // Filled column by column, rows ascending (Eigen's sequential insertion: no sort of triplets).
  landscape::SparseHessian h(n, n);
  h.reserve(static_cast<Eigen::Index>(stored) * b * b);
  std::vector<std::pair<Eigen::Index, Eigen::Index>> inside;  // (block in the result, block in the column)
  for (std::size_t j = 0; j < list.size(); ++j) {
    const AtomColumn& column = columns_.at(list[j]);
    inside.clear();
    for (std::size_t k = 0; k < column.rows.size(); ++k)
      if (const Eigen::Index p = position[static_cast<std::size_t>(column.rows[k])]; p >= 0)
        inside.emplace_back(p, static_cast<Eigen::Index>(k));
    std::sort(inside.begin(), inside.end());
    for (Eigen::Index c = 0; c < b; ++c) {
      const Eigen::Index col = static_cast<Eigen::Index>(j) * b + c;
      h.startVec(col);
      for (const auto& [p, k] : inside)
        for (Eigen::Index r = 0; r < b; ++r) h.insertBack(p * b + r, col) = column.values(k * b + r, c);
    }
  }
  h.finalize();
  // Symmetrized as the dense 0.5 (H + H^T) was: bit for bit the same entries (analytic blocks are
  // exactly symmetric, so it changes nothing there).
  const landscape::SparseHessian transposed = h.transpose();
  return 0.5 * (h + transposed);
}

landscape::ReducedFactorization HessianColumns::minimum_factorization(const std::vector<int>& atoms,
                                                                     const Eigen::VectorXd& masses,
                                                                     double mvv_to_energy, int zero_modes) const {
  const std::lock_guard<std::mutex> lock(factorizations_->mutex);
  auto key = std::make_tuple(atoms, zero_modes, mvv_to_energy);
  if (const auto it = factorizations_->done.find(key); it != factorizations_->done.end()) return it->second;
  const Eigen::VectorXd scale = (masses * mvv_to_energy).cwiseSqrt().cwiseInverse();
  const landscape::ReducedFactorization f = landscape::reduced_factorization(block(atoms), scale, zero_modes, true);
  factorizations_->done.emplace(std::move(key), f);
  return f;
}

long fill_columns(const Surface& surface, const std::vector<ColumnRequest>& requests, double step, int chunk,
                  bool forward) {
  struct Task {
    HessianColumns* columns;
    std::vector<int> atoms;
  };
  std::vector<Task> tasks;
  // Analytic: one Hessian evaluation gives every column of a configuration, so one task each.
  const bool analytic = surface.make_objective()->has_hessian();
  if (analytic) chunk = std::numeric_limits<int>::max();
  for (const ColumnRequest& r : requests) {
    std::vector<int> absent = r.columns->missing(r.atoms);
    // The same configuration may be requested twice in one call: compute each atom once.
    for (const Task& t : tasks)
      if (t.columns == r.columns)
        std::erase_if(absent, [&](int a) { return std::find(t.atoms.begin(), t.atoms.end(), a) != t.atoms.end(); });
    for (std::size_t first = 0; first < absent.size(); first += static_cast<std::size_t>(chunk)) {
      const auto last = std::min(absent.size(), first + static_cast<std::size_t>(chunk));
      tasks.push_back({r.columns, std::vector<int>(absent.begin() + static_cast<std::ptrdiff_t>(first),
                                                   absent.begin() + static_cast<std::ptrdiff_t>(last))});
    }
  }
  if (tasks.empty()) return 0;
  const std::vector<std::string> encoded = run_distributed_bytes(static_cast<int>(tasks.size()), [&](int i) {
    const PrefactorCpuTimer timer;
    const Task& t = tasks[static_cast<std::size_t>(i)];
    const int b = t.columns->block_size();
    ByteWriter w;
    const std::unique_ptr<md::Objective> objective = surface.make_objective();
    const Eigen::VectorXd& x = t.columns->positions();
    const auto put = [&](const AtomColumn& c) {
      w.put_ints(c.rows);
      w.put_vector(Eigen::Map<const Eigen::VectorXd>(c.values.data(), c.values.size()));
    };
    if (analytic) {
      const md::BlockHessian h = objective->hessian(x);  // neighbour list built at x
      for (int atom : t.atoms) put(hessian_column(h, atom));
    } else {
      Eigen::VectorXd gradient(x.size());
      objective->value_and_gradient(x, gradient);  // neighbour list built at x
      for (int atom : t.atoms) put(hessian_column(*objective, x, atom, step, b, forward ? &gradient : nullptr));
    }
    w.put(objective->evaluations());
    return w.bytes();
  });
  long calls = 0;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    ByteReader r(encoded[i]);
    const int b = tasks[i].columns->block_size();
    for (int atom : tasks[i].atoms) {
      AtomColumn c;
      c.rows = r.get_ints();
      const Eigen::VectorXd flat = r.get_vector();
      c.values = Eigen::Map<const Eigen::MatrixXd>(flat.data(), static_cast<Eigen::Index>(c.rows.size()) * b, b);
      tasks[i].columns->insert(atom, std::move(c));
    }
    calls += r.get<long>();
  }
  return calls;
}

HessianColumns& MinimumHessianCache::at(landscape::MinimumId id, const Eigen::VectorXd& x, int block) {
  touch(id);
  auto it = entries_.find(id);
  if (it == entries_.end()) it = entries_.emplace(id, HessianColumns(x, block)).first;
  return it->second;
}

void MinimumHessianCache::adopt(landscape::MinimumId id, HessianColumns columns) {
  touch(id);
  entries_.try_emplace(id, std::move(columns));
}

void MinimumHessianCache::touch(landscape::MinimumId id) {
  recency_.remove(id);
  recency_.push_front(id);
}

void MinimumHessianCache::trim() {
  while (recency_.size() > capacity_) {
    entries_.erase(recency_.back());
    recency_.pop_back();
  }
}

}  // namespace glassland::bridge
