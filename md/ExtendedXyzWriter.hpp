#pragma once
// Extended XYZ trajectories (OVITO, ASE): per frame "N", a comment line
//   Lattice="ax ay az bx by bz cx cy cz" Origin="x y z" Properties=species:S:1:pos:R:3:type:I:1
//   Time=<t> pbc="T T T"
// and one line "species x y z type" per atom. Lattice vectors are the box edge vectors a, b, c.
#include <fstream>
#include <string>
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

class ExtendedXyzWriter {
public:
  /// type_names[t-1] names type t (e.g. {"Cu", "Zr"}; ASE needs element symbols); types
  /// without a name are written as their number. wrapped as in DumpWriter.
  ExtendedXyzWriter(std::string path, std::vector<std::string> type_names = {}, bool wrapped = true);
  /// Appends one frame; `time` in the System's time unit.
  void write(const System& system, double time);

private:
  std::string path_;
  std::vector<std::string> type_names_;
  bool wrapped_;
  std::ofstream out_;
};

std::string format_extended_xyz_frame(const System& system, double time, const std::vector<std::string>& type_names,
                                      bool wrapped);

}  // namespace glassland::md
