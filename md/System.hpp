#pragma once
// Atoms in a periodic box. Per-atom data are parallel arrays indexed 0..size()-1 (the local
// index); `id` holds the user-visible LAMMPS atom id. Types are 1-based like LAMMPS.
#include <string>
#include <vector>

#include "md/Box.hpp"
#include "md/Units.hpp"

namespace glassland::md {

struct System {
  Box box;
  UnitSystem units = UnitSystem::lj;
  std::vector<int> id;          ///< LAMMPS atom ids (unique, positive)
  std::vector<int> type;        ///< atom types, 1..ntypes()
  std::vector<Vec3> position;   ///< length
  std::vector<Vec3> velocity;   ///< length/time
  std::vector<Vec3> force;      ///< energy/length (filled by a force computation)
  std::vector<Image> image;     ///< periodic image flags of position
  std::vector<double> type_mass;  ///< mass of each type; index 0 unused (mass unit)

  std::size_t size() const { return position.size(); }
  int ntypes() const { return static_cast<int>(type_mass.size()) - 1; }
  double mass(std::size_t i) const { return type_mass[static_cast<std::size_t>(type[i])]; }
  /// Position of atom i for output: mapped into the primary cell (wrapped) or displaced by its
  /// image flags (unwrapped, continuous trajectories).
  Vec3 output_position(std::size_t i, bool wrapped) const {
    if (!wrapped) return box.unwrap(position[i], image[i]);
    Image ignored{0, 0, 0};
    return box.wrap(position[i], ignored);
  }
  /// Appends an atom with zero velocity, force and image flags.
  void add_atom(int atom_id, int atom_type, const Vec3& r) {
    id.push_back(atom_id);
    type.push_back(atom_type);
    position.push_back(r);
    velocity.push_back(Vec3::Zero());
    force.push_back(Vec3::Zero());
    image.push_back({0, 0, 0});
  }
};

}  // namespace glassland::md
