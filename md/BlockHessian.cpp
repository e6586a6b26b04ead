#include "md/BlockHessian.hpp"

#include <algorithm>
#include <numeric>

#include "md/Error.hpp"

namespace glassland::md {

BlockHessian::BlockHessian(int atoms, int block, std::vector<Entry> entries) : atoms_(atoms), block_(block) {
  const auto bb = static_cast<std::size_t>(block) * static_cast<std::size_t>(block);
  for (const Entry& e : entries)
    if (e.row < 0 || e.row >= atoms || e.column < 0 || e.column >= atoms || e.values.size() != bb)
      throw InternalError("BlockHessian: entry out of range");
  // Stable: blocks of one (column, row) keep their input order, so the sums below are fixed.
  std::vector<std::size_t> order(entries.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return entries[a].column != entries[b].column ? entries[a].column < entries[b].column
                                                  : entries[a].row < entries[b].row;
  });
  first_.assign(static_cast<std::size_t>(atoms) + 1, 0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Entry& e = entries[order[k]];
    const bool same = !row_.empty() && k > 0 && entries[order[k - 1]].column == e.column &&
                      entries[order[k - 1]].row == e.row;
    if (!same) {
      row_.push_back(e.row);
      values_.insert(values_.end(), e.values.begin(), e.values.end());
      ++first_[static_cast<std::size_t>(e.column) + 1];
    } else {
      double* sum = values_.data() + values_.size() - bb;
      for (std::size_t v = 0; v < bb; ++v) sum[v] += e.values[v];
    }
  }
  std::partial_sum(first_.begin(), first_.end(), first_.begin());
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

Eigen::VectorXd BlockHessian::multiply(const Eigen::VectorXd& v) const {
  const Eigen::Index b = block_;
  if (v.size() != Eigen::Index{atoms_} * b) throw InternalError("BlockHessian::multiply: wrong vector size");
  Eigen::VectorXd out = Eigen::VectorXd::Zero(v.size());
  for (int c = 0; c < atoms_; ++c) {
    const auto vc = v.segment(Eigen::Index{c} * b, b);
    for (int e = first_[static_cast<std::size_t>(c)]; e < first_[static_cast<std::size_t>(c) + 1]; ++e)
      out.segment(Eigen::Index{row_[static_cast<std::size_t>(e)]} * b, b).noalias() +=
          block(c, e - first_[static_cast<std::size_t>(c)]) * vc;
  }
  return out;
}

}  // namespace glassland::md
