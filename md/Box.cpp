#include "md/Box.hpp"

#include <cmath>

#include <Eigen/Geometry>
#include <Eigen/LU>

#include "md/Error.hpp"

namespace glassland::md {

Box::Box(const Vec3& lo, const Vec3& hi, double xy, double xz, double yz) : lo_(lo), hi_(hi) {
  const char* axes[3] = {"x", "y", "z"};
  for (int d = 0; d < 3; ++d) {
    const double length = hi[d] - lo[d];
    if (!std::isfinite(lo[d]) || !std::isfinite(hi[d]) || !(length > 0.0))
      throw InputError("box", std::string("non-positive or non-finite length along ") + axes[d]);
  }
  if (!std::isfinite(xy) || !std::isfinite(xz) || !std::isfinite(yz))
    throw InputError("box", "non-finite tilt factor");
  h_ << hi[0] - lo[0], xy, xz, 0.0, hi[1] - lo[1], yz, 0.0, 0.0, hi[2] - lo[2];
  h_inverse_ = h_.inverse();
}

Vec3 Box::perpendicular_widths() const {
  const Vec3 a = h_.col(0), b = h_.col(1), c = h_.col(2);
  const double v = volume();
  return Vec3(v / b.cross(c).norm(), v / c.cross(a).norm(), v / a.cross(b).norm());
}

Vec3 Box::to_fractional(const Vec3& r) const { return h_inverse_ * (r - lo_); }
Vec3 Box::from_fractional(const Vec3& s) const { return lo_ + h_ * s; }

Vec3 Box::minimum_image(const Vec3& d) const {
  // Reduce z, then y, then x: with an upper-triangular H each step leaves the earlier
  // components unchanged, as in LAMMPS' Domain::minimum_image.
  Vec3 r = d;
  for (int k = 2; k >= 0; --k) {
    const double shift = std::round(r[k] / h_(k, k));
    if (shift != 0.0) r -= shift * h_.col(k);
  }
  return r;
}

Vec3 Box::wrap(const Vec3& r, Image& image) const {
  Vec3 s = to_fractional(r);
  for (int k = 0; k < 3; ++k) {
    const double shift = std::floor(s[k]);
    if (shift != 0.0) {
      s[k] -= shift;
      image[k] += static_cast<int>(shift);
    }
    if (s[k] >= 1.0) s[k] = 0.0;  // guard against round-off landing exactly on the upper face
  }
  return from_fractional(s);
}

Vec3 Box::unwrap(const Vec3& r, const Image& image) const {
  return r + h_ * Vec3(image[0], image[1], image[2]);
}

void Box::deform(const Mat3& F) {
  h_ = F * h_;
  h_(1, 0) = h_(2, 0) = h_(2, 1) = 0.0;
  hi_ = lo_ + Vec3(h_(0, 0), h_(1, 1), h_(2, 2));
  h_inverse_ = h_.inverse();
}

}  // namespace glassland::md
