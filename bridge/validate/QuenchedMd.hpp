#pragma once
// One thermostatted MD run from a minimum and the quenches that watch it: shared by the escape
// runs and the relaxation runs of `glassland validate`. Owns its System, force computation and
// quench objective, so runs on different threads share nothing.
// Units: the system's (md/Units.hpp).
#include <cstdint>
#include <memory>

#include "bridge/validate/EscapeSampler.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/Integrator.hpp"

namespace glassland::bridge {

class QuenchedMd {
public:
  /// Starts at `prototype`'s positions with Maxwell–Boltzmann velocities at `temperature`
  /// (drawn with `velocity_seed`) under options.ensemble (noise seeded with `noise_seed`).
  QuenchedMd(const md::System& prototype, const md::PairPotential& md_pair, const md::PairPotential& landscape_pair,
             const EscapeSamplerOptions& options, double temperature, std::uint64_t velocity_seed,
             std::uint64_t noise_seed);
  void step();
  /// Steps since the start or the last restart_clock().
  long steps() const { return steps_; }
  void restart_clock() { steps_ = 0; }
  /// Current flat positions (unwrapped, length).
  Eigen::VectorXd positions() const;
  /// Inherent structure of `x` under the landscape potential; throws InputError("quench", ...)
  /// if the minimizer does not converge.
  MinimumState quench(const Eigen::VectorXd& x);
  long quenches() const { return quenches_; }

private:
  md::System system_;
  md::ForceCompute forces_;
  landscape::ObjectivePool pool_;
  landscape::QuenchOptions quench_;
  std::unique_ptr<md::Integrator> integrator_;
  long steps_ = 0, quenches_ = 0;
};

}  // namespace glassland::bridge
