#include "landscape/ObjectivePool.hpp"

#include <cmath>
#include <unordered_map>

#include "md/Error.hpp"

namespace glassland::landscape {

ObjectivePool::ObjectivePool(const md::System& prototype, const md::PairPotential& pair, double skin, int count) {
  for (int k = 0; k < count; ++k) members_.push_back(std::make_unique<Member>(prototype, pair, skin));
}

std::vector<md::Objective*> ObjectivePool::pointers() {
  std::vector<md::Objective*> p;
  for (auto& m : members_) p.push_back(&m->objective);
  return p;
}

long ObjectivePool::evaluations() const {
  long calls = 0;
  for (const auto& m : members_) calls += m->objective.evaluations();
  return calls;
}

Eigen::VectorXd flat_positions(const md::System& system) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(3 * system.size()));
  for (std::size_t i = 0; i < system.size(); ++i) x.segment<3>(static_cast<Eigen::Index>(3 * i)) = system.position[i];
  return x;
}

void set_flat_positions(md::System& system, const Eigen::VectorXd& x) {
  for (std::size_t i = 0; i < system.size(); ++i) system.position[i] = x.segment<3>(static_cast<Eigen::Index>(3 * i));
}

namespace {

bool same_box(const md::Box& a, const md::Box& b) {
  const double scale = a.matrix().cwiseAbs().maxCoeff();
  return (a.matrix() - b.matrix()).cwiseAbs().maxCoeff() <= 1e-9 * scale &&
         (a.lo() - b.lo()).cwiseAbs().maxCoeff() <= 1e-9 * scale;
}

}  // namespace

md::System align_ends(const md::System& a, const md::System& b, const std::string& where_b) {
  if (a.size() != b.size())
    throw InputError(where_b, "has " + std::to_string(b.size()) + " atoms, the initial configuration " +
                                  std::to_string(a.size()));
  if (!same_box(a.box, b.box)) throw InputError(where_b, "box differs from the initial configuration's");
  std::unordered_map<int, std::size_t> index_of;
  for (std::size_t i = 0; i < b.size(); ++i) index_of[b.id[i]] = i;
  md::System aligned = a;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto found = index_of.find(a.id[i]);
    if (found == index_of.end())
      throw InputError(where_b, "atom id " + std::to_string(a.id[i]) + " of the initial configuration is missing");
    const std::size_t j = found->second;
    if (b.type[j] != a.type[i])
      throw InputError(where_b, "atom id " + std::to_string(a.id[i]) + " has type " + std::to_string(b.type[j]) +
                                    ", initial configuration " + std::to_string(a.type[i]));
    aligned.position[i] = b.position[j];
    aligned.velocity[i] = b.velocity[j];
    aligned.image[i] = b.image[j];
  }
  return aligned;
}

}  // namespace glassland::landscape
