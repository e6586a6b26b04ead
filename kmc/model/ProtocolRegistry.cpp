// The one place where protocol steps and instruments are registered.
#include "kmc/model/ProtocolSteps.hpp"

namespace glassland::kmc::model {

const std::map<std::string, StepParser>& protocol_step_kinds() {
  static const std::map<std::string, StepParser> kinds = {
      // treatments
      {"ramp", parse_ramp},                  // linear cooling or heating at a rate
      {"hold", parse_hold},                  // isothermal hold (optionally after a jump)
      {"two_step_ramp", parse_two_step_ramp},// rate switches at T*
      {"schedule", parse_schedule},          // piecewise-linear T(t) given inline
      {"schedule_file", parse_schedule_file},// piecewise-linear T(t) from a file
      {"cyclic_ramp", parse_cyclic_ramp},    // ramp under cyclic stress (beta training)
      {"creep", parse_creep},                // constant stress: J(t) and spectrum
      // instruments
      {"dsc", parse_dsc},                    // heat flow, relaxation peak, Delta H, FWHM
      {"kissinger", parse_kissinger},        // DSC at several rates -> apparent Ea
      {"dma", parse_dma},                    // E', E'' vs T; beta Arrhenius, alpha VFT
      {"frequency_sweep", parse_frequency_sweep},  // isothermal E*(f), TTS master curve
  };
  return kinds;
}

}  // namespace glassland::kmc::model
