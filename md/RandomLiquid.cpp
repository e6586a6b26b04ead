#include "md/RandomLiquid.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "md/Error.hpp"

namespace glassland::md {

namespace {

// Uniform in [0, 1) from 53 random bits: same numbers on every standard library.
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Cubic grid of buckets for the minimum-separation test during insertion.
class InsertionGrid {
public:
  InsertionGrid(double length, double min_separation)
      : length_(length), cells_(std::max(1, static_cast<int>(length / std::max(min_separation, 1e-300)))) {
    cells_ = std::min(cells_, 256);
    if (cells_ < 3) cells_ = 1;  // a +-1 stencil would visit the same bucket twice
    bucket_.resize(static_cast<std::size_t>(cells_) * cells_ * cells_);
  }
  bool fits(const std::vector<Vec3>& placed, const Vec3& r, double min_sq) const {
    const int c[3] = {cell(r.x()), cell(r.y()), cell(r.z())};
    const int reach = cells_ < 3 ? 0 : 1;
    for (int dz = -reach; dz <= reach; ++dz)
      for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx) {
          const int b = index(c[0] + dx, c[1] + dy, c[2] + dz);
          for (int j : bucket_[static_cast<std::size_t>(b)]) {
            Vec3 d = r - placed[static_cast<std::size_t>(j)];
            for (int k = 0; k < 3; ++k) d[k] -= length_ * std::round(d[k] / length_);
            if (d.squaredNorm() < min_sq) return false;
          }
          if (cells_ < 3) return true;  // one bucket holds everything
        }
    return true;
  }
  void add(const Vec3& r, int j) {
    bucket_[static_cast<std::size_t>(index(cell(r.x()), cell(r.y()), cell(r.z())))].push_back(j);
  }

private:
  int cell(double x) const { return std::min(cells_ - 1, static_cast<int>(x / length_ * cells_)); }
  int index(int x, int y, int z) const {
    const auto wrap = [this](int v) { return (v % cells_ + cells_) % cells_; };
    return (wrap(z) * cells_ + wrap(y)) * cells_ + wrap(x);
  }
  double length_;
  int cells_;
  std::vector<std::vector<int>> bucket_;
};

}  // namespace

std::vector<std::size_t> type_counts(const std::vector<double>& type_fractions, std::size_t n_atoms) {
  if (type_fractions.empty()) throw InputError("composition", "no atom types given");
  double total = 0.0;
  for (double f : type_fractions) {
    if (!std::isfinite(f) || f < 0.0) throw InputError("composition", "fractions must be finite and >= 0");
    total += f;
  }
  if (!(total > 0.0)) throw InputError("composition", "fractions sum to zero");
  std::vector<std::size_t> counts(type_fractions.size());
  std::vector<std::pair<double, std::size_t>> remainder;
  std::size_t assigned = 0;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    const double exact = type_fractions[t] / total * static_cast<double>(n_atoms);
    counts[t] = static_cast<std::size_t>(std::floor(exact));
    assigned += counts[t];
    remainder.push_back({-(exact - std::floor(exact)), t});  // largest remainder first, then type
  }
  std::sort(remainder.begin(), remainder.end());
  for (std::size_t k = 0; assigned < n_atoms; ++k, ++assigned) ++counts[remainder[k % remainder.size()].second];
  return counts;
}

System random_liquid(const std::vector<double>& type_fractions, std::size_t n_atoms, double number_density,
                     const std::vector<double>& type_mass, std::uint64_t seed, double min_separation,
                     UnitSystem units) {
  if (n_atoms < 1) throw InputError("natoms", "must be >= 1");
  if (!std::isfinite(number_density) || number_density <= 0.0) throw InputError("density", "must be finite and > 0");
  const std::vector<std::size_t> counts = type_counts(type_fractions, n_atoms);
  if (type_mass.size() < type_fractions.size() + 1)
    throw InputError("masses", fmt::format("need masses of {} types", type_fractions.size()));
  const double length = std::cbrt(static_cast<double>(n_atoms) / number_density);
  if (!(min_separation > 0.0)) min_separation = 0.8 / std::cbrt(number_density);

  std::mt19937_64 rng(seed);
  std::vector<int> types;
  for (std::size_t t = 0; t < counts.size(); ++t) types.insert(types.end(), counts[t], static_cast<int>(t + 1));
  for (std::size_t i = types.size(); i > 1; --i)  // Fisher-Yates with our own uniform numbers
    std::swap(types[i - 1], types[static_cast<std::size_t>(uniform(rng) * static_cast<double>(i))]);

  System s;
  s.units = units;
  s.box = Box(Vec3::Zero(), Vec3::Constant(length));
  s.type_mass.assign(type_mass.begin(), type_mass.begin() + static_cast<std::ptrdiff_t>(type_fractions.size() + 1));
  InsertionGrid grid(length, min_separation);
  const double min_sq = min_separation * min_separation;
  constexpr int kAttempts = 10000;
  for (std::size_t i = 0; i < n_atoms; ++i) {
    int attempt = 0;
    Vec3 r;
    do {
      if (++attempt > kAttempts)
        throw InputError("min_separation", fmt::format("cannot place atom {} of {} at density {} with minimum separation {}",
                                                       i + 1, n_atoms, number_density, min_separation));
      // Three statements, not Vec3(uniform(rng), uniform(rng), uniform(rng)): the evaluation
      // order of function arguments is unspecified (GCC draws z first, clang x), so the same
      // seed gave a different liquid per compiler. z, y, x keeps GCC's liquids.
      const double z = uniform(rng);
      const double y = uniform(rng);
      const double x = uniform(rng);
      r = Vec3(x, y, z) * length;
    } while (!grid.fits(s.position, r, min_sq));
    grid.add(r, static_cast<int>(i));
    s.add_atom(static_cast<int>(i + 1), types[i], r);
  }
  return s;
}

}  // namespace glassland::md
