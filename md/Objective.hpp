#pragma once
// An objective function on a flat vector: what every minimizer and saddle search works on
// (a System's potential energy, a nudged elastic band, an analytic 2-D test surface...).
#include <Eigen/Core>

#include "md/BlockHessian.hpp"
#include "md/Error.hpp"

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

  /// Capability query: true when hessian() gives analytic second derivatives (a System under
  /// a pair potential). Callers that need a Hessian take it from hessian() then, and by finite
  /// differences of the gradient otherwise (landscape/Hessian.hpp: one interface for both).
  virtual bool has_hessian() const { return false; }
  /// The Hessian at `x` as blocks between atoms (energy/length^2), when has_hessian().
  virtual BlockHessian hessian(const Eigen::VectorXd& /*x*/) {
    throw InternalError("Objective::hessian: this objective has no analytic Hessian");
  }
  /// Number of hessian() calls so far (not force calls: reported beside them).
  long hessian_evaluations() const { return hessian_evaluations_; }

protected:
  long evaluations_ = 0;
  long hessian_evaluations_ = 0;
};

}  // namespace glassland::md
