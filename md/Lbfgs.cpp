#include "md/Lbfgs.hpp"

#include <vector>

#include "md/Error.hpp"

namespace glassland::md {

Lbfgs::Lbfgs(MinimizerOptions options, int memory) : options_(std::move(options)), memory_(memory) {
  options_.validate();
  if (memory_ < 1) throw InputError("lbfgs memory", "must be >= 1");
}

Eigen::VectorXd Lbfgs::direction(const Eigen::VectorXd& gradient) const {
  Eigen::VectorXd q = gradient;
  std::vector<double> alpha(s_.size());
  for (std::size_t k = s_.size(); k-- > 0;) {
    alpha[k] = rho_[k] * s_[k].dot(q);
    q -= alpha[k] * y_[k];
  }
  // Initial inverse Hessian: the latest curvature estimate s.y / y.y, else the option.
  const double h0 = s_.empty() ? options_.timestep : s_.back().dot(y_.back()) / y_.back().squaredNorm();
  Eigen::VectorXd r = h0 * q;
  for (std::size_t k = 0; k < s_.size(); ++k) {
    const double beta = rho_[k] * y_[k].dot(r);
    r += (alpha[k] - beta) * s_[k];
  }
  return -r;
}

MinimizerResult Lbfgs::minimize(Objective& objective, Eigen::VectorXd& x) {
  if (x.size() % options_.block_size != 0)
    throw InputError("block_size", "objective dimension is not a multiple of it");
  s_.clear();
  y_.clear();
  rho_.clear();
  const long start = objective.evaluations();
  Eigen::VectorXd gradient(x.size()), next_gradient(x.size());
  MinimizerResult result;
  result.value = objective.value_and_gradient(x, gradient);
  result.max_force = force_measure(options_, x, gradient);
  for (long it = 1; it <= options_.max_iterations && result.max_force > options_.fmax; ++it) {
    result.iterations = it;
    Eigen::VectorXd step = direction(gradient);
    if (step.dot(gradient) >= 0.0) {  // uphill: forget the curvature history
      s_.clear();
      y_.clear();
      rho_.clear();
      step = direction(gradient);
    }
    limit_step(step, options_.max_step, options_.block_size);
    x += step;
    const double previous = result.value;
    result.value = objective.value_and_gradient(x, next_gradient);
    result.max_force = force_measure(options_, x, next_gradient);
    const Eigen::VectorXd y = next_gradient - gradient;
    const double sy = step.dot(y);
    if (sy > 0.0) {
      s_.push_back(step);
      y_.push_back(y);
      rho_.push_back(1.0 / sy);
      if (static_cast<int>(s_.size()) > memory_) {
        s_.pop_front();
        y_.pop_front();
        rho_.pop_front();
      }
    } else {
      s_.clear();
      y_.clear();
      rho_.clear();
    }
    gradient.swap(next_gradient);
    if (options_.energy_tolerance > 0.0 &&
        std::abs(result.value - previous) <=
            options_.energy_tolerance * 0.5 * (std::abs(result.value) + std::abs(previous))) {
      result.converged = true;
      break;
    }
  }
  if (result.max_force <= options_.fmax) result.converged = true;
  result.evaluations = objective.evaluations() - start;
  return result;
}

}  // namespace glassland::md
