#pragma once
// The potential of a simulation: a value type that every consumer (ForceCompute, minimizers,
// NEB, harvest, kMC) takes, whatever the style. Pair styles keep per-type-pair coefficients;
// embedded-atom styles hold the tabulated functions of a setfl file (EamPotential). Validated
// once (validate()) and read by ForceCompute to build its kernel tables.
//
// Styles (units: those of the potential's UnitSystem, energy and length):
//   lj        plain truncated 12-6 LJ,  E(r) = 4 eps [(sigma/r)^12 - (sigma/r)^6]  for r < rc.
//             With shift = true the energy is shifted by -E(rc) so it is continuous at rc
//             (LAMMPS `pair_style lj/cut` + `pair_modify shift yes`); the force jumps at rc.
//   lj/sf     force-shifted ("smooth") LJ: E_sf(r) = E(r) - E(rc) - (r - rc) E'(rc), so energy
//             AND force go to zero at rc (LAMMPS `pair_style lj/smooth/linear`). Saddle searches
//             and minimizers need it: the energy is C1 everywhere. `shift` is ignored.
//   lj84      Kobayashi–Maeda–Takeuchi form C2/r^8 - C1/r^4 + C3 r + C4 for r < rc.
//   eam/alloy, eam/fs   embedded-atom method from a LAMMPS setfl file (EamPotential.hpp).
// The pair styles are registered in register_pair_styles() (PotentialRegistry.cpp); their
// formulas live in PairEvaluators.hpp.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace glassland::md {

class EamPotential;

/// A style name. The named constants cover the built-in styles; other registered pair styles
/// are reached through parse_pair_style(). Compares by name.
class PairStyle {
public:
  constexpr PairStyle() = default;
  constexpr explicit PairStyle(std::string_view name) : name_(name) {}
  constexpr std::string_view name() const { return name_; }
  constexpr bool operator==(const PairStyle& other) const { return name_ == other.name_; }
  /// eam/alloy or eam/fs (many-body: not a sum of pair terms).
  constexpr bool is_eam() const { return name_.starts_with("eam/"); }

  static const PairStyle lj, lj_sf, lj84, eam_alloy, eam_fs;

private:
  std::string_view name_ = "lj";
};
inline constexpr PairStyle PairStyle::lj{"lj"};
inline constexpr PairStyle PairStyle::lj_sf{"lj/sf"};
inline constexpr PairStyle PairStyle::lj84{"lj84"};
inline constexpr PairStyle PairStyle::eam_alloy{"eam/alloy"};
inline constexpr PairStyle PairStyle::eam_fs{"eam/fs"};

/// "lj", "lj/sf", ... (null-terminated: the names are string literals).
const char* pair_style_name(PairStyle style);
/// A registered pair style or an EAM style by name; throws InputError(where, ...) listing the
/// known names otherwise.
PairStyle parse_pair_style(const std::string& text, const std::string& where);

/// Coefficients of one type pair. Which fields a style uses is declared by its evaluator
/// (lj, lj/sf: epsilon, sigma, cutoff; lj84: c1..c4, cutoff).
struct PairCoefficients {
  double epsilon = 0.0;  ///< well depth (energy)
  double sigma = 0.0;    ///< length where E = 0 (length)
  double cutoff = 0.0;   ///< absolute cutoff distance (length), not a multiple of sigma
  double c1 = 0.0;       ///< lj84: attraction C1 (energy length^4)
  double c2 = 0.0;       ///< lj84: repulsion C2 (energy length^8)
  double c3 = 0.0;       ///< lj84: linear term C3 (energy/length)
  double c4 = 0.0;       ///< lj84: constant C4 (energy)
};

class PairPotential {
public:
  PairPotential() = default;
  /// A pair style with `ntypes` atom types numbered 1..ntypes (LAMMPS convention).
  PairPotential(PairStyle style, int ntypes, bool shift);
  /// An embedded-atom potential; its atom types are those of `eam` (one element each).
  explicit PairPotential(std::shared_ptr<const EamPotential> eam);

  PairStyle style() const { return style_; }
  bool shift() const { return shift_; }
  int ntypes() const { return ntypes_; }
  /// The EAM tables, or null for a pair style.
  const EamPotential* eam() const { return eam_.get(); }

  /// Sets the coefficients of the (a, b) and (b, a) pair. Throws InputError(where, ...) if a
  /// type is out of range or a value is invalid for the style (e.g. lj: epsilon < 0).
  void set_pair(int a, int b, const PairCoefficients& c, const std::string& where = "pair");
  bool has_pair(int a, int b) const;
  /// For EAM: cutoff = the file's cutoff, other fields 0.
  const PairCoefficients& pair(int a, int b) const { return pairs_[index(a, b)]; }
  /// Throws InputError(where, "missing pair a-b") unless every pair is set.
  void validate(const std::string& where) const;
  /// Largest pair cutoff (length).
  double max_cutoff() const;

  /// Reference (slow-path) evaluation for the pair (a, b) at distance r (length): returns the
  /// pair energy (energy) and sets `force_over_r` = -E'(r)/r (energy/length^2); zero beyond rc.
  /// For EAM this is the pair term phi_ab(r) only (the embedding energy is not pairwise).
  double evaluate(int a, int b, double r, double& force_over_r) const;

private:
  std::size_t index(int a, int b) const {
    return static_cast<std::size_t>(a) * static_cast<std::size_t>(ntypes_ + 1) + static_cast<std::size_t>(b);
  }
  PairStyle style_ = PairStyle::lj;
  bool shift_ = false;
  int ntypes_ = 0;
  std::vector<PairCoefficients> pairs_;  // (ntypes+1)^2, row/column 0 unused
  std::vector<char> set_;
  std::shared_ptr<const EamPotential> eam_;
};

}  // namespace glassland::md
