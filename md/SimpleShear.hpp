#pragma once
// Homogeneous simple shear γ in the xy plane of a periodic box (LAMMPS convention: the x
// edge-vector component of the b edge, the tilt factor xy): the box goes from H0 to
// H(γ) = (I + γ e_x e_y^T) H0, i.e. xy = xy0 + γ ly, and positions are remapped affinely with
// the box, x_i -> lo + F (x_i - lo) (LAMMPS `fix deform ... remap x`). Velocities are not
// remapped: they stay peculiar velocities (no streaming profile), so an ordinary thermostat on
// them is the right one ("remap-and-thermostat"; adequate while the streaming velocity γ̇ ly is
// much smaller than the thermal velocity, e.g. 1e8/s × 5 nm = 0.5 m/s against ~50 m/s at 10 K).
//
// The box must stay a valid LAMMPS box: |xy| <= lx/2 (no box flips are done), which limits γ
// to about (lx/2 - |xy0|)/ly; set_strain() throws InputError("strain") beyond it.
// Units: strain dimensionless; lengths in the system's length unit.
#include <vector>

#include "md/System.hpp"

namespace glassland::md {

class SimpleShear {
public:
  /// Takes `reference` (box H0 and unwrapped positions) as the unstrained state γ = 0.
  explicit SimpleShear(const System& reference);

  /// Shears `system` (box and positions, unwrapped) from its current strain to `strain`.
  void set_strain(System& system, double strain);
  double strain() const { return strain_; }
  /// Largest |γ| allowed by the tilt limit |xy| <= lx/2.
  double max_strain() const { return max_strain_; }

  /// Non-affine displacement of every atom since the reference, |H0 (s_i - s_i0) - mean|, with
  /// s = H^-1 (x_unwrapped - lo) the fractional coordinates: the affine part of the motion
  /// is removed exactly and so is any rigid drift of the whole system (length).
  std::vector<double> nonaffine_displacements(const System& system) const;

private:
  Mat3 h0_;
  std::vector<Vec3> s0_;  // unwrapped fractional coordinates at the reference
  double strain_ = 0.0;
  double max_strain_ = 0.0;
};

/// Shear stress σ_xy = -P_xy from a pressure tensor (pressure unit of the system).
inline double shear_stress_xy(const Mat3& pressure_tensor) { return -0.5 * (pressure_tensor(0, 1) + pressure_tensor(1, 0)); }

/// Pressure unit -> GPa (metal: bar; lj: reduced units are returned unchanged, factor 1).
double pressure_to_gpa(UnitSystem units);

/// Fraction of values strictly above `threshold` (0 for an empty list).
double fraction_above(const std::vector<double>& values, double threshold);

}  // namespace glassland::md
