#include "bridge/validate/QuenchedMd.hpp"

#include "md/IntegratorRegistry.hpp"
#include "md/Thermo.hpp"

namespace glassland::bridge {

QuenchedMd::QuenchedMd(const md::System& prototype, const md::PairPotential& md_pair,
                       const md::PairPotential& landscape_pair, const EscapeSamplerOptions& options,
                       double temperature, std::uint64_t velocity_seed, std::uint64_t noise_seed)
    : system_(prototype), forces_(md_pair, options.skin), pool_(prototype, landscape_pair, options.skin, 1),
      quench_(options.quench) {
  md::assign_maxwell_velocities(system_, temperature, velocity_seed);
  md::IntegratorParameters p;
  p.timestep = options.timestep;
  p.temperature = temperature;
  p.temperature_damping = options.damping;
  p.seed = noise_seed;
  integrator_ = md::make_integrator(options.ensemble, p);
  integrator_->setup(system_, forces_);
}

void QuenchedMd::step() {
  integrator_->step(system_, forces_);
  ++steps_;
}

Eigen::VectorXd QuenchedMd::positions() const { return landscape::flat_positions(system_); }

MinimumState QuenchedMd::quench(const Eigen::VectorXd& x) {
  ++quenches_;
  const landscape::QuenchResult q = landscape::quench(pool_[0], x, quench_);
  return {q.position, q.energy};
}

}  // namespace glassland::bridge
