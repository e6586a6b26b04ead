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

  const int n = ntypes();
  const auto rows = static_cast<std::size_t>(file_.nr) + 1;
  density_rows_.resize(static_cast<std::size_t>((n + 1) * (n + 1)));
  force_rows_.resize(density_rows_.size());
  for (int a = 1; a <= n; ++a)
    for (int b = 1; b <= n; ++b) {
      const auto& ab = density_spline(a, b);  // density at j (type b) from i (type a)
      const auto& ba = density_spline(b, a);
      const auto& z = pair_spline(a, b);
      auto& dens = density_rows_[pair_block(a, b)];
      auto& force = force_rows_[pair_block(a, b)];
      dens.assign(rows, DensityRow{});
      force.assign(rows, ForceRow{});
      for (std::size_t m = 1; m < rows; ++m) {
        for (int k = 0; k < 4; ++k) {
          dens[m].at_i[k] = ba[m][static_cast<std::size_t>(k + 3)];
          dens[m].at_j[k] = ab[m][static_cast<std::size_t>(k + 3)];
          force[m].z[k] = z[m][static_cast<std::size_t>(k + 3)];
        }
        for (int k = 0; k < 3; ++k) {
          force[m].d_at_j[k] = ab[m][static_cast<std::size_t>(k)];
          force[m].d_at_i[k] = ba[m][static_cast<std::size_t>(k)];
          force[m].dz[k] = z[m][static_cast<std::size_t>(k)];
        }
      }
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
