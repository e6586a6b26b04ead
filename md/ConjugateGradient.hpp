#pragma once
// Nonlinear conjugate gradient, Polak-Ribiere with the "+" restart (beta = max(0, beta_PR)),
// and a strong-Wolfe line search with cubic interpolation (Nocedal & Wright, Numerical
// Optimization, 2nd ed., Algorithms 3.5/3.6). No atom moves more than options.max_step in one
// line search. Needs a consistent value and gradient (a true energy surface).
#include "md/Minimizer.hpp"

namespace glassland::md {

struct LineSearchParameters {
  double sufficient_decrease = 1e-4;  ///< c1 (Armijo)
  double curvature = 0.1;             ///< c2 (strong Wolfe; small for CG)
  int max_evaluations = 25;           ///< per line search
};

class ConjugateGradient : public Minimizer {
public:
  explicit ConjugateGradient(MinimizerOptions options, LineSearchParameters line_search = {});
  MinimizerResult minimize(Objective& objective, Eigen::VectorXd& x) override;
  std::string name() const override { return "cg"; }

private:
  MinimizerOptions options_;
  LineSearchParameters line_search_;
};

}  // namespace glassland::md
