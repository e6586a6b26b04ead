#include "landscape/ExpPreconditioner.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

Eigen::Vector3d separation(const ConfigurationSpace& space, const Eigen::VectorXd& x, Eigen::Index a, Eigen::Index b) {
  Eigen::Vector3d d = x.segment<3>(3 * a) - x.segment<3>(3 * b);
  return space.box() ? space.box()->minimum_image(d) : d;
}

/// Smooth test displacement of the mu fit: a long-wavelength sine field (periodic box) or a
/// small dilation about the centroid (free cluster).
Eigen::VectorXd smooth_displacement(const ConfigurationSpace& space, const Eigen::VectorXd& x, double amplitude) {
  const Eigen::Index n = x.size() / 3;
  Eigen::VectorXd v(x.size());
  Eigen::Vector3d centroid = Eigen::Vector3d::Zero();
  for (Eigen::Index a = 0; a < n; ++a) centroid += x.segment<3>(3 * a);
  centroid /= double(n);
  for (Eigen::Index a = 0; a < n; ++a) {
    for (int c = 0; c < 3; ++c) {
      if (space.box()) {
        const Eigen::Vector3d s = space.box()->to_fractional(x.segment<3>(3 * a));
        v[3 * a + c] = amplitude * std::sin(2.0 * std::numbers::pi * s[c]);
      } else {
        v[3 * a + c] = amplitude * (x[3 * a + c] - centroid[c]);
      }
    }
  }
  return v;
}

}  // namespace

ExpPreconditioner::ExpPreconditioner(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x,
                                     const Eigen::VectorXd& gradient, const ExpPreconditionerOptions& o) {
  if (space.block_size() != 3) throw InputError("preconditioner", "needs atoms (3 coordinates per block)");
  const Eigen::Index n = x.size() / 3;
  // r_nn: the mean over atoms of the nearest-neighbour distance.
  std::vector<double> nearest(static_cast<std::size_t>(n), std::numeric_limits<double>::infinity());
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = a + 1; b < n; ++b) {
      const double r = separation(space, x, a, b).norm();
      nearest[std::size_t(a)] = std::min(nearest[std::size_t(a)], r);
      nearest[std::size_t(b)] = std::min(nearest[std::size_t(b)], r);
    }
  double sum = 0.0;
  for (double r : nearest) sum += std::isfinite(r) ? r : 0.0;
  r_nn_ = n > 1 ? sum / double(n) : 1.0;
  const double r_cut = o.r_cut_factor * r_nn_;
  std::vector<Eigen::Triplet<double>> entries;
  Eigen::VectorXd diagonal = Eigen::VectorXd::Constant(n, o.c_stab);
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = a + 1; b < n; ++b) {
      const double r = separation(space, x, a, b).norm();
      if (r >= r_cut) continue;
      const double w = std::exp(-o.A * (r / r_nn_ - 1.0));
      entries.emplace_back(a, b, -w);
      entries.emplace_back(b, a, -w);
      diagonal[a] += w;
      diagonal[b] += w;
    }
  for (Eigen::Index a = 0; a < n; ++a) entries.emplace_back(a, a, diagonal[a]);
  laplacian_.resize(n, n);
  laplacian_.setFromTriplets(entries.begin(), entries.end());
  // mu: Hessian along a smooth v over P (mu = 1) along v, by one forward difference.
  const Eigen::VectorXd v = smooth_displacement(space, x, 1e-3 * r_nn_);
  Eigen::VectorXd g(x.size());
  objective.value_and_gradient(x + v, g);
  const double curvature = v.dot(g - gradient);
  double pv = 0.0;
  for (int c = 0; c < 3; ++c) {
    Eigen::VectorXd vc(n);
    for (Eigen::Index a = 0; a < n; ++a) vc[a] = v[3 * a + c];
    pv += vc.dot(laplacian_ * vc);
  }
  mu_ = curvature > 0.0 && pv > 0.0 ? curvature / pv : 1.0;
  factor_.compute(laplacian_);
  if (factor_.info() != Eigen::Success) throw InputError("preconditioner", "could not factorize the Exp preconditioner");
}

Eigen::VectorXd ExpPreconditioner::solve(const Eigen::VectorXd& f) const {
  const Eigen::Index n = laplacian_.rows();
  Eigen::VectorXd out(f.size());
  for (int c = 0; c < 3; ++c) {
    Eigen::VectorXd fc(n);
    for (Eigen::Index a = 0; a < n; ++a) fc[a] = f[3 * a + c];
    const Eigen::VectorXd sc = factor_.solve(fc);
    for (Eigen::Index a = 0; a < n; ++a) out[3 * a + c] = sc[a] / mu_;
  }
  return out;
}

}  // namespace glassland::landscape
