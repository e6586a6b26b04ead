#pragma once
// FIRE 2.0 (Guenole, Noehring, Vaid, Houlle, Xie, Prakash, Bitzek, Comput. Mater. Sci. 175,
// 109584 (2020)): damped dynamics with unit masses, semi-implicit Euler integration, velocity
// mixing towards the force, adaptive time step, and a half-step back-off whenever the power
// F.v turns negative. Uses only gradients, so it also descends non-conservative "gradients"
// such as the nudged-elastic-band force.
#include "md/Minimizer.hpp"

namespace glassland::md {

struct FireParameters {
  int delay_steps = 20;          ///< N_delay: positive-power steps before dt grows
  int max_negative_steps = 2000; ///< N_{P<0}^max: stop after this many uphill steps in a row
  double dt_increase = 1.1;      ///< f_inc
  double dt_decrease = 0.5;      ///< f_dec
  double alpha_start = 0.25;     ///< alpha_start (mixing)
  double alpha_decrease = 0.99;  ///< f_alpha
  double dt_max_factor = 10.0;   ///< dt_max = factor * options.timestep
  double dt_min_factor = 0.02;   ///< dt_min = factor * options.timestep
  bool initial_delay = true;     ///< no dt decrease during the first delay_steps
};

class Fire : public Minimizer {
public:
  explicit Fire(MinimizerOptions options, FireParameters parameters = {});
  MinimizerResult minimize(Objective& objective, Eigen::VectorXd& x) override;
  std::string name() const override { return "fire"; }

private:
  MinimizerOptions options_;
  FireParameters parameters_;
};

}  // namespace glassland::md
