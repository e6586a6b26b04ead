#pragma once
// The lowest curvatures of a potential-energy surface at a point, by Lanczos iteration on
// finite-difference Hessian-vector products: H v ~ (g(x + h v) - g(x - h v)) / (2 h), two
// gradient calls per iteration, O(N) memory per Krylov vector. This is how a saddle of a
// large glass is checked to be first order without building its Hessian: the unstable mode
// of a string-like rearrangement can spread over many atoms, further than any fixed local
// Hessian radius around the most-mobile atom reaches.
// In a periodic box the three rigid translations (exact zero modes) are projected out.
// Units: curvature in energy/length^2, displacement step in length.
#include <cstdint>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct LowestModeOptions {
  int count = 2;                 ///< lowest eigenpairs wanted (2 decides "first order")
  int max_iterations = 200;      ///< Krylov dimension cap (2 gradient calls each)
  double step = 1e-4;            ///< finite-difference displacement along a unit vector (length)
  /// A Ritz value is converged when its residual |H y - theta y| is below
  /// max(residual_tolerance, relative_tolerance * |theta|) (energy/length^2).
  double residual_tolerance = 1e-3;
  double relative_tolerance = 1e-2;
  std::uint64_t seed = 1;        ///< seed of the random start vector
  /// Optional start direction mixed into the random start (e.g. the NEB tangent): the unstable
  /// mode then converges in a few iterations while the random part keeps every mode in reach.
  Eigen::VectorXd hint;
  /// Weight of the random start mixed into a given hint (0: start exactly on the hint, as a
  /// saddle climb that tracks its mode from step to step wants).
  double random_weight = 0.3;
  /// Gradient at x, when the caller already has it: Hessian-vector products then use forward
  /// differences (g(x + h v) - g(x)) / h, one gradient call per iteration instead of two
  /// (error O(h) instead of O(h^2); what a saddle climb needs, not a final first-order check).
  Eigen::VectorXd gradient;
  /// > 0: also stop (and count as converged) once the lowest Ritz value changes by less than
  /// this fraction of its magnitude between two iterations -- eOn's Lanczos stopping rule, cheap
  /// when a good `hint` makes the first Ritz value already close. The Ritz problem is then
  /// solved every iteration (it costs O(k^3) for tiny k).
  double eigenvalue_change_tolerance = 0.0;
  /// Orthonormal columns projected out of the start and of every product (deflation: the
  /// Lanczos then finds the lowest curvatures of the rest, e.g. the second mode once the first
  /// is known). Empty: none.
  Eigen::MatrixXd deflate;
  /// H times the start vector, when the caller already has it (the start must then be exactly
  /// the hint, random_weight = 0): saves the first product's force call.
  Eigen::VectorXd first_product;
};

struct LowestModes {
  Eigen::VectorXd curvatures;    ///< lowest Ritz values, ascending (energy/length^2)
  Eigen::VectorXd residuals;     ///< their residual norms (energy/length^2)
  Eigen::VectorXd lowest_mode;   ///< unit eigenvector estimate of curvatures[0]
  bool converged = false;        ///< all `count` Ritz pairs met the residual criterion
  int iterations = 0;
  long force_calls = 0;
};

/// Lanczos with full reorthogonalization. Throws InputError if count < 1 or the space has
/// fewer than count (+ 3 translations in a periodic box) degrees of freedom.
LowestModes lowest_modes(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x,
                         const LowestModeOptions& options = {});

/// Number of negative curvatures among the converged lowest modes (below -tolerance), or -1
/// when the answer is not certain (a Ritz value within its residual of -tolerance, or not
/// converged). Counts at most options.count.
int negative_mode_count(const LowestModes& modes, double tolerance);

/// Curvature of the surface along `direction` (normalized here), by central differences of
/// the gradient with displacement `step` (length). Two gradient calls. energy/length^2.
double curvature_along(md::Objective& objective, const Eigen::VectorXd& x, const Eigen::VectorXd& direction,
                       double step);

/// Atoms whose share |v_a|^2 of the unit mode v is at least `fraction` of the largest share.
std::vector<int> mode_atoms(const ConfigurationSpace& space, const Eigen::VectorXd& mode, double fraction);

}  // namespace glassland::landscape
