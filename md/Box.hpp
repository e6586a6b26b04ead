#pragma once
// Periodic simulation cell in the LAMMPS convention: origin `lo`, edge vectors
//   a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz)   (upper-triangular cell matrix H = [a b c]).
// Orthorhombic boxes have xy = xz = yz = 0. Lengths are in the system's length unit.
#include <array>

#include <Eigen/Core>

namespace glassland::md {

using Vec3 = Eigen::Vector3d;
using Mat3 = Eigen::Matrix3d;
using Image = std::array<int, 3>;

class Box {
public:
  Box() = default;
  /// Throws InputError if any length is not finite and positive.
  Box(const Vec3& lo, const Vec3& hi, double xy = 0.0, double xz = 0.0, double yz = 0.0);

  const Vec3& lo() const { return lo_; }
  /// Upper bounds as given (kept exactly so that data files round-trip bit for bit).
  const Vec3& hi() const { return hi_; }
  double xy() const { return h_(0, 1); }
  double xz() const { return h_(0, 2); }
  double yz() const { return h_(1, 2); }
  /// Cell matrix with the edge vectors as columns.
  const Mat3& matrix() const { return h_; }
  bool is_triclinic() const { return xy() != 0.0 || xz() != 0.0 || yz() != 0.0; }
  double volume() const { return h_(0, 0) * h_(1, 1) * h_(2, 2); }
  /// Distances between opposite faces (what limits the cutoff under minimum image).
  Vec3 perpendicular_widths() const;

  Vec3 to_fractional(const Vec3& r) const;    ///< r -> s with r = lo + H s
  Vec3 from_fractional(const Vec3& s) const;  ///< s -> r
  /// Shortest periodic image of a separation vector (exact for any vector when the box
  /// is orthorhombic; for triclinic boxes exact for |d| below half the smallest width).
  Vec3 minimum_image(const Vec3& d) const;
  /// Maps r into the primary cell, updating the image flags like LAMMPS' remap().
  Vec3 wrap(const Vec3& r, Image& image) const;
  /// Position of r displaced by the given image flags.
  Vec3 unwrap(const Vec3& r, const Image& image) const;

  /// Affine deformation H -> F H (F must keep H upper-triangular, e.g. a simple shear
  /// xy or a diagonal scaling); positions are mapped by the caller with deform_point().
  void deform(const Mat3& F);
  Vec3 deform_point(const Vec3& r, const Mat3& F) const { return lo_ + F * (r - lo_); }

private:
  Vec3 lo_ = Vec3::Zero();
  Vec3 hi_ = Vec3::Ones();
  Mat3 h_ = Mat3::Identity();
  Mat3 h_inverse_ = Mat3::Identity();
};

}  // namespace glassland::md
