#pragma once
// A sparse symmetric Hessian stored as 3 x 3 blocks between atoms: what an
// analytic second derivative of a short-ranged potential produces (ForceCompute::hessian), a
// few dozen blocks per atom instead of a dense 3N x 3N matrix. Row/column order is the atom
// order of the System (the flat coordinates of md::Objective), so a principal sub-block over a
// set of atoms is the "local" Hessian with the other atoms held fixed.
// Units: those of the objective (energy/length^2).
#include <vector>

#include <Eigen/Core>
#include <Eigen/SparseCore>

namespace glassland::md {

class BlockHessian {
public:
  /// The second derivative of one pair term between atoms i and j (3 x 3 blocks only):
  /// K = d2E/dx_i dx_i (symmetric, row-major); it adds K to the diagonal blocks of i and j and
  /// -K to the blocks (i, j) and (j, i).
  struct Pair {
    int i = 0, j = 0;
    double k[9];
  };

  BlockHessian() = default;
  /// A pair potential's Hessian from its pair terms, assembled in place (no sort of the whole
  /// list; each column's few blocks sorted by row). Diagonal blocks sum their pairs in the order
  /// given. A pair of an atom with its own image (i == j) adds nothing.
  BlockHessian(int atoms, const std::vector<Pair>& pairs);
  int atoms() const { return atoms_; }
  int block_size() const { return block_; }
  /// Stored (non-zero) blocks of atom `column`'s column, ascending by row: rows(column)[k] and
  /// block(column, k) = d2E / dx_rows[k] dx_column.
  std::vector<int> rows(int column) const;
  Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> block(int column,
                                                                                                  int k) const;
  /// Number of stored blocks (each pair of interacting atoms twice, plus the diagonal).
  std::size_t stored_blocks() const { return row_.size(); }

  /// Dense principal sub-matrix over the coordinates of `atoms` in the order given (every atom
  /// when empty).
  Eigen::MatrixXd dense(const std::vector<int>& atoms = {}) const;
  /// The whole matrix in Eigen's compressed-column form (every stored block's 9 entries).
  Eigen::SparseMatrix<double> sparse() const;
  /// H v over all coordinates (v: atoms() * block_size() entries).
  Eigen::VectorXd multiply(const Eigen::VectorXd& v) const;

private:
  int atoms_ = 0, block_ = 3;
  std::vector<int> first_;       // column c's blocks are first_[c] .. first_[c+1]
  std::vector<int> row_;         // row atom of each stored block
  std::vector<double> values_;   // b*b per stored block, row-major
};

}  // namespace glassland::md
