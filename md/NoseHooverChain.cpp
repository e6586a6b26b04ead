#include "md/NoseHooverChain.hpp"

#include <algorithm>
#include <cmath>

#include "md/Thermo.hpp"

namespace glassland::md {

NoseHooverChain::NoseHooverChain(double temperature, double damping, int chain_length)
    : temperature_(temperature), damping_(damping) {
  const auto m = static_cast<std::size_t>(std::max(1, chain_length));
  eta_.assign(m, 0.0);
  eta_dot_.assign(m, 0.0);
  mass_.assign(m, 0.0);
  force_.assign(m, 0.0);
}

void NoseHooverChain::update_masses(int dof, double kt) {
  mass_[0] = dof * kt * damping_ * damping_;
  for (std::size_t k = 1; k < mass_.size(); ++k) mass_[k] = kt * damping_ * damping_;
}

double NoseHooverChain::half_step(System& system, int dof, double dt) {
  const double boltzmann = unit_constants(system.units).boltzmann;
  // A zero target would give zero masses; a tiny floor keeps the chain finite (it then acts
  // as a strong friction that drains kinetic energy, which is what T -> 0 asks for).
  const double kt = boltzmann * std::max(temperature_, 1e-6 * (temperature_ > 0 ? temperature_ : 1.0));
  update_masses(dof, kt);
  const std::size_t m = eta_.size();
  const double dt2 = 0.5 * dt, dt4 = 0.25 * dt, dt8 = 0.125 * dt;
  double ke2 = 2.0 * kinetic_energy(system);

  force_[0] = (ke2 - dof * kt) / mass_[0];
  for (std::size_t k = 1; k < m; ++k)
    force_[k] = (mass_[k - 1] * eta_dot_[k - 1] * eta_dot_[k - 1] - kt) / mass_[k];
  // Down the chain: the outermost thermostat first.
  eta_dot_[m - 1] += force_[m - 1] * dt4;
  for (std::size_t k = m - 1; k-- > 0;) {
    const double damp = std::exp(-dt8 * eta_dot_[k + 1]);
    eta_dot_[k] = (eta_dot_[k] * damp + force_[k] * dt4) * damp;
  }
  const double factor = std::exp(-dt2 * eta_dot_[0]);
  for (auto& v : system.velocity) v *= factor;
  ke2 *= factor * factor;
  for (std::size_t k = 0; k < m; ++k) eta_[k] += dt2 * eta_dot_[k];
  // Back up the chain with the new kinetic energy.
  force_[0] = (ke2 - dof * kt) / mass_[0];
  for (std::size_t k = 0; k + 1 < m; ++k) {
    const double damp = std::exp(-dt8 * eta_dot_[k + 1]);
    eta_dot_[k] = (eta_dot_[k] * damp + force_[k] * dt4) * damp;
    force_[k + 1] = (mass_[k] * eta_dot_[k] * eta_dot_[k] - kt) / mass_[k + 1];
  }
  eta_dot_[m - 1] += force_[m - 1] * dt4;
  return factor;
}

double NoseHooverChain::energy(int dof, double boltzmann) const {
  const double kt = boltzmann * temperature_;
  const double q_scale = damping_ * damping_;
  double e = 0.5 * dof * kt * q_scale * eta_dot_[0] * eta_dot_[0] + dof * kt * eta_[0];
  for (std::size_t k = 1; k < eta_.size(); ++k) e += 0.5 * kt * q_scale * eta_dot_[k] * eta_dot_[k] + kt * eta_[k];
  return e;
}

}  // namespace glassland::md
