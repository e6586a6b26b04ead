#pragma once
// Applied shear stress sigma(t) and how it tilts barriers. Stress is in energy/volume units of
// the catalog (sigma * activation volume = energy); time in the catalog's time unit.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "md/Registry.hpp"

namespace glassland::kmc {

/// How a stress changes the barrier dE of a transition with activation volume V (signed by
/// direction): linear tilt dE - sigma V (clamped at 0), or the fold-catastrophe law
/// dE (1 - sigma/sigma_c)^(3/2) with sigma_c = 1.5 dE/|V| (same slope -V at sigma = 0).
enum class BiasLaw { linear, three_halves };

class StressProtocol {
public:
  enum class Kind { none, constant, step, sine };

  StressProtocol() = default;
  static StressProtocol constant(double sigma);
  /// 0 before `time`, sigma from `time` on.
  static StressProtocol step(double sigma, double time);
  /// mean + amplitude sin(2 pi frequency t).
  static StressProtocol sine(double amplitude, double frequency, double mean = 0.0);
  /// Parses "constant:S", "step:S@T", "sine:A@F" or "sine:A@F+M"; errors name `option`.
  static StressProtocol parse(const std::string& spec, const std::string& option);

  Kind kind() const { return kind_; }
  double stress_at(double time) const;
  bool time_dependent() const { return kind_ == Kind::step || kind_ == Kind::sine; }
  /// Times where sigma(t) is not smooth (the step), for the hazard integration.
  std::vector<double> breakpoints() const;
  /// Smallest and largest sigma(t) for t in [a, b] (a <= b), exactly.
  std::pair<double, double> range(double a, double b) const;
  /// Largest integration step that resolves sigma(t) (period/16 for a sine, else infinity).
  double max_step() const;
  double frequency() const { return frequency_; }

private:
  Kind kind_ = Kind::none;
  double sigma_ = 0.0, time_ = 0.0, frequency_ = 0.0, mean_ = 0.0;
};

/// Barrier under stress (energy unit) for a transition of barrier dE >= 0 and signed volume V.
double biased_barrier(double barrier, double activation_volume, double sigma, BiasLaw law);
/// Parses "linear" or "three-halves" (errors name `option`).
BiasLaw parse_bias_law(const std::string& name, const std::string& option);

/// Reads the text after "KIND:" of a stress protocol; errors name `option`.
using StressProtocolParser = std::function<StressProtocol(const std::string& rest, const std::string& option)>;
/// The one place where stress protocol kinds are registered: constant, step, sine.
void register_stress_protocols(Registry<StressProtocolParser>& registry);
/// The registry, built once.
const Registry<StressProtocolParser>& stress_protocols();

}  // namespace glassland::kmc
