#include "md/BlockHessian.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "md/Error.hpp"

namespace glassland::md {

BlockHessian::BlockHessian(int atoms, const std::vector<Pair>& pairs) : atoms_(atoms), block_(3) {
  const auto n = static_cast<std::size_t>(atoms);
  std::vector<int> count(n, 1);  // the diagonal block
  for (const Pair& p : pairs) {
    if (p.i < 0 || p.i >= atoms || p.j < 0 || p.j >= atoms) throw InternalError("BlockHessian: pair out of range");
    if (p.i == p.j) continue;
    ++count[static_cast<std::size_t>(p.i)];
    ++count[static_cast<std::size_t>(p.j)];
  }
  std::vector<int> start(n + 1, 0);
  for (std::size_t c = 0; c < n; ++c) start[c + 1] = start[c] + count[c];
  std::vector<int> row(static_cast<std::size_t>(start[n]));
  std::vector<double> value(9 * row.size(), 0.0);
  std::vector<int> fill(start.begin(), start.end() - 1);
  for (std::size_t c = 0; c < n; ++c) row[static_cast<std::size_t>(fill[c]++)] = static_cast<int>(c);
  for (const Pair& p : pairs) {
    if (p.i == p.j) continue;
    for (const auto& [c, r] : {std::pair{p.i, p.j}, std::pair{p.j, p.i}}) {
      const auto column = static_cast<std::size_t>(c);
      double* diagonal = value.data() + 9 * static_cast<std::size_t>(start[column]);
      const auto slot = static_cast<std::size_t>(fill[column]++);
      row[slot] = r;
      for (std::size_t v = 0; v < 9; ++v) {
        diagonal[v] += p.k[v];
        value[9 * slot + v] = -p.k[v];
      }
    }
  }
  // Each column ascending by row, blocks of the same row (several images within the cutoff)
  // summed in the order given.
  first_.assign(n + 1, 0);
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < n; ++c) {
    order.resize(static_cast<std::size_t>(count[c]));
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::size_t>(start[c]) + k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return row[a] < row[b]; });
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::size_t e = order[k];
      if (k > 0 && row[e] == row[order[k - 1]]) {
        double* sum = values_.data() + values_.size() - 9;
        for (std::size_t v = 0; v < 9; ++v) sum[v] += value[9 * e + v];
        continue;
      }
      row_.push_back(row[e]);
      values_.insert(values_.end(), value.begin() + static_cast<std::ptrdiff_t>(9 * e),
                     value.begin() + static_cast<std::ptrdiff_t>(9 * e + 9));
    }
    first_[c + 1] = static_cast<int>(row_.size());
  }
}

std::vector<int> BlockHessian::rows(int column) const {
  const auto c = static_cast<std::size_t>(column);
  return {row_.begin() + first_[c], row_.begin() + first_[c + 1]};
}

Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> BlockHessian::block(
    int column, int k) const {
  const std::size_t entry = static_cast<std::size_t>(first_[static_cast<std::size_t>(column)] + k);
  return {values_.data() + entry * static_cast<std::size_t>(block_ * block_), block_, block_};
}

Eigen::MatrixXd BlockHessian::dense(const std::vector<int>& atoms) const {
  std::vector<int> list = atoms;
  if (list.empty()) {
    list.resize(static_cast<std::size_t>(atoms_));
    std::iota(list.begin(), list.end(), 0);
  }
  std::vector<int> position(static_cast<std::size_t>(atoms_), -1);  // atom -> its block in the result
  for (std::size_t k = 0; k < list.size(); ++k) position[static_cast<std::size_t>(list[k])] = static_cast<int>(k);
  const Eigen::Index b = block_;
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(list.size()) * b,
                                            static_cast<Eigen::Index>(list.size()) * b);
  for (std::size_t j = 0; j < list.size(); ++j) {
    const auto c = static_cast<std::size_t>(list[j]);
    for (int e = first_[c]; e < first_[c + 1]; ++e) {
      const int p = position[static_cast<std::size_t>(row_[static_cast<std::size_t>(e)])];
      if (p >= 0) h.block(p * b, static_cast<Eigen::Index>(j) * b, b, b) = block(list[j], e - first_[c]);
    }
  }
  return h;
}

Eigen::SparseMatrix<double> BlockHessian::sparse() const {
  const Eigen::Index b = block_, n = Eigen::Index{atoms_} * b;
  Eigen::SparseMatrix<double> h(n, n);
  Eigen::VectorXi per_column(n);
  for (int c = 0; c < atoms_; ++c)
    per_column.segment(Eigen::Index{c} * b, b).setConstant(static_cast<int>(
        b * (first_[static_cast<std::size_t>(c) + 1] - first_[static_cast<std::size_t>(c)])));
  h.reserve(per_column);
  for (int c = 0; c < atoms_; ++c)
    for (int e = first_[static_cast<std::size_t>(c)]; e < first_[static_cast<std::size_t>(c) + 1]; ++e) {
      const auto values = block(c, e - first_[static_cast<std::size_t>(c)]);
      for (Eigen::Index j = 0; j < b; ++j)
        for (Eigen::Index i = 0; i < b; ++i)
          h.insert(Eigen::Index{row_[static_cast<std::size_t>(e)]} * b + i, Eigen::Index{c} * b + j) = values(i, j);
    }
  h.makeCompressed();
  return h;
}

Eigen::VectorXd BlockHessian::multiply(const Eigen::VectorXd& v) const {
  const Eigen::Index b = block_;
  if (v.size() != Eigen::Index{atoms_} * b) throw InternalError("BlockHessian::multiply: wrong vector size");
  Eigen::VectorXd out = Eigen::VectorXd::Zero(v.size());
  // Fixed-size blocks (block_ is 3: pair potentials), ~10x faster than dynamic-size ones.
  for (int c = 0; c < atoms_; ++c) {
    const Eigen::Vector3d vc = v.segment<3>(Eigen::Index{c} * 3);
    for (int e = first_[static_cast<std::size_t>(c)]; e < first_[static_cast<std::size_t>(c) + 1]; ++e)
      out.segment<3>(Eigen::Index{row_[static_cast<std::size_t>(e)]} * 3).noalias() +=
          Eigen::Map<const Eigen::Matrix<double, 3, 3, Eigen::RowMajor>>(values_.data() + 9 * static_cast<std::size_t>(e)) * vc;
  }
  return out;
}

}  // namespace glassland::md
