#include "md/PairPotential.hpp"

#include <algorithm>
#include <cmath>

#include "md/EamPotential.hpp"
#include "md/Error.hpp"
#include "md/PairStyleTable.hpp"

namespace glassland::md {

const char* pair_style_name(PairStyle style) { return style.name().data(); }

PairStyle parse_pair_style(const std::string& text, const std::string& where) {
  if (const PairStyleInfo* info = find_pair_style(text)) return PairStyle(info->name);
  if (text == PairStyle::eam_alloy.name()) return PairStyle::eam_alloy;
  if (text == PairStyle::eam_fs.name()) return PairStyle::eam_fs;
  std::string known;
  for (const auto& name : pair_style_names()) known += name + ", ";
  throw InputError(where, "unknown pair style '" + text + "' (known: " + known + "eam/alloy, eam/fs)");
}

namespace {
const PairStyleInfo& registered(PairStyle style) {
  const PairStyleInfo* info = find_pair_style(style.name());
  if (!info) throw InputError("potential", std::string("'") + pair_style_name(style) + "' is not a pair style");
  return *info;
}
}  // namespace

PairPotential::PairPotential(PairStyle style, int ntypes, bool shift)
    : style_(style), shift_(shift), ntypes_(ntypes) {
  if (ntypes < 1) throw InputError("potential", "number of atom types must be >= 1");
  registered(style);  // EAM potentials are made from their tables (the other constructor)
  const auto n = static_cast<std::size_t>(ntypes + 1) * static_cast<std::size_t>(ntypes + 1);
  pairs_.assign(n, PairCoefficients{});
  set_.assign(n, 0);
}

PairPotential::PairPotential(std::shared_ptr<const EamPotential> eam)
    : style_(eam->style()), ntypes_(eam->ntypes()), eam_(std::move(eam)) {
  const auto n = static_cast<std::size_t>(ntypes_ + 1) * static_cast<std::size_t>(ntypes_ + 1);
  PairCoefficients c;
  c.cutoff = eam_->cutoff();
  pairs_.assign(n, c);
  set_.assign(n, 1);
}

void PairPotential::set_pair(int a, int b, const PairCoefficients& c, const std::string& where) {
  if (eam_) throw InputError(where, "an EAM potential has no pair coefficients to set");
  if (a < 1 || a > ntypes_ || b < 1 || b > ntypes_)
    throw InputError(where, "types must be between 1 and " + std::to_string(ntypes_));
  registered(style_).validate(c, where);
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

double PairPotential::evaluate(int a, int b, double r, double& force_over_r) const {
  force_over_r = 0.0;
  if (eam_) {
    double derivative = 0.0;
    const double phi = eam_->pair(a, b, r, &derivative);
    force_over_r = -derivative / r;
    return phi;
  }
  const PairCoefficients& c = pair(a, b);
  if (r >= c.cutoff) return 0.0;
  const PairStyleInfo& info = registered(style_);
  const PairTerm t = info.term(c, shift_);
  double energy = 0.0;
  info.evaluate(t, r * r, force_over_r, energy);
  return energy;
}

}  // namespace glassland::md
