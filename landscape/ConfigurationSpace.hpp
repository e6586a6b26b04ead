#pragma once
// How two configurations (flat coordinate vectors) differ: per-atom minimum image in a
// periodic box, or plain subtraction for free clusters and analytic surfaces. Paths (NEB
// bands), same-minimum tests and transition records all measure displacements through it.
// Units: length (the model's length unit).
#include <optional>

#include <Eigen/Core>

#include "md/Box.hpp"

namespace glassland::landscape {

class ConfigurationSpace {
public:
  /// Non-periodic space whose "atoms" are blocks of `block_size` coordinates (3 for atoms,
  /// 2 for a 2-D analytic surface).
  static ConfigurationSpace free(int block_size = 3);
  /// Atoms in a periodic box: differences use the minimum image of each atom, minus their
  /// mean. A rigid translation costs no energy in a periodic box, and a thermostat that does
  /// not conserve momentum (Langevin) lets the whole glass drift between quenches: without
  /// the mean removed, one minimum seen twice would look like two minima and NEB bands would
  /// carry a useless translation.
  static ConfigurationSpace periodic(const md::Box& box);

  int block_size() const { return block_size_; }
  const std::optional<md::Box>& box() const { return box_; }

  /// to - from, atom by atom under the minimum image, without the rigid drift (length).
  Eigen::VectorXd difference(const Eigen::VectorXd& to, const Eigen::VectorXd& from) const;
  /// Largest single-atom displacement between two configurations (length).
  double max_displacement(const Eigen::VectorXd& a, const Eigen::VectorXd& b) const;
  /// Per-atom displacement magnitudes |to_i - from_i| (length).
  Eigen::VectorXd atom_displacements(const Eigen::VectorXd& to, const Eigen::VectorXd& from) const;
  /// Number of atoms (blocks) in a configuration of dimension `dimension`.
  Eigen::Index atoms(Eigen::Index dimension) const { return dimension / block_size_; }

private:
  int block_size_ = 3;
  std::optional<md::Box> box_;
};

}  // namespace glassland::landscape
