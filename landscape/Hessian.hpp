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

/// Number of eigenvalues below -tolerance of a symmetric matrix with `zero_modes` (0, or 3: the
/// rigid translations of a block of atoms, 3 coordinates each) removed: what
/// curvature_spectrum(...).negative counts, from the signs of an LDLT factorization's pivots
/// (Sylvester's law of inertia; ~4x cheaper than the eigenvalues at n ~ 1,500), the translations
/// first lifted out of the way (H + a T T^T). A pivot within `tolerance` of zero, a failed
/// factorization or another zero_modes falls back to curvature_spectrum.
int negative_curvatures(const Eigen::MatrixXd& hessian, int zero_modes, double tolerance);

/// H + a T T^T with T the orthonormal rigid translations weighted by `weights` (one per
/// coordinate: 1 for a plain Hessian, sqrt(mass) for a mass-weighted one) and a = trace(H)/n:
/// the translations' zero eigenvalues become a, every other eigenpair is unchanged when the
/// translations are exact null vectors. Returns false (nothing changed) unless a > 0.
bool lift_translations(Eigen::MatrixXd& hessian, const Eigen::VectorXd& weights, double& lift);

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
