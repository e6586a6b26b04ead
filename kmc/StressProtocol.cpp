#include "kmc/StressProtocol.hpp"

#include <algorithm>

#include <cmath>
#include <limits>
#include <numbers>

#include "md/Error.hpp"
#include "md/NumberText.hpp"

namespace glassland::kmc {

namespace {
double parse_number(const std::string& text, const std::string& option) {
  const std::optional<double> value = parse_finite(text);
  if (!value) throw InputError(option, "'" + text + "' is not a finite number");
  return *value;
}
}  // namespace

StressProtocol StressProtocol::constant(double sigma) {
  StressProtocol p;
  p.kind_ = Kind::constant;
  p.sigma_ = sigma;
  return p;
}

StressProtocol StressProtocol::step(double sigma, double time) {
  StressProtocol p;
  p.kind_ = Kind::step;
  p.sigma_ = sigma;
  p.time_ = time;
  return p;
}

StressProtocol StressProtocol::sine(double amplitude, double frequency, double mean) {
  StressProtocol p;
  p.kind_ = Kind::sine;
  p.sigma_ = amplitude;
  p.frequency_ = frequency;
  p.mean_ = mean;
  return p;
}

namespace {
/// "A@B" -> (A, B); throws naming the kind when there is no '@'.
std::pair<double, std::string> split_at(const std::string& kind, const std::string& rest, const std::string& option) {
  const auto at = rest.find('@');
  if (at == std::string::npos) throw InputError(option, "'" + kind + "' needs VALUE@TIME or AMPLITUDE@FREQUENCY");
  return {parse_number(rest.substr(0, at), option), rest.substr(at + 1)};
}

StressProtocol parse_constant(const std::string& rest, const std::string& option) {
  return StressProtocol::constant(parse_number(rest, option));
}

StressProtocol parse_step(const std::string& rest, const std::string& option) {
  const auto [sigma, time] = split_at("step", rest, option);
  return StressProtocol::step(sigma, parse_number(time, option));
}

StressProtocol parse_sine(const std::string& rest, const std::string& option) {
  auto [amplitude, second] = split_at("sine", rest, option);
  double mean = 0.0;
  if (const auto plus = second.find('+', 1); plus != std::string::npos) {
    mean = parse_number(second.substr(plus + 1), option);
    second = second.substr(0, plus);
  }
  const double f = parse_number(second, option);
  if (f <= 0.0) throw InputError(option, "frequency must be > 0");
  return StressProtocol::sine(amplitude, f, mean);
}
}  // namespace

void register_stress_protocols(Registry<StressProtocolParser>& registry) {
  registry.add("constant", parse_constant);  // constant:S
  registry.add("step", parse_step);          // step:S@T  (0 before T, S after)
  registry.add("sine", parse_sine);          // sine:A@F[+M]
}

const Registry<StressProtocolParser>& stress_protocols() {
  static const Registry<StressProtocolParser> registry = [] {
    Registry<StressProtocolParser> r("stress protocol", "stress");
    register_stress_protocols(r);
    return r;
  }();
  return registry;
}

StressProtocol StressProtocol::parse(const std::string& spec, const std::string& option) {
  const auto colon = spec.find(':');
  if (colon == std::string::npos) throw InputError(option, "expected constant:S, step:S@T or sine:A@F[+M]");
  const std::string kind = spec.substr(0, colon);
  const StressProtocolParser* parse = stress_protocols().find(kind);
  if (parse == nullptr)
    throw InputError(option, "unknown stress protocol '" + kind + "' (known: " + stress_protocols().known() + ")");
  return (*parse)(spec.substr(colon + 1), option);
}

double StressProtocol::stress_at(double time) const {
  switch (kind_) {
    case Kind::none: return 0.0;
    case Kind::constant: return sigma_;
    case Kind::step: return time >= time_ ? sigma_ : 0.0;
    case Kind::sine: return mean_ + sigma_ * std::sin(2.0 * std::numbers::pi * frequency_ * time);
  }
  return 0.0;
}

std::vector<double> StressProtocol::breakpoints() const {
  if (kind_ == Kind::step) return {time_};
  return {};
}

std::pair<double, double> StressProtocol::range(double a, double b) const {
  double lo = std::min(stress_at(a), stress_at(b)), hi = std::max(stress_at(a), stress_at(b));
  if (kind_ == Kind::step && a < time_ && time_ <= b) {
    lo = std::min({lo, 0.0, sigma_});
    hi = std::max({hi, 0.0, sigma_});
  }
  if (kind_ == Kind::sine && b > a) {
    // Interior extrema of sin(2 pi f t) sit at phases pi/2 + k pi, i.e. t = (1/4 + k/2) / f.
    const double first = std::ceil(a * 2.0 * frequency_ - 0.5);
    for (double k = first; (0.25 + 0.5 * k) / frequency_ <= b && k < first + 3.0; k += 1.0) {
      const double value = stress_at((0.25 + 0.5 * k) / frequency_);
      lo = std::min(lo, value);
      hi = std::max(hi, value);
    }
    if (b - a >= 1.0 / frequency_) {  // a whole period: both extrema
      lo = std::min(lo, mean_ - std::abs(sigma_));
      hi = std::max(hi, mean_ + std::abs(sigma_));
    }
  }
  return {lo, hi};
}

double StressProtocol::max_step() const {
  return kind_ == Kind::sine ? 1.0 / (16.0 * frequency_) : std::numeric_limits<double>::infinity();
}

double biased_barrier(double barrier, double activation_volume, double sigma, BiasLaw law) {
  if (sigma == 0.0 || activation_volume == 0.0) return barrier;
  if (law == BiasLaw::linear) return std::max(0.0, barrier - sigma * activation_volume);
  if (barrier <= 0.0) return 0.0;
  // x = sigma/sigma_c with the sign of the work sigma*V done along the transition.
  const double x = sigma * activation_volume / (1.5 * barrier);
  if (x >= 1.0) return 0.0;
  return barrier * std::pow(1.0 - x, 1.5);
}

BiasLaw parse_bias_law(const std::string& name, const std::string& option) {
  if (name == "linear") return BiasLaw::linear;
  if (name == "three-halves") return BiasLaw::three_halves;
  throw InputError(option, "unknown bias law '" + name + "' (linear, three-halves)");
}

}  // namespace glassland::kmc
