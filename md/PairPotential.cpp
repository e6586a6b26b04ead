#include "md/PairPotential.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"

namespace glassland::md {

const char* pair_style_name(PairStyle style) { return style == PairStyle::lj_sf ? "lj/sf" : "lj"; }

PairStyle parse_pair_style(const std::string& text, const std::string& where) {
  if (text == "lj") return PairStyle::lj;
  if (text == "lj/sf") return PairStyle::lj_sf;
  throw InputError(where, "unknown pair style '" + text + "' (known: lj, lj/sf)");
}

PairPotential::PairPotential(PairStyle style, int ntypes, bool shift)
    : style_(style), shift_(shift), ntypes_(ntypes) {
  if (ntypes < 1) throw InputError("potential", "number of atom types must be >= 1");
  const auto n = static_cast<std::size_t>(ntypes + 1) * static_cast<std::size_t>(ntypes + 1);
  pairs_.assign(n, PairCoefficients{});
  set_.assign(n, 0);
}

void PairPotential::set_pair(int a, int b, const PairCoefficients& c, const std::string& where) {
  if (a < 1 || a > ntypes_ || b < 1 || b > ntypes_)
    throw InputError(where, "types must be between 1 and " + std::to_string(ntypes_));
  if (!std::isfinite(c.epsilon) || c.epsilon < 0.0) throw InputError(where, "epsilon must be finite and >= 0");
  if (!std::isfinite(c.sigma) || c.sigma <= 0.0) throw InputError(where, "sigma must be finite and > 0");
  if (!std::isfinite(c.cutoff) || c.cutoff <= 0.0) throw InputError(where, "cutoff must be finite and > 0");
  pairs_[index(a, b)] = pairs_[index(b, a)] = c;
  set_[index(a, b)] = set_[index(b, a)] = 1;
}

bool PairPotential::has_pair(int a, int b) const {
  return a >= 1 && a <= ntypes_ && b >= 1 && b <= ntypes_ && set_[index(a, b)] != 0;
}

void PairPotential::validate(const std::string& where) const {
  if (ntypes_ < 1) throw InputError(where, "potential has no atom types");
  for (int a = 1; a <= ntypes_; ++a)
    for (int b = a; b <= ntypes_; ++b)
      if (!has_pair(a, b))
        throw InputError(where, "missing pair " + std::to_string(a) + "-" + std::to_string(b));
}

double PairPotential::max_cutoff() const {
  double rc = 0.0;
  for (int a = 1; a <= ntypes_; ++a)
    for (int b = 1; b <= ntypes_; ++b)
      if (has_pair(a, b)) rc = std::max(rc, pair(a, b).cutoff);
  return rc;
}

namespace {
// Plain 12-6 LJ energy and -dE/dr at r.
void lj_plain(const PairCoefficients& c, double r, double& energy, double& force) {
  const double sr6 = std::pow(c.sigma / r, 6);
  energy = 4.0 * c.epsilon * (sr6 * sr6 - sr6);
  force = 24.0 * c.epsilon * (2.0 * sr6 * sr6 - sr6) / r;
}
}  // namespace

double PairPotential::evaluate(int a, int b, double r, double& force_over_r) const {
  const PairCoefficients& c = pair(a, b);
  force_over_r = 0.0;
  if (r >= c.cutoff) return 0.0;
  double e = 0.0, f = 0.0, ec = 0.0, fc = 0.0;
  lj_plain(c, r, e, f);
  lj_plain(c, c.cutoff, ec, fc);
  if (style_ == PairStyle::lj_sf) {
    force_over_r = (f - fc) / r;
    return e - ec + (r - c.cutoff) * fc;
  }
  force_over_r = f / r;
  return shift_ ? e - ec : e;
}

}  // namespace glassland::md
