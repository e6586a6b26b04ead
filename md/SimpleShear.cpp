#include "md/SimpleShear.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/LU>
#include <fmt/format.h>

#include "md/Error.hpp"

namespace glassland::md {

SimpleShear::SimpleShear(const System& reference) : h0_(reference.box.matrix()) {
  s0_.reserve(reference.size());
  for (std::size_t i = 0; i < reference.size(); ++i)
    s0_.push_back(reference.box.to_fractional(reference.box.unwrap(reference.position[i], reference.image[i])));
  max_strain_ = (0.5 * h0_(0, 0) - std::abs(h0_(0, 1))) / h0_(1, 1);
}

void SimpleShear::set_strain(System& system, double strain) {
  if (!(std::abs(strain) <= max_strain_))
    throw InputError("strain", fmt::format("shear strain {} exceeds the tilt limit |xy| <= lx/2 (|strain| <= {:.4g}); "
                                           "use a box with a larger lx/ly",
                                           strain, max_strain_));
  // F maps the current box to the target one: xy_new = xy0 + γ ly, with ly unchanged by shear.
  const Mat3& h = system.box.matrix();
  Mat3 target = h;
  target(0, 1) = h0_(0, 1) + strain * h0_(1, 1);
  const Mat3 f = target * h.inverse();
  for (auto& r : system.position) r = system.box.deform_point(r, f);
  system.box.deform(f);
  strain_ = strain;
}

std::vector<double> SimpleShear::nonaffine_displacements(const System& system) const {
  std::vector<Vec3> d(system.size());
  Vec3 mean = Vec3::Zero();
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3 s = system.box.to_fractional(system.box.unwrap(system.position[i], system.image[i]));
    d[i] = h0_ * (s - s0_[i]);
    mean += d[i];
  }
  if (!d.empty()) mean /= static_cast<double>(d.size());
  std::vector<double> out(d.size());
  for (std::size_t i = 0; i < d.size(); ++i) out[i] = (d[i] - mean).norm();
  return out;
}

double pressure_to_gpa(UnitSystem units) { return units == UnitSystem::metal ? 1e-4 : 1.0; }

double fraction_above(const std::vector<double>& values, double threshold) {
  if (values.empty()) return 0.0;
  const auto n = std::count_if(values.begin(), values.end(), [&](double v) { return v > threshold; });
  return static_cast<double>(n) / static_cast<double>(values.size());
}

}  // namespace glassland::md
