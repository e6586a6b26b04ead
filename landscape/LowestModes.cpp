#include "landscape/LowestModes.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include <Eigen/Eigenvalues>

#include "landscape/Tridiagonal.hpp"
#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

/// Removes the rigid translations (the mean displacement of each Cartesian component) in a
/// periodic box, where they are exact zero modes that Lanczos would otherwise report.
void project_translations(const ConfigurationSpace& space, Eigen::VectorXd& v) {
  if (!space.box() || space.block_size() != 3) return;
  const Eigen::Index atoms = space.atoms(v.size());
  Eigen::Vector3d mean = Eigen::Vector3d::Zero();
  for (Eigen::Index a = 0; a < atoms; ++a) mean += v.segment<3>(3 * a);
  mean /= static_cast<double>(atoms);
  for (Eigen::Index a = 0; a < atoms; ++a) v.segment<3>(3 * a) -= mean;
}

/// The projections of `o` applied to v: translations, deflated vectors.
void project(const ConfigurationSpace& space, const LowestModeOptions& o, Eigen::VectorXd& v) {
  project_translations(space, v);
  if (o.deflate.rows() == v.size() && o.deflate.cols() > 0) v -= o.deflate * (o.deflate.transpose() * v);
}

Eigen::VectorXd start_vector(const ConfigurationSpace& space, Eigen::Index n, const LowestModeOptions& o) {
  std::mt19937_64 rng(o.seed);
  std::normal_distribution<double> normal;
  Eigen::VectorXd v(n);
  for (Eigen::Index i = 0; i < n; ++i) v[i] = normal(rng);
  project(space, o, v);
  v.normalize();
  if (o.hint.size() == n && o.hint.norm() > 0.0) {
    Eigen::VectorXd hint = o.hint;
    project(space, o, hint);
    if (hint.norm() > 0.0) v = hint.normalized() + o.random_weight * v;
  }
  return v.normalized();
}

class HessianTimesVector {
public:
  HessianTimesVector(md::Objective& objective, const Eigen::VectorXd& x, double step,
                     const Eigen::VectorXd* gradient = nullptr)
      : objective_(objective), x_(x), step_(step), gradient_(gradient), plus_(x.size()), minus_(x.size()) {}
  Eigen::VectorXd operator()(const Eigen::VectorXd& unit) {
    objective_.value_and_gradient(x_ + step_ * unit, plus_);
    ++calls_;
    if (gradient_ && gradient_->size() == x_.size()) return (plus_ - *gradient_) / step_;  // forward difference
    objective_.value_and_gradient(x_ - step_ * unit, minus_);
    ++calls_;
    return (plus_ - minus_) / (2.0 * step_);
  }
  long calls() const { return calls_; }

private:
  md::Objective& objective_;
  const Eigen::VectorXd& x_;
  double step_;
  const Eigen::VectorXd* gradient_;  // at x_ (forward differences) or null
  Eigen::VectorXd plus_, minus_;
  long calls_ = 0;
};

}  // namespace

