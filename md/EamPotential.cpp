#include "md/EamPotential.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "md/Error.hpp"

namespace glassland::md {

std::vector<SplineRow> eam_spline(const std::vector<double>& f, double delta) {
  // LAMMPS PairEAM::interpolate(): 1-based rows, column 6 = value, 5 = slope per grid step,
  // 3-4 = cubic coefficients, 0-2 = derivative coefficients divided by delta.
  const int n = static_cast<int>(f.size()) - 1;
  std::vector<SplineRow> s(static_cast<std::size_t>(n) + 1, SplineRow{});
  auto at = [&](int m) -> SplineRow& { return s[static_cast<std::size_t>(m)]; };
  for (int m = 1; m <= n; ++m) at(m)[6] = f[static_cast<std::size_t>(m)];
  at(1)[5] = at(2)[6] - at(1)[6];
  at(2)[5] = 0.5 * (at(3)[6] - at(1)[6]);
  at(n - 1)[5] = 0.5 * (at(n)[6] - at(n - 2)[6]);
  at(n)[5] = at(n)[6] - at(n - 1)[6];
  for (int m = 3; m <= n - 2; ++m)
    at(m)[5] = ((at(m - 2)[6] - at(m + 2)[6]) + 8.0 * (at(m + 1)[6] - at(m - 1)[6])) / 12.0;
  for (int m = 1; m <= n - 1; ++m) {
    at(m)[4] = 3.0 * (at(m + 1)[6] - at(m)[6]) - 2.0 * at(m)[5] - at(m + 1)[5];
    at(m)[3] = at(m)[5] + at(m + 1)[5] - 2.0 * (at(m + 1)[6] - at(m)[6]);
  }
  at(n)[4] = 0.0;
  at(n)[3] = 0.0;
  for (int m = 1; m <= n; ++m) {
    at(m)[2] = at(m)[5] / delta;
    at(m)[1] = 2.0 * at(m)[4] / delta;
    at(m)[0] = 3.0 * at(m)[3] / delta;
  }
  return s;
}

namespace {

std::vector<SplineRow> spline_of(const std::vector<double>& zero_based, double delta) {
  std::vector<double> f(zero_based.size() + 1, 0.0);
  std::copy(zero_based.begin(), zero_based.end(), f.begin() + 1);
  return eam_spline(f, delta);
}

double value(const SplineRow& c, double p) { return ((c[3] * p + c[4]) * p + c[5]) * p + c[6]; }
double slope(const SplineRow& c, double p) { return (c[0] * p + c[1]) * p + c[2]; }

}  // namespace

EamPotential::EamPotential(EamSetfl file, std::vector<std::string> type_elements, const std::string& where)
    : file_(std::move(file)), type_elements_(std::move(type_elements)) {
  if (type_elements_.empty()) throw InputError(where, "needs at least one element (element of atom type 1, 2, ...)");
  if (type_elements_.size() > 16) throw InputError(where, "at most 16 atom types (elements) are supported");
  element_.assign(1, -1);
  for (std::size_t t = 0; t < type_elements_.size(); ++t) {
    const int e = file_.element_index(type_elements_[t]);
    if (e < 0) {
      std::string known;
      for (const auto& name : file_.elements) known += (known.empty() ? "" : ", ") + name;
      throw InputError(where + "[" + std::to_string(t + 1) + "]",
                       "element '" + type_elements_[t] + "' is not in " + file_.path + " (it has " + known + ")");
    }
    element_.push_back(e);
  }
  rdr_ = 1.0 / file_.dr;
  rdrho_ = 1.0 / file_.drho;
  rho_max_ = (file_.nrho - 1) * file_.drho;
  for (const auto& f : file_.embedding) embed_.push_back(spline_of(f, file_.drho));
  for (const auto& f : file_.density) density_.push_back(spline_of(f, file_.dr));
  for (const auto& f : file_.r_phi) r_phi_.push_back(spline_of(f, file_.dr));

  // Knot tables of the kernels: one block of 2 (nr + 1) doubles per distinct function (r phi
  // is symmetric, and eam/alloy repeats rho_I for every J: shared blocks keep the cache small).
  const auto block = static_cast<std::size_t>(2 * (file_.nr + 1));
  std::vector<std::pair<const std::vector<SplineRow>*, int>> stored;
  const auto append = [&](const std::vector<SplineRow>& spline) {
    for (const auto& [other, offset] : stored)
      if (*other == spline) return offset;
    const auto offset = knots_.size();
    stored.emplace_back(&spline, static_cast<int>(offset));
    knots_.resize(offset + block, 0.0);
    for (std::size_t m = 1; m < spline.size(); ++m) {
      knots_[offset + 2 * m] = spline[m][6];
      knots_[offset + 2 * m + 1] = spline[m][5];
    }
    return static_cast<int>(offset);
  };
  std::vector<int> density_offset, pair_offset;
  for (const auto& s : density_) density_offset.push_back(append(s));
  for (const auto& s : r_phi_) pair_offset.push_back(append(s));
  const int n = ntypes();
  const auto nel = file_.elements.size();
  density_knots_.assign(static_cast<std::size_t>((n + 1) * (n + 1)), 0);
  pair_knots_.assign(density_knots_.size(), 0);
  for (int a = 1; a <= n; ++a)
    for (int b = 1; b <= n; ++b) {
      const auto ea = static_cast<std::size_t>(element_[static_cast<std::size_t>(a)]);
      const auto eb = static_cast<std::size_t>(element_[static_cast<std::size_t>(b)]);
      density_knots_[pair_block(a, b)] = density_offset[ea * nel + eb];
      pair_knots_[pair_block(a, b)] = pair_offset[ea * nel + eb];
    }
}

const std::vector<SplineRow>& EamPotential::density_spline(int from, int at) const {
  const auto n = file_.elements.size();
  return density_[static_cast<std::size_t>(element_[static_cast<std::size_t>(from)]) * n +
                  static_cast<std::size_t>(element_[static_cast<std::size_t>(at)])];
}

const std::vector<SplineRow>& EamPotential::pair_spline(int a, int b) const {
  const auto n = file_.elements.size();
  return r_phi_[static_cast<std::size_t>(element_[static_cast<std::size_t>(a)]) * n +
                static_cast<std::size_t>(element_[static_cast<std::size_t>(b)])];
}

void EamPotential::locate_r(double r, int& m, double& p) const {
  p = r * rdr_ + 1.0;
  m = std::min(static_cast<int>(p), file_.nr - 1);
  p = std::min(p - m, 1.0);
}

double EamPotential::density(int from, int at, double r, double* derivative) const {
  if (derivative) *derivative = 0.0;
  if (r * r >= cutoff_squared()) return 0.0;
  int m;
  double p;
  locate_r(r, m, p);
  const SplineRow& c = density_spline(from, at)[static_cast<std::size_t>(m)];
  if (derivative) *derivative = slope(c, p);
  return value(c, p);
}

double EamPotential::embedding(int t, double rho, double* derivative) const {
  double p = rho * rdrho_ + 1.0;
  const int m = std::max(1, std::min(static_cast<int>(p), file_.nrho - 1));
  p = std::min(p - m, 1.0);
  const SplineRow& c = embedding_rows(t)[m];
  const double fp = slope(c, p);
  if (derivative) *derivative = fp;
  double f = value(c, p);
  if (rho > rho_max_) f += fp * (rho - rho_max_);
  return f;
}

double EamPotential::pair(int a, int b, double r, double* derivative) const {
  if (derivative) *derivative = 0.0;
  if (r * r >= cutoff_squared()) return 0.0;
  int m;
  double p;
  locate_r(r, m, p);
  const SplineRow& c = pair_spline(a, b)[static_cast<std::size_t>(m)];
  const double z = value(c, p), zp = slope(c, p);
  const double phi = z / r;
  if (derivative) *derivative = zp / r - phi / r;
  return phi;
}

}  // namespace glassland::md
