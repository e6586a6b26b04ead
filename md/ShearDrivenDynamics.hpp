#pragma once
// Molecular dynamics under an imposed, time-dependent simple shear strain γ(t) (SimpleShear):
// before every time step the box and positions are remapped affinely to γ(t_{n+1}); the
// integrator (normally a thermostat, nvt-nh or nvt-langevin) then advances the particles. This
// is LAMMPS' `fix deform ... xy variable ... remap x` followed by `fix nvt`. Used by
// `glassland shear` (constant strain rate) and `glassland dma` (sinusoidal strain).
// Units: time and dt in the system's time unit; stress in its pressure unit.
#include <functional>

#include "md/Integrator.hpp"
#include "md/SimpleShear.hpp"
#include "md/Thermo.hpp"

namespace glassland::md {

struct StrainSample {
  long step = 0;
  double time = 0.0;          ///< time since the start of the run
  double strain = 0.0;        ///< imposed γ
  double shear_stress = 0.0;  ///< σ_xy = -P_xy (pressure unit, kinetic + virial)
  Thermo thermo;
};

struct ShearDrivenRun {
  double timestep = 0.0;   ///< dt (time)
  long steps = 0;          ///< number of steps
  long sample_every = 1;   ///< observe() at step 0, every this many steps, and at the last step
  std::function<double(double)> strain_at;  ///< γ(t), t from the start of the run
  /// Throws InputError naming the field.
  void validate() const;
};

/// Runs `run` (calls integrator.setup() first); observe(sample, system) sees the system at
/// each sampled step.
void run_shear_driven(System& system, Integrator& integrator, ForceCompute& forces, SimpleShear& shear,
                      const ShearDrivenRun& run,
                      const std::function<void(const StrainSample&, const System&)>& observe);

}  // namespace glassland::md