LowestModes lowest_modes(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x,
                         const LowestModeOptions& o) {
  const Eigen::Index n = x.size();
  if (o.count < 1) throw InputError("lowest modes", "count must be >= 1");
  // Rigid translations are projected out only in a periodic box: three fewer directions.
  const Eigen::Index zero_modes = space.box() && space.block_size() == 3 ? 3 : 0;
  const Eigen::Index deflated = o.deflate.rows() == n ? o.deflate.cols() : 0;
  if (n < o.count + zero_modes + deflated) throw InputError("lowest modes", "too few degrees of freedom for the requested modes");
  const int max_k = static_cast<int>(std::min<Eigen::Index>(o.max_iterations, n - zero_modes - deflated));
  HessianTimesVector hessian(objective, x, o.step, &o.gradient);
  double previous_lowest = 0.0;
  Eigen::MatrixXd q(n, max_k + 1);
  q.col(0) = start_vector(space, n, o);
  std::vector<double> alpha, beta;
  LowestModes result;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> ritz;
  for (int k = 0; k < max_k; ++k) {
    const bool reuse = k == 0 && o.first_product.size() == n && o.random_weight == 0.0;
    Eigen::VectorXd w = reuse ? o.first_product : hessian(q.col(k));
    project(space, o, w);
    alpha.push_back(q.col(k).dot(w));
    // Full reorthogonalization (twice is enough): finite-difference products are not exactly
    // symmetric, and lost orthogonality would report a mode twice.
    for (int pass = 0; pass < 2; ++pass) w -= q.leftCols(k + 1) * (q.leftCols(k + 1).transpose() * w);
    beta.push_back(w.norm());
    // The Ritz problem costs O(k^3): solve it every few iterations, not every one.
    const bool last = k + 1 == max_k;
    const bool every = o.eigenvalue_change_tolerance > 0.0;
    const bool invariant = beta.back() <= 1e-12 * std::max(1.0, std::abs(alpha.back()));  // Krylov space closed
    if (!every && (k + 1) % 8 != 0 && !last && !invariant) {
      q.col(k + 1) = w / beta.back();
      continue;
    }
    const Eigen::VectorXd diagonal = Eigen::Map<const Eigen::VectorXd>(alpha.data(), k + 1);
    const Eigen::VectorXd off = Eigen::Map<const Eigen::VectorXd>(beta.data(), k);
    ritz = tridiagonal_eigen(diagonal, off);
    result.iterations = k + 1;
    const int wanted = std::min(o.count, k + 1);
    result.curvatures = ritz.eigenvalues().head(wanted);
    result.residuals = (beta.back() * ritz.eigenvectors().row(k).head(wanted)).cwiseAbs().transpose();
    bool converged = wanted == o.count;
    for (int i = 0; i < wanted; ++i)
      converged = converged && result.residuals[i] <= std::max(o.residual_tolerance,
                                                               o.relative_tolerance * std::abs(result.curvatures[i]));
    const double lowest = result.curvatures[0];
    if (every && k > 0 && wanted == o.count &&
        std::abs(lowest - previous_lowest) <= o.eigenvalue_change_tolerance * std::abs(lowest))
      converged = true;
    previous_lowest = lowest;
    if (converged || invariant || last) {
      result.converged = converged || (invariant && wanted == o.count);
      break;
    }
    q.col(k + 1) = w / beta.back();
  }
  result.lowest_mode = (q.leftCols(result.iterations) * ritz.eigenvectors().col(0)).normalized();
  result.force_calls = hessian.calls();
  return result;
}

double curvature_along(md::Objective& objective, const Eigen::VectorXd& x, const Eigen::VectorXd& direction,
                       double step) {
  const Eigen::VectorXd unit = direction.normalized();
  HessianTimesVector hessian(objective, x, step);
  return unit.dot(hessian(unit));
}

int negative_mode_count(const LowestModes& modes, double tolerance) {
  if (!modes.converged) return -1;
  int negative = 0;
  for (Eigen::Index i = 0; i < modes.curvatures.size(); ++i) {
    const double upper = modes.curvatures[i] + modes.residuals[i];
    const double lower = modes.curvatures[i] - modes.residuals[i];
    if (upper < -tolerance)
      ++negative;
    else if (lower < -tolerance)
      return -1;  // straddles the threshold: undecided
  }
  return negative;
}

std::vector<int> mode_atoms(const ConfigurationSpace& space, const Eigen::VectorXd& mode, double fraction) {
  const int b = space.block_size();
  const Eigen::Index atoms = space.atoms(mode.size());
  Eigen::VectorXd share(atoms);
  for (Eigen::Index a = 0; a < atoms; ++a) share[a] = mode.segment(a * b, b).squaredNorm();
  const double cut = fraction * (atoms ? share.maxCoeff() : 0.0);
  std::vector<int> selected;
  for (Eigen::Index a = 0; a < atoms; ++a)
    if (share[a] >= cut) selected.push_back(static_cast<int>(a));
  return selected;
}

}  // namespace glassland::landscape
