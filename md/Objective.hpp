#pragma once
// An objective function on a flat vector: what every minimizer and saddle search works on
// (a System's potential energy, a nudged elastic band, an analytic 2-D test surface...).
#include <Eigen/Core>

namespace glassland::md {

class Objective {
public:
  virtual ~Objective() = default;
  /// Number of coordinates.
  virtual Eigen::Index dimension() const = 0;
  /// Returns the objective at `x` and writes its gradient into `gradient` (resized by caller
  /// to dimension()). Units: those of the underlying model (energy, energy/length).
  virtual double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) = 0;
  /// Number of value_and_gradient calls so far (force calls), for reporting.
  long evaluations() const { return evaluations_; }

protected:
  long evaluations_ = 0;
};

}  // namespace glassland::md
