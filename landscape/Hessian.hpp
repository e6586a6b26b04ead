#pragma once
// Hessians, full or restricted to a set of atoms (the "local" Hessian of an event, other atoms
// held fixed), and their curvature analysis. One interface: hessian() takes the objective's
// analytic second derivatives when it has them (md::Objective::has_hessian(): a System under a
// pair potential; one pass over the pairs, no force call) and central finite differences of the
// gradient otherwise (EAM, analytic test surfaces; 2 gradient evaluations per coordinate).
// Units: energy/length^2 (the objective's).
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

/// Symmetrized Hessian d2E/dx_a dx_b over the coordinates of `atoms` (all atoms if empty),
/// by central differences with displacement `step` (length). Row/column order: the atoms'
/// coordinates in the order given.
Eigen::MatrixXd finite_difference_hessian(md::Objective& objective, const Eigen::VectorXd& x,
                                          const std::vector<int>& atoms, double step, int block_size = 3);

/// The Hessian over the coordinates of `atoms` (all atoms if empty): analytic when the
/// objective has it, finite_difference_hessian with `step` otherwise.
Eigen::MatrixXd hessian(md::Objective& objective, const Eigen::VectorXd& x, const std::vector<int>& atoms,
                        double step, int block_size = 3);

/// Local atom indices within `radius` (length) of `centre` under the space's minimum image.
std::vector<int> atoms_within(const ConfigurationSpace& space, const Eigen::VectorXd& x,
                              const Eigen::VectorXd& centre, double radius);

/// Coordinate indices of the listed atoms (all coordinates if `atoms` is empty).
std::vector<Eigen::Index> coordinates_of(const std::vector<int>& atoms, Eigen::Index dimension, int block_size);

struct CurvatureSpectrum {
  Eigen::VectorXd eigenvalues;  ///< ascending, with the zero modes removed (energy/length^2)
  Eigen::MatrixXd eigenvectors; ///< columns matching eigenvalues (in the Hessian's basis)
  int negative = 0;             ///< eigenvalues below -tolerance
};

/// Eigen-decomposition of a symmetric matrix with the `zero_modes` eigenvalues of smallest
/// magnitude removed (3 rigid translations for a full periodic Hessian, 0 for local ones).
/// Without `vectors` only the eigenvalues are computed (several times faster for large H).
CurvatureSpectrum curvature_spectrum(const Eigen::MatrixXd& hessian, int zero_modes, double tolerance,
                                     bool vectors = true);

}  // namespace glassland::landscape
