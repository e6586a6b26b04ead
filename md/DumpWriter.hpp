#pragma once
// LAMMPS text dump ("ITEM: TIMESTEP / NUMBER OF ATOMS / BOX BOUNDS / ATOMS id type x y z"),
// the format OVITO and LAMMPS' own tools read. Orthogonal boxes write "BOX BOUNDS pp pp pp";
// triclinic boxes "BOX BOUNDS xy xz yz pp pp pp" with LAMMPS' bounding-box convention.
// Coordinates in the System's length unit, shortest decimal form that reads back exactly.
#include <fstream>
#include <string>

#include "md/System.hpp"

namespace glassland::md {

class DumpWriter {
public:
  /// Creates (truncates) `path`. wrapped = true: positions mapped into the box; false:
  /// unwrapped with the image flags (continuous trajectories for MSD). Throws InputError(path).
  DumpWriter(std::string path, bool wrapped);
  /// Appends one frame (flushed, so a killed run leaves only complete frames... up to the OS).
  void write(const System& system, long timestep);
  const std::string& path() const { return path_; }

private:
  std::string path_;
  bool wrapped_;
  std::ofstream out_;
};

/// Text of one dump frame.
std::string format_dump_frame(const System& system, long timestep, bool wrapped);

}  // namespace glassland::md
