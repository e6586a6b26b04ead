#pragma once
// What the environment imposes on a sample during one time step (laboratory units).
namespace glassland::model {

struct LoadState {
  double temperature_K = 300.0;
  double stress_MPa = 0.0;            ///< static uniaxial stress (creep), |stress| < sigma0
  double cyclic_amplitude_MPa = 0.0;  ///< amplitude of a sinusoidal stress (beta training)
  double cyclic_frequency_Hz = 0.0;   ///< its frequency (Hz); 0 = no cyclic load
};

}  // namespace glassland::model
