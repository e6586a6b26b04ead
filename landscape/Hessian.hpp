#pragma once
// Hessians, full or restricted to a set of atoms (the "local" Hessian of an event, other atoms
// held fixed), and their curvature analysis. One interface: hessian() takes the objective's
// analytic second derivatives when it has them (md::Objective::has_hessian(): a System under a
// pair potential; one pass over the pairs, no force call) and central finite differences of the
// gradient otherwise (EAM, analytic test surfaces; 2 gradient evaluations per coordinate).
// Units: energy/length^2 (the objective's).
#include <vector>

#include <Eigen/Core>
#include <Eigen/SparseCore>

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

/// A Hessian over 3 coordinates per atom, both triangles stored (energy/length^2, or 1/time^2
/// once mass-weighted): a short-ranged potential's is ~10 % dense at 500 atoms.
using SparseHessian = Eigen::SparseMatrix<double>;

/// Number of eigenvalues below -tolerance of a symmetric matrix with `zero_modes` (0, or 3: the
/// rigid translations of a block of atoms, 3 coordinates each) removed: what
/// curvature_spectrum(...).negative counts, from the signs of the pivots of an LDLT
/// factorization of the matrix without one atom's coordinates (reduced_factorization: Sylvester's
/// law of inertia; ~4x cheaper than the eigenvalues at n ~ 1,500). A pivot within `tolerance` of
/// zero, a failed factorization or another zero_modes falls back to curvature_spectrum.
int negative_curvatures(const SparseHessian& hessian, int zero_modes, double tolerance);

/// The pseudo-determinant and inertia of A = S H S (S = diag(scale), one entry per coordinate)
/// on the complement of its null space, without an eigen-decomposition and without lifting the
/// null space (which would make a sparse matrix dense). With zero_modes = 3 the null space must
/// be the 3 translations weighted by 1/scale (sqrt(mass) for a mass-weighted Hessian, 1 for a
/// plain one), as for a whole periodic box (they are projected out first, reduced_dense, so
/// finite-difference Hessians whose rows sum to O(step) are fine); with 0, A must be
/// non-singular.
///   pdet(A) = det(A_KK) / det(U_R)^2,
/// U the orthonormal null basis, R the 3 coordinates of one atom i (the heaviest), K the rest:
/// with A = Q L Q^T over the range (V = [U Q] orthogonal), A_KK = Q_K L Q_K^T, and for an
/// orthogonal V the minor det(Q_K) = +-det(U_R) (Jacobi's complementary minors); here
/// det(U_R)^2 = prod_c w_ic^2 / sum_a w_ac^2 = (m_i / sum_a m_a)^3. Since Q_K is then
/// non-singular, A_KK is congruent to L: same inertia (Sylvester). Holding one atom fixed
/// generalizes the matrix-tree theorem (a graph Laplacian's pseudo-determinant / n = any
/// reduced minor).
struct ReducedFactorization {
  bool factorized = false;     ///< the factorization succeeded (`definite`: A_KK positive definite)
  int negative = 0;            ///< negative pivots of A_KK = negative eigenvalues of A on its range
  double log_abs_pdet = 0.0;   ///< log |pdet(A)|
  double smallest_pivot = 0.0; ///< smallest |pivot| of A_KK (the LDLT's d; the LLT's l_kk^2)
};

/// `definite`: a Cholesky factorization (~2.5x faster; fails unless A_KK is positive definite,
/// which proves a minimum), else an LDLT one (Eigen's, diagonal pivoting). A_KK is factorized
/// densely: on a 3-D glass with a 2.5 sigma cutoff a sparse factor fills to ~75 % at 500 atoms,
/// where a sparse (simplicial) factorization took 2-5x the time of the blocked dense one
/// (docs/akmc.md "Prefactor cost").
ReducedFactorization reduced_factorization(const SparseHessian& hessian, const Eigen::VectorXd& scale, int zero_modes,
                                           bool definite);

/// The atom reduced_factorization holds fixed (the heaviest, the first of equals; -1 without zero
/// modes) and log det(U_R)^2 for it.
struct HeldAtom {
  Eigen::Index atom = -1;
  double log_minor = 0.0;
};
HeldAtom held_atom(const Eigen::VectorXd& scale, int zero_modes);

/// The dense S H S over every coordinate but those of atom `removed` (none when < 0). With
/// `project`, of P (S H S) P instead, P = I - U U^T projecting out the translations weighted by
/// 1/scale: nothing changes when they are exact null vectors (an analytic pair Hessian: ~1e-13),
/// and when they are not (finite differences: rows sum to O(step) instead of 0) det' stays that
/// of a Hessian whose null space is exactly the translations; holding one atom fixed would
/// otherwise amplify the rows' error by ~N (the other atoms translate against the fixed one at
/// a curvature ~N times below the typical). A rank-6 correction of the dense block, O(n^2).
Eigen::MatrixXd reduced_dense(const SparseHessian& hessian, const Eigen::VectorXd& scale, Eigen::Index removed,
                              bool project = false);

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
