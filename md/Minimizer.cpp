#include "md/Minimizer.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"

namespace glassland::md {

void MinimizerOptions::validate() const {
  if (!(fmax > 0.0) || !std::isfinite(fmax)) throw InputError("fmax", "must be finite and > 0");
  if (!(energy_tolerance >= 0.0) || !std::isfinite(energy_tolerance))
    throw InputError("energy_tolerance", "must be finite and >= 0");
  if (max_iterations < 1) throw InputError("max_iterations", "must be >= 1");
  if (!(max_step > 0.0) || !std::isfinite(max_step))
    throw InputError("max_step", "must be finite and > 0");
  if (!(timestep > 0.0) || !std::isfinite(timestep))
    throw InputError("timestep", "must be finite and > 0");
  if (block_size < 1) throw InputError("block_size", "must be >= 1");
}

double max_block_norm(const Eigen::VectorXd& v, int block_size) {
  double largest = 0.0;
  const Eigen::Index n = v.size() / block_size;
  for (Eigen::Index b = 0; b < n; ++b)
    largest = std::max(largest, v.segment(b * block_size, block_size).squaredNorm());
  return std::sqrt(largest);
}

double force_measure(const MinimizerOptions& options, const Eigen::VectorXd& x,
                     const Eigen::VectorXd& gradient) {
  if (options.force_measure) return options.force_measure(x, gradient);
  return max_block_norm(gradient, options.block_size);
}

double limit_step(Eigen::VectorXd& step, double max_step, int block_size) {
  const double largest = max_block_norm(step, block_size);
  if (largest <= max_step) return 1.0;
  const double factor = max_step / largest;
  step *= factor;
  return factor;
}

}  // namespace glassland::md
