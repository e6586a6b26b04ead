#pragma once
// Mean-squared displacement from a reference configuration, using unwrapped positions
// (position + image flags · box), so atoms that crossed the periodic boundary count their
// true displacement. Units: length² (the system's length unit).
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

/// position[i] unwrapped with image[i] in the system's current box (length).
std::vector<Vec3> unwrapped_positions(const System& system);

class MeanSquaredDisplacement {
public:
  /// Remembers the unwrapped positions and types of `reference` (time origin).
  explicit MeanSquaredDisplacement(const System& reference);

  /// <|r_i(t) - r_i(0)|²> over all atoms (length²). Atoms are matched by local index; throws
  /// InputError("system", ...) if the atom count changed.
  double total(const System& current) const;
  /// Same per atom type: element t for type t (element 0 unused; 0 for absent types).
  std::vector<double> by_type(const System& current) const;

private:
  void check(const System& current) const;
  std::vector<Vec3> reference_;
  std::vector<int> type_;
};

}  // namespace glassland::md
