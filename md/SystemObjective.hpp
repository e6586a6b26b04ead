#pragma once
// A System's potential energy as an Objective on the flat vector of its positions
// x = (x_0, y_0, z_0, x_1, ...) in the System's atom order (length units). value = potential
// energy (energy), gradient = -forces (energy/length). Minimizers and NEB work on this.
#include <Eigen/Core>

#include "md/ForceCompute.hpp"
#include "md/Objective.hpp"
#include "md/System.hpp"

namespace glassland::md {

class SystemObjective : public Objective {
public:
  /// Keeps references: `system` receives the positions and forces of every evaluation.
  SystemObjective(System& system, ForceCompute& forces) : system_(system), forces_(forces) {}

  Eigen::Index dimension() const override { return static_cast<Eigen::Index>(3 * system_.size()); }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) override;
  /// Analytic when the potential has second derivatives (ForceCompute::hessian).
  bool has_hessian() const override { return forces_.has_hessian(); }
  BlockHessian hessian(const Eigen::VectorXd& x) override;

  /// Current positions of the System as a flat vector.
  Eigen::VectorXd positions() const;
  /// Copies a flat vector into the System's positions (no force evaluation).
  void set_positions(const Eigen::VectorXd& x);
  /// Virial and energy of the last evaluation.
  const ForceTotals& last_totals() const { return last_; }
  /// Number of force evaluations (same as evaluations()).
  long force_calls() const { return evaluations_; }

  System& system() { return system_; }
  ForceCompute& force_compute() { return forces_; }

private:
  System& system_;
  ForceCompute& forces_;
  ForceTotals last_;
};

}  // namespace glassland::md
