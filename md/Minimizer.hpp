#pragma once
// The minimizer interface shared by quenches (inherent structures), nudged elastic bands and
// anything else that descends an md::Objective. Implementations: FIRE 2.0 (Fire.hpp) and
// Polak-Ribiere conjugate gradient (ConjugateGradient.hpp), created by name through
// make_minimizer() (MinimizerRegistry.hpp).
//
// Units: all lengths, energies and forces are those of the objective (LJ reduced units or
// LAMMPS metal units for atomic systems). The "force" is minus the objective's gradient.
#include <functional>
#include <string>

#include <Eigen/Core>

#include "md/Objective.hpp"

namespace glassland::md {

struct MinimizerOptions {
  /// Converged when the force measure drops below fmax (energy/length). The default force
  /// measure is the largest norm of the per-atom blocks of `block_size` coordinates.
  double fmax = 1e-6;
  /// Optional relative energy-change criterion (as LAMMPS' etol): converged when
  /// |E_k - E_{k-1}| <= energy_tolerance * (|E_k| + |E_{k-1}|) / 2. 0 disables it.
  double energy_tolerance = 0.0;
  long max_iterations = 10000;
  /// Largest displacement of one block (atom) per iteration (length).
  double max_step = 0.1;
  /// FIRE's initial time step in units where every coordinate has unit mass
  /// (length * sqrt(1/(energy/length^2))); the maximum is 10x, the minimum 0.02x this value.
  double timestep = 0.05;
  /// Coordinates per atom for the default force measure (3 for atoms, 1 or 2 for analytic
  /// surfaces). The objective's dimension must be a multiple of it.
  int block_size = 3;
  /// Replaces the default force measure when set (used by the nudged elastic band, whose
  /// convergence is on perpendicular and climbing-image forces). Called with the current
  /// coordinates and gradient right after they were evaluated.
  std::function<double(const Eigen::VectorXd& x, const Eigen::VectorXd& gradient)> force_measure;

  /// Throws InputError naming the field if a value is out of range.
  void validate() const;
};

struct MinimizerResult {
  bool converged = false;
  long iterations = 0;
  long evaluations = 0;   ///< value_and_gradient calls made by this minimization
  double value = 0.0;     ///< objective (energy) at the returned coordinates
  double max_force = 0.0; ///< force measure at the returned coordinates
};

class Minimizer {
public:
  virtual ~Minimizer() = default;
  /// Descends `objective` from `x` (modified in place to the final coordinates).
  virtual MinimizerResult minimize(Objective& objective, Eigen::VectorXd& x) = 0;
  virtual std::string name() const = 0;
};

/// Largest Euclidean norm over consecutive blocks of `block_size` entries.
double max_block_norm(const Eigen::VectorXd& v, int block_size);

/// The force measure chosen by `options` (custom measure or max_block_norm of the gradient).
double force_measure(const MinimizerOptions& options, const Eigen::VectorXd& x,
                     const Eigen::VectorXd& gradient);

/// Scales `step` down so that no block moves by more than max_step; returns the factor.
double limit_step(Eigen::VectorXd& step, double max_step, int block_size);

}  // namespace glassland::md
