#pragma once
// The "Exp" preconditioner for atomistic relaxations (Packwood, Kermode, Mones, Bernstein,
// Woolley, Gould, Ortner & Csanyi, J. Chem. Phys. 144, 164109 (2016)): a sparse, positive
// definite approximation of the Hessian,
//    P_ij = -mu exp(-A (r_ij / r_nn - 1))  for neighbours i != j with r_ij < r_cut,
//    P_ii = -sum_j P_ij + mu c_stab,
// applied to each Cartesian component. Used as the initial inverse Hessian of L-BFGS it
// removes most of the ill-conditioning between stiff bonds and the soft, long-wavelength
// elastic response of a glass, which otherwise dominates the force calls of saddle climbs
// and quenches. mu is fitted once so that P matches the Hessian along a smooth sine
// displacement (one extra gradient call), as in the paper.
// Neighbours are found by an O(N^2) scan under the minimum image: fine for the ~1e3-atom
// systems saddle searches run on; a cell list would be needed for much larger ones.
// Units: r_nn, r_cut in length; mu in energy/length^2.
#include <Eigen/Core>
#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct ExpPreconditionerOptions {
  double A = 3.0;           ///< decay of the bond weights (dimensionless, the paper's default)
  double r_cut_factor = 2.0;///< r_cut = factor * r_nn
  double c_stab = 0.1;      ///< diagonal stabilisation (dimensionless)
};

class ExpPreconditioner {
public:
  /// Builds P at `x` (atoms of 3 coordinates) and fits mu with one gradient call at x + v
  /// (`gradient` is the gradient at x).
  ExpPreconditioner(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x,
                    const Eigen::VectorXd& gradient, const ExpPreconditionerOptions& options = {});
  /// P^-1 f (length when f is a force).
  Eigen::VectorXd solve(const Eigen::VectorXd& f) const;
  double mu() const { return mu_; }
  double nearest_neighbour_distance() const { return r_nn_; }
  long force_calls() const { return 1; }

private:
  Eigen::SparseMatrix<double> laplacian_;  // per atom, mu = 1
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> factor_;
  double mu_ = 1.0, r_nn_ = 1.0;
};

}  // namespace glassland::landscape
