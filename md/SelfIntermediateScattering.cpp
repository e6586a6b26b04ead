#include "md/SelfIntermediateScattering.hpp"

#include <cmath>
#include <numbers>

#include "md/Error.hpp"
#include "md/MeanSquaredDisplacement.hpp"

namespace glassland::md {

namespace {
// n nearly uniform points on the unit sphere (golden-angle spiral), deterministic.
std::vector<Vec3> fibonacci_sphere(int n) {
  std::vector<Vec3> out;
  const double golden = std::numbers::pi * (3.0 - std::sqrt(5.0));
  for (int k = 0; k < n; ++k) {
    const double z = 1.0 - (2.0 * k + 1.0) / n;
    const double rho = std::sqrt(std::max(0.0, 1.0 - z * z));
    out.emplace_back(rho * std::cos(golden * k), rho * std::sin(golden * k), z);
  }
  return out;
}

double sinc(double x) { return std::abs(x) < 1e-4 ? 1.0 - x * x / 6.0 : std::sin(x) / x; }
}  // namespace

SelfIntermediateScattering::SelfIntermediateScattering(const System& reference, double q, int directions,
                                                       int type)
    : q_(q), type_(type), reference_(unwrapped_positions(reference)) {
  if (!std::isfinite(q) || q <= 0.0) throw InputError("q", "must be finite and > 0");
  if (directions < 0) throw InputError("directions", "must be >= 0");
  for (const Vec3& u : fibonacci_sphere(directions)) q_vectors_.push_back(q * u);
}

double SelfIntermediateScattering::compute(const System& current) const {
  if (current.size() != reference_.size())
    throw InputError("system", "atom count changed since the reference configuration");
  double sum = 0.0;
  long count = 0;
  for (std::size_t i = 0; i < reference_.size(); ++i) {
    if (type_ != 0 && current.type[i] != type_) continue;
    const Vec3 d = current.box.unwrap(current.position[i], current.image[i]) - reference_[i];
    if (q_vectors_.empty()) {
      sum += sinc(q_ * d.norm());
    } else {
      double s = 0.0;
      for (const Vec3& qv : q_vectors_) s += std::cos(qv.dot(d));
      sum += s / static_cast<double>(q_vectors_.size());
    }
    ++count;
  }
  return count > 0 ? sum / static_cast<double>(count) : 0.0;
}

}  // namespace glassland::md
