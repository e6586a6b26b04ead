// The one place where protocol steps and instruments are registered.
#include "kmc/model/ProtocolSteps.hpp"

namespace glassland::model {

void register_protocol_steps(Registry<StepParser>& registry) {
  // treatments
  registry.add("ramp", parse_ramp);                    // linear cooling or heating at a rate
  registry.add("hold", parse_hold);                    // isothermal hold (optionally after a jump)
  registry.add("two_step_ramp", parse_two_step_ramp);  // rate switches at T*
  registry.add("schedule", parse_schedule);            // piecewise-linear T(t) given inline
  registry.add("schedule_file", parse_schedule_file);  // piecewise-linear T(t) from a file
  registry.add("cyclic_ramp", parse_cyclic_ramp);      // ramp under cyclic stress (beta training)
  registry.add("creep", parse_creep);                  // constant stress: J(t) and spectrum
  // instruments
  registry.add("dsc", parse_dsc);                          // heat flow, relaxation peak, Delta H, FWHM
  registry.add("kissinger", parse_kissinger);              // DSC at several rates -> apparent Ea
  registry.add("dma", parse_dma);                          // E', E'' vs T; beta Arrhenius, alpha VFT
  registry.add("frequency_sweep", parse_frequency_sweep);  // isothermal E*(f), TTS master curve
}

const Registry<StepParser>& protocol_step_kinds() {
  static const Registry<StepParser> registry = [] {
    Registry<StepParser> r("step kind", "kind");
    register_protocol_steps(r);
    return r;
  }();
  return registry;
}

}  // namespace glassland::model
