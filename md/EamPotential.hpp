#pragma once
// An embedded-atom potential (eam/alloy or eam/fs) for a map atom type -> element:
//   E = sum_i F_a(i)(rho_i) + 1/2 sum_i sum_j!=i phi_a(i)a(j)(r_ij),
//   rho_i = sum_j!=i rho_a(j)->a(i)(r_ij)   (alloy: rho_a(j)(r), independent of a(i)).
// Interpolated exactly as LAMMPS' pair_style eam does (so results agree to round-off): every
// tabulated function f_1..f_n (1-based, on x_m = (m-1) delta) gets per-interval cubic
// coefficients from finite-difference slopes (one-sided at m = 1 and n, centred at 2 and n-1,
// fourth-order (f_{m-2} - f_{m+2} + 8 (f_{m+1} - f_{m-1}))/12 inside), the Hermite cubic on
// [x_m, x_m+1] with p = x/delta + 1 - m in [0, 1]; beyond the last grid point p is clamped
// to 1 (r) and the embedding energy is extended linearly with the slope at rho_max.
// The pair function is tabulated as z(r) = r phi(r): phi = z/r, phi' = z'/r - z/r^2.
#include <array>
#include <string>
#include <vector>

#include "md/EamSetfl.hpp"
#include "md/PairPotential.hpp"

namespace glassland::md {

/// Coefficients of one grid interval: value ((c3 p + c4) p + c5) p + c6, derivative
/// (c0 p + c1) p + c2 with respect to x (already divided by delta).
using SplineRow = std::array<double, 7>;

/// LAMMPS' spline of f[1..n] (f[0] unused) with spacing delta; rows 1..n (row 0 unused).
std::vector<SplineRow> eam_spline(const std::vector<double>& f_one_based, double delta);

class EamPotential {
public:
  /// `type_elements[t-1]` is the element of atom type t. Throws InputError(where, ...) if an
  /// element is not in the file (listing those that are).
  EamPotential(EamSetfl file, std::vector<std::string> type_elements, const std::string& where);

  PairStyle style() const { return file_.finnis_sinclair ? PairStyle::eam_fs : PairStyle::eam_alloy; }
  int ntypes() const { return static_cast<int>(type_elements_.size()); }
  double cutoff() const { return file_.cutoff; }
  const EamSetfl& file() const { return file_; }
  const std::vector<std::string>& type_elements() const { return type_elements_; }
  /// Mass of atom type t from the file (g/mol).
  double type_mass(int t) const { return file_.mass[static_cast<std::size_t>(element_[static_cast<std::size_t>(t)])]; }

  // Reference (scalar) evaluation with LAMMPS' formulas; the kernels use the tables below.
  /// Density created at an atom of type `at` by an atom of type `from` at distance r.
  double density(int from, int at, double r, double* derivative = nullptr) const;
  /// F_t(rho) including the linear extension beyond rho_max; dF/drho in `derivative`.
  double embedding(int t, double rho, double* derivative = nullptr) const;
  /// phi_ab(r) (zero at and beyond the cutoff); dphi/dr in `derivative`.
  double pair(int a, int b, double r, double* derivative = nullptr) const;

  // Kernel tables: every radial function (density per ordered element pair, r phi per
  // element pair) as knots (value f_m, slope s_m per grid step = LAMMPS' spline columns 6 and
  // 5), m = 0..nr (0 unused), 2 doubles per knot in one array. The four numbers of interval m
  // (f_m, s_m, f_m+1, s_m+1) are adjacent, and the cubic's coefficients follow from them with
  // LAMMPS' formulas (eam_knot_value/slope in EamKernel.hpp): a quarter of the memory of
  // 7-coefficient rows, so the tables of a binary alloy stay in a core's L2 cache.
  const double* knots() const { return knots_.data(); }
  /// Offset in knots() of rho_from->at (density at an atom of type `at` from one of type `from`).
  int density_knots(int from, int at) const { return density_knots_[pair_block(from, at)]; }
  /// Offset in knots() of z_ab = r phi_ab.
  int pair_knots(int a, int b) const { return pair_knots_[pair_block(a, b)]; }
  const SplineRow* embedding_rows(int t) const { return embed_[static_cast<std::size_t>(element_[static_cast<std::size_t>(t)])].data(); }

  int nr() const { return file_.nr; }
  int nrho() const { return file_.nrho; }
  double inverse_dr() const { return rdr_; }
  double inverse_drho() const { return rdrho_; }
  double rho_max() const { return rho_max_; }
  double cutoff_squared() const { return file_.cutoff * file_.cutoff; }

private:
  std::size_t pair_block(int a, int b) const {
    return static_cast<std::size_t>(a) * static_cast<std::size_t>(ntypes() + 1) + static_cast<std::size_t>(b);
  }
  const std::vector<SplineRow>& density_spline(int from, int at) const;
  const std::vector<SplineRow>& pair_spline(int a, int b) const;
  // Interval index m and fraction p of a distance, as LAMMPS: m <= nr - 1, p <= 1.
  void locate_r(double r, int& m, double& p) const;

  EamSetfl file_;
  std::vector<std::string> type_elements_;
  std::vector<int> element_;                      // type -> element index (index 0 unused)
  double rdr_ = 0, rdrho_ = 0, rho_max_ = 0;
  std::vector<std::vector<SplineRow>> embed_;     // per element
  std::vector<std::vector<SplineRow>> density_;   // per ordered element pair I * N + J
  std::vector<std::vector<SplineRow>> r_phi_;     // per ordered element pair
  std::vector<double> knots_;                     // kernel tables (see knots())
  std::vector<int> density_knots_, pair_knots_;   // per ordered type pair: offset in knots_
};

}  // namespace glassland::md
