#include "kmc/RateModel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "md/Error.hpp"

namespace glassland::kmc {

RateModel::RateModel(const RateNetwork& network, md::TemperatureSchedule thermal_energy,
                     StressProtocol stress, BiasLaw law)
    : network_(&network), schedule_(std::move(thermal_energy)), stress_(stress), law_(law) {
  const auto& points = schedule_.points();
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].temperature < 0.0) throw InputError("temperature", "kT must be >= 0");
    if (i > 0 && points[i].temperature != points[0].temperature) homogeneous_ = false;
    breakpoints_.push_back(points[i].time);
  }
  if (points.back().temperature <= 0.0 && homogeneous_)
    throw InputError("temperature", "kT must be > 0");
  for (double t : stress_.breakpoints()) breakpoints_.push_back(t);
  std::sort(breakpoints_.begin(), breakpoints_.end());
  if (stress_.time_dependent()) homogeneous_ = false;
}

double RateModel::rate(std::uint32_t e, double kT, double sigma) const {
  if (kT <= 0.0) return 0.0;
  const double barrier = biased_barrier(network_->barrier(e), network_->activation_volume(e), sigma, law_);
  return network_->prefactor(e) * std::exp(-barrier / kT);
}

double RateModel::escape_rate(StateIndex s, double time) const {
  const double kT = kT_at(time);
  const double sigma = stress_at(time);
  double total = 0.0;
  for (std::uint32_t e = network_->first(s); e < network_->first(s + 1); ++e) total += rate(e, kT, sigma);
  return total;
}

double RateModel::transition_rates(StateIndex s, double time, std::vector<double>& out) const {
  const double kT = kT_at(time);
  const double sigma = stress_at(time);
  out.clear();
  double total = 0.0;
  for (std::uint32_t e = network_->first(s); e < network_->first(s + 1); ++e) {
    out.push_back(rate(e, kT, sigma));
    total += out.back();
  }
  return total;
}

double RateModel::next_breakpoint(double time) const {
  const auto it = std::upper_bound(breakpoints_.begin(), breakpoints_.end(), time);
  return it == breakpoints_.end() ? std::numeric_limits<double>::infinity() : *it;
}

bool RateModel::constant_after(double time) const {
  if (stress_.kind() == StressProtocol::Kind::sine) return false;
  return time >= breakpoints_.back();
}

}  // namespace glassland::kmc
