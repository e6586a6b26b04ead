#pragma once
// Parameters of a 12-6 Lennard-Jones pair potential with per-type-pair coefficients: a value
// type, validated once (validate()), and read by ForceCompute to build its flat tables.
//
// Styles (units: those of the potential's UnitSystem, energy and length):
//   lj      plain truncated 12-6 LJ,  E(r) = 4 eps [(sigma/r)^12 - (sigma/r)^6]  for r < rc.
//           With shift = true the energy is shifted by -E(rc) so it is continuous at rc
//           (LAMMPS `pair_style lj/cut` + `pair_modify shift yes`); the force jumps at rc.
//   lj/sf   force-shifted ("smooth") LJ: E_sf(r) = E(r) - E(rc) - (r - rc) E'(rc), so energy
//           AND force go to zero at rc (LAMMPS `pair_style lj/smooth/linear`). Saddle searches
//           and minimizers need it: the energy is C1 everywhere. `shift` is ignored.
#include <string>
#include <vector>

namespace glassland::md {

enum class PairStyle { lj, lj_sf };

/// "lj" / "lj/sf".
const char* pair_style_name(PairStyle style);
/// Parses "lj" or "lj/sf"; throws InputError(where, ...) otherwise.
PairStyle parse_pair_style(const std::string& text, const std::string& where);

struct PairCoefficients {
  double epsilon = 0.0;  ///< well depth (energy)
  double sigma = 0.0;    ///< length where E = 0 (length)
  double cutoff = 0.0;   ///< absolute cutoff distance (length), not a multiple of sigma
};

class PairPotential {
public:
  PairPotential() = default;
  /// `ntypes` atom types numbered 1..ntypes (LAMMPS convention).
  PairPotential(PairStyle style, int ntypes, bool shift);

  PairStyle style() const { return style_; }
  bool shift() const { return shift_; }
  int ntypes() const { return ntypes_; }

  /// Sets the coefficients of the (a, b) and (b, a) pair. Throws InputError(where, ...) if a
  /// type is out of range or a value is not finite and positive (epsilon may be 0).
  void set_pair(int a, int b, const PairCoefficients& c, const std::string& where = "pair");
  bool has_pair(int a, int b) const;
  const PairCoefficients& pair(int a, int b) const { return pairs_[index(a, b)]; }
  /// Throws InputError(where, "missing pair a-b") unless every pair is set.
  void validate(const std::string& where) const;
  /// Largest pair cutoff (length).
  double max_cutoff() const;

  /// Reference (slow-path) evaluation for the pair (a, b) at distance r (length): returns the
  /// pair energy (energy) and sets `force_over_r` = -E'(r)/r (energy/length^2); zero beyond rc.
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
};

}  // namespace glassland::md
