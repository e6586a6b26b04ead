#include "landscape/Hessian.hpp"
#include "landscape/DenseCholesky.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

namespace glassland::landscape {

std::vector<Eigen::Index> coordinates_of(const std::vector<int>& atoms, Eigen::Index dimension, int block_size) {
  std::vector<Eigen::Index> coordinates;
  if (atoms.empty()) {
    coordinates.resize(static_cast<std::size_t>(dimension));
    std::iota(coordinates.begin(), coordinates.end(), Eigen::Index{0});
    return coordinates;
  }
  for (int atom : atoms)
    for (int c = 0; c < block_size; ++c) coordinates.push_back(Eigen::Index{atom} * block_size + c);
  return coordinates;
}

Eigen::MatrixXd finite_difference_hessian(md::Objective& objective, const Eigen::VectorXd& x,
                                          const std::vector<int>& atoms, double step, int block_size) {
  const std::vector<Eigen::Index> coordinates = coordinates_of(atoms, x.size(), block_size);
  const auto n = static_cast<Eigen::Index>(coordinates.size());
  Eigen::MatrixXd h(n, n);
  Eigen::VectorXd plus(x.size()), minus(x.size()), shifted = x;
  for (Eigen::Index j = 0; j < n; ++j) {
    const Eigen::Index c = coordinates[static_cast<std::size_t>(j)];
    shifted[c] = x[c] + step;
    objective.value_and_gradient(shifted, plus);
    shifted[c] = x[c] - step;
    objective.value_and_gradient(shifted, minus);
    shifted[c] = x[c];
    for (Eigen::Index i = 0; i < n; ++i)
      h(i, j) = (plus[coordinates[static_cast<std::size_t>(i)]] - minus[coordinates[static_cast<std::size_t>(i)]]) /
                (2.0 * step);
  }
  return 0.5 * (h + h.transpose());
}

Eigen::MatrixXd hessian(md::Objective& objective, const Eigen::VectorXd& x, const std::vector<int>& atoms,
                        double step, int block_size) {
  if (objective.has_hessian()) {
    const md::BlockHessian h = objective.hessian(x);
    if (h.block_size() == block_size) return h.dense(atoms);
  }
  return finite_difference_hessian(objective, x, atoms, step, block_size);
}

std::vector<int> atoms_within(const ConfigurationSpace& space, const Eigen::VectorXd& x,
                              const Eigen::VectorXd& centre, double radius) {
  std::vector<int> atoms;
  const int b = space.block_size();
  const Eigen::Index n = space.atoms(x.size());
  for (Eigen::Index a = 0; a < n; ++a) {
    Eigen::VectorXd d = x.segment(a * b, b) - centre;
    if (space.box() && b == 3) d = space.box()->minimum_image(d);
    if (d.norm() <= radius) atoms.push_back(static_cast<int>(a));
  }
  return atoms;
}

bool lift_translations(Eigen::MatrixXd& hessian, const Eigen::VectorXd& weights, double& lift) {
  const Eigen::Index n = hessian.rows();
  lift = hessian.trace() / static_cast<double>(n);
  if (!(lift > 0.0) || n % 3 != 0) return false;
  Eigen::MatrixXd t = Eigen::MatrixXd::Zero(n, 3);
  for (Eigen::Index k = 0; k < n; ++k) t(k, k % 3) = weights[k];
  for (int c = 0; c < 3; ++c) t.col(c).normalize();  // the three columns are already orthogonal
  hessian.noalias() += lift * (t * t.transpose());
  return true;
}

int negative_curvatures(const SparseHessian& hessian, int zero_modes, double tolerance) {
  const ReducedFactorization f =
      reduced_factorization(hessian, Eigen::VectorXd::Ones(hessian.rows()), zero_modes, false);
  if (!f.factorized || f.smallest_pivot <= tolerance)
    return curvature_spectrum(Eigen::MatrixXd(hessian), zero_modes, tolerance, false).negative;
  return f.negative;
}

Eigen::MatrixXd reduced_dense(const SparseHessian& hessian, const Eigen::VectorXd& scale, Eigen::Index removed,
                              bool project) {
  const Eigen::Index n = hessian.rows();
  const Eigen::Index cut = removed < 0 ? 0 : 3, first = removed < 0 ? n : 3 * removed;
  const auto index = [&](Eigen::Index k) { return k < first ? k : k - cut; };
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n - cut, n - cut);
  for (Eigen::Index j = 0; j < hessian.outerSize(); ++j) {
    if (j >= first && j < first + cut) continue;
    for (SparseHessian::InnerIterator it(hessian, j); it; ++it)
      if (it.row() < first || it.row() >= first + cut)
        a(index(it.row()), index(j)) = scale[it.row()] * it.value() * scale[j];
  }
  if (!project || n % 3 != 0) return a;
  // P A P = A - U G^T - G U^T + U C U^T with G = A U, C = U^T G (symmetric), i.e.
  // A - U Gt^T - Gt U^T with Gt = G - U C / 2.
  Eigen::MatrixXd u = Eigen::MatrixXd::Zero(n, 3);
  for (Eigen::Index k = 0; k < n; ++k) u(k, k % 3) = 1.0 / scale[k];
  for (int c = 0; c < 3; ++c) u.col(c).normalize();
  const Eigen::MatrixXd g = scale.asDiagonal() * (hessian * (scale.asDiagonal() * u));
  const Eigen::MatrixXd gt = g - 0.5 * u * (u.transpose() * g);
  Eigen::MatrixXd uk(n - cut, 3), gk(n - cut, 3);
  for (Eigen::Index k = 0; k < n; ++k)
    if (k < first || k >= first + cut) {
      uk.row(index(k)) = u.row(k);
      gk.row(index(k)) = gt.row(k);
    }
  a.noalias() -= uk * gk.transpose();
  a.noalias() -= gk * uk.transpose();
  return a;
}

