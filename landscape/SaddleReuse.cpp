#include "landscape/SaddleReuse.hpp"

#include <cmath>
#include <limits>

#include <Eigen/SVD>

#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

Eigen::Vector3d separation(const ConfigurationSpace& space, const Eigen::VectorXd& x, int a, int b) {
  Eigen::Vector3d d = x.segment<3>(3 * Eigen::Index{a}) - x.segment<3>(3 * Eigen::Index{b});
  return space.box() ? space.box()->minimum_image(d) : d;
}

/// Positions of `atoms` relative to `centre` (minimum image), one per column.
Eigen::Matrix3Xd relative_positions(const ConfigurationSpace& space, const Eigen::VectorXd& x,
                                    const std::vector<int>& atoms, int centre) {
  Eigen::Matrix3Xd p(3, static_cast<Eigen::Index>(atoms.size()));
  for (std::size_t i = 0; i < atoms.size(); ++i) p.col(static_cast<Eigen::Index>(i)) = separation(space, x, atoms[i], centre);
  return p;
}

/// Orthogonal Q minimising |Q p - q| (both centred on their central atom), and the RMSD.
std::pair<Eigen::Matrix3d, double> best_orthogonal_map(const Eigen::Matrix3Xd& p, const Eigen::Matrix3Xd& q) {
  const Eigen::JacobiSVD<Eigen::Matrix3d> svd(q * p.transpose(), Eigen::ComputeFullU | Eigen::ComputeFullV);
  const Eigen::Matrix3d map = svd.matrixU() * svd.matrixV().transpose();
  const double rmsd = std::sqrt((map * p - q).squaredNorm() / double(std::max<Eigen::Index>(1, p.cols())));
  return {map, rmsd};
}

/// Improves a correspondence that is a graph automorphism but no isometry: after mapping by
/// `map`, each atom of `from` is paired with the nearest unpaired atom of the same type in `to`
/// (greedy), and the map is fitted again (a few rounds, iterative closest point).
std::vector<int> nearest_pairing(const Eigen::Matrix3Xd& mapped, const Eigen::Matrix3Xd& to,
                                 const std::vector<int>& from_types, const std::vector<int>& to_types) {
  const auto n = static_cast<std::size_t>(mapped.cols());
  std::vector<int> pairing(n, -1);
  std::vector<bool> used(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < n; ++j) {
      if (used[j] || from_types[i] != to_types[j]) continue;
      const double d = (mapped.col(Eigen::Index(i)) - to.col(Eigen::Index(j))).squaredNorm();
      if (d < best) {
        best = d;
        pairing[i] = static_cast<int>(j);
      }
    }
    if (pairing[i] < 0) return {};
    used[static_cast<std::size_t>(pairing[i])] = true;
  }
  return pairing;
}

}  // namespace

std::optional<Eigen::VectorXd> recycle_saddle_guess(const ConfigurationSpace& space,
                                                    const Eigen::VectorXd& previous_minimum,
                                                    const Eigen::VectorXd& previous_saddle,
                                                    const Eigen::VectorXd& new_minimum,
                                                    const std::vector<int>& moved_atoms, const RecycleOptions& o) {
  if (previous_minimum.size() != new_minimum.size() || previous_saddle.size() != new_minimum.size())
    throw InputError("recycling", "configurations of different dimensions");
  const Eigen::VectorXd displacement = space.difference(previous_saddle, previous_minimum);
  const int b = space.block_size();
  const Eigen::Index atoms = space.atoms(new_minimum.size());
  for (Eigen::Index a = 0; a < atoms; ++a) {
    if (displacement.segment(a * b, b).norm() <= o.event_threshold) continue;
    for (int m : moved_atoms) {
      Eigen::VectorXd d = new_minimum.segment(a * b, b) - new_minimum.segment(Eigen::Index{m} * b, b);
      if (space.box() && b == 3) d = space.box()->minimum_image(d);
      if (d.norm() <= o.radius) return std::nullopt;
    }
  }
  return Eigen::VectorXd(new_minimum + displacement);
}

std::vector<int> equivalent_atoms(const ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                                  const std::vector<int>& types, int atom, const EnvironmentKeyOptions& options) {
  const EnvironmentKey reference = environment_key(space, minimum, types, {atom}, options);
  std::vector<int> same;
  const int atoms = static_cast<int>(space.atoms(minimum.size()));
  for (int b = 0; b < atoms; ++b)
    if (b != atom && environment_key(space, minimum, types, {b}, options).canonical == reference.canonical)
      same.push_back(b);
  return same;
}

std::optional<TransplantGuess> transplant_saddle_guess(const ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                                                       const std::vector<int>& types, int from_atom,
                                                       const Eigen::VectorXd& saddle, const Eigen::VectorXd& mode,
                                                       int to_atom, const TransplantOptions& o) {
  if (space.block_size() != 3) throw InputError("transplant", "needs atoms (3 coordinates per block)");
  const EnvironmentKey from = environment_key(space, minimum, types, {from_atom}, o.environment);
  const EnvironmentKey to = environment_key(space, minimum, types, {to_atom}, o.environment);
  if (from.canonical != to.canonical) return std::nullopt;
  const Eigen::Matrix3Xd p = relative_positions(space, minimum, from.canonical_atoms, from_atom);
  const Eigen::Matrix3Xd q = relative_positions(space, minimum, to.canonical_atoms, to_atom);
  auto [map, rmsd] = best_orthogonal_map(p, q);
  std::vector<int> partner(from.canonical_atoms.size());
  for (std::size_t i = 0; i < partner.size(); ++i) partner[i] = to.canonical_atoms[i];
  std::vector<int> from_types, to_types;
  for (int a : from.canonical_atoms) from_types.push_back(types[static_cast<std::size_t>(a)]);
  for (int a : to.canonical_atoms) to_types.push_back(types[static_cast<std::size_t>(a)]);
  for (int round = 0; round < 4 && rmsd > o.max_rmsd; ++round) {
    const std::vector<int> pairing = nearest_pairing(map * p, q, from_types, to_types);
    if (pairing.empty()) break;
    Eigen::Matrix3Xd paired(3, q.cols());
    for (std::size_t i = 0; i < pairing.size(); ++i) {
      paired.col(Eigen::Index(i)) = q.col(pairing[i]);
      partner[i] = to.canonical_atoms[static_cast<std::size_t>(pairing[i])];
    }
    std::tie(map, rmsd) = best_orthogonal_map(p, paired);
  }
  if (rmsd > o.max_rmsd) return std::nullopt;
  const Eigen::VectorXd displacement = space.difference(saddle, minimum);
  TransplantGuess t;
  t.rmsd = rmsd;
  t.guess = minimum;
  if (mode.size() == minimum.size()) t.mode = Eigen::VectorXd::Zero(minimum.size());
  for (std::size_t i = 0; i < partner.size(); ++i) {
    const Eigen::Index a = 3 * Eigen::Index{from.canonical_atoms[i]}, b = 3 * Eigen::Index{partner[i]};
    t.guess.segment<3>(b) += map * displacement.segment<3>(a);
    if (t.mode.size()) t.mode.segment<3>(b) = map * mode.segment<3>(a);
  }
  return t;
}

}  // namespace glassland::landscape
