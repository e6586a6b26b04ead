#pragma once
// Shared set-up for the landscape-model tests: the La-based example glass and short helpers
// to run treatments on a sample.
#include <memory>

#include "kmc/model/Instruments.hpp"
#include "kmc/model/LandscapeModel.hpp"
#include "kmc/model/MasterEquationSample.hpp"
#include "kmc/model/ModelConfig.hpp"

namespace glassland::model::test {

inline ModelConfig la_config() {
  return load_model_config(std::string(GLASSLAND_SOURCE_DIR) + "/examples/model/la_glass.toml");
}
inline ModelConfig au_config() {
  return load_model_config(std::string(GLASSLAND_SOURCE_DIR) + "/examples/model/au_glass.toml");
}
inline std::shared_ptr<const LandscapeModel> la_model() { return std::make_shared<const LandscapeModel>(la_config().landscape); }

/// Linear ramp from -> to at rate (K/s) on `sample`.
inline void ramp(Sample& sample, double from, double to, double rate, double max_step_K = 0.25) {
  StepControl control;
  control.max_step_K = max_step_K;
  double clock = 0.0;
  run_schedule(sample, md::TemperatureSchedule::linear_ramp(from, to, rate), LoadState{}, control, clock, nullptr);
}

/// Isothermal hold.
inline void hold(Sample& sample, double temperature, double duration) {
  double clock = 0.0;
  run_schedule(sample, md::TemperatureSchedule::hold(temperature, duration), LoadState{}, StepControl{}, clock, nullptr);
}

}  // namespace glassland::model::test
