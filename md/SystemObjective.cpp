#include "md/SystemObjective.hpp"

namespace glassland::md {

Eigen::VectorXd SystemObjective::positions() const {
  Eigen::VectorXd x(dimension());
  for (std::size_t i = 0; i < system_.size(); ++i) x.segment<3>(static_cast<Eigen::Index>(3 * i)) = system_.position[i];
  return x;
}

void SystemObjective::set_positions(const Eigen::VectorXd& x) {
  for (std::size_t i = 0; i < system_.size(); ++i) system_.position[i] = x.segment<3>(static_cast<Eigen::Index>(3 * i));
}

double SystemObjective::value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) {
  set_positions(x);
  last_ = forces_.compute(system_);
  gradient.resize(dimension());
  for (std::size_t i = 0; i < system_.size(); ++i)
    gradient.segment<3>(static_cast<Eigen::Index>(3 * i)) = -system_.force[i];
  ++evaluations_;
  return last_.energy;
}

BlockHessian SystemObjective::hessian(const Eigen::VectorXd& x) {
  set_positions(x);
  BlockHessian h = forces_.hessian(system_);
  ++hessian_evaluations_;
  return h;
}

}  // namespace glassland::md
