#include "md/ShearDrivenDynamics.hpp"

#include "md/Error.hpp"

namespace glassland::md {

void ShearDrivenRun::validate() const {
  if (!(timestep > 0.0)) throw InputError("timestep", "must be > 0");
  if (steps < 0) throw InputError("steps", "must be >= 0");
  if (sample_every < 1) throw InputError("sample_every", "must be >= 1");
  if (!strain_at) throw InputError("strain", "no strain history given");
}

void run_shear_driven(System& system, Integrator& integrator, ForceCompute& forces, SimpleShear& shear,
                      const ShearDrivenRun& run,
                      const std::function<void(const StrainSample&, const System&)>& observe) {
  run.validate();
  shear.set_strain(system, run.strain_at(0.0));
  ForceTotals totals = integrator.setup(system, forces);
  auto sample = [&](long step) {
    StrainSample s;
    s.step = step;
    s.time = static_cast<double>(step) * run.timestep;
    s.strain = shear.strain();
    s.thermo = compute_thermo(system, totals.energy, totals.virial, integrator.degrees_of_freedom(system));
    s.shear_stress = shear_stress_xy(s.thermo.pressure_tensor);
    observe(s, system);
  };
  sample(0);
  for (long step = 1; step <= run.steps; ++step) {
    shear.set_strain(system, run.strain_at(static_cast<double>(step) * run.timestep));
    totals = integrator.step(system, forces);
    if (step % run.sample_every == 0 || step == run.steps) sample(step);
  }
}

}  // namespace glassland::md
