#include "landscape/ConfigurationSpace.hpp"

namespace glassland::landscape {

ConfigurationSpace ConfigurationSpace::free(int block_size) {
  ConfigurationSpace space;
  space.block_size_ = block_size;
  return space;
}

ConfigurationSpace ConfigurationSpace::periodic(const md::Box& box) {
  ConfigurationSpace space;
  space.block_size_ = 3;
  space.box_ = box;
  return space;
}

Eigen::VectorXd ConfigurationSpace::difference(const Eigen::VectorXd& to,
                                               const Eigen::VectorXd& from) const {
  Eigen::VectorXd d = to - from;
  if (box_ && d.size() >= 3) {
    Eigen::Vector3d drift = Eigen::Vector3d::Zero();
    for (Eigen::Index i = 0; i + 2 < d.size(); i += 3) {
      d.segment<3>(i) = box_->minimum_image(d.segment<3>(i));
      drift += d.segment<3>(i);
    }
    drift /= static_cast<double>(d.size() / 3);
    for (Eigen::Index i = 0; i + 2 < d.size(); i += 3) d.segment<3>(i) -= drift;
  }
  return d;
}

Eigen::VectorXd ConfigurationSpace::atom_displacements(const Eigen::VectorXd& to,
                                                       const Eigen::VectorXd& from) const {
  const Eigen::VectorXd d = difference(to, from);
  Eigen::VectorXd magnitudes(atoms(d.size()));
  for (Eigen::Index a = 0; a < magnitudes.size(); ++a)
    magnitudes[a] = d.segment(a * block_size_, block_size_).norm();
  return magnitudes;
}

double ConfigurationSpace::max_displacement(const Eigen::VectorXd& a, const Eigen::VectorXd& b) const {
  const Eigen::VectorXd magnitudes = atom_displacements(a, b);
  return magnitudes.size() ? magnitudes.maxCoeff() : 0.0;
}

}  // namespace glassland::landscape