HeldAtom held_atom(const Eigen::VectorXd& scale, int zero_modes) {
  HeldAtom held;
  const Eigen::Index n = scale.size();
  if (zero_modes != 3 || n < 3) return held;
  // The heaviest atom (largest null-vector weights): the best-conditioned minor.
  const Eigen::VectorXd w2 = scale.cwiseAbs2().cwiseInverse();
  held.atom = 0;
  for (Eigen::Index a = 1; a < n / 3; ++a)
    if (w2.segment<3>(3 * a).sum() > w2.segment<3>(3 * held.atom).sum()) held.atom = a;
  for (Eigen::Index c = 0; c < 3; ++c)
    held.log_minor += std::log(w2[3 * held.atom + c]) - std::log(w2(Eigen::seqN(c, n / 3, 3)).sum());
  return held;
}

ReducedFactorization reduced_factorization(const SparseHessian& hessian, const Eigen::VectorXd& scale, int zero_modes,
                                           bool definite) {
  ReducedFactorization r;
  const Eigen::Index n = hessian.rows();
  if ((zero_modes != 0 && zero_modes != 3) || scale.size() != n || hessian.cols() != n || n <= zero_modes ||
      (zero_modes == 3 && n % 3 != 0))
    return r;
  const HeldAtom held = held_atom(scale, zero_modes);
  Eigen::MatrixXd a = reduced_dense(hessian, scale, held.atom, zero_modes == 3);
  if (definite) {
    if (!cholesky_in_place(a)) return r;  // in place: no second n^2 copy
    const Eigen::VectorXd diagonal = a.diagonal();
    if (!(diagonal.array() > 0.0).all()) return r;
    r.log_abs_pdet = 2.0 * diagonal.array().log().sum() - held.log_minor;
    r.smallest_pivot = diagonal.minCoeff() * diagonal.minCoeff();
  } else {
    const Eigen::LDLT<Eigen::Ref<Eigen::MatrixXd>> ldlt(a);
    if (ldlt.info() != Eigen::Success) return r;
    const Eigen::VectorXd d = ldlt.vectorD();
    r.negative = static_cast<int>((d.array() < 0.0).count());
    r.log_abs_pdet = d.cwiseAbs().array().log().sum() - held.log_minor;
    r.smallest_pivot = d.cwiseAbs().minCoeff();
  }
  r.factorized = true;
  return r;
}

CurvatureSpectrum curvature_spectrum(const Eigen::MatrixXd& hessian, int zero_modes, double tolerance,
                                     bool vectors) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(hessian,
                                                        vectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly);
  const Eigen::VectorXd& values = solver.eigenvalues();
  std::vector<Eigen::Index> order(static_cast<std::size_t>(values.size()));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  // Zero modes: the smallest magnitudes; the rest stay in ascending order.
  std::sort(order.begin(), order.end(),
            [&](Eigen::Index a, Eigen::Index b) { return std::abs(values[a]) < std::abs(values[b]); });
  order.erase(order.begin(), order.begin() + std::min<std::ptrdiff_t>(zero_modes, std::ssize(order)));
  std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return values[a] < values[b]; });
  CurvatureSpectrum spectrum;
  spectrum.eigenvalues.resize(std::ssize(order));
  if (vectors) spectrum.eigenvectors.resize(hessian.rows(), std::ssize(order));
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto kk = static_cast<Eigen::Index>(k);
    spectrum.eigenvalues[kk] = values[order[k]];
    if (vectors) spectrum.eigenvectors.col(kk) = solver.eigenvectors().col(order[k]);
    if (values[order[k]] < -tolerance) ++spectrum.negative;
  }
  return spectrum;
}

}  // namespace glassland::landscape
