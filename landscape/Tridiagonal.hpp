#pragma once
// The Ritz problem of a Lanczos run: eigenpairs of the symmetric tridiagonal matrix with
// `diagonal` (k) and `off` (k - 1), ascending. Shared by LowestModes (finite-difference
// products) and Vineyard (sparse Hessians). Solved as a small dense matrix: Eigen's
// computeFromTridiagonal gave wrong Ritz values once in this code base, and k stays small
// (<= a few hundred), so the O(k^3) dense solve costs nothing next to a product.
#include <Eigen/Core>
#include <Eigen/Eigenvalues>

namespace glassland::landscape {

inline Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> tridiagonal_eigen(const Eigen::VectorXd& diagonal,
                                                                         const Eigen::VectorXd& off) {
  const Eigen::Index k = diagonal.size();
  Eigen::MatrixXd t = Eigen::MatrixXd::Zero(k, k);
  t.diagonal() = diagonal;
  for (Eigen::Index i = 0; i + 1 < k; ++i) t(i, i + 1) = t(i + 1, i) = off[i];
  return Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(t);
}

}  // namespace glassland::landscape
