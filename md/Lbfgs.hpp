#pragma once
// Limited-memory BFGS without line search, in the form eOn uses for nudged elastic bands:
// the step -H g (two-loop recursion, memory `memory`) is capped so no atom moves more than
// options.max_step; the memory is reset whenever the step would go uphill against the force
// or the curvature condition s.y > 0 fails. Needs only gradients, so it also drives
// non-conservative "gradients" such as the NEB force.
#include <deque>

#include "md/Minimizer.hpp"

namespace glassland::md {

class Lbfgs : public Minimizer {
public:
  /// options.timestep is reused as the initial inverse curvature (length^2/energy).
  explicit Lbfgs(MinimizerOptions options, int memory = 20);
  MinimizerResult minimize(Objective& objective, Eigen::VectorXd& x) override;
  std::string name() const override { return "lbfgs"; }

private:
  Eigen::VectorXd direction(const Eigen::VectorXd& gradient) const;

  MinimizerOptions options_;
  int memory_;
  std::deque<Eigen::VectorXd> s_, y_;
  std::deque<double> rho_;
};

}  // namespace glassland::md
