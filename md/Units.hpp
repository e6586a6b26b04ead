#pragma once
// Unit systems, following LAMMPS' `units lj` and `units metal` so that data files and dumps
// mean the same thing in both programs.
//   lj:    energy ε, length σ, mass m, time σ·sqrt(m/ε), temperature ε/k_B, pressure ε/σ³
//   metal: energy eV, length Å, mass g/mol (amu), time ps, temperature K, pressure bar
#include <string>

namespace glassland::md {

enum class UnitSystem { lj, metal };

struct UnitConstants {
  double boltzmann;        ///< k_B in energy/temperature
  double mvv_to_energy;    ///< m·v² (mass·length²/time²) to energy
  double pressure_factor;  ///< energy/length³ to pressure unit
};

inline UnitConstants unit_constants(UnitSystem units) {
  switch (units) {
    case UnitSystem::metal:
      // Same CODATA-derived constants as LAMMPS' update.cpp (units metal).
      return {8.617343e-5, 1.0364269e-4, 1.6021765e6};
    case UnitSystem::lj:
    default:
      return {1.0, 1.0, 1.0};
  }
}

inline const char* unit_name(UnitSystem units) { return units == UnitSystem::metal ? "metal" : "lj"; }

}  // namespace glassland::md
