#include "md/MeanSquaredDisplacement.hpp"

#include <algorithm>

#include "md/Error.hpp"

namespace glassland::md {

std::vector<Vec3> unwrapped_positions(const System& system) {
  std::vector<Vec3> out(system.size());
  for (std::size_t i = 0; i < system.size(); ++i) out[i] = system.box.unwrap(system.position[i], system.image[i]);
  return out;
}

MeanSquaredDisplacement::MeanSquaredDisplacement(const System& reference)
    : reference_(unwrapped_positions(reference)), type_(reference.type) {}

void MeanSquaredDisplacement::check(const System& current) const {
  if (current.size() != reference_.size())
    throw InputError("system", "atom count changed since the reference configuration");
}

double MeanSquaredDisplacement::total(const System& current) const {
  check(current);
  if (reference_.empty()) return 0.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < reference_.size(); ++i)
    sum += (current.box.unwrap(current.position[i], current.image[i]) - reference_[i]).squaredNorm();
  return sum / static_cast<double>(reference_.size());
}

std::vector<double> MeanSquaredDisplacement::by_type(const System& current) const {
  check(current);
  const int ntypes = type_.empty() ? 0 : *std::max_element(type_.begin(), type_.end());
  std::vector<double> sum(static_cast<std::size_t>(ntypes + 1), 0.0), count(sum.size(), 0.0);
  for (std::size_t i = 0; i < reference_.size(); ++i) {
    const auto t = static_cast<std::size_t>(type_[i]);
    sum[t] += (current.box.unwrap(current.position[i], current.image[i]) - reference_[i]).squaredNorm();
    count[t] += 1.0;
  }
  for (std::size_t t = 0; t < sum.size(); ++t) sum[t] = count[t] > 0.0 ? sum[t] / count[t] : 0.0;
  return sum;
}

}  // namespace glassland::md
